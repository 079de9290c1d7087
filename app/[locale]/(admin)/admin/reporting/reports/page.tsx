import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { formatDate } from "@/lib/time";
import { reviewPeriods } from "@/lib/reporting/review";
import { PageHeader } from "@/components/admin/page-header";
import { localText } from "@/components/reporting-review/labels";

export const dynamic = "force-dynamic";

/** Final reports (R7): the periods of the published lists, each with its consolidated report. */
export default async function ReportsPage({ params }: PageProps<"/[locale]/admin/reporting/reports">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("reporting.review");
  const t = await getTranslations("reporting-review");
  const periods = await reviewPeriods();
  return (
    <div>
      <PageHeader title={t("reports.title")} description={t("reports.description")} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("reports.title")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("reports.year")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("reports.form")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("reports.period")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("reports.dueDate")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("reports.state")}
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-slate-500">
                  {t("board.noPeriods")}
                </td>
              </tr>
            )}
            {periods.map((p) => (
              <tr key={p.id} className="border-t border-slate-100">
                <td className="px-3 py-2 tabular-nums">{p.year}</td>
                <td className="px-3 py-2">
                  <Link href={`/admin/reporting/reports/${p.id}`}>
                    {p.formCode} — {localText(p.formName, locale)}
                  </Link>
                </td>
                <td className="px-3 py-2">{p.label}</td>
                <td className="px-3 py-2 tabular-nums">{formatDate(p.dueDate)}</td>
                <td className="px-3 py-2">
                  {p.closedAt ? t("reports.closedOn", { date: formatDate(p.closedAt) }) : t("reports.open")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
