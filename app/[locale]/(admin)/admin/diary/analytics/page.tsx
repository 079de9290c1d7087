import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { chosenSchool, schoolAnalytics } from "@/lib/diary/setup";
import { PageHeader } from "@/components/admin/page-header";
import { Notice } from "@/components/ui/notice";
import { Table } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";

/** The school's analytics: averages and attendance by class and subject, students at risk. */
export default async function DiaryAnalyticsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/diary/analytics">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("diary.analytics");
  const viewer = await getViewer();
  const organizationId = chosenSchool(viewer, (await searchParams).org);
  if (!viewer || !organizationId) {
    return <Notice title={t("title")}>{t("notSchoolAdmin")}</Notice>;
  }
  const a = await schoolAnalytics(viewer, organizationId);
  const num = (n: number | null, digits = 1) =>
    n === null ? "—" : formatNumber(n, locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={a.term ? t("term", { n: a.term.number }) : t("noTerm")}
        actions={
          <Link href="/admin/diary" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
            {t("toSetup")}
          </Link>
        }
      />
      <section className="relative overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("byClass")}</h2>
        <Table
          look="plain"
          testId="analytics-table"
          columns={[
            t("class"),
            t("subject"),
            { label: t("average"), numeric: true },
            { label: t("marks"), numeric: true },
            { label: t("attendance"), numeric: true },
          ]}
          rows={a.rows}
        >
          {(r) => (
            <tr key={`${r.classGroupId}:${r.subject.nameKk}`} className="border-t border-slate-100">
              <td className="py-1 pr-3">{r.className}</td>
              <td className="py-1 pr-3">{localName(r.subject, locale)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{num(r.average, 2)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{r.marks}</td>
              <td className="py-1 pr-3 text-right tabular-nums">
                {r.attendanceRate === null ? "—" : `${num(r.attendanceRate)}%`}
              </td>
            </tr>
          )}
        </Table>
        {a.rows.length === 0 && <p className="text-slate-600">{t("empty")}</p>}
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-1 font-semibold">{t("atRisk")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t("atRiskRule")}</p>
        {a.atRisk.length === 0 ? (
          <p className="text-slate-600">{t("noneAtRisk")}</p>
        ) : (
          <Table
            look="plain"
            testId="at-risk"
            columns={[
              t("student"),
              t("class"),
              { label: t("absences"), numeric: true },
              { label: t("average"), numeric: true },
              t("why"),
            ]}
            rows={a.atRisk}
          >
            {(s) => (
              <tr key={s.studentId} className="border-t border-slate-100">
                <td className="py-1 pr-3">{s.name}</td>
                <td className="py-1 pr-3">{s.className}</td>
                <td className="py-1 pr-3 text-right tabular-nums">
                  {s.absences} / {s.lessons}
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">{num(s.average, 2)}</td>
                <td className="py-1 pr-3">{s.reasons.map((r) => t(`reasons.${r}`)).join(", ")}</td>
              </tr>
            )}
          </Table>
        )}
      </section>
    </div>
  );
}
