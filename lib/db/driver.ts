import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { env, pgliteDir } from "../env";
import { PGliteAdapter } from "./pglite-adapter";

/** Raw SQL access beside Prisma: migrations, archives, benchmarks. */
export interface RawSql {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` on one pinned connection (session-level locks, multi-step transactions). */
  session<R>(fn: (raw: RawSql) => Promise<R>): Promise<R>;
  /**
   * Runs `fn` in one transaction on one connection, rolled back when it throws. `readOnly`: a consistent
   * read-only snapshot (REPEATABLE READ). On PGlite other queries wait until it ends.
   */
  transaction<R>(fn: (raw: RawSql) => Promise<R>, options?: { readOnly?: boolean }): Promise<R>;
}

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  raw: RawSql;
  /** The connection pool on PostgreSQL (pool-use metrics, a replica's fall-back). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite directory or "memory://". */
  dir?: string;
}

export function openDatabase(options: OpenOptions = {}): Database {
  const url = options.url ?? env().DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(options.dir ?? pgliteDir());
}

function openPglite(dir: string): Database {
  if (!dir.startsWith("memory://")) mkdirSync(dirname(dir), { recursive: true });
  const client = new PGlite(dir, { extensions: { pg_trgm } });
  const prisma = new PrismaClient({ adapter: new PGliteAdapter(client) });
  let closed = false;
  const raw: RawSql = {
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
    session: (fn) => fn(raw),
    transaction: (fn, options) =>
      client.transaction(async (tx) => {
        if (options?.readOnly) await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const inner: RawSql = {
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          session: (f) => f(inner),
          transaction: (f) => f(inner),
        };
        return fn(inner);
      }),
  };
  return {
    kind: "pglite",
    prisma,
    raw,
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await client.close();
    },
  };
}

function openPostgres(url: string): Database {
  return postgresOn(new pg.Pool({ connectionString: url, max: 10 }));
}

/** A database over a pool of PostgreSQL connections (the primary's own, or a replica's that may fall back). */
export function postgresOn(pool: pg.Pool): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    kind: "postgres",
    prisma,
    pool,
    raw: rawOver(pool, async (fn) => {
      const connection = await pool.connect();
      try {
        return await fn(rawOver(connection));
      } finally {
        connection.release();
      }
    }),
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

/** Raw access over a pool (session pins a connection) or over one pinned connection (session reuses it). */
function rawOver(target: Queryable, session?: RawSql["session"]): RawSql {
  const self: RawSql = {
    exec: async (sql) => {
      await target.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await target.query(sql, params as unknown[])).rows as T[],
    session: session ?? ((fn) => fn(self)),
    transaction: (fn, options) =>
      self.session(async (conn) => {
        await conn.exec(options?.readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
        try {
          const result = await fn(conn);
          await conn.exec("COMMIT");
          return result;
        } catch (error) {
          await conn.exec("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
  };
  return self;
}
