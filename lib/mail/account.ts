/**
 * A person's e-mail address and password recovery by mail:
 * - an address is added as pending and counts only once the single-use link sent to it is followed (24 h);
 * - "Forgot password?" takes a login or a verified address and always answers the same way; a verified
 *   address receives a single-use link valid for 30 minutes; requests are limited per account and per client
 *   address;
 * - a school administrator can hand a pupil or parent without e-mail a one-time reset code (24 h);
 * - a new password passes the password policy, ends every session of the account and is audited.
 * Only the SHA-256 of a token is stored; a token is looked up by its hash, so a forged one finds nothing.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { MailTokenPurpose } from "../generated/prisma/enums";
import { recordAudit } from "../audit";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { revokeUserSessions } from "../auth/sessions";
import type { Scope, Viewer } from "../auth/scope";
import { getUser } from "../users/users";
import { defineLimit, enforce } from "../rate-limit";
import { enqueueMail } from "./outbox";

export const VERIFY_HOURS = 24;
export const RESET_MINUTES = 30;
export const RESET_CODE_HOURS = 24;

/** Recovery requests: per account (login or address typed) and per client address. */
export const RESET_PER_ACCOUNT = defineLimit("password-reset-account", 3, 60 * 60);
export const RESET_PER_ADDRESS = defineLimit("password-reset-address", 10, 60 * 60);
/** Attempts to use a reset token or code, per client address (guessing codes). */
export const RESET_ATTEMPTS = defineLimit("password-reset-use", 20, 15 * 60);
/** Verification links sent, per account. */
export const VERIFY_PER_ACCOUNT = defineLimit("email-verify", 5, 60 * 60);

export const emailSchema = z.string().trim().toLowerCase().max(254, "tooLong").pipe(z.email("mail.invalidEmail"));

export const mailLocaleSchema = z.union([z.literal(""), z.enum(["kk", "ru", "en"])]);

/** A token or code as typed: spaces and dashes dropped, upper case. */
const normaliseCode = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();

export function tokenHash(token: string): string {
  return createHash("sha256").update(normaliseCode(token)).digest("hex");
}

/** A link token: 32 random bytes in upper-case hex (tokens and codes are hashed upper-cased). */
function newLinkToken(): string {
  return randomBytes(32).toString("hex").toUpperCase();
}

/** A reset code to be printed or read out: 12 characters without look-alikes, in groups of four. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
function newCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The e-mail state of a person as /account shows it. */
export async function emailState(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      emailPending: true,
      emailVerifiedAt: true,
      emailFailedAt: true,
      emailFailure: true,
      mailLocale: true,
      locale: true,
    },
  });
}

/** Sets a new address as pending and sends the verification link to it, in the chosen language of mail. */
export async function requestEmailVerification(
  userId: string,
  input: { email: string; mailLocale?: string },
  now = new Date(),
): Promise<void> {
  await enforce(VERIFY_PER_ACCOUNT, userId, { now });
  const taken = await prisma.user.findFirst({
    where: { email: input.email, id: { not: userId } },
    select: { id: true },
  });
  if (taken) throw new AppError("validation", { email: "mail.emailTaken" });
  const token = newLinkToken();
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: {
        emailPending: input.email,
        ...(input.mailLocale !== undefined ? { mailLocale: input.mailLocale || null } : {}),
      },
      select: { displayName: true, locale: true, mailLocale: true },
    });
    await tx.mailToken.deleteMany({ where: { userId, purpose: "VERIFY", usedAt: null } });
    await tx.mailToken.create({
      data: {
        userId,
        purpose: "VERIFY",
        hash: tokenHash(token),
        email: input.email,
        expiresAt: new Date(now.getTime() + VERIFY_HOURS * 3_600_000),
      },
    });
    await enqueueMail(tx, [
      {
        userId,
        to: input.email,
        template: "account.verify",
        locale: user.mailLocale ?? user.locale,
        params: { name: user.displayName, token },
      },
    ]);
  });
}

/** Changes only the language of mail. */
export async function setMailLocale(userId: string, mailLocale: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { mailLocale: mailLocale || null } });
}

/**
 * Takes a token of `purposes` once: marks it used in the caller's transaction (a second use, an expired or an
 * unknown token is refused), so two concurrent uses cannot both succeed.
 */
async function takeToken(
  tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0],
  token: string,
  purposes: MailTokenPurpose[],
  now: Date,
) {
  const row = await tx.mailToken.findUnique({ where: { hash: tokenHash(token) } });
  if (!row || !purposes.includes(row.purpose) || row.usedAt || row.expiresAt <= now)
    throw new AppError("validation", { token: "mail.tokenInvalid" });
  const taken = await tx.mailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (taken.count !== 1) throw new AppError("validation", { token: "mail.tokenInvalid" });
  return row;
}

/** Follows a verification link: the pending address becomes the person's verified address. */
export async function confirmEmail(token: string, now = new Date()): Promise<{ userId: string; email: string }> {
  return prisma.$transaction(async (tx) => {
    const row = await takeToken(tx, token, ["VERIFY"], now);
    const email = row.email!;
    const taken = await tx.user.findFirst({ where: { email, id: { not: row.userId } }, select: { id: true } });
    if (taken) throw new AppError("validation", { token: "mail.emailTaken" });
    const before = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { email: true } });
    await tx.user.update({
      where: { id: row.userId },
      data: {
        email,
        emailVerifiedAt: now,
        emailPending: null,
        emailFailedAt: null,
        emailFailure: null,
      },
    });
    await recordAudit(tx, {
      actorId: row.userId,
      action: "update",
      entity: "User",
      entityId: row.userId,
      before: { email: before.email },
      after: { email },
    });
    return { userId: row.userId, email };
  });
}

/**
 * "Forgot password?": a login or an address. Whatever was typed, the answer is the same; a known, active
 * account with a verified address gets a 30-minute link. Refused only when a limit is reached, per what was
 * typed and per client address — which says nothing about whether the account exists.
 */
export async function requestPasswordReset(identifier: string, clientAddress: string, now = new Date()): Promise<void> {
  const key = identifier.trim().toLowerCase();
  await enforce(RESET_PER_ADDRESS, clientAddress, { now });
  await enforce(RESET_PER_ACCOUNT, key, { now });
  const user = await prisma.user.findFirst({
    where: { active: true, OR: [{ login: identifier.trim() }, { email: key }] },
    select: { id: true, login: true, displayName: true, email: true, locale: true, mailLocale: true },
  });
  if (!user?.email) return;
  const token = newLinkToken();
  await prisma.$transaction(async (tx) => {
    await tx.mailToken.create({
      data: {
        userId: user.id,
        purpose: "RESET",
        hash: tokenHash(token),
        expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
      },
    });
    await enqueueMail(tx, [
      {
        userId: user.id,
        to: user.email!,
        template: "password.reset",
        locale: user.mailLocale ?? user.locale,
        params: { name: user.displayName, login: user.login, token },
      },
    ]);
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: "create",
        entity: "PasswordReset",
        entityId: user.id,
        after: { detail: "link sent by mail", address: clientAddress },
      },
    });
  });
}

/**
 * Sets a new password with a reset link's token or a reset code: the password policy first (nothing is used
 * up by a refused password), then the token is taken once, the password changed, every session of the
 * account ended, the other reset tokens cancelled and the change audited.
 */
export async function resetPassword(
  input: { token: string; password: string; confirm: string },
  clientAddress: string,
  now = new Date(),
): Promise<{ login: string }> {
  await enforce(RESET_ATTEMPTS, clientAddress, { now });
  const token = normaliseCode(input.token);
  const row = await prisma.mailToken.findUnique({
    where: { hash: tokenHash(token) },
    include: { user: { select: { login: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.purpose === "VERIFY" || !row.user.active)
    throw new AppError("validation", { token: "mail.tokenInvalid" });
  const problem = passwordProblem(input.password, row.user.login);
  if (problem) throw new AppError("validation", { password: `mail.password.${problem}` });
  if (input.password !== input.confirm) throw new AppError("validation", { confirm: "mail.passwordMismatch" });
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const taken = await takeToken(tx, token, ["RESET", "RESET_CODE"], now);
    await tx.user.update({
      where: { id: taken.userId },
      data: { passwordHash, version: { increment: 1 } },
    });
    await tx.mailToken.updateMany({
      where: { userId: taken.userId, purpose: { in: ["RESET", "RESET_CODE"] }, usedAt: null },
      data: { usedAt: now },
    });
    const ended = await revokeUserSessions(taken.userId, { tx, now });
    // a lockout from the forgotten password ends with the new one
    await tx.loginThrottle.deleteMany({ where: { key: { in: [row.user.login, row.user.login.toLowerCase()] } } });
    await tx.auditLog.create({
      data: {
        actorId: taken.userId,
        action: "update",
        entity: "PasswordReset",
        entityId: taken.userId,
        after: {
          detail: taken.purpose === "RESET_CODE" ? "password set with a reset code" : "password set by a mailed link",
          sessionsEnded: ended,
          address: clientAddress,
        },
      },
    });
    return { login: row.user.login };
  });
}

/**
 * A one-time reset code for a pupil or parent of the administrator's scope (printed or handed over), valid
 * 24 hours; an earlier unused code of the same person stops working. Returned once, never stored in clear.
 */
export async function issueResetCode(
  viewer: Viewer,
  scope: Scope,
  userId: string,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date; login: string }> {
  const user = await getUser(scope, userId);
  if (!user) throw new AppError("notFound");
  const roles = user.roles.map((r) => r.role);
  if (!roles.length || roles.some((r) => r !== "PARENT" && r !== "STUDENT"))
    throw new AppError("validation", { userId: "mail.resetCodeTarget" });
  const code = newCode();
  const expiresAt = new Date(now.getTime() + RESET_CODE_HOURS * 3_600_000);
  await prisma.$transaction(async (tx) => {
    await tx.mailToken.updateMany({
      where: { userId, purpose: "RESET_CODE", usedAt: null },
      data: { usedAt: now },
    });
    await tx.mailToken.create({
      data: { userId, purpose: "RESET_CODE", hash: tokenHash(normaliseCode(code)), expiresAt },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "PasswordResetCode",
      entityId: userId,
      after: { login: user.login, expiresAt: expiresAt.toISOString() },
    });
  });
  return { code, expiresAt, login: user.login };
}
