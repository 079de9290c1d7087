"use client";

import { useState } from "react";

/**
 * The XLSX beside a figure's CSV: built in the browser when asked (ExcelJS is loaded only then), from the
 * same table — numbers as number cells, a suppressed figure as the text "<5", the header bold.
 */
export function XlsxDownload({
  rows,
  name,
  sheet,
  label,
  testId,
}: {
  rows: (string | number | null)[][];
  name: string;
  sheet: string;
  label: string;
  testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { default: ExcelJS } = await import("exceljs");
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet(sheet.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Data");
      rows.forEach((line, i) => {
        const row = ws.addRow(line.map((v) => (v === "" ? null : v)));
        if (i === 0) row.font = { bold: true };
      });
      ws.columns.forEach((c, j) => (c.width = j === 0 ? 32 : 14));
      const blob = new Blob([await book.xlsx.writeBuffer()], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${name}.xlsx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      onClick={download}
      disabled={busy}
      className="text-sm text-brand-700 underline hover:no-underline disabled:opacity-60"
      data-testid={testId}
    >
      {label}
    </button>
  );
}
