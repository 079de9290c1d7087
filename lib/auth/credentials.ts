import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { dummyHash, verifyPassword } from "./password";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const credentialsSchema = z.object({
  login: z.string().trim().toLowerCase().min(1, "required").max(64, "tooLong"),
  password: z.string().min(1, "required").max(256, "tooLong"),
});

export type CredentialsResult =
  | { ok: true; user: { id: string; login: string; displayName: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAt: Date };

/**
 * Checks a login and password. The answer never tells whether the login exists; the throttle is kept per
 * login string, known or not, so after MAX_FAILURES failures that login is locked for LOCK_MINUTES.
 */
export async function verifyCredentials(input: unknown, now = new Date()): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { login, password } = parsed.data;

  const throttle = await prisma.loginThrottle.findUnique({ where: { key: login } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now)
    return { ok: false, reason: "locked", retryAt: throttle.lockedUntil };

  const user = await prisma.user.findUnique({ where: { login } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (user && user.active && valid) {
    await prisma.$transaction([
      prisma.loginThrottle.deleteMany({ where: { key: login } }),
      prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
    ]);
    return { ok: true, user: { id: user.id, login: user.login, displayName: user.displayName } };
  }

  const failures = (throttle && (!throttle.lockedUntil || throttle.lockedUntil <= now) ? throttle.failures : 0) + 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
  await prisma.loginThrottle.upsert({
    where: { key: login },
    create: { key: login, failures, lockedUntil },
    update: { failures: lockedUntil ? 0 : failures, lockedUntil },
  });
  return lockedUntil ? { ok: false, reason: "locked", retryAt: lockedUntil } : { ok: false, reason: "invalid" };
}
