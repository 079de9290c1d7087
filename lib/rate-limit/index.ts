/**
 * The one rate limiter: fixed-window counters in the database, so that every instance of the portal counts
 * against the same numbers. A hit is one atomic upsert (no read-then-write race): concurrent requests each
 * get their own count back. Limits are named and declared where they are used, e.g.
 * `const VERIFY = defineLimit("cert-verify", 30, 60)`, then `await enforce(VERIFY, clientAddress(headers))`.
 */
import { AppError } from "../errors";
import { prisma } from "../db";
import { env } from "../env";
import { clientAddress } from "../http/client";

export interface Limit {
  /** A short name, the first part of every key of this limit. */
  name: string;
  /** Hits allowed in one window. */
  limit: number;
  windowSeconds: number;
}

export interface LimitResult {
  allowed: boolean;
  /** Hits left in the current window (0 when refused). */
  remaining: number;
  /** Seconds until the window ends: the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

export function defineLimit(name: string, limit: number, windowSeconds: number): Limit {
  if (!/^[a-z0-9.-]+$/.test(name)) throw new Error(`Bad limit name: ${name}`);
  return { name, limit, windowSeconds };
}

/** Counts `cost` hits for `key` under `limit` and says whether they are within it. */
export async function hit(
  limit: Limit,
  key: string,
  options: { cost?: number; now?: Date } = {},
): Promise<LimitResult> {
  const cost = options.cost ?? 1;
  const now = options.now ?? new Date();
  const expired = new Date(now.getTime() - limit.windowSeconds * 1000);
  const rows = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${`${limit.name}:${key}`}, ${now}, ${cost})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${expired} THEN ${cost} ELSE "RateLimit"."count" + ${cost} END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${expired} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const count = Number(row.count);
  const ends = new Date(row.windowStart).getTime() + limit.windowSeconds * 1000;
  return {
    allowed: count <= limit.limit,
    remaining: Math.max(0, limit.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)),
  };
}

/** Like `hit`, but a refusal is thrown: `rateLimited` (429) with `retryAfter` for the Retry-After header. */
export async function enforce(limit: Limit, key: string, options: { cost?: number; now?: Date } = {}): Promise<void> {
  const result = await hit(limit, key, options);
  if (!result.allowed) throw rateLimitedError(result.retryAfterSeconds);
}

/**
 * The per-address limit of a public endpoint (route handlers through `route({ rateLimit })`, public pages
 * such as certificate verification): counted against `clientAddress(headers)`. `RATE_LIMITS=off` (never in
 * production) skips it, for benchmarks run from one address.
 */
export async function enforcePerClient(limit: Limit, headers: { get(name: string): string | null }): Promise<void> {
  if (env().RATE_LIMITS === "off") return;
  await enforce(limit, clientAddress(headers));
}

/** The 429 every limit answers: the shared error shape, a localised "try again in N s", and Retry-After. */
export function rateLimitedError(retryAfterSeconds: number): AppError {
  return new AppError(
    "rateLimited",
    {},
    { retryAfter: retryAfterSeconds },
    { message: "errors.tooManyRequests", details: { retryAfter: retryAfterSeconds } },
  );
}

/** Forgets the counters of a key (e.g. the failures of a login after a successful sign-in). */
export async function reset(limit: Limit, key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: `${limit.name}:${key}` } });
}

/** Deletes counters whose window ended more than a day ago; run periodically. Returns how many. */
export async function pruneRateLimits(now = new Date()): Promise<number> {
  const { count } = await prisma.rateLimit.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return count;
}
