import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { formatDate } from "@/lib/time";
import { reviewPeriods } from "@/lib/reporting/review";
import { PageHeader } from "@/components/admin/page-header";
import { localText } from "@/components/reporting-review/labels";
import { Table } from "@/components/ui/table";

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
      <Table
        caption={t("reports.title")}
        columns={[t("reports.year"), t("reports.form"), t("reports.period"), t("reports.dueDate"), t("reports.state")]}
        rows={periods}
        empty={t("board.noPeriods")}
      >
        {(p) => (
          <tr key={p.id} className="border-t border-slate-100">
            <td className="px-3 py-2 tabular-nums">{p.year}</td>
            <td className="px-3 py-2">
              <Link href={`/admin/reporting/reports/${p.id}`}>
                {p.formCode} — {localText(p.formName, locale)}
              </Link>
            </td>
            <td className="px-3 py-2">{p.label}</td>
            <td className="px-3 py-2 tabular-nums">{formatDate(p.dueDate, locale)}</td>
            <td className="px-3 py-2">
              {p.closedAt ? t("reports.closedOn", { date: formatDate(p.closedAt, locale) }) : t("reports.open")}
            </td>
          </tr>
        )}
      </Table>
    </div>
  );
}
