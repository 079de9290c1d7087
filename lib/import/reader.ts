/**
 * The one reader of import sources: a CSV file (separator `,` `;` or tab detected from the first line;
 * UTF-8 with or without a byte order mark, or Windows-1251 — the encoding of old Russian-locale exports —
 * detected from the bytes and overridable) read as a stream through `iconv-lite` and `csv-parse`, so a large
 * file never sits in memory as text; or an XLSX workbook (the sheet chosen by name, the first by default)
 * opened by ExcelJS only after the zip guard has checked its entries and expanded size.
 *
 * Every source gives rows of text cells numbered by the line (CSV) or sheet row (XLSX) a person sees, so a
 * problem can be reported where it can be fixed. A file that is not what its name says, text that cannot be
 * decoded or a sheet that is not there is refused with a localised `AppError` naming the field `file`.
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { detectSeparator, SEPARATORS, type Separator } from "../csv";
import { AppError } from "../errors";
import { assertZipWithinLimits, looksLikeZip, SPREADSHEET_LIMITS } from "../files/zip";
import { looksLikeSqlite, sqliteSource } from "./sqlite";

export type SourceKind = "csv" | "xlsx" | "sqlite";
export const ENCODINGS = ["utf-8", "windows-1251"] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** The separators a CSV source may use: the CSV module's, detected by its `detectSeparator`. */
export const DELIMITERS = SEPARATORS;
export type Delimiter = Separator;

/** One row of a source: `line` is the file line (CSV, where the record starts) or the sheet row (XLSX). */
export interface SourceRow {
  line: number;
  cells: string[];
}

export interface ReadOptions {
  /** CSV: the encoding; detected from the bytes when not given. */
  encoding?: Encoding;
  /** CSV: the separator; detected from the first line when not given. */
  delimiter?: Delimiter;
  /** XLSX: the sheet's name; the first sheet when not given. */
  sheet?: string;
  /** SQLite: the table or view read whole (the first by default)… */
  table?: string;
  /** …or a read-only SELECT the person writes instead. */
  query?: string;
}

/** What was detected (or chosen) about a source, shown for confirmation before it is mapped. */
export interface SourceInfo {
  kind: SourceKind;
  encoding?: Encoding;
  delimiter?: Delimiter;
  sheets?: string[];
  sheet?: string;
  tables?: string[];
  table?: string;
  query?: string;
}

/** Bytes looked at to detect the encoding and the separator. */
const SAMPLE_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

function refused(key: string, status?: number): AppError {
  return new AppError("validation", { file: key }, {}, status ? { status } : {});
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
}

/**
 * The kind of a source from its bytes, checked against the kind its name claims: a zip (an XLSX) named
 * .csv, or text named .xlsx, is refused as "not what its extension says". Text with NUL bytes is binary.
 */
export function sourceKind(fileName: string, head: Uint8Array): SourceKind {
  const claimed = /\.xlsx$/i.test(fileName)
    ? "xlsx"
    : /\.(csv|txt|tsv)$/i.test(fileName)
      ? "csv"
      : /\.(sqlite|sqlite3|db|db3)$/i.test(fileName)
        ? "sqlite"
        : null;
  const zip = looksLikeZip(head);
  const sqlite = looksLikeSqlite(head);
  if (claimed === "sqlite") {
    if (!sqlite) throw refused("import.notSqlite", 415);
    return "sqlite";
  }
  if (sqlite && claimed === "csv") throw refused("import.notCsv", 415);
  if (sqlite && !claimed) return "sqlite";
  if (claimed === "xlsx" && !zip) throw refused("import.notXlsx", 415);
  if (claimed === "csv" && (zip || head.subarray(0, SAMPLE_BYTES).includes(0))) throw refused("import.notCsv", 415);
  if (!claimed) {
    if (zip) return "xlsx";
    if (head.subarray(0, SAMPLE_BYTES).includes(0)) throw refused("import.unknownKind", 415);
    return "csv";
  }
  return claimed;
}

/**
 * The encoding of CSV bytes: UTF-8 when they start with its byte order mark or decode as UTF-8 without a
 * fault (a sequence cut at the end of the sample is allowed), otherwise Windows-1251. Bytes with NUL or
 * with the one byte Windows-1251 leaves undefined (0x98) cannot be text in either: refused.
 */
export function detectEncoding(sample: Uint8Array): Encoding {
  if (hasBom(sample)) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    if (sample.includes(0) || sample.includes(0x98)) throw refused("import.undecodable");
    return "windows-1251";
  }
}

/** Reads the first bytes of a stream without losing them: the sample and a stream that still yields everything. */
async function peek(input: Readable, bytes = SAMPLE_BYTES): Promise<{ sample: Buffer; rest: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = input[Symbol.asyncIterator]();
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as string);
    chunks.push(chunk);
    size += chunk.length;
  }
  const sample = Buffer.concat(chunks);
  async function* all() {
    yield sample;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { sample, rest: Readable.from(all(), { objectMode: false }) };
}

function decodeSample(sample: Uint8Array, encoding: Encoding): string {
  // a multi-byte character cut at the end of the sample only loses the sample's last line, which is not used
  return iconv.decode(Buffer.from(sample), encoding);
}

/** What a CSV stream is (encoding, separator), detected from its first bytes, and its rows as a stream. */
export async function csvSource(
  input: Readable,
  options: ReadOptions = {},
): Promise<{ info: SourceInfo; rows: AsyncIterable<SourceRow> }> {
  const { sample, rest } = await peek(input);
  if (sample.includes(0)) throw refused("import.notCsv", 415);
  const encoding = options.encoding ?? detectEncoding(sample);
  if (encoding === "utf-8" && options.encoding) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    } catch {
      throw refused("import.undecodable");
    }
  }
  const delimiter = options.delimiter ?? detectSeparator(decodeSample(sample, encoding));
  return { info: { kind: "csv", encoding, delimiter }, rows: csvRows(rest, encoding, delimiter) };
}

async function* csvRows(input: Readable, encoding: Encoding, delimiter: Delimiter): AsyncIterable<SourceRow> {
  // iconv-lite strips a UTF-8 byte order mark itself; csv-parse's `bom` covers text given without it
  const parser = input.pipe(iconv.decodeStream(encoding)).pipe(
    parse({
      bom: true,
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      raw: true,
    }),
  );
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
      raw: string;
    }>) {
      yield { line: lineOf(info.lines, raw), cells: record };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refused("import.badCsv");
  }
}

/** The line where a record starts: csv-parse counts the line where it ended; a quoted cell may span several. */
function lineOf(lines: number, raw: string): number {
  return lines - (raw.replace(/(\r\n|\r|\n)$/, "").match(/\r\n|\r|\n/g)?.length ?? 0);
}

/** A cell of a sheet as text: numbers as written, dates as yyyy-mm-dd, formulas by their result, rich text joined. */
export function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return xlsxCellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return "";
  return "";
}

/**
 * Opens an XLSX workbook (the zip guard first: a zip bomb is refused with 413 before ExcelJS sees it) and
 * gives its sheets' names and the chosen sheet's rows (the first sheet by default).
 */
export async function xlsxSource(
  data: Uint8Array,
  options: ReadOptions = {},
): Promise<{ info: SourceInfo; rows: AsyncIterable<SourceRow> }> {
  if (!looksLikeZip(data)) throw refused("import.notXlsx", 415);
  await assertZipWithinLimits(data, SPREADSHEET_LIMITS, "file");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw refused("import.notXlsx", 415);
  }
  const sheets = workbook.worksheets.map((s) => s.name);
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) throw refused(options.sheet ? "import.noSheet" : "import.empty");
  async function* rows(): AsyncIterable<SourceRow> {
    const width = sheet!.columnCount;
    for (let r = 1; r <= sheet!.rowCount; r++) {
      const row = sheet!.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(xlsxCellText(row.getCell(c).value));
      while (cells.length && cells[cells.length - 1] === "") cells.pop();
      yield { line: r, cells };
    }
  }
  return { info: { kind: "xlsx", sheets, sheet: sheet.name }, rows: rows() };
}

/** Any source from its bytes or a stream of them: the kind from the bytes, checked against the file's name. */
export async function openSource(
  fileName: string,
  input: Uint8Array | Readable,
  options: ReadOptions = {},
): Promise<{ info: SourceInfo; rows: AsyncIterable<SourceRow> }> {
  if (input instanceof Uint8Array) {
    const kind = sourceKind(fileName, input);
    if (kind === "sqlite") return sqliteSource(input, options);
    return kind === "xlsx" ? xlsxSource(input, options) : csvSource(Readable.from([Buffer.from(input)]), options);
  }
  const { sample, rest } = await peek(input);
  const kind = sourceKind(fileName, sample);
  if (kind === "csv") return csvSource(rest, options);
  const chunks: Buffer[] = [];
  for await (const chunk of rest) chunks.push(chunk as Buffer);
  return kind === "sqlite" ? sqliteSource(Buffer.concat(chunks), options) : xlsxSource(Buffer.concat(chunks), options);
}

/** A source's rows without the empty ones (every cell blank). */
export async function* nonEmpty(rows: AsyncIterable<SourceRow>): AsyncIterable<SourceRow> {
  for await (const row of rows) if (row.cells.some((c) => c.trim() !== "")) yield row;
}

/**
 * The header and the rows after it: the first non-empty row is the header; a header with a blank or
 * repeated name, or one that looks like data (every cell a number), is refused ("a sheet with no header").
 */
export async function withHeader(
  rows: AsyncIterable<SourceRow>,
): Promise<{ columns: string[]; rows: AsyncIterable<SourceRow> }> {
  const iterator = nonEmpty(rows)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw refused("import.empty");
  const columns = first.value.cells.map((c) => c.trim());
  const named = columns.filter(Boolean);
  if (
    named.length !== columns.length ||
    new Set(columns.map((c) => c.toLowerCase())).size !== columns.length ||
    named.every((c) => /^[\d\s.,-]+$/.test(c))
  )
    throw refused("import.noHeader");
  async function* rest(): AsyncIterable<SourceRow> {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // a reader left early (a preview) still closes its source (a SQLite database frees its memory)
      await iterator.return?.();
    }
  }
  return { columns, rows: rest() };
}

/** The first `n` rows of a source (for a preview), the rest left unread. */
export async function take(rows: AsyncIterable<SourceRow>, n: number): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  if (n <= 0) return out;
  for await (const row of rows) {
    out.push(row);
    if (out.length >= n) break;
  }
  return out;
}
