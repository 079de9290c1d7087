import { describe, expect, it } from "vitest";
import { database } from "./index";
import { loadMigrations, migrate } from "./migrate";

describe("migration runner", () => {
  it("records every migration with its checksum and applies nothing twice", async () => {
    const db = database();
    const rows = await db.raw.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = loadMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((m) => m.checksum));
    expect(await migrate(db.raw)).toEqual([]);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const [first] = loadMigrations();
    await expect(migrate(database().raw, [{ ...first!, checksum: "0".repeat(64) }])).rejects.toThrow(
      /checksum mismatch/,
    );
  });

  it("rolls back a failing migration completely", async () => {
    const db = database();
    const broken = {
      name: "99999999999999_broken",
      checksum: "f".repeat(64),
      sql: `CREATE TABLE "half_written" (id int); SELECT * FROM "no_such_table";`,
    };
    await expect(migrate(db.raw, [...loadMigrations(), broken])).rejects.toThrow(/99999999999999_broken failed/);
    const tables = await db.raw.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_written'`);
    expect(tables).toHaveLength(0);
    const recorded = await db.raw.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
    expect(recorded).toHaveLength(0);
  });
});
