/**
 * CSV, written with csv-stringify and read with csv-parse (both through their sync APIs: the data is
 * already in memory). Every CSV the portal hands out goes through `toCsv`, every CSV it reads through
 * `readCsv`.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A CSV download: UTF-8 with a byte order mark (spreadsheets then read Kazakh letters), comma separated,
 * CRLF after every line. A cell is quoted when it holds a quote, comma, semicolon, tab or line break (so a
 * spreadsheet set to the ";" list separator splits it the same way). Text starting with =, +, -, @, a tab
 * or CR could run as a formula in a spreadsheet: it gets a leading apostrophe (numbers are left alone, so
 * -5 stays a number). Empty and null cells are empty; booleans are written as true/false.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows as CsvValue[][], {
    bom: true,
    record_delimiter: "windows",
    quoted_match: /[;\t\r\n]/,
    escape_formulas: true,
    cast: { boolean: (value) => String(value) },
  });
}

const FORMULA_GUARD = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The text of a cell written by `toCsv` and read back: the apostrophe of the formula guard removed. */
export function unguardCell(cell: string): string {
  return FORMULA_GUARD.test(cell) ? cell.slice(1) : cell;
}

/** One line of a CSV file as read: `line` is the file line where it starts (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export const SEPARATORS = [",", ";", "\t"] as const;
export type Separator = (typeof SEPARATORS)[number];

/** The separator a file uses, from its first line: the one of comma, semicolon and tab found most often. */
export function detectSeparator(text: string): Separator {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/, 1)[0] ?? "";
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const count = (sep: string) => outsideQuotes.split(sep).length - 1;
  return SEPARATORS.reduce<Separator>((best, sep) => (count(sep) > count(best) ? sep : best), ",");
}

/**
 * Reads CSV text (RFC 4180 quoting, a byte order mark allowed, CRLF, LF or CR line ends, rows of any
 * length). `separator`: one or several characters any of which separates cells; by default the one the
 * first line uses (see detectSeparator). Empty lines are kept as a record with one empty cell. Null when
 * the text is not CSV (a quote left open).
 */
export function readCsv(
  text: string,
  separator: string | readonly string[] = detectSeparator(text),
): CsvRecord[] | null {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: typeof separator === "string" ? separator : [...separator],
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      raw: true,
    }) as unknown as { record: string[]; raw: string }[];
  } catch {
    return null;
  }
  // Line numbers from the raw text of each record: a quoted cell may span several lines.
  let line = 1;
  return parsed.map(({ record, raw }) => {
    const start = line;
    line += raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    return { line: start, cells: record };
  });
}
