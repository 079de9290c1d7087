/**
 * `npm run db:migration:new -- --name add_something`: writes the SQL that takes the schema of the last
 * migration to prisma/schema.prisma, as prisma/migrations/<timestamp>_<name>/migration.sql, with a copy of
 * the schema beside it (the starting point of the next diff). Offline, no database involved.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { flags, run } from "./cli";

await run(async () => {
  const name = flags().name;
  if (typeof name !== "string" || !/^[a-z0-9_]+$/.test(name)) throw new Error("Give a name: --name snake_case_name");
  const root = join("prisma", "migrations");
  const last = readdirSync(root)
    .filter((d) => existsSync(join(root, d, "schema.prisma")))
    .sort()
    .at(-1);
  const from = last ? ["--from-schema-datamodel", join(root, last, "schema.prisma")] : ["--from-empty"];
  const sql = execFileSync(
    process.execPath,
    [
      join("node_modules", "prisma", "build", "index.js"),
      "migrate",
      "diff",
      ...from,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
    console.log("The schema matches the migrations: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join("prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  copyFileSync(join("prisma", "schema.prisma"), join(dir, "schema.prisma"));
  console.log(`Wrote ${dir}/migration.sql — review it, then run npm run db:migrate.`);
});
