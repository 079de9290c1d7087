import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(process.cwd(), "prisma", "migrations");

describe("migrations", () => {
  it("the newest migration's schema snapshot is the current schema, so every schema change has its migration", () => {
    // `npm run db:migration:new` diffs from the newest snapshot: a stale one would repeat or miss changes.
    const newest = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
      .at(-1)!;
    const snapshot = readFileSync(join(root, newest, "schema.prisma"), "utf8");
    expect(snapshot, `prisma/migrations/${newest}/schema.prisma differs from prisma/schema.prisma`).toBe(
      readFileSync(join(process.cwd(), "prisma", "schema.prisma"), "utf8"),
    );
  });

  it("every migration has its SQL and a unique timestamp", () => {
    const names = readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const name of names) {
      expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(readFileSync(join(root, name, "migration.sql"), "utf8").trim().length).toBeGreaterThan(0);
    }
    expect(new Set(names.map((n) => n.slice(0, 14))).size).toBe(names.length);
  });
});
