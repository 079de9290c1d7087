import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(process.cwd(), "prisma", "migrations");

describe("migrations", () => {
  it("every migration has its SQL and a unique timestamp", () => {
    const names = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const name of names) {
      expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      // Only the SQL: `npm run db:drift` compares the migrations themselves with prisma/schema.prisma.
      expect(readdirSync(join(root, name))).toEqual(["migration.sql"]);
      expect(readFileSync(join(root, name, "migration.sql"), "utf8").trim().length).toBeGreaterThan(0);
    }
    expect(new Set(names.map((n) => n.slice(0, 14))).size).toBe(names.length);
  });
});
