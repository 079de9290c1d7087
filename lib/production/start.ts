/**
 * What `npm start` may do with the database, decided before the server starts. On the embedded database
 * (a demo or a developer's machine) an empty database gets the demo data, as always. In production
 * (DATABASE_URL set, or NODE_ENV=production) the demo data is never written unless asked for with
 * `--seed demo`, which is refused once a real account exists; and the portal does not start while an
 * account still has the published demo password. No "server-only": the start script uses it.
 */
import type { PrismaClient } from "../generated/prisma/client";
import type { Env } from "../env";
import { verifyPassword } from "../auth/password";
import { DEMO_ACCOUNTS, DEMO_EXTRA_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/accounts";

/** Production: PostgreSQL, or NODE_ENV=production. */
export function isProduction(e: Pick<Env, "DATABASE_URL" | "NODE_ENV">): boolean {
  return Boolean(e.DATABASE_URL) || e.NODE_ENV === "production";
}

/** Every login the demo seed creates. */
export const DEMO_LOGINS: readonly string[] = [...DEMO_ACCOUNTS, ...DEMO_EXTRA_ACCOUNTS].map((a) => a.login);

export class StartRefused extends Error {}

export interface SeedDecision {
  /** The scale to seed now, or null. */
  seed: string | null;
  /** One line for the start log. */
  message: string | null;
}

/**
 * Whether to seed at start. `requested` is the `--seed` flag (a scale name), `scale` the older `--scale`
 * flag for the embedded database. Throws StartRefused for `--seed` in production once a real account exists.
 */
export async function seedDecision(
  prisma: PrismaClient,
  options: { production: boolean; requested?: string; scale?: string; empty: boolean; scales: readonly string[] },
): Promise<SeedDecision> {
  const { production, requested, empty } = options;
  for (const [flag, value] of [
    ["--seed", requested],
    ["--scale", options.scale],
  ] as const)
    if (value !== undefined && !options.scales.includes(value))
      throw new StartRefused(`${flag} ${value}: unknown; one of ${options.scales.join(", ")}`);
  if (!production) {
    const scale = requested ?? options.scale ?? "demo";
    return empty ? { seed: scale, message: `Empty database: seeding ${scale} data…` } : { seed: null, message: null };
  }
  if (requested === undefined) {
    const noAccounts = empty && (await prisma.user.count()) === 0;
    return {
      seed: null,
      message: noAccounts
        ? "Production database without data: no demo data is written. Create the first administrator with `npm run admin:create`."
        : null,
    };
  }
  const real = await realAccounts(prisma, 5);
  if (real.length)
    throw new StartRefused(
      `--seed ${requested} refused: this database holds real accounts (${real.join(", ")}${real.length === 5 ? ", …" : ""}). Demo data is never written beside them.`,
    );
  return empty
    ? { seed: requested, message: `Empty database: seeding ${requested} data as asked (--seed ${requested})…` }
    : { seed: null, message: null };
}

/** Up to `limit` logins of accounts the demo seed did not create. */
export async function realAccounts(prisma: PrismaClient, limit = 5): Promise<string[]> {
  const rows = await prisma.user.findMany({
    where: { login: { notIn: [...DEMO_LOGINS] } },
    select: { login: true },
    orderBy: { login: "asc" },
    take: limit,
  });
  return rows.map((r) => r.login);
}

/**
 * Logins of active accounts whose password is the published demo password. Checking every account's scrypt
 * hash would take hours at national size, so the candidates are the demo logins, every administrator, and
 * every account sharing its hash with another (the seed gives all demo accounts one hash; a real password's
 * hash has a salt of its own). Each distinct hash is checked once.
 */
export async function demoPasswordAccounts(prisma: PrismaClient): Promise<string[]> {
  const shared = await prisma.$queryRaw<{ passwordHash: string }[]>`
    SELECT "passwordHash" FROM "User" WHERE active GROUP BY "passwordHash" HAVING count(*) > 1 LIMIT 1000`;
  const candidates = await prisma.user.findMany({
    where: {
      active: true,
      OR: [
        { login: { in: [...DEMO_LOGINS] } },
        { roles: { some: { role: { in: ["MINISTRY_ADMIN", "REGION_ADMIN", "DISTRICT_ADMIN", "ORG_ADMIN"] } } } },
        { passwordHash: { in: shared.map((s) => s.passwordHash) } },
      ],
    },
    select: { login: true, passwordHash: true },
    take: 20_000,
  });
  const verdicts = new Map<string, Promise<boolean>>();
  const found: string[] = [];
  for (const user of candidates) {
    let verdict = verdicts.get(user.passwordHash);
    if (!verdict) {
      verdict = verifyPassword(DEMO_PASSWORD, user.passwordHash);
      verdicts.set(user.passwordHash, verdict);
    }
    if (await verdict) found.push(user.login);
  }
  return found.sort();
}

/** Stops a production start while any account still has the demo password, naming the accounts. */
export async function refuseDemoPasswords(prisma: PrismaClient): Promise<void> {
  const logins = await demoPasswordAccounts(prisma);
  if (!logins.length) return;
  throw new StartRefused(
    `Refusing to start in production: ${logins.length} account(s) still have the published demo password: ` +
      `${logins.join(", ")}. Change their passwords or deactivate them (or start with --seed demo for a demonstration).`,
  );
}
