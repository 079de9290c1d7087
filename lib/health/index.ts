import "server-only";
/**
 * Liveness and readiness, for `/api/health`, `/api/ready` and the load balancer's probes. Ready means this
 * instance can serve: the database answers, no migration is pending (an instance of a newer version
 * waits until the migrating one has finished), and the search engine answers (Meilisearch's /health when
 * MEILISEARCH_HOST is set; otherwise search lives in the database). Every check has a time limit.
 */
import { database } from "../db";
import { loadMigrations } from "../db/migrate";
import { env } from "../env";

export const CHECK_TIMEOUT_MS = 3_000;

function within<T>(promise: Promise<T>, ms = CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether the database answers a trivial query. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await within(database().raw.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

let known: string[] | undefined;

/** Migrations of this version not yet applied to the database (names), or null when it cannot be read. */
export async function pendingMigrations(): Promise<string[] | null> {
  known ??= loadMigrations().map((m) => m.name);
  try {
    const rows = await within(
      database().raw.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return known.filter((name) => !applied.has(name));
  } catch {
    return null;
  }
}

/** Whether the search engine answers: Meilisearch's /health, or the database that holds the index. */
export async function searchReachable(fetcher: typeof fetch = fetch): Promise<boolean> {
  const host = env().MEILISEARCH_HOST;
  if (!host) return databaseReachable();
  try {
    const response = await fetcher(new URL("/health", host), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    const body = (await response.json().catch(() => null)) as { status?: string } | null;
    return response.ok && body?.status === "available";
  } catch {
    return false;
  }
}

export type CheckResult = "ok" | "unavailable" | "pending";

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; search: CheckResult };
  /** Names of migrations not yet applied, when any. */
  pending?: string[];
}

export async function readiness(fetcher: typeof fetch = fetch): Promise<Readiness> {
  const [db, pending, search] = await Promise.all([databaseReachable(), pendingMigrations(), searchReachable(fetcher)]);
  const migrations: CheckResult = pending === null ? "unavailable" : pending.length ? "pending" : "ok";
  const checks = { database: db ? "ok" : "unavailable", migrations, search: search ? "ok" : "unavailable" } as const;
  return {
    ready: Object.values(checks).every((c) => c === "ok"),
    checks,
    ...(pending?.length ? { pending } : {}),
  };
}
