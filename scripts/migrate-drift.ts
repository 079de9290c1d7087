/**
 * `npm run db:drift`: fails when the migrations, applied to an empty database, do not give the database that
 * prisma/schema.prisma describes — a schema change without its migration, or a migration edited by hand
 * into something else. It prints what differs and the SQL that would close the gap.
 *
 * The migrations are replayed on an in-memory PGlite (no server needed; `npm test` runs it) or, with
 * `--url <postgresql://…>` or SHADOW_DATABASE_URL or TEST_DATABASE_URL, on a temporary database created on
 * that PostgreSQL server and dropped afterwards (the named database itself is not touched).
 */
import { flags, run } from "./cli";
import { migrationsToSchemaDiff } from "./migrate-diff";

await run(async () => {
  const args = flags();
  const url =
    typeof args.url === "string" ? args.url : (process.env.SHADOW_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  const where = url ? `PostgreSQL (${new URL(url).host})` : "in-memory PGlite";
  const started = Date.now();
  const summary = migrationsToSchemaDiff({ script: false, shadowUrl: url });
  if (!summary.drift) {
    console.log(
      `No drift: the migrations give prisma/schema.prisma (checked on ${where}, ${Date.now() - started} ms).`,
    );
    return;
  }
  const { output: sql } = migrationsToSchemaDiff({ script: true, shadowUrl: url });
  console.error(`Drift on ${where}: the migrations do not give prisma/schema.prisma.\n\n${summary.output.trim()}\n`);
  console.error(
    `SQL from the migrations to the schema (npm run db:migration:new -- --name … writes it):\n\n${sql.trim()}\n`,
  );
  throw new Error("Schema drift: add a migration for the change (npm run db:migration:new), or fix the schema.");
});
