/** CSV of the data bank's tables: UTF-8 with a byte order mark (spreadsheets read Kazakh letters), CRLF. */
export function csvCell(value: string | number | null): string {
  const s = value === null ? "" : String(value);
  // Cells starting with =, +, - or @ could run as formulas in a spreadsheet: quote them with a leading '.
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(lines: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
