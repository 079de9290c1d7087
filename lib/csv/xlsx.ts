/**
 * XLSX beside every CSV a person downloads: the same rows as `toCsv` takes, written with ExcelJS. A CSV is
 * comma-separated with a decimal point, which Excel set to Russian or Kazakh regional settings does not split;
 * an XLSX has typed cells whatever the settings: numbers stay numbers, dates are dates (a calendar day
 * "YYYY-MM-DD" becomes a date cell, "YYYY-MM-DD HH:MM" a date-time), text stays text (never a formula).
 */
import ExcelJS from "exceljs";
import type { CsvValue } from "./index";

export type XlsxValue = CsvValue | Date;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The cell of a value: numbers and booleans as they are; a Date, or text that is exactly a calendar day or a
 * day and wall-clock time (as lib/time writes them), as a date cell showing the same day and time (no time
 * zone shift: spreadsheets have none); other text as text.
 */
export function xlsxCell(value: XlsxValue): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null || value === undefined || value === "") return { value: null };
  if (typeof value === "number") return { value: Number.isFinite(value) ? value : null };
  if (typeof value === "boolean") return { value };
  if (value instanceof Date) return { value, numFmt: "yyyy-mm-dd hh:mm" };
  const day = DAY.exec(value);
  if (day) return { value: new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)), numFmt: "yyyy-mm-dd" };
  const at = DAY_TIME.exec(value);
  if (at)
    return {
      value: new Date(Date.UTC(+at[1]!, +at[2]! - 1, +at[3]!, +at[4]!, +at[5]!, +(at[6] ?? 0))),
      numFmt: at[6] ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd hh:mm",
    };
  return { value };
}

/** One worksheet of rows; the first row is the header (bold, frozen, with a filter). */
export async function toXlsx(
  rows: readonly (readonly XlsxValue[])[],
  options: { sheet?: string; title?: string } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]
  const sheet = book.addWorksheet((options.sheet ?? "Data").replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Data");
  let headerRow = 1;
  if (options.title) {
    sheet.addRow([options.title]).font = { bold: true };
    headerRow = 2;
  }
  const widths: number[] = [];
  rows.forEach((line, i) => {
    const row = sheet.addRow([]);
    line.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      const { value, numFmt } = xlsxCell(v);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      const shown = v instanceof Date ? 16 : String(v ?? "").length;
      widths[j] = Math.max(widths[j] ?? 8, Math.min(60, shown + 2));
    });
    if (i === 0) row.font = { bold: true };
  });
  widths.forEach((w, j) => (sheet.getColumn(j + 1).width = w));
  if (rows.length) {
    sheet.views = [{ state: "frozen", ySplit: headerRow }];
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: Math.max(1, rows[0]!.length) },
    };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The headers of a file download: type and an attachment name (UTF-8 names encoded per RFC 6266). */
export function downloadHeaders(format: "csv" | "xlsx", name: string): Record<string, string> {
  const file = `${name}.${format}`;
  const ascii = file.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return {
    "content-type": format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE,
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`,
  };
}
