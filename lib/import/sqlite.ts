/**
 * A SQLite database file as an import source, read with sql.js (SQLite compiled to WebAssembly, no native
 * module): a table chosen by name (the first by default) or a read-only `SELECT` the person writes. The rows
 * come through the same `SourceRow` interface as CSV and XLSX: a header row (line 0) with the column names,
 * then one row per record numbered from 1, every value as text (NULL and blobs as blank cells).
 *
 * The database is opened with `PRAGMA query_only` on, and a statement must be one `SELECT` (or `WITH … SELECT`):
 * anything else — several statements, a write, an ATTACH — is refused before it runs.
 */
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from "sql.js";
import { AppError } from "../errors";
import type { ReadOptions, SourceInfo, SourceRow } from "./reader";

/** The header every SQLite 3 database file starts with. */
const MAGIC = Buffer.from("SQLite format 3\u0000", "latin1");
/** A SQLite file is read whole into WebAssembly memory: the largest one taken. */
export const MAX_SQLITE_BYTES = 100 * 1024 * 1024;
/** The longest `SELECT` a person may write. */
export const MAX_QUERY_LENGTH = 10_000;

let sqlJs: Promise<SqlJsStatic> | null = null;
function engine(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

function refused(field: string, key: string, status?: number): AppError {
  return new AppError("validation", { [field]: key }, {}, status ? { status } : {});
}

/** Whether bytes start with the SQLite 3 file header. */
export function looksLikeSqlite(head: Uint8Array): boolean {
  return head.length >= MAGIC.length && MAGIC.every((b, i) => head[i] === b);
}

/** A statement without its comments and trailing semicolons (what is checked to be one read-only SELECT). */
function stripComments(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .trim()
    .replace(/;\s*$/, "")
    .trim();
}

/**
 * Refuses a statement that is not one read-only `SELECT`: several statements, or one that starts with
 * anything but SELECT or WITH. (Writes hidden in a WITH are refused by `query_only` when compiled.)
 */
export function assertSingleSelect(sql: string): string {
  const text = stripComments(sql);
  if (!text || text.length > MAX_QUERY_LENGTH || !/^(select|with)\b/i.test(text))
    throw refused("query", "import.notSelect");
  return text;
}

function cellText(value: SqlValue): string {
  if (value === null || value instanceof Uint8Array) return "";
  return String(value);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Opens the database and lists its tables and views (not SQLite's own); a file that is not a database is refused. */
async function open(data: Uint8Array): Promise<{ db: Database; tables: string[] }> {
  if (!looksLikeSqlite(data)) throw refused("file", "import.notSqlite", 415);
  if (data.length > MAX_SQLITE_BYTES) throw new AppError("validation", { file: "import.sqliteTooLarge" }, { max: 100 });
  const SQL = await engine();
  const db = new SQL.Database(data);
  try {
    db.run("PRAGMA query_only = ON");
    const listed = db.exec(
      "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    );
    return { db, tables: (listed[0]?.values ?? []).map((r) => String(r[0])) };
  } catch {
    db.close();
    throw refused("file", "import.notSqlite", 415);
  }
}

/**
 * A SQLite file's tables and the rows of the chosen table or `SELECT` (header first). The statement is
 * compiled before this returns, so a bad one is refused here, not while the rows are read.
 */
export async function sqliteSource(
  data: Uint8Array,
  options: ReadOptions = {},
): Promise<{ info: SourceInfo; rows: AsyncIterable<SourceRow> }> {
  const { db, tables } = await open(data);
  let sql: string;
  let table: string | undefined;
  try {
    if (options.query) sql = assertSingleSelect(options.query);
    else {
      table = options.table ?? tables[0];
      if (!table) throw refused("file", "import.empty");
      if (!tables.includes(table)) throw refused("table", "import.noTable");
      sql = `SELECT * FROM ${quoteIdent(table)}`;
    }
  } catch (error) {
    db.close();
    throw error;
  }
  let statement;
  try {
    // counted by compiling each in turn (prepare alone compiles the first and ignores the rest)
    let count = 0;
    for (const s of db.iterateStatements(sql)) {
      count++;
      s.free();
    }
    if (count !== 1) throw refused("query", "import.notSelect");
    statement = db.prepare(sql);
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : "";
    if (/readonly|read-only/i.test(message)) throw refused("query", "import.notSelect");
    if (/no such table/i.test(message)) throw refused(options.query ? "query" : "table", "import.noTable");
    throw new AppError("validation", { query: "import.badQuery" }, { detail: message.slice(0, 200) });
  }
  const compiled = statement;
  const step = (): boolean => {
    try {
      return compiled.step();
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      if (/readonly|read-only/i.test(message)) throw refused("query", "import.notSelect");
      throw new AppError("validation", { query: "import.badQuery" }, { detail: message.slice(0, 200) });
    }
  };
  // the first step runs here: a write hidden in a WITH is refused by query_only before any row is read
  let more: boolean;
  try {
    more = step();
  } catch (error) {
    compiled.free();
    db.close();
    throw error;
  }
  async function* rows(): AsyncIterable<SourceRow> {
    try {
      yield { line: 0, cells: compiled.getColumnNames() };
      let line = 0;
      while (more) {
        yield { line: ++line, cells: compiled.get().map(cellText) };
        more = step();
      }
    } finally {
      compiled.free();
      db.close();
    }
  }
  return {
    info: { kind: "sqlite", tables, ...(table ? { table } : { query: sql }) },
    rows: rows(),
  };
}
