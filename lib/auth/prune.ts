// No "server-only" import: the start script (outside the Next bundle) runs this on a timer.
import { prisma } from "../db";

/**
 * Deletes what has ended: sessions revoked or past their absolute end more than a day ago (the security page
 * no longer shows them), expired second-factor steps and remembered browsers. Run periodically; returns how many.
 */
export async function pruneAuthRecords(now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const [sessions, challenges, devices] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { OR: [{ revokedAt: { lt: dayAgo } }, { expiresAt: { lt: dayAgo } }] } }),
    prisma.signInChallenge.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.trustedDevice.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return sessions.count + challenges.count + devices.count;
}
