import { getTranslations } from "next-intl/server";
import { StatChart } from "@/components/statistics/chart";
import { Prose } from "@/components/ui/prose";
import { formatNumber } from "@/lib/format";
import { SUPPRESSED } from "@/lib/databank/suppression";
import type { Cell, WidgetData, WidgetTable } from "@/lib/dashboards/widgets";

const SPAN: Record<number, string> = { 1: "lg:col-span-1", 2: "lg:col-span-2", 3: "lg:col-span-3" };

/**
 * A dashboard's widgets in a grid of three columns (one column on a phone), as read by lib/dashboards for
 * the viewer (or, on the public page, with small counts hidden). Charts are StatChart's server-drawn SVG, with
 * the table of their figures beside them for assistive technology.
 */
export async function DashboardView({ widgets, locale }: { widgets: WidgetData[]; locale: string }) {
  const t = await getTranslations("dashboards.widget");
  const td = await getTranslations("databank");
  const fmt = (c: Cell) =>
    c.hidden ? SUPPRESSED : c.value === null ? "—" : formatNumber(c.value, locale, { maximumFractionDigits: 2 });
  const hasHidden = widgets.some(
    (w) =>
      (w.kind === "figure" && (w.value.hidden || w.previous?.hidden)) ||
      ((w.kind === "table" || w.kind === "chart") &&
        w.table &&
        (w.table.grandTotal.hidden ||
          w.table.lines.some((l) => l.total.hidden || l.values.some((v) => v.hidden)) ||
          w.table.columnTotals.some((v) => v.hidden))),
  );

  const table = (data: WidgetTable, caption: string, testId: string) => (
    <div className="max-h-[28rem] overflow-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {data.rows.map((d) => (
              <th key={d} scope="col" className="px-2 py-1">
                {td(`dimension.${d}`)}
              </th>
            ))}
            {data.hasColumns &&
              data.columnLabels.map((l, i) => (
                <th key={i} scope="col" className="px-2 py-1 text-right">
                  {l}
                </th>
              ))}
            <th scope="col" className="px-2 py-1 text-right">
              {data.hasColumns ? t("total") : td(`measure.${data.measure as "sum"}`)}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.lines.map((line, i) => (
            <tr key={i} data-kind={line.kind} className={line.kind === "subtotal" ? "bg-slate-50 font-semibold" : ""}>
              {line.kind === "subtotal" ? (
                <th scope="row" colSpan={Math.max(data.rows.length, 1)} className="px-2 py-1 text-left">
                  {t("subtotal", { name: line.labels[0] ?? "" })}
                </th>
              ) : (
                (data.rows.length ? line.labels : [t("total")]).map((l, j) => (
                  <th key={j} scope="row" className="px-2 py-1 text-left font-normal">
                    {l}
                  </th>
                ))
              )}
              {data.hasColumns &&
                line.values.map((v, j) => (
                  <td key={j} className="px-2 py-1 text-right tabular-nums" data-hidden={v.hidden || undefined}>
                    {fmt(v)}
                  </td>
                ))}
              <td
                className="px-2 py-1 text-right font-medium tabular-nums"
                data-hidden={line.total.hidden || undefined}
              >
                {fmt(line.total)}
              </td>
            </tr>
          ))}
        </tbody>
        {data.rows.length > 0 && (
          <tfoot className="border-t-2 border-slate-300 font-semibold">
            <tr>
              <th scope="row" colSpan={data.rows.length} className="px-2 py-1 text-left">
                {t("total")}
              </th>
              {data.hasColumns &&
                data.columnTotals.map((v, j) => (
                  <td key={j} className="px-2 py-1 text-right tabular-nums">
                    {fmt(v)}
                  </td>
                ))}
              <td className="px-2 py-1 text-right tabular-nums" data-testid="widget-grand-total">
                {fmt(data.grandTotal)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );

  const problem = (key: "viewMissing" | "viewNotReadable" | "noData") => (
    <p
      role="note"
      className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
      data-testid="widget-problem"
    >
      {t(key)}
    </p>
  );

  return (
    <div className="space-y-3">
      <div className="dashboard-grid grid gap-4 lg:grid-cols-3" data-testid="dashboard-widgets">
        {widgets.map((w, i) => {
          const headingId = `widget-${i}`;
          const frame = "dashboard-widget min-w-0 space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
          return (
            <section
              key={i}
              className={`${frame} ${SPAN[w.width] ?? ""}`}
              data-testid={`widget-${w.kind}`}
              aria-labelledby={w.kind === "text" ? undefined : headingId}
            >
              {w.kind === "text" ? (
                <Prose html={w.html} />
              ) : w.kind === "figure" ? (
                <>
                  <h2 id={headingId} className="text-base font-semibold">
                    {t("figureOf", { indicator: td(`indicator.${w.indicator}`), year: w.year ?? "—" })}
                  </h2>
                  {w.problem ? (
                    problem(w.problem)
                  ) : (
                    <>
                      <p className="text-3xl font-bold tabular-nums" data-testid="figure-value">
                        {fmt(w.value)}
                      </p>
                      <p className="text-sm text-slate-700" data-testid="figure-trend">
                        {w.previous === null || w.previousYear === null
                          ? t("noPrevious")
                          : w.change === null
                            ? t("previous", { year: w.previousYear, value: fmt(w.previous) })
                            : w.change > 0
                              ? t("trendUp", { change: formatNumber(w.change, locale), year: w.previousYear })
                              : w.change < 0
                                ? t("trendDown", { change: formatNumber(w.change, locale), year: w.previousYear })
                                : t("trendFlat", { year: w.previousYear })}
                      </p>
                    </>
                  )}
                </>
              ) : (
                <>
                  <h2 id={headingId} className="text-base font-semibold">
                    {w.title || t("viewMissing")}
                  </h2>
                  {w.problem || !w.table ? (
                    problem(w.problem ?? "noData")
                  ) : (
                    <>
                      {w.table.preliminary.length > 0 && (
                        <p className="text-xs text-amber-800">
                          {t("preliminary", { years: w.table.preliminary.join(", ") })}
                        </p>
                      )}
                      {w.kind === "chart" ? (
                        <>
                          {w.data.length > 0 && (
                            <StatChart kind={w.chart} data={w.data} series={w.series} label={w.title} locale={locale} />
                          )}
                          <details className="text-sm">
                            <summary className="cursor-pointer">{t("chartTable")}</summary>
                            {table(w.table, w.title, "widget-chart-table")}
                          </details>
                        </>
                      ) : (
                        table(w.table, w.title, "widget-table-data")
                      )}
                    </>
                  )}
                </>
              )}
            </section>
          );
        })}
      </div>
      {hasHidden && <p className="text-xs text-slate-600">{t("hiddenNote")}</p>}
    </div>
  );
}
