import "server-only";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { secondFactorPolicy } from "./roles";
import { recordSecurityEvent } from "./security-audit";

/** The name authenticator apps show beside the account. */
export const TOTP_ISSUER = "EISO";
/** Codes of the previous and the next 30-second step are accepted too (clock drift), never one already used. */
const EPOCH_TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_ATTEMPTS = 5;
export const TRUSTED_DEVICE_DAYS = 30;

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const token = () => randomBytes(32).toString("base64url");

/** Whether a user has an enabled second factor. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const factor = await prisma.secondFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(factor?.enabledAt);
}

export interface PendingEnrolment {
  secret: string;
  uri: string;
}

/** The secret waiting for its first code (made once, kept until confirmed); null when a factor is enabled. */
export async function pendingEnrolment(userId: string, login: string): Promise<PendingEnrolment | null> {
  const existing = await prisma.secondFactor.findUnique({ where: { userId } });
  if (existing?.enabledAt) return null;
  const secret =
    existing?.secret ??
    (
      await prisma.secondFactor.upsert({
        where: { userId },
        create: { userId, secret: generateSecret() },
        update: {},
      })
    ).secret;
  return { secret, uri: generateURI({ issuer: TOTP_ISSUER, label: login, secret }) };
}

/**
 * Verifies a TOTP code and records its step, so the same code (or an older one) is refused afterwards: the
 * step is written by one conditional UPDATE, which two concurrent uses of one code cannot both pass.
 */
async function acceptTotp(userId: string, secret: string, lastStep: number | null, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  // the TOTP result carries the step the code matched (the HOTP one of the union does not)
  if (!result.valid || !("timeStep" in result)) return false;
  const step = result.timeStep;
  const updated = await prisma.$executeRaw`
    UPDATE "SecondFactor" SET "lastStep" = ${step}
    WHERE "userId" = ${userId} AND ("lastStep" IS NULL OR "lastStep" < ${step})`;
  return updated === 1;
}

/** Normalises a recovery code as typed: case, spaces and dashes do not matter. */
const normaliseRecovery = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

/** Ten new recovery codes (old ones dropped); returned once, stored only as hashes. */
async function newRecoveryCodes(userId: string): Promise<string[]> {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: sha256(normaliseRecovery(c)) })) }),
  ]);
  return codes;
}

/** Confirms enrolment with the first code from the app: the factor is enabled and recovery codes are made. */
export async function confirmEnrolment(userId: string, code: string): Promise<string[]> {
  const factor = await prisma.secondFactor.findUnique({ where: { userId } });
  if (!factor || factor.enabledAt) throw new AppError("stale");
  if (!(await acceptTotp(userId, factor.secret, factor.lastStep, code.trim()))) {
    await recordSecurityEvent({ userId, action: "refuse", entity: "SecondFactor", detail: "enrolment code" });
    throw new AppError("validation", { code: "secondFactor.wrongCode" });
  }
  await prisma.secondFactor.update({ where: { userId }, data: { enabledAt: new Date() } });
  await recordSecurityEvent({ userId, action: "create", entity: "SecondFactor", detail: "enabled" });
  return newRecoveryCodes(userId);
}

/**
 * Ten new recovery codes in place of the old ones (used up, lost or seen by someone else), after a current code
 * from the app — not a recovery code, so a stolen recovery code cannot renew itself. Returned once.
 */
export async function renewRecoveryCodes(userId: string, code: string): Promise<string[]> {
  const factor = await prisma.secondFactor.findUnique({ where: { userId } });
  if (!factor?.enabledAt) throw new AppError("stale");
  const digits = code.trim().replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits) || !(await acceptTotp(userId, factor.secret, factor.lastStep, digits))) {
    await recordSecurityEvent({
      userId,
      action: "refuse",
      entity: "SecondFactor",
      detail: "recovery codes: wrong code",
    });
    throw new AppError("validation", { code: "secondFactor.wrongCode" });
  }
  const codes = await newRecoveryCodes(userId);
  await recordSecurityEvent({ userId, action: "update", entity: "SecondFactor", detail: "recovery codes renewed" });
  return codes;
}

/** Turns the factor off (only where the roles do not require it), after a valid code. */
export async function disableSecondFactor(userId: string, roles: readonly Role[], code: string): Promise<void> {
  if (secondFactorPolicy(roles) === "required") throw new AppError("forbidden", { _form: "secondFactor.required" });
  if (!(await checkSecondFactorCode(userId, code)))
    throw new AppError("validation", { code: "secondFactor.wrongCode" });
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.secondFactor.deleteMany({ where: { userId } }),
    prisma.trustedDevice.deleteMany({ where: { userId } }),
  ]);
  await recordSecurityEvent({ userId, action: "delete", entity: "SecondFactor", detail: "disabled" });
}

/**
 * Checks a code at sign-in: a TOTP code (six digits, not reused) or an unused recovery code, which is used up
 * by one conditional UPDATE. Refusals are recorded in the audit log.
 */
export async function checkSecondFactorCode(userId: string, input: string): Promise<boolean> {
  const factor = await prisma.secondFactor.findUnique({ where: { userId } });
  if (!factor?.enabledAt) return false;
  const code = input.trim().replace(/\s/g, "");
  if (/^\d{6}$/.test(code)) {
    if (await acceptTotp(userId, factor.secret, factor.lastStep, code)) return true;
    await recordSecurityEvent({ userId, action: "refuse", entity: "SecondFactor", detail: "wrong or reused code" });
    return false;
  }
  const normalised = normaliseRecovery(code);
  if (normalised.length === 10) {
    const used = await prisma.recoveryCode.updateMany({
      where: { userId, codeHash: sha256(normalised), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count === 1) {
      await recordSecurityEvent({ userId, action: "update", entity: "SecondFactor", detail: "recovery code used" });
      return true;
    }
  }
  await recordSecurityEvent({
    userId,
    action: "refuse",
    entity: "SecondFactor",
    detail: "wrong or used recovery code",
  });
  return false;
}

/** How many unused recovery codes a user has left. */
export const recoveryCodesLeft = (userId: string) => prisma.recoveryCode.count({ where: { userId, usedAt: null } });

/** A sign-in whose password was right, waiting for the second factor: returns the token for the cookie. */
export async function startChallenge(userId: string, now = new Date()): Promise<string> {
  const value = token();
  await prisma.signInChallenge.deleteMany({ where: { userId, expiresAt: { lt: now } } });
  await prisma.signInChallenge.create({
    data: { id: sha256(value), userId, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000) },
  });
  return value;
}

/**
 * Claims one attempt at a challenge (atomic: at most CHALLENGE_ATTEMPTS codes per password) and returns its
 * user, or null when the challenge is unknown, expired or used up.
 */
export async function claimChallenge(value: string, now = new Date()): Promise<string | null> {
  if (!value || value.length > 64) return null;
  const rows = await prisma.$queryRaw<{ userId: string }[]>`
    UPDATE "SignInChallenge" SET "attempts" = "attempts" + 1
    WHERE "id" = ${sha256(value)} AND "expiresAt" > ${now} AND "attempts" < ${CHALLENGE_ATTEMPTS}
    RETURNING "userId"`;
  return rows[0]?.userId ?? null;
}

/** Ends a challenge once it has been answered: the same cookie cannot be replayed. */
export async function endChallenge(value: string): Promise<boolean> {
  const { count } = await prisma.signInChallenge.deleteMany({ where: { id: sha256(value) } });
  return count === 1;
}

/** Remembers a browser after a second-factor sign-in: returns the token for its cookie. */
export async function trustDevice(userId: string, now = new Date()): Promise<string> {
  const value = token();
  await prisma.trustedDevice.create({
    data: { id: sha256(value), userId, expiresAt: new Date(now.getTime() + TRUSTED_DEVICE_DAYS * 86_400_000) },
  });
  return value;
}

/** Whether a remembered-device token is valid for this user. */
export async function isTrustedDevice(userId: string, value: string | undefined, now = new Date()): Promise<boolean> {
  if (!value || value.length > 64) return false;
  const device = await prisma.trustedDevice.findUnique({ where: { id: sha256(value) } });
  return Boolean(device && device.userId === userId && device.expiresAt > now);
}

/** Enrols users with a known secret (the demo administrators on the embedded database; see the seed). */
export async function enrolWithSecret(userIds: readonly string[], secret: string): Promise<number> {
  const { count } = await prisma.secondFactor.createMany({
    data: userIds.map((userId) => ({ userId, secret, enabledAt: new Date() })),
    skipDuplicates: true,
  });
  return count;
}
