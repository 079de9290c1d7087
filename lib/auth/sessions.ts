import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { secondFactorPolicy } from "./roles";

type Tx = Prisma.TransactionClient;

/**
 * How long a session lasts: it ends after `idleMinutes` without a request, and at `absoluteMinutes` after
 * sign-in whatever happens. Shorter for the people whose roles require a second factor (administrators).
 */
export const SESSION_LIFETIMES = {
  administrator: { idleMinutes: 30, absoluteMinutes: 8 * 60 },
  person: { idleMinutes: 2 * 60, absoluteMinutes: 12 * 60 },
} as const;

/** The longest absolute lifetime: the session cookie's own lifetime (the database row decides before that). */
export const MAX_SESSION_SECONDS =
  Math.max(SESSION_LIFETIMES.administrator.absoluteMinutes, SESSION_LIFETIMES.person.absoluteMinutes) * 60;

/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
export const TOUCH_SECONDS = 60;

export function lifetimeOf(roles: readonly Role[]) {
  return secondFactorPolicy(roles) === "required" ? SESSION_LIFETIMES.administrator : SESSION_LIFETIMES.person;
}

/** Starts a session for a user who has just signed in; the id (random, 256 bits) goes into the token. */
export async function createSession(
  userId: string,
  client: { userAgent?: string | null; address?: string | null },
  now = new Date(),
): Promise<string> {
  const roles = await prisma.roleAssignment.findMany({ where: { userId }, select: { role: true } });
  const lifetime = lifetimeOf(roles.map((r) => r.role));
  const id = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      id,
      userId,
      userAgent: client.userAgent?.slice(0, 512) || null,
      address: client.address?.slice(0, 64) || null,
      createdAt: now,
      lastSeenAt: now,
      idleMinutes: lifetime.idleMinutes,
      expiresAt: new Date(now.getTime() + lifetime.absoluteMinutes * 60_000),
    },
  });
  return id;
}

export type SessionCheck = { ok: true; userId: string } | { ok: false; reason: "unknown" | "revoked" | "expired" };

/**
 * Whether a session is still valid: one primary-key read. A valid session's lastSeenAt is moved on when it is
 * older than TOUCH_SECONDS; its absolute end never moves.
 */
export async function checkSession(id: string, now = new Date()): Promise<SessionCheck> {
  if (!id || id.length > 64) return { ok: false, reason: "unknown" };
  const session = await prisma.session.findUnique({
    where: { id },
    select: { userId: true, lastSeenAt: true, idleMinutes: true, expiresAt: true, revokedAt: true },
  });
  if (!session) return { ok: false, reason: "unknown" };
  if (session.revokedAt) return { ok: false, reason: "revoked" };
  const idleEnd = session.lastSeenAt.getTime() + session.idleMinutes * 60_000;
  if (session.expiresAt <= now || idleEnd <= now.getTime()) return { ok: false, reason: "expired" };
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_SECONDS * 1000) {
    await prisma.session.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { ok: true, userId: session.userId };
}

/** Ends one session of a user (false when it was not theirs or had already ended). */
export async function revokeSession(userId: string, id: string, now = new Date()): Promise<boolean> {
  const { count } = await prisma.session.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}

/**
 * Ends every session of a user (except `exceptId`, e.g. the one asking): sign-out everywhere, a new password,
 * changed roles, a locked account. Runs inside the caller's transaction when given one.
 */
export async function revokeUserSessions(
  userId: string,
  options: { exceptId?: string; now?: Date; tx?: Tx } = {},
): Promise<number> {
  const db = options.tx ?? prisma;
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(options.exceptId ? { id: { not: options.exceptId } } : {}) },
    data: { revokedAt: options.now ?? new Date() },
  });
  return count;
}

export interface SessionListItem {
  id: string;
  userAgent: string | null;
  address: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A user's sessions that are still valid, newest first. */
export async function listSessions(userId: string, now = new Date()): Promise<SessionListItem[]> {
  const rows = await prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      userAgent: true,
      address: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      idleMinutes: true,
    },
    take: 100,
  });
  return rows
    .filter((r) => r.lastSeenAt.getTime() + r.idleMinutes * 60_000 > now.getTime())
    .map(({ idleMinutes: _idle, ...rest }) => rest);
}
