import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/format";
import { Link } from "@/i18n/navigation";
import type { Figure } from "@/lib/databank/public";
import { SUPPRESSED } from "@/lib/databank/suppression";
import { StatChart, type ChartDatum, type ChartSeries } from "./chart";
import { TableDownload } from "./table-download-client";

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
export function cellText(v: CellValue, locale: string): string {
  if (isFigure(v)) {
    if (v.hidden) return SUPPRESSED;
    return v.value === null ? "—" : formatNumber(v.value, locale, { maximumFractionDigits: 1 });
  }
  if (v === null) return "—";
  if (typeof v === "number") return formatNumber(v, locale, { maximumFractionDigits: 1 });
  return v;
}

/**
 * The raw number behind a cell shown formatted ("1 234,5" → "1234.5"; "" when missing), for the downloads;
 * undefined where the text is the value (names, "<5").
 */
function rawValue(v: CellValue): string | undefined {
  if (isFigure(v)) return v.hidden ? undefined : v.value === null ? "" : String(v.value);
  if (typeof v === "number") return String(v);
  return v === null ? "" : undefined;
}

/** The number of a cell for a chart (null when hidden or missing). */
export function chartValue(v: CellValue): number | null {
  if (isFigure(v)) return v.hidden ? null : v.value;
  return typeof v === "number" ? v : null;
}

/**
 * One figure of the statistics pages: a chart and, beside it, the table with the same numbers, and CSV and
 * XLSX of that table built in the browser from the table (no request, and the numbers are sent once).
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
        <TableDownload
          tableId={`${id}-table`}
          name={csvName}
          sheet={title}
          csvLabel={t("downloadCsv")}
          xlsxLabel={t("downloadXlsx")}
          testId={id}
        />
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
            <table id={`${id}-table`} className="w-full text-sm">
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
                      const value = r.cells[c.key] ?? null;
                      const text = cellText(value, locale);
                      return j === 0 ? (
                        <th key={c.key} scope="row" className="px-2 py-1 text-left font-normal">
                          {r.href ? <Link href={r.href}>{text}</Link> : text}
                        </th>
                      ) : (
                        <td
                          key={c.key}
                          className={`px-2 py-1 ${c.numeric ? "text-right tabular-nums" : ""}`}
                          data-v={rawValue(value)}
                        >
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
