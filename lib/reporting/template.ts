/**
 * The CSV/XLSX template of a form version, and the reading of a filled-in one.
 *
 * Layout (the same in CSV and in the first worksheet of an XLSX workbook):
 *
 *   row 1   form | <form code> | version | <version number>        ← identifies the template
 *   row 2   key | section | row | field | value                      ← column names, fixed identifiers
 *   row 3…  one row per value: its key ("section.field" or "section.row.column"), the section title,
 *           the table row label (empty for plain fields), the field or column label — labels in the
 *           language the template was downloaded in — and an empty value cell to fill in.
 *
 * On upload, columns may come in any order and only `key` and `value` are required; a column with any
 * other name is refused. Labels are not read back. CSV is UTF-8 (a byte order mark is allowed), separated
 * by commas, semicolons or tabs (whatever the first line uses), quoted as in RFC 4180. Numbers may use a
 * decimal comma; yes/no as true/false, 1/0, иә/жоқ, да/нет; dates as YYYY-MM-DD (or a date cell in XLSX).
 *
 * An upload is all-or-nothing: `readTemplate` returns either every value or the list of problems, each
 * with its row and column.
 */
import ExcelJS from "exceljs";
import { readCsv, toCsv, unguardCell } from "../csv";
import { assertZipWithinLimits, SPREADSHEET_LIMITS } from "../files/zip";
import { coerceValue, valueSlots, type FormDefinition, type LocalizedText, type Scalar } from "./definition";

export const TEMPLATE_COLUMNS = ["key", "section", "row", "field", "value"] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_TEMPLATE_ROWS = 20_000;

export interface TemplateMeta {
  code: string;
  version: number;
}

export interface TemplateRow {
  key: string;
  section: string;
  row: string;
  field: string;
}

/** A problem of an uploaded file: where (1-based row, column letter and name) and a key under `errors.`. */
export interface TemplateProblem {
  row?: number;
  column?: string;
  columnName?: string;
  key?: string;
  code: string;
  params?: Record<string, string | number>;
}

/** The cells of a file as text, with the file's row number of each line. */
export interface Grid {
  rows: { number: number; cells: string[] }[];
}

const pick = (text: LocalizedText, locale: string) => (locale === "ru" ? text.ru : locale === "en" ? text.en : text.kk);

/** One template row per value slot of the definition, labelled in a locale, in display order. */
export function templateRows(def: FormDefinition, locale: string): TemplateRow[] {
  const out: TemplateRow[] = [];
  for (const s of def.sections) {
    if (s.kind === "fields") {
      for (const f of s.fields)
        out.push({ key: `${s.key}.${f.key}`, section: pick(s.title, locale), row: "", field: pick(f.label, locale) });
    } else {
      for (const r of s.rows) {
        for (const c of s.columns)
          out.push({
            key: `${s.key}.${r.key}.${c.key}`,
            section: pick(s.title, locale),
            row: pick(r.label, locale),
            field: pick(c.label, locale),
          });
      }
    }
  }
  return out;
}

/** The template as CSV text (see lib/csv: UTF-8 with a byte order mark, CRLF, formula guard); `values` prefill the value column. */
export function templateCsv(meta: TemplateMeta, rows: TemplateRow[], values: Record<string, Scalar> = {}): string {
  return toCsv([
    ["form", meta.code, "version", meta.version],
    [...TEMPLATE_COLUMNS],
    ...rows.map((r) => [r.key, r.section, r.row, r.field, values[r.key]]),
  ]);
}

/** The template as an XLSX workbook (one worksheet named after the form code). */
export async function templateXlsx(
  meta: TemplateMeta,
  rows: TemplateRow[],
  values: Record<string, Scalar> = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "EISO";
  const sheet = workbook.addWorksheet(meta.code.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "form", {
    views: [{ state: "frozen", ySplit: 2 }],
  });
  sheet.addRow(["form", meta.code, "version", meta.version]);
  const header = sheet.addRow([...TEMPLATE_COLUMNS]);
  header.font = { bold: true };
  for (const r of rows) {
    const v = values[r.key];
    sheet.addRow([r.key, r.section, r.row, r.field, v === null || v === undefined ? null : v]);
  }
  sheet.columns.forEach((column, i) => {
    column.width = [34, 36, 24, 40, 16][i] ?? 16;
  });
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

// ───────────────────────── Reading files ─────────────────────────

export type FileKind = "csv" | "xlsx";

/** What a file is by its content: XLSX is a ZIP (PK\x03\x04); CSV must be valid UTF-8 text without NULs. */
export function detectKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "xlsx";
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "csv";
  } catch {
    return null;
  }
}

/**
 * Parses CSV text (RFC 4180 quoting; separator taken from the first line: comma, semicolon or tab). The
 * apostrophe the download put before formula-like text is taken off again. Throws when a quote is left open.
 */
export function parseCsv(text: string): Grid {
  const records = readCsv(text);
  if (!records) throw new Error("unreadable CSV");
  return { rows: records.map((r) => ({ number: r.line, cells: r.cells.map(unguardCell) })) };
}

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value)
      return xlsxCellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("error" in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

/** Reads the first worksheet of an XLSX workbook; null when the bytes are not a readable workbook. */
export async function parseXlsx(bytes: Uint8Array): Promise<Grid | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [] };
  const rows: Grid["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) cells.push(xlsxCellText(row.getCell(c).value));
    rows.push({ number, cells });
  });
  return { rows };
}

/**
 * Reads an uploaded file of either kind into a grid, or says why it cannot be read. An XLSX over the zip
 * limits (a zip bomb) is refused with a 413 AppError before ExcelJS sees it.
 */
export async function readFile(
  bytes: Uint8Array,
): Promise<{ grid: Grid; kind: FileKind } | { problem: TemplateProblem }> {
  if (bytes.length > MAX_UPLOAD_BYTES) return { problem: { code: "reporting.upload.tooLarge", params: { max: 10 } } };
  if (bytes.length === 0) return { problem: { code: "reporting.upload.empty" } };
  const kind = detectKind(bytes);
  if (!kind) return { problem: { code: "reporting.upload.badType" } };
  // ExcelJS has no limit of its own: the zip's entries and expanded size are checked before it opens it
  if (kind === "xlsx") await assertZipWithinLimits(bytes, SPREADSHEET_LIMITS);
  let grid: Grid | null;
  try {
    grid = kind === "csv" ? parseCsv(new TextDecoder("utf-8").decode(bytes)) : await parseXlsx(bytes);
  } catch {
    grid = null;
  }
  if (!grid) return { problem: { code: "reporting.upload.badType" } };
  if (grid.rows.length > MAX_TEMPLATE_ROWS + 2)
    return { problem: { code: "reporting.upload.tooManyRows", params: { max: MAX_TEMPLATE_ROWS } } };
  return { grid, kind };
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Checks a filled-in template against the form version it must belong to: the identifying row, the column
 * names, every key and every value. Returns all values, or every problem found (nothing partial).
 */
export function readTemplate(
  grid: Grid,
  expected: { code: string; version: number; definition: FormDefinition; choices?: Record<string, readonly string[]> },
): { ok: true; values: Record<string, Scalar> } | { ok: false; problems: TemplateProblem[] } {
  const rows = grid.rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const meta = rows[0];
  const cell = (r: { cells: string[] } | undefined, i: number) => (r?.cells[i] ?? "").trim();
  if (!meta || cell(meta, 0).toLowerCase() !== "form" || cell(meta, 2).toLowerCase() !== "version") {
    return { ok: false, problems: [{ row: meta?.number ?? 1, column: "A", code: "reporting.upload.notTemplate" }] };
  }
  const problems: TemplateProblem[] = [];
  if (cell(meta, 1).toLowerCase() !== expected.code.toLowerCase()) {
    problems.push({
      row: meta.number,
      column: "B",
      code: "reporting.upload.otherForm",
      params: { found: cell(meta, 1) || "—", expected: expected.code },
    });
  } else if (cell(meta, 3) !== String(expected.version)) {
    problems.push({
      row: meta.number,
      column: "D",
      code: "reporting.upload.otherVersion",
      params: { found: cell(meta, 3) || "—", expected: expected.version },
    });
  }
  if (problems.length) return { ok: false, problems };

  const header = rows[1];
  if (!header)
    return {
      ok: false,
      problems: [{ row: meta.number + 1, code: "reporting.upload.missingColumn", params: { column: "key" } }],
    };
  const columns = new Map<string, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!name) return;
    if (!(TEMPLATE_COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        row: header.number,
        column: columnLetter(i),
        columnName: raw.trim(),
        code: "reporting.upload.unknownColumn",
        params: { column: raw.trim() },
      });
    } else if (columns.has(name)) {
      problems.push({
        row: header.number,
        column: columnLetter(i),
        columnName: name,
        code: "reporting.upload.duplicateColumn",
        params: { column: name },
      });
    } else columns.set(name, i);
  });
  for (const required of ["key", "value"]) {
    if (!columns.has(required))
      problems.push({ row: header.number, code: "reporting.upload.missingColumn", params: { column: required } });
  }
  if (problems.length) return { ok: false, problems };

  const keyAt = columns.get("key")!;
  const valueAt = columns.get("value")!;
  const slots = new Map(valueSlots(expected.definition).map((s) => [s.key, s]));
  const seen = new Set<string>();
  const values: Record<string, Scalar> = {};
  const width = Math.max(...columns.values()) + 1;
  for (const row of rows.slice(2)) {
    row.cells.forEach((c, i) => {
      if (i >= width && c.trim() !== "")
        problems.push({
          row: row.number,
          column: columnLetter(i),
          code: "reporting.upload.unknownColumn",
          params: { column: columnLetter(i) },
        });
    });
    const key = cell(row, keyAt);
    const raw = cell(row, valueAt);
    const where = { row: row.number, column: columnLetter(keyAt), columnName: "key" };
    if (!key) {
      if (raw) problems.push({ ...where, code: "reporting.upload.missingKey" });
      continue;
    }
    const slot = slots.get(key);
    if (!slot) {
      problems.push({ ...where, key, code: "reporting.upload.unknownKey", params: { key } });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ ...where, key, code: "reporting.upload.duplicateKey", params: { key } });
      continue;
    }
    seen.add(key);
    const result = coerceValue(slot, raw);
    const at = { row: row.number, column: columnLetter(valueAt), columnName: "value", key };
    if ("problem" in result) {
      problems.push({ ...at, code: result.problem, params: result.params });
      continue;
    }
    if (result.value === null) continue;
    const allowed = slot.classifier ? expected.choices?.[slot.classifier] : undefined;
    if (slot.type === "choice" && allowed && !allowed.includes(String(result.value))) {
      problems.push({ ...at, code: "reporting.value.notChoice" });
      continue;
    }
    values[key] = result.value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
