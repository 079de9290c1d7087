/**
 * `npm run db:migration:new -- --name add_something`: writes the SQL that takes the database built by the
 * existing migrations to prisma/schema.prisma, as prisma/migrations/<timestamp>_<name>/migration.sql.
 * The migrations are replayed on a shadow database: an in-memory PGlite by default (offline, no server), or
 * a temporary database on the PostgreSQL server of SHADOW_DATABASE_URL (`--shadow-url <url>` does the same).
 * Review the SQL before applying it: data-keeping conversions (USING …), CHECK constraints and anything the
 * schema cannot express are written by hand into the generated file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { flags, run } from "./cli";
import { migrationsToSchemaDiff } from "./migrate-diff";

await run(async () => {
  const args = flags();
  const name = args.name;
  if (typeof name !== "string" || !/^[a-z0-9_]+$/.test(name)) throw new Error("Give a name: --name snake_case_name");
  const shadowUrl = typeof args["shadow-url"] === "string" ? args["shadow-url"] : process.env.SHADOW_DATABASE_URL;
  const { output, drift } = migrationsToSchemaDiff({ script: true, shadowUrl });
  if (!drift) {
    console.log("The schema matches the migrations: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join("prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), output);
  console.log(`Wrote ${dir}/migration.sql — review it, then run npm run db:migrate.`);
});
