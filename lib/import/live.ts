/**
 * Live database sources of an import: a MySQL/MariaDB or PostgreSQL server reached by connection details
 * the person gives for this one read. The connection is never stored (not in the run, not in a profile):
 * the table or `SELECT` is read once — in a read-only transaction, with a statement timeout and a row limit —
 * into a CSV snapshot in the file store, and from then on the source is that stored file, so the dry run,
 * the background run, its resumption and the rollback work exactly as for an uploaded file.
 *
 * Only the ministry and region administrators may connect (`import.database`); a connection to the
 * portal's own database (same host, port and database as its DATABASE_URL) is refused, and connecting is
 * rate-limited per person.
 */
import "server-only";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import { stringify } from "csv-stringify/sync";
import mysql from "mysql2/promise";
import pg from "pg";
import { z } from "zod";
import { AppError } from "../errors";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { defineLimit, enforce } from "../rate-limit";
import { inspectSource, storeSource } from "./runs";
import { targetName } from "./schemas";
import { assertSingleSelect, MAX_QUERY_LENGTH } from "./sqlite";

/** How long one statement may run on the source server (tests shorten it). */
export const LIVE_LIMITS = { statementTimeoutMs: 30_000 };
/** How long connecting may take. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** The most rows one read takes (a larger source is refused: read it in parts with a WHERE). */
export const MAX_LIVE_ROWS = 200_000;
/** Rows fetched from a cursor at a time. */
const FETCH = 2_000;

export const DATABASE_CONNECTS = defineLimit("import-database-connect", 30, 10 * 60);

export const connectionInput = z.object({
  engine: z.enum(["mysql", "postgres"]),
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9.\-:[\]]+$/, "import.badHost"),
  port: z.coerce.number().int().min(1).max(65535).optional(),
  database: z.string().trim().min(1).max(100),
  user: z.string().trim().min(1).max(100),
  password: z.string().max(200).default(""),
});
export type Connection = z.infer<typeof connectionInput>;

export const liveSourceInput = z.object({
  target: targetName,
  action: z.enum(["tables", "read"]),
  connection: connectionInput,
  table: z.string().trim().min(1).max(200).optional(),
  query: z.string().trim().min(1).max(MAX_QUERY_LENGTH).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIVE_ROWS).default(MAX_LIVE_ROWS),
});
export type LiveSourceInput = z.infer<typeof liveSourceInput>;

const DEFAULT_PORT = { mysql: 3306, postgres: 5432 } as const;
const LOCAL = new Set(["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"]);

function refused(field: string, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError("validation", { [field]: key }, params);
}

const sameHost = (a: string, b: string) =>
  a.toLowerCase() === b.toLowerCase() || (LOCAL.has(a.toLowerCase()) && LOCAL.has(b.toLowerCase()));

/** The portal's own database(s): DATABASE_URL, and in tests the one TEST_DATABASE_URL names. */
function portalDatabases(): { host: string; port: number; database: string }[] {
  return [process.env.DATABASE_URL, process.env.TEST_DATABASE_URL].flatMap((url) => {
    if (!url) return [];
    try {
      const u = new URL(url);
      return [{ host: u.hostname, port: Number(u.port || 5432), database: decodeURIComponent(u.pathname.slice(1)) }];
    } catch {
      return [];
    }
  });
}

/** Refuses a connection to the portal's own database: the same host, port and database as its URL. */
export function assertNotPortalDatabase(connection: Connection): void {
  const port = connection.port ?? DEFAULT_PORT[connection.engine];
  for (const own of portalDatabases())
    if (sameHost(connection.host, own.host) && port === own.port && connection.database === own.database)
      throw refused("connection.database", "import.portalDatabase");
}

/** A cell of a live source as text: dates as yyyy-mm-dd (with the time when it has one), binary as blank. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** What a connection failure is to the person: a timeout, refused credentials, or an unreachable server. */
function connectionError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; message?: string };
  const message = String(e.message ?? "");
  if (e.code === "57014" || e.code === "ER_QUERY_TIMEOUT" || /timeout|timed out|max_statement_time/i.test(message))
    return refused("query", "import.statementTimeout", { seconds: LIVE_LIMITS.statementTimeoutMs / 1000 });
  if (
    e.code === "25006" ||
    e.code === "ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION" ||
    /read-only|read only/i.test(message)
  )
    return refused("query", "import.notSelect");
  if (e.code === "42P01" || e.code === "ER_NO_SUCH_TABLE") return refused("query", "import.noTable");
  if (/^(42|ER_PARSE|ER_BAD_FIELD)/.test(e.code ?? ""))
    return refused("query", "import.badQuery", { detail: message.slice(0, 200) });
  if (e.code === "28P01" || e.code === "ER_ACCESS_DENIED_ERROR" || e.code === "3D000" || e.code === "ER_BAD_DB_ERROR")
    return refused("connection", "import.connectionRefused");
  return refused("connection", "import.connectionFailed");
}

/** One read of a live source: its tables, or a statement's column names and rows (at most `limit` + 1). */
interface LiveReader {
  tables(): Promise<string[]>;
  read(sql: string, limit: number, onRows: (columns: string[], rows: unknown[][]) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

async function postgresReader(c: Connection): Promise<LiveReader> {
  const client = new pg.Client({
    host: c.host,
    port: c.port ?? DEFAULT_PORT.postgres,
    database: c.database,
    user: c.user,
    password: c.password,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: LIVE_LIMITS.statementTimeoutMs,
    query_timeout: LIVE_LIMITS.statementTimeoutMs + 5_000,
    application_name: "eiso-import",
  });
  client.on("error", () => {});
  await client.connect();
  await client.query("BEGIN TRANSACTION READ ONLY");
  return {
    async tables() {
      const { rows } = await client.query<{ name: string }>(
        `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
          WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
      );
      return rows.map((r) => r.name.replace(/^public\./, ""));
    },
    async read(sql, limit, onRows) {
      // a cursor in the read-only transaction: the rows come a batch at a time; the extended protocol
      // refuses a second statement hidden after a semicolon
      await client.query({ text: `DECLARE import_source NO SCROLL CURSOR FOR ${sql}`, queryMode: "extended" } as never);
      let total = 0;
      for (;;) {
        const result = await client.query({ text: `FETCH ${FETCH} FROM import_source`, rowMode: "array" });
        if (!result.rows.length) return;
        total += result.rows.length;
        await onRows(
          result.fields.map((f) => f.name),
          result.rows as unknown[][],
        );
        if (total > limit) return;
      }
    },
    async close() {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

async function mysqlReader(c: Connection): Promise<LiveReader> {
  const connection = await mysql.createConnection({
    host: c.host,
    port: c.port ?? DEFAULT_PORT.mysql,
    database: c.database,
    user: c.user,
    password: c.password,
    connectTimeout: CONNECT_TIMEOUT_MS,
    charset: "utf8mb4_unicode_ci",
    multipleStatements: false,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  connection.on("error", () => {});
  // MariaDB's statement timeout (seconds) or MySQL's (milliseconds, for SELECT)
  await connection
    .query(`SET SESSION max_statement_time = ${LIVE_LIMITS.statementTimeoutMs / 1000}`)
    .catch(() => connection.query(`SET SESSION max_execution_time = ${LIVE_LIMITS.statementTimeoutMs}`));
  await connection.query("START TRANSACTION READ ONLY");
  return {
    async tables() {
      const [rows] = await connection.query("SHOW FULL TABLES");
      return (rows as Record<string, unknown>[]).map((r) => String(Object.values(r)[0])).sort();
    },
    async read(sql, limit, onRows) {
      // one statement (multipleStatements is off), its rows bounded by the limit
      const [rows, fields] = await connection.query({
        sql: `SELECT * FROM (${sql}) AS import_source LIMIT ${limit + 1}`,
        rowsAsArray: true,
        timeout: LIVE_LIMITS.statementTimeoutMs + 5_000,
      });
      await onRows(
        (fields ?? []).map((f) => f.name),
        rows as unknown[][],
      );
    },
    async close() {
      await connection.query("ROLLBACK").catch(() => {});
      await connection.end().catch(() => {});
    },
  };
}

function quoteTable(engine: Connection["engine"], table: string): string {
  const q = engine === "mysql" ? "`" : '"';
  return table
    .split(".")
    .map((part) => `${q}${part.split(q).join(q + q)}${q}`)
    .join(".");
}

async function withReader<T>(viewer: Viewer, input: LiveSourceInput, work: (reader: LiveReader) => Promise<T>) {
  await enforce(DATABASE_CONNECTS, viewer.userId);
  assertNotPortalDatabase(input.connection);
  let reader: LiveReader;
  try {
    reader =
      input.connection.engine === "postgres"
        ? await postgresReader(input.connection)
        : await mysqlReader(input.connection);
  } catch (error) {
    throw connectionError(error);
  }
  try {
    return await work(reader);
  } catch (error) {
    throw connectionError(error);
  } finally {
    await reader.close();
  }
}

/** The importer's right to read live databases (ministry and region admins) and to import into the target. */
function authorizeLive(viewer: Viewer | null): Viewer {
  const { viewer: v } = authorizeViewer(viewer, "import.database");
  authorizeViewer(v, "import.use");
  return v;
}

/** The tables and views of a live database, for the person to choose one. */
export async function liveTables(viewer: Viewer | null, input: LiveSourceInput): Promise<string[]> {
  const v = authorizeLive(viewer);
  return withReader(v, input, (reader) => reader.tables());
}

/**
 * Reads a table or a read-only SELECT of a live database into a stored CSV snapshot, and answers what the
 * wizard shows for it (as for an uploaded file). The connection details are used for this read only.
 */
export async function readLiveSource(viewer: Viewer | null, input: LiveSourceInput) {
  const v = authorizeLive(viewer);
  const sql = input.query
    ? assertSingleSelect(input.query)
    : input.table
      ? `SELECT * FROM ${quoteTable(input.connection.engine, input.table)}`
      : (() => {
          throw refused("table", "import.noTable");
        })();
  // the rows go straight into the file store as CSV (the store hashes and size-limits them as they come)
  const out = new PassThrough();
  const stored = storeSource(out);
  stored.catch(() => {});
  let header: string[] | null = null;
  let count = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, "drain"), once(out, "close")]);
  };
  try {
    await withReader(v, input, (reader) =>
      reader.read(sql, input.limit, async (columns, rows) => {
        if (!header) {
          header = columns;
          await write(stringify([columns]));
        }
        count += rows.length;
        if (count > input.limit) throw refused("limit", "import.tooManyRows", { max: input.limit });
        if (rows.length) await write(stringify(rows.map((r) => r.map(cellText))));
      }),
    );
    if (!header || count === 0) throw refused("query", "import.empty");
    out.end();
  } catch (error) {
    out.destroy();
    await stored.catch(() => {});
    throw error;
  }
  const sha = await stored;
  const name = `${input.connection.engine}-${input.connection.database}-${input.table ?? "select"}.csv`.replace(
    /[^\p{L}\p{N}._-]+/gu,
    "_",
  );
  const ref = {
    target: input.target,
    sourceName: name,
    sourceSha256: sha,
    options: { encoding: "utf-8" as const, delimiter: "," as const },
  };
  return { ref, rows: count, ...(await inspectSource(v, ref)) };
}
