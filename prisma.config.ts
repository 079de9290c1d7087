// Prisma CLI configuration. The CLI never talks to a real database here: schema changes are
// turned into SQL with `migrate diff` (see scripts/migration-new.ts) and applied by our own runner.
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPGlite(new PGlite("memory://", { extensions: { pg_trgm } })),
});
