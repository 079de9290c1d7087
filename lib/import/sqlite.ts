/**
 * A SQLite database file as an import source, read with sql.js (SQLite compiled to WebAssembly, no native
 * module): a table chosen by name (the first by default) or a read-only `SELECT` the person writes. The rows
 * come through the same `SourceRow` interface as CSV and XLSX: a header row (line 0) with the column names,
 * then one row per record numbered from 1, every value as text (NULL and blobs as blank cells).
 *
 * The database is opened with `PRAGMA query_only` on, and a statement must be one `SELECT` (or `WITH … SELECT`):
 * anything else — several statements, a write, an ATTACH — is refused before it runs.
 *
 * The query runs in a worker thread, a chunk of rows at a time as the reader asks for them: a statement
 * that takes longer than the time limit to open or to give its next chunk (a join without a condition, a
 * recursive WITH that never ends) is stopped by ending the worker, and refused with a message saying so.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import type { ReadOptions, SourceInfo, SourceRow } from "./reader";

/** The header every SQLite 3 database file starts with. */
const MAGIC = Buffer.from("SQLite format 3\u0000", "latin1");
/** A SQLite file is read whole into WebAssembly memory: the largest one taken. */
export const MAX_SQLITE_BYTES = 100 * 1024 * 1024;
/** The longest `SELECT` a person may write. */
export const MAX_QUERY_LENGTH = 10_000;

/** How long a SQLite query may run before its first rows, or between one chunk of rows and the next. */
export const SQLITE_LIMITS = { queryTimeoutMs: 30_000 };
/** Rows the worker sends at a time. */
const CHUNK = 1_000;

function refused(field: string, key: string, status?: number, params: Record<string, string | number> = {}): AppError {
  return new AppError("validation", { [field]: key }, params, status ? { status } : {});
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

/** What the worker runs: sql.js opened on the file's bytes, the statement compiled and stepped on request. */
const WORKER = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const initSqlJs = require(workerData.sqlJs);
const send = (m) => parentPort.postMessage(m);
const refuse = (field, key, extra) => send({ type: "refused", field, key, ...extra });
function failed(error, field) {
  const message = error && error.message ? String(error.message) : "";
  if (/readonly|read-only/i.test(message)) return refuse("query", "import.notSelect");
  if (/no such table/i.test(message)) return refuse(field, "import.noTable");
  return refuse("query", "import.badQuery", { detail: message.slice(0, 200) });
}
const cell = (v) => (v === null || v instanceof Uint8Array ? "" : String(v));
(async () => {
  const SQL = await initSqlJs();
  let db, tables;
  try {
    db = new SQL.Database(workerData.data);
    db.run("PRAGMA query_only = ON");
    const listed = db.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY type, name");
    tables = ((listed[0] && listed[0].values) || []).map((r) => String(r[0]));
  } catch {
    return refuse("file", "import.notSqlite", { status: 415 });
  }
  let sql = workerData.query;
  let table;
  if (!sql) {
    table = workerData.table || tables[0];
    if (!table) return refuse("file", "import.empty");
    if (!tables.includes(table)) return refuse("table", "import.noTable");
    sql = 'SELECT * FROM "' + table.replace(/"/g, '""') + '"';
  }
  const field = workerData.query ? "query" : "table";
  let statement;
  try {
    // counted by compiling each in turn (prepare alone compiles the first and ignores the rest)
    let count = 0;
    for (const s of db.iterateStatements(sql)) { count++; s.free(); }
    if (count !== 1) return refuse("query", "import.notSelect");
    statement = db.prepare(sql);
  } catch (error) {
    return failed(error, field);
  }
  // the first step runs here: a write hidden in a WITH is refused by query_only before any row is read
  let more;
  try {
    more = statement.step();
  } catch (error) {
    return failed(error, field);
  }
  send({ type: "ready", tables, table, sql, columns: statement.getColumnNames() });
  parentPort.on("message", (n) => {
    const rows = [];
    try {
      while (more && rows.length < n) {
        rows.push(statement.get().map(cell));
        more = statement.step();
      }
    } catch (error) {
      return failed(error, field);
    }
    send({ type: "rows", rows, done: !more });
  });
})().catch((error) => failed(error, "query"));
`;

type Reply =
  | { type: "ready"; tables: string[]; table?: string; sql: string; columns: string[] }
  | { type: "rows"; rows: string[][]; done: boolean }
  | { type: "refused"; field: string; key: string; status?: number; detail?: string };

/** Where sql.js is installed (the worker loads it by path: it is not bundled). */
function sqlJsPath(): string {
  return createRequire(join(process.cwd(), "package.json")).resolve("sql.js");
}

/**
 * A worker's replies one request at a time, each within the time limit: past it the worker is ended (the
 * query with it) and the read refused with the statement timeout's message.
 */
function conversation(worker: Worker, timeoutMs: number) {
  let waiting: { resolve: (reply: Reply) => void; reject: (error: unknown) => void } | null = null;
  let broken: unknown = null;
  const fail = (error: unknown) => {
    broken ??= error;
    const w = waiting;
    waiting = null;
    w?.reject(broken);
  };
  worker.on("message", (reply: Reply) => {
    const w = waiting;
    waiting = null;
    w?.resolve(reply);
  });
  worker.on("error", (error) =>
    fail(new AppError("validation", { query: "import.badQuery" }, { detail: String(error.message).slice(0, 200) })),
  );
  worker.on("exit", () => fail(new AppError("validation", { query: "import.badQuery" }, { detail: "stopped" })));
  return (rows?: number): Promise<Reply> =>
    new Promise<Reply>((resolve, reject) => {
      if (broken) return reject(broken);
      const timer = setTimeout(() => {
        fail(refused("query", "import.statementTimeout", undefined, { seconds: timeoutMs / 1000 }));
        void worker.terminate();
      }, timeoutMs);
      waiting = {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (rows !== undefined) worker.postMessage(rows);
    }).then((reply) => {
      if (reply.type !== "refused") return reply;
      throw refused(reply.field, reply.key, reply.status, reply.detail ? { detail: reply.detail } : {});
    });
}

/**
 * A SQLite file's tables and the rows of the chosen table or `SELECT` (header first). The statement is
 * compiled and its first step run before this returns, so a bad one is refused here, not while the rows
 * are read; every wait for the worker is limited to `SQLITE_LIMITS.queryTimeoutMs`.
 */
export async function sqliteSource(
  data: Uint8Array,
  options: ReadOptions = {},
): Promise<{ info: SourceInfo; rows: AsyncIterable<SourceRow> }> {
  if (!looksLikeSqlite(data)) throw refused("file", "import.notSqlite", 415);
  if (data.length > MAX_SQLITE_BYTES) throw new AppError("validation", { file: "import.sqliteTooLarge" }, { max: 100 });
  const query = options.query ? assertSingleSelect(options.query) : undefined;
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { data, sqlJs: sqlJsPath(), table: options.table, query },
  });
  const ask = conversation(worker, SQLITE_LIMITS.queryTimeoutMs);
  let ready: Extract<Reply, { type: "ready" }>;
  try {
    ready = (await ask()) as typeof ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  async function* rows(): AsyncIterable<SourceRow> {
    try {
      yield { line: 0, cells: ready.columns };
      let line = 0;
      for (;;) {
        const chunk = (await ask(CHUNK)) as Extract<Reply, { type: "rows" }>;
        for (const cells of chunk.rows) yield { line: ++line, cells };
        if (chunk.done) break;
      }
    } finally {
      await worker.terminate();
    }
  }
  return {
    info: { kind: "sqlite", tables: ready.tables, ...(ready.table ? { table: ready.table } : { query: ready.sql }) },
    rows: rows(),
  };
}
