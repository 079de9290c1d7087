import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/format";
import { Link } from "@/i18n/navigation";
import { toCsv } from "@/lib/csv";
import type { Figure } from "@/lib/databank/public";
import { SUPPRESSED } from "@/lib/databank/suppression";
import { StatChart, type ChartDatum, type ChartSeries } from "./chart";
import { XlsxDownload } from "./xlsx-download-client";

export type CellValue = string | number | Figure | null;

export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface TableRow {
  cells: Record<string, CellValue>;
  /** Drill-down link of the row (on its first cell). */
  href?: string;
}

function isFigure(v: CellValue): v is Figure {
  return typeof v === "object" && v !== null && "hidden" in v;
}

/** A cell as published: "<5" when hidden, "—" when missing. */
export function cellText(v: CellValue, locale: string, forCsv = false): string {
  if (isFigure(v)) {
    if (v.hidden) return SUPPRESSED;
    return v.value === null
      ? forCsv
        ? ""
        : "—"
      : forCsv
        ? String(v.value)
        : formatNumber(v.value, locale, { maximumFractionDigits: 1 });
  }
  if (v === null) return forCsv ? "" : "—";
  if (typeof v === "number") return forCsv ? String(v) : formatNumber(v, locale, { maximumFractionDigits: 1 });
  return v;
}

/** The number of a cell for a chart (null when hidden or missing). */
export function chartValue(v: CellValue): number | null {
  if (isFigure(v)) return v.hidden ? null : v.value;
  return typeof v === "number" ? v : null;
}

/**
 * One figure of the statistics pages: a chart and, beside it, the table with the same numbers and a CSV
 * download of that table (a data: link, no request needed).
 */
export async function StatFigure({
  id,
  title,
  note,
  chart,
  columns,
  rows,
  locale,
  csvName,
}: {
  id: string;
  title: string;
  note?: string;
  chart?: { kind: "bar" | "line" | "donut"; data: ChartDatum[]; series: ChartSeries[] };
  columns: TableColumn[];
  rows: TableRow[];
  locale: string;
  csvName: string;
}) {
  const t = await getTranslations("statistics");
  // XLSX: figures as numbers (a hidden one as "<5"), the rest as text.
  const typed = (v: CellValue): string | number | null =>
    isFigure(v) ? (v.hidden ? SUPPRESSED : v.value) : typeof v === "number" ? v : (v ?? null);
  const xlsxRows = [columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => typed(r.cells[c.key] ?? null)))];
  const csv = toCsv([
    columns.map((c) => c.label),
    ...rows.map((r) => columns.map((c) => cellText(r.cells[c.key] ?? null, locale, true))),
  ]);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={`figure-${id}`}
    >
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <span className="flex flex-wrap gap-3">
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
            download={`${csvName}.csv`}
            className="text-sm"
            data-testid={`csv-${id}`}
          >
            {t("downloadCsv")}
          </a>
          <XlsxDownload rows={xlsxRows} name={csvName} sheet={title} label={t("downloadXlsx")} testId={`xlsx-${id}`} />
        </span>
      </div>
      {note && <p className="mb-2 text-sm text-slate-600">{note}</p>}
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("noData")}</p>
      ) : (
        <div className={chart ? "grid gap-4 lg:grid-cols-2" : ""}>
          {chart && (
            <StatChart kind={chart.kind} data={chart.data} series={chart.series} label={title} locale={locale} />
          )}
          <div className="max-h-96 overflow-auto" role="region" aria-label={title} tabIndex={0}>
            <table className="w-full text-sm">
              <caption className="sr-only">{title}</caption>
              <thead className="sticky top-0 bg-slate-100 text-left">
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className={`px-2 py-1 ${c.numeric ? "text-right" : ""}`}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r, i) => (
                  <tr key={i}>
                    {columns.map((c, j) => {
                      const text = cellText(r.cells[c.key] ?? null, locale);
                      return j === 0 ? (
                        <th key={c.key} scope="row" className="px-2 py-1 text-left font-normal">
                          {r.href ? <Link href={r.href}>{text}</Link> : text}
                        </th>
                      ) : (
                        <td key={c.key} className={`px-2 py-1 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
