/**
 * Integration tests run against a real database: a fresh in-memory PGlite per test file by default, or the
 * PostgreSQL database named by TEST_DATABASE_URL (schema dropped and migrated again per file; files run
 * one at a time). Each file starts from the `tiny` seed.
 *
 * The seed reads the clock (the e-diary's lessons reach up to "today", publications are dated days before
 * it), so it runs at a fixed moment, SEED_TIME: the data the tests see does not depend on the day they run.
 */
import { afterAll, beforeAll, vi } from "vitest";
import { openDatabase } from "@/lib/db/driver";
import { closeDatabase, useDatabase } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { startClockAfterSeed } from "./clock";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

beforeAll(async () => {
  const db = openDatabase(testDatabaseUrl ? { url: testDatabaseUrl } : { dir: "memory://" });
  if (db.kind === "postgres") await db.raw.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await migrate(db.raw);
  // the clock starts at SEED_TIME and runs on, so rows created one after another keep their order
  startClockAfterSeed(0);
  try {
    await seed(db.prisma, "tiny");
  } finally {
    vi.useRealTimers();
  }
  useDatabase(db);
}, 120_000);

afterAll(async () => {
  await closeDatabase();
});
