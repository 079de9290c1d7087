import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { UNKNOWN_ADDRESS } from "../http/client";
import { defineLimit, hit } from "../rate-limit";
import { dummyHash, verifyPassword } from "./password";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * Failed sign-ins per client address, across all logins (password spraying). Only failures stay counted: a
 * successful sign-in gives its claim back, so a busy school behind one address is not locked out by use.
 */
export const ADDRESS_FAILURES = defineLimit("signin-address", 30, 15 * 60);

export const credentialsSchema = z.object({
  login: z.string().trim().toLowerCase().min(1, "required").max(64, "tooLong"),
  password: z.string().min(1, "required").max(256, "tooLong"),
});

export type CredentialsResult =
  | { ok: true; user: { id: string; login: string; displayName: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAt: Date };

/** How many passwords this process has checked (scrypt runs), for the sign-in benchmark. */
export const credentialStats = { passwordChecks: 0 };

/**
 * Claims one attempt for a login before its password is checked: one atomic upsert that counts the attempt
 * as a failure and returns the count, so concurrent attempts each get their own number and only the first
 * MAX_FAILURES of them may check a password. A lock that has run out starts the count again.
 */
async function claimAttempt(login: string, now: Date): Promise<{ claimed: number; lockedUntil: Date | null }> {
  const rows = await prisma.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "lockedUntil", "updatedAt") VALUES (${login}, 1, NULL, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lockedUntil" <= ${now} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "lockedUntil" = CASE WHEN "LoginThrottle"."lockedUntil" <= ${now} THEN NULL ELSE "LoginThrottle"."lockedUntil" END,
      "updatedAt" = ${now}
    RETURNING "failures", "lockedUntil"`;
  const row = rows[0]!;
  return { claimed: Number(row.failures), lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null };
}

/**
 * Checks a login and password. The answer never tells whether the login exists; the throttle is kept per
 * login string, known or not, so after MAX_FAILURES failures that login is locked for LOCK_MINUTES, and per
 * client address (ADDRESS_FAILURES). Both counters are claimed atomically before the password is checked,
 * so concurrent attempts cannot check more passwords than the limits allow.
 */
export async function verifyCredentials(
  input: unknown,
  options: { now?: Date; address?: string } | Date = {},
): Promise<CredentialsResult> {
  const { now = new Date(), address = UNKNOWN_ADDRESS } = options instanceof Date ? { now: options } : options;
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { login, password } = parsed.data;

  const perAddress = await hit(ADDRESS_FAILURES, address, { now });
  if (!perAddress.allowed)
    return { ok: false, reason: "locked", retryAt: new Date(now.getTime() + perAddress.retryAfterSeconds * 1000) };

  const { claimed, lockedUntil } = await claimAttempt(login, now);
  if (lockedUntil && lockedUntil > now) return { ok: false, reason: "locked", retryAt: lockedUntil };
  if (claimed > MAX_FAILURES)
    return { ok: false, reason: "locked", retryAt: new Date(now.getTime() + LOCK_MINUTES * 60_000) };

  const user = await prisma.user.findUnique({ where: { login } });
  credentialStats.passwordChecks++;
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (user && user.active && valid) {
    // The earlier failures and this attempt's claim are forgotten; attempts still in flight stay counted.
    await prisma.$transaction([
      prisma.$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - ${claimed}, 0) WHERE "key" = ${login}`,
      prisma.loginThrottle.deleteMany({ where: { key: login, failures: 0, lockedUntil: null } }),
      prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
    ]);
    await hit(ADDRESS_FAILURES, address, { now, cost: -1 });
    return { ok: true, user: { id: user.id, login: user.login, displayName: user.displayName } };
  }

  if (claimed < MAX_FAILURES) return { ok: false, reason: "invalid" };
  const retryAt = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await prisma.loginThrottle.update({ where: { key: login }, data: { failures: 0, lockedUntil: retryAt } });
  return { ok: false, reason: "locked", retryAt };
}
