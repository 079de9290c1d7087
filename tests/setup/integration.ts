/**
 * Integration tests run against a real database: a fresh in-memory PGlite per test file by default, or the
 * PostgreSQL database named by TEST_DATABASE_URL (schema dropped and migrated again per file; files run
 * one at a time). Each file starts from the `tiny` seed.
 */
import { afterAll, beforeAll } from "vitest";
import { openDatabase } from "@/lib/db/driver";
import { closeDatabase, useDatabase } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;

beforeAll(async () => {
  const db = openDatabase(testDatabaseUrl ? { url: testDatabaseUrl } : { dir: "memory://" });
  if (db.kind === "postgres") await db.raw.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await migrate(db.raw);
  await seed(db.prisma, "tiny");
  useDatabase(db);
}, 120_000);

afterAll(async () => {
  await closeDatabase();
});
