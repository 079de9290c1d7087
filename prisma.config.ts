// Prisma CLI configuration. The CLI applies nothing: schema changes become SQL with `migrate diff` (see
// scripts/migration-new.ts and scripts/migrate-drift.ts) and our own runner applies it. The CLI's database —
// an in-memory PGlite, or the PostgreSQL of SHADOW_DATABASE_URL — only serves as shadow database on which
// `migrate diff --from-migrations` replays the migrations.
import { defineConfig } from "prisma/config";
import { cliAdapter } from "./lib/db/cli-adapter";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => cliAdapter(),
});
