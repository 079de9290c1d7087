"use client";

import { useState } from "react";

type Cell = string | number | null;

/**
 * The table of a figure as it is on the page: the header row's texts, then each body row — a cell's raw
 * value from its `data-v` (a number, or empty when missing) where the page shows a formatted number, its text
 * otherwise ("<5" for a suppressed figure).
 */
function tableRows(table: HTMLTableElement): Cell[][] {
  const text = (cell: Element) => (cell.textContent ?? "").trim();
  const header = Array.from(table.tHead?.rows[0]?.cells ?? [], text);
  const body = Array.from(table.tBodies[0]?.rows ?? [], (row) =>
    Array.from(row.cells, (cell): Cell => {
      const raw = cell.getAttribute("data-v");
      if (raw === null) return text(cell);
      return raw === "" ? null : Number(raw);
    }),
  );
  return [header, ...body];
}

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * CSV and XLSX of a figure's table, built in the browser from the table itself when asked (the CSV writer and
 * ExcelJS are loaded only then): the page carries its numbers once, in the table.
 */
export function TableDownload({
  tableId,
  name,
  sheet,
  csvLabel,
  xlsxLabel,
  testId,
}: {
  tableId: string;
  name: string;
  sheet: string;
  csvLabel: string;
  xlsxLabel: string;
  testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const rows = () => {
    const table = document.getElementById(tableId);
    return table instanceof HTMLTableElement ? tableRows(table) : [];
  };
  const csv = async () => {
    const { toCsv } = await import("@/lib/csv");
    save(new Blob([toCsv(rows())], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
  };
  const xlsx = async () => {
    setBusy(true);
    try {
      const { default: ExcelJS } = await import("exceljs");
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet(sheet.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Data");
      rows().forEach((line, i) => {
        const row = ws.addRow(line.map((v) => (v === "" ? null : v)));
        if (i === 0) row.font = { bold: true };
      });
      ws.columns.forEach((c, j) => (c.width = j === 0 ? 32 : 14));
      const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      save(new Blob([await book.xlsx.writeBuffer()], { type }), `${name}.xlsx`);
    } finally {
      setBusy(false);
    }
  };
  const style = "text-sm text-brand-700 underline hover:text-brand-900 disabled:opacity-60";
  return (
    <span className="flex flex-wrap gap-3">
      <button type="button" onClick={csv} className={style} data-testid={`csv-${testId}`}>
        {csvLabel}
      </button>
      <button
        type="button"
        onClick={xlsx}
        disabled={busy}
        aria-busy={busy}
        className={style}
        data-testid={`xlsx-${testId}`}
      >
        {xlsxLabel}
      </button>
    </span>
  );
}
