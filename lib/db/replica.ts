/**
 * Reads from a streaming replica. With DATABASE_REPLICA_URL set, reads that are the same for everyone and
 * asked for by an anonymous request (public statistics, the open data API, ratings, the dictionary,
 * publications, search on PostgreSQL) go to the replica; a signed-in person's requests, scripts, jobs and
 * every write use the primary, so a person always sees what they have just saved. `readDatabase()` is the
 * one seam the public read modules use.
 *
 * Which requests are anonymous is known to the server (scripts/start.ts): it runs each request inside
 * `readsFor(request cookies)`; outside a request (scripts, jobs, tests unless they say so) reads use the
 * primary. A replica that cannot be reached does not fail reads: they fall back to the primary (logged),
 * and the replica is tried again after REPLICA_RETRY_MS.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";
import { env } from "../env";
import { logger } from "../log";
import { postgresOn, type Database } from "./driver";

export const REPLICA_RETRY_MS = 30_000;

/** Errors that say the replica cannot be reached (as opposed to a query the replica refused). */
function unreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN", "57P03", "53300"].includes(
      e.code ?? "",
    ) || /timeout|terminated|Connection terminated/i.test(e.message ?? "")
  );
}

type Connect = (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/**
 * A pool of replica connections that hands out a primary connection while the replica is unreachable.
 * Every query of pg.Pool and of Prisma's adapter takes its connection through `connect`.
 */
class ReplicaPool extends pg.Pool {
  private downUntil = 0;

  constructor(
    config: pg.PoolConfig,
    private readonly primary: pg.Pool,
  ) {
    super(config);
  }

  /** Whether reads currently fall back to the primary. */
  get fallingBack(): boolean {
    return Date.now() < this.downUntil;
  }

  // pg.Pool's overloads: a promise, or a callback (pg.Pool.query uses the callback form)
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: Connect): void;
  override connect(callback?: Connect): Promise<pg.PoolClient> | void {
    const connection = this.connectOrFallBack();
    if (!callback) return connection;
    connection.then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error)),
      (error: Error) => callback(error),
    );
  }

  private async connectOrFallBack(): Promise<pg.PoolClient> {
    if (!this.fallingBack) {
      try {
        return await super.connect();
      } catch (error) {
        if (!unreachable(error)) throw error;
        this.downUntil = Date.now() + REPLICA_RETRY_MS;
        logger().warn(
          { event: "replica.unreachable", error: (error as Error).message, retryInMs: REPLICA_RETRY_MS },
          "read replica unreachable: public reads use the primary",
        );
      }
    }
    return this.primary.connect();
  }
}

/** A replica database whose connections fall back to `primary`'s pool while it is unreachable. */
export function openReplica(url: string, primary: Database): Database {
  if (!primary.pool) throw new Error("A read replica needs a PostgreSQL primary (DATABASE_URL).");
  const pool = new ReplicaPool({ connectionString: url, max: 10, connectionTimeoutMillis: 3_000 }, primary.pool);
  pool.on("error", (error) => logger().warn({ event: "replica.idleError", error: error.message }, "replica pool"));
  return postgresOn(pool);
}

// on globalThis: the start script's copy of this module sets it, the Next.js server bundle's copy reads it
const shared = globalThis as unknown as { __eisoReadContext?: AsyncLocalStorage<{ anonymous: boolean }> };
const context = (shared.__eisoReadContext ??= new AsyncLocalStorage<{ anonymous: boolean }>());

/** Session cookies of next-auth (plain and __Secure- prefixed, possibly chunked as .0, .1 …). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** Runs `fn` (one request) with reads routed by whether the request carries a session cookie. */
export function readsFor<R>(cookieHeader: string | undefined, fn: () => R): R {
  return context.run({ anonymous: !SESSION_COOKIE.test(cookieHeader ?? "") }, fn);
}

/** Whether the current request is anonymous (false outside a request). */
export function requestIsAnonymous(): boolean {
  return context.getStore()?.anonymous === true;
}

/** Runs `fn` as an anonymous request would (tests, benchmarks). */
export function asAnonymous<R>(fn: () => R): R {
  return context.run({ anonymous: true }, fn);
}

const holder = globalThis as unknown as {
  __eisoDatabase?: Database;
  __eisoReplica?: { primary: Database; replica: Database };
};

/** The open replica, if any (pool metrics). */
export function replicaDatabase(): Database | undefined {
  return holder.__eisoReplica?.replica;
}

/** Installs a replica for `primary` (tests); null removes it. */
export function useReplica(primary: Database, replica: Database | null): void {
  holder.__eisoReplica = replica ? { primary, replica } : undefined;
}

export async function closeReplica(): Promise<void> {
  const open = holder.__eisoReplica;
  holder.__eisoReplica = undefined;
  await open?.replica.close();
}

/**
 * The database for a public read: the replica when one is configured and the current request is anonymous,
 * otherwise `primary`.
 */
export function readDatabaseOf(primary: Database): Database {
  if (!requestIsAnonymous() || primary.kind !== "postgres") return primary;
  if (holder.__eisoReplica?.primary === primary) return holder.__eisoReplica.replica;
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return primary;
  holder.__eisoReplica = { primary, replica: openReplica(url, primary) };
  return holder.__eisoReplica.replica;
}
