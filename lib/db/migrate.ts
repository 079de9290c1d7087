import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { RawSql } from "./driver";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const ADVISORY_LOCK_KEY = 7_310_2004; // any constant shared by every migrator of this schema

export function loadMigrations(dir = join(process.cwd(), "prisma", "migrations")): Migration[] {
  // read at run time from the installation, not traced into the server build
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction, under an advisory lock, and records
 * them in `_prisma_migrations` (same table and checksum as Prisma's tooling). A migration whose file
 * changed after it was applied stops the run.
 */
export function migrate(raw: RawSql, migrations = loadMigrations()): Promise<string[]> {
  return raw.session((session) => migrateOn(session, migrations));
}

async function migrateOn(raw: RawSql, migrations: Migration[]): Promise<string[]> {
  await raw.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  await raw.query(`SELECT pg_advisory_lock($1)`, [ADVISORY_LOCK_KEY]);
  const applied: string[] = [];
  try {
    const rows = await raw.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous) {
        if (previous !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied (checksum mismatch).`);
        }
        continue;
      }
      const id = randomUUID();
      await raw
        .exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
            `VALUES ('${id}', '${m.checksum}', now(), '${m.name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
        )
        .catch(async (error: unknown) => {
          await raw.exec("ROLLBACK").catch(() => undefined);
          throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
        });
      applied.push(m.name);
    }
  } finally {
    await raw.query(`SELECT pg_advisory_unlock($1)`, [ADVISORY_LOCK_KEY]);
  }
  return applied;
}
