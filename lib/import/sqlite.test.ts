import { describe, expect, it } from "vitest";
import { legacySqlite } from "../../tests/fixtures/import/sqlite";
import { AppError } from "../errors";
import { openSource, take, withHeader, type SourceRow } from "./reader";
import { assertSingleSelect, SQLITE_LIMITS } from "./sqlite";

async function all(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
}

const PUPILS = [
  {
    iin: "090102600123",
    fio: "Жанова Әсел Бекқызы",
    born: "02.01.2009",
    sex: "ж",
    school: "000000000001",
    klass: "5А",
  },
  { iin: "100203500456", fio: "Петров Пётр", born: "03.02.2010", sex: "м", school: "000000000001", klass: "4Б" },
];

describe("SQLite sources", () => {
  it("lists the tables and views and reads the first table by default, header first, rows numbered from 1", async () => {
    const { info, rows } = await openSource("legacy.sqlite", await legacySqlite(PUPILS));
    expect(info).toEqual({ kind: "sqlite", tables: ["pupils", "schools", "pupils_5"], table: "pupils" });
    const { columns, rows: data } = await withHeader(rows);
    expect(columns).toEqual(["id", "iin", "fio", "born", "sex", "school", "klass", "photo"]);
    expect(await all(data)).toEqual([
      { line: 1, cells: ["1", "090102600123", "Жанова Әсел Бекқызы", "02.01.2009", "ж", "000000000001", "5А", ""] },
      { line: 2, cells: ["2", "100203500456", "Петров Пётр", "03.02.2010", "м", "000000000001", "4Б", ""] },
    ]);
  });

  it("reads a chosen table or view, and a read-only SELECT (a .db file, or one recognised by its bytes)", async () => {
    const bytes = await legacySqlite(PUPILS);
    const view = await openSource("legacy.db", bytes, { table: "pupils_5" });
    expect((await all(view.rows)).map((r) => r.cells[2])).toEqual(["fio", "Жанова Әсел Бекқызы"]);
    const query = await openSource("export", bytes, {
      query:
        "-- pupils of school 1\nSELECT p.iin AS ИИН, s.name_ru AS школа FROM pupils p JOIN schools s ON s.bin = p.school ORDER BY p.iin;",
    });
    expect(query.info.kind).toBe("sqlite");
    expect(query.info.query).toContain("SELECT p.iin");
    const { columns, rows } = await withHeader(query.rows);
    expect(columns).toEqual(["ИИН", "школа"]);
    expect((await take(rows, 1))[0]).toEqual({ line: 1, cells: ["090102600123", "Школа №1"] });
  });

  it("refuses a file that is not a SQLite database, a missing table and a statement that is not one SELECT", async () => {
    const bytes = await legacySqlite(PUPILS);
    const notDb = await refusal(openSource("legacy.sqlite", new Uint8Array(Buffer.from("iin,fio\n1,2\n"))));
    expect([notDb.fieldErrors, notDb.options.status]).toEqual([{ file: "import.notSqlite" }, 415]);
    // the header of a SQLite file and nothing after it: not a readable database
    const cut = await refusal(openSource("legacy.db", bytes.subarray(0, 120)));
    expect(cut.fieldErrors).toEqual({ file: "import.notSqlite" });
    // a SQLite file named .csv is not what its extension says
    expect((await refusal(openSource("pupils.csv", bytes))).fieldErrors).toEqual({ file: "import.notCsv" });
    expect((await refusal(openSource("legacy.db", bytes, { table: "teachers" }))).fieldErrors).toEqual({
      table: "import.noTable",
    });
    expect((await refusal(openSource("legacy.db", bytes, { query: "SELECT * FROM teachers" }))).fieldErrors).toEqual({
      query: "import.noTable",
    });
    for (const query of [
      "DELETE FROM pupils",
      "SELECT 1; DROP TABLE pupils",
      "SELECT * FROM pupils; SELECT * FROM schools",
      "WITH x AS (SELECT 1) DELETE FROM pupils",
      "ATTACH DATABASE 'other.db' AS other",
      "PRAGMA writable_schema = ON",
      "  ",
    ])
      expect((await refusal(openSource("legacy.db", bytes, { query }))).fieldErrors, query).toEqual({
        query: "import.notSelect",
      });
    const bad = await refusal(openSource("legacy.db", bytes, { query: "SELECT FROM WHERE" }));
    expect(bad.fieldErrors).toEqual({ query: "import.badQuery" });
    // nothing was written: the table is still there with its rows
    const after = await openSource("legacy.db", bytes, { query: "SELECT count(*) AS n FROM pupils" });
    expect((await all(after.rows))[1]!.cells).toEqual(["2"]);
  });

  it("takes the statement without comments and a trailing semicolon", () => {
    expect(assertSingleSelect("/* all */ select 1 as a ;  ")).toBe("select 1 as a");
    expect(() => assertSingleSelect("-- only a comment")).toThrow(AppError);
  });

  it("stops a query that runs past the time limit, with a message saying so, and reads again afterwards", async () => {
    const bytes = await legacySqlite(PUPILS);
    const saved = SQLITE_LIMITS.queryTimeoutMs;
    SQLITE_LIMITS.queryTimeoutMs = 500;
    try {
      const started = Date.now();
      // a recursive WITH that never ends: its first step never returns
      const endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) AS c FROM n";
      const stopped = await refusal(openSource("legacy.db", bytes, { query: endless }));
      expect(stopped.fieldErrors).toEqual({ query: "import.statementTimeout" });
      expect(stopped.params).toEqual({ seconds: 0.5 });
      expect(Date.now() - started).toBeLessThan(10_000);
      // rows that come in time are read as before
      const quick = await openSource("legacy.db", bytes, { query: "SELECT iin FROM pupils ORDER BY iin" });
      expect((await all(quick.rows)).map((r) => r.cells)).toEqual([["iin"], ["090102600123"], [PUPILS[1]!.iin]]);
    } finally {
      SQLITE_LIMITS.queryTimeoutMs = saved;
    }
  });
});
