import type { PrismaClient } from "../generated/prisma/client";
import { openDatabase, type Database } from "./driver";
import { closeReplica, readDatabaseOf } from "./replica";

/**
 * The one database of this process, opened lazily on first use and kept on globalThis so that the
 * start script (which owns the PGlite lock and closes the database on exit) and the Next.js server
 * bundle share the same instance. `next build` must never open it.
 */
const holder = globalThis as unknown as { __eisoDatabase?: Database };

export function database(): Database {
  if (!holder.__eisoDatabase) {
    if (process.env.NEXT_PHASE === "phase-production-build") {
      throw new Error("The database must not be opened during `next build`: make this page dynamic.");
    }
    holder.__eisoDatabase = openDatabase();
  }
  return holder.__eisoDatabase;
}

/** Installs an already-open database as this process's one (start script, tests). */
export function useDatabase(db: Database): void {
  holder.__eisoDatabase = db;
}

export async function closeDatabase(): Promise<void> {
  const db = holder.__eisoDatabase;
  holder.__eisoDatabase = undefined;
  await closeReplica();
  await db?.close();
}

/**
 * The database for reads that are the same for everyone (public statistics, open data, ratings, dictionary,
 * publications, search): the read replica for an anonymous request when DATABASE_REPLICA_URL is set,
 * otherwise this process's database (lib/db/replica.ts). Never for writes.
 */
export function readDatabase(): Database {
  return readDatabaseOf(database());
}

/** The Prisma client of `readDatabase()`, resolved on each property access like `prisma`. */
export const publicReads: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = readDatabase().prisma as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** The Prisma client; resolved on each property access so importing this module opens nothing. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = database().prisma as unknown as Record<PropertyKey, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export type { Database, RawSql } from "./driver";
