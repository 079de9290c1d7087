import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/time";
import { consolidatedReport, rowTable, type ReportLine } from "@/lib/reporting/reports";
import { PageHeader } from "@/components/admin/page-header";
import { localText } from "@/components/reporting-review/labels";
import { PrintButton } from "@/components/ui/print-button-client";
import { ClosePeriod } from "@/components/reporting-review/close-period-client";
import { linkButtonClass } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import { localName } from "@/lib/names";
import { regionPrefillPanel } from "@/lib/reporting/prefill-region";
import { RegionPrefill } from "@/components/reporting-review/region-prefill-client";

export const dynamic = "force-dynamic";

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/** The consolidated report of one period (R7): totals by region and district, completeness, timeliness. */
export default async function ReportPage({ params }: PageProps<"/[locale]/admin/reporting/reports/[periodId]">) {
  const { locale, periodId } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("reporting.review");
  const t = await getTranslations("reporting-review");
  let report;
  try {
    report = await consolidatedReport(scope, periodId);
  } catch (error) {
    if (error instanceof AppError && error.code === "notFound") notFound();
    throw error;
  }
  const canClose = Boolean(scopeOf(viewer, "reporting.accept")) && !report.period.closedAt;
  const prefill = await regionPrefillPanel(viewer, {
    id: periodId,
    closedAt: report.period.closedAt,
    formCode: report.form.code,
  });
  const tp = await getTranslations("reporting.prefill.region");
  const num = (n: number) => formatNumber(n, locale, { maximumFractionDigits: 2 });
  const lineName = (l: ReportLine) =>
    l.level === "total"
      ? t("reports.total")
      : l.name
        ? localText(l.name, locale)
        : l.level === "region"
          ? t("reports.republicLevel")
          : t("reports.regionLevel");
  const lines = [...report.lines, report.total];
  const tables = rowTable(report);
  const download = (format: "csv" | "xlsx") =>
    `/api/v1/reporting/reports/${encodeURIComponent(periodId)}?format=${format}&locale=${locale}`;
  return (
    <div className="report">
      <style>
        {
          "@page { size: A4 landscape; margin: 10mm; } @media print { .report table { font-size: 9pt; } .report section { box-shadow: none; break-inside: auto; } }"
        }
      </style>
      <p className="no-print mb-2 text-sm">
        <Link href="/admin/reporting/reports">← {t("reports.title")}</Link>
      </p>
      <PageHeader
        title={`${report.form.code} — ${localText(report.form.name, locale)}`}
        description={t("reports.subtitle", {
          period: report.period.label,
          year: report.form.year,
          order: report.form.orderNumber,
          orderDate: formatDate(report.form.orderDate, locale),
        })}
        actions={
          <div className="no-print flex flex-wrap gap-2">
            <a href={download("csv")} className={linkButtonClass({ variant: "secondary" })} data-testid="download-csv">
              {t("reports.csv")}
            </a>
            <a
              href={download("xlsx")}
              className={linkButtonClass({ variant: "secondary" })}
              data-testid="download-xlsx"
            >
              {t("reports.xlsx")}
            </a>
            <PrintButton label={t("reports.print")} />
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-start gap-4">
        <p
          className={`rounded px-3 py-2 text-sm ${report.period.closedAt ? "bg-green-50 text-green-900" : "bg-amber-50 text-amber-900"}`}
          data-testid="report-state"
        >
          {report.period.closedAt
            ? t("reports.final", { date: formatDateTime(report.period.closedAt, locale) })
            : t("reports.provisional")}
          <span className="ml-2 text-slate-600">
            {t("reports.generated", { date: formatDateTime(report.generatedAt, locale) })}
          </span>
        </p>
        {canClose && (
          <div className="no-print">
            <ClosePeriod
              periodId={periodId}
              label={t("reports.close")}
              confirm={t("reports.closeConfirm")}
              pending={t("review.working")}
            />
          </div>
        )}
      </div>

      {prefill && (
        <section
          className="no-print mb-6 rounded-lg bg-white p-3 shadow-sm"
          aria-labelledby="region-prefill-title"
          data-testid="region-prefill"
        >
          <h2 id="region-prefill-title" className="mb-1 font-semibold">
            {tp("title")}
          </h2>
          <p className="mb-2 text-sm text-slate-600">{tp("description")}</p>
          <RegionPrefill
            periodId={periodId}
            regions={prefill.regions.map((r) => ({ id: r.id, name: localName(r, locale) }))}
            runs={prefill.runs.map((r) => ({
              id: r.id,
              status: r.status,
              total: r.total,
              done: r.done,
              filled: r.filled,
              skipped: r.skipped,
              keptCells: r.keptCells,
              territory: localName(r.territory, locale),
              createdAt: formatDateTime(r.createdAt, locale),
            }))}
            labels={{
              territory: tp("territory"),
              start: tp("start"),
              starting: tp("starting"),
              runs: tp("runs"),
              none: tp("none"),
              progress: tp.raw("progress") as string,
              result: tp.raw("result") as string,
              status: {
                QUEUED: tp("status.QUEUED"),
                RUNNING: tp("status.RUNNING"),
                DONE: tp("status.DONE"),
                FAILED: tp("status.FAILED"),
              },
            }}
          />
        </section>
      )}

      <section
        className="mb-6 relative overflow-x-auto rounded-lg bg-white p-3 shadow-sm"
        aria-labelledby="completeness-title"
        tabIndex={0}
      >
        <h2 id="completeness-title" className="mb-2 font-semibold">
          {t("reports.completenessTitle")}
        </h2>
        <table className="w-full text-sm" data-testid="report-completeness">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                {t("reports.territory")}
              </th>
              {(["obliged", "handedOver", "accepted", "onTime", "late", "missing"] as const).map((k) => (
                <th key={k} scope="col" className="px-2 py-1 text-right">
                  {t(`reports.stats.${k}`)}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 text-right">
                {t("reports.stats.completeness")}
              </th>
              <th scope="col" className="px-2 py-1 text-right">
                {t("reports.stats.timeliness")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr
                key={`${l.level}:${l.territoryId ?? i}`}
                className={`border-t border-slate-100 ${l.level !== "district" ? "font-semibold" : ""} ${l.level === "total" ? "bg-slate-50" : ""}`}
              >
                <th scope="row" className={`px-2 py-1 text-left ${l.level === "district" ? "pl-6 font-normal" : ""}`}>
                  {lineName(l)}
                </th>
                {(["obliged", "handedOver", "accepted", "onTime", "late", "missing"] as const).map((k) => (
                  <td key={k} className="px-2 py-1 text-right tabular-nums">
                    {num(l.stats[k])}
                  </td>
                ))}
                <td className="px-2 py-1 text-right tabular-nums">{percent(l.stats.handedOver, l.stats.obliged)} %</td>
                <td className="px-2 py-1 text-right tabular-nums">{percent(l.stats.onTime, l.stats.obliged)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section
        className="mb-6 relative overflow-x-auto rounded-lg bg-white p-3 shadow-sm"
        aria-labelledby="totals-title"
        tabIndex={0}
      >
        <h2 id="totals-title" className="mb-1 font-semibold">
          {t("reports.totalsTitle")}
        </h2>
        <p className="mb-2 text-xs text-slate-600">{t("reports.totalsNote")}</p>
        <table className="w-full text-sm" data-testid="report-totals">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                {t("reports.territory")}
              </th>
              {report.indicators.map((i) => (
                <th key={i.key} scope="col" className="px-2 py-1 text-right align-bottom" data-indicator={i.key}>
                  <span className="block text-xs font-normal text-slate-600">{localText(i.section, locale)}</span>
                  {localText(i.label, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr
                key={`${l.level}:${l.territoryId ?? i}`}
                className={`border-t border-slate-100 ${l.level !== "district" ? "font-semibold" : ""} ${l.level === "total" ? "bg-slate-50" : ""}`}
                data-line={l.level}
                data-territory={l.territoryId ?? ""}
              >
                <th scope="row" className={`px-2 py-1 text-left ${l.level === "district" ? "pl-6 font-normal" : ""}`}>
                  {lineName(l)}
                </th>
                {report.indicators.map((ind) => (
                  <td key={ind.key} className="px-2 py-1 text-right tabular-nums" data-indicator={ind.key}>
                    {num(l.totals[ind.key] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {tables.length > 0 && (
        <section
          className="mb-6 relative overflow-x-auto rounded-lg bg-white p-3 shadow-sm"
          aria-labelledby="rows-title"
          tabIndex={0}
        >
          <h2 id="rows-title" className="mb-2 font-semibold">
            {t("reports.byRowTitle")}
          </h2>
          <table className="w-full text-sm" data-testid="report-rows">
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1 text-left">
                  {t("reports.row")}
                </th>
                {tables.map((i) => (
                  <th key={i.key} scope="col" className="px-2 py-1 text-right">
                    {localText(i.label, locale)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tables[0]!.rows!.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {localText(r.label, locale)}
                  </th>
                  {tables.map((i) => (
                    <td key={i.key} className="px-2 py-1 text-right tabular-nums">
                      {num(report.byRow[i.key]?.[r.key] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
