import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { consolidatedReport, reportCsv, reportXlsx, type ReportLabels } from "@/lib/reporting/reports";

export const dynamic = "force-dynamic";

/**
 * The consolidated report of a period (R7) as CSV or XLSX (`format=csv|xlsx`, labels in `locale`), limited
 * to the caller's scope: a session with `reporting.review` is required.
 */
export const GET = route({
  permission: "reporting.review",
  params: z.object({ periodId: z.string() }),
  query: z.object({ format: z.enum(["csv", "xlsx"]).default("csv") }),
  handler: async ({ scope, params, query, locale }) => {
    const { format } = query;
    const report = await consolidatedReport(scope, params.periodId);
    const t = await getTranslations({ locale, namespace: "reporting-review.reports" });
    const labels: ReportLabels = {
      title: t("title"),
      region: t("region"),
      district: t("district"),
      total: t("total"),
      regionLevel: t("regionLevel"),
      republicLevel: t("republicLevel"),
      obliged: t("stats.obliged"),
      handedOver: t("stats.handedOver"),
      accepted: t("stats.accepted"),
      late: t("stats.late"),
      onTime: t("stats.onTime"),
      missing: t("stats.missing"),
      completeness: t("stats.completeness"),
      timeliness: t("stats.timeliness"),
      byRow: t("byRowTitle"),
      row: t("row"),
      provisional: t("provisional"),
    };
    const name = `${report.form.code}-${report.period.label}`.replace(/[^\p{L}\p{N}\-_.]/gu, "_");
    const headers = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };
    if (format === "csv") {
      return new NextResponse(reportCsv(report, locale, labels), {
        headers: {
          ...headers,
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent(name)}.csv`,
        },
      });
    }
    const body = await reportXlsx(report, locale, labels);
    return new NextResponse(new Uint8Array(body), {
      headers: {
        ...headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
      },
    });
  },
});
