/**
 * `prisma migrate diff` from the migrations in prisma/migrations to prisma/schema.prisma. The CLI replays the
 * migrations on a shadow database from prisma.config.ts: an in-memory PGlite (offline, the default) or a
 * temporary database on the PostgreSQL server of `shadowUrl`.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export interface DiffResult {
  /** The diff as SQL (`script: true`) or as Prisma's summary of changes. */
  output: string;
  /** Whether migrations and schema differ. */
  drift: boolean;
}

export function migrationsToSchemaDiff({ script, shadowUrl }: { script: boolean; shadowUrl?: string }): DiffResult {
  const args = [
    join("node_modules", "prisma", "build", "index.js"),
    "migrate",
    "diff",
    "--from-migrations",
    join("prisma", "migrations"),
    "--to-schema-datamodel",
    join("prisma", "schema.prisma"),
    "--exit-code",
    ...(script ? ["--script"] : []),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  if (shadowUrl) env.SHADOW_DATABASE_URL = shadowUrl;
  else delete env.SHADOW_DATABASE_URL;
  const result = spawnSync(process.execPath, args, { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] });
  // --exit-code: 0 no difference, 2 a difference, anything else an error.
  if (result.status !== 0 && result.status !== 2) {
    throw new Error(
      `prisma migrate diff failed (exit ${result.status ?? result.signal}):\n${result.stderr}${result.stdout}`,
    );
  }
  return { output: result.stdout, drift: result.status === 2 };
}
