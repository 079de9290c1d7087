import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { formatDate } from "@/lib/format";
import { schoolApplications } from "@/lib/staff/applications";
import { PageHeader } from "@/components/admin/page-header";
import { CourseRunLine, DecideCourseForms } from "@/components/staff/applications";

export const dynamic = "force-dynamic";

/**
 * The school admin's queue of course applications of the school's teachers: the open ones with the approve and
 * refuse (with a reason) forms, then the decided ones with their status.
 */
export default async function CourseApplicationsPage({ params }: PageProps<"/[locale]/admin/staff/applications">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("staff.manage");
  const t = await getTranslations("staff");
  const rows = await schoolApplications(viewer);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("applications.queueTitle")} description={t("applications.queueDescription")} />
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm">{t("applications.empty")}</p>
      ) : (
        <ul className="space-y-4" data-testid="course-applications">
          {rows.map((a) => {
            const p = a.employee.person;
            const name = [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
            return (
              <li key={a.id} className="rounded-lg bg-white p-4 text-sm shadow-sm" data-status={a.status}>
                <h2 className="text-base font-semibold">
                  <Link href={`/admin/staff/${a.employee.id}`}>{name}</Link>
                </h2>
                <p>
                  <CourseRunLine course={a.course} locale={locale} />
                </p>
                <p className="text-xs text-slate-600">
                  {localName(a.organization, locale)} ·{" "}
                  {t("applications.submitted", { date: formatDate(a.submittedAt, locale) })}
                </p>
                {a.status === "SUBMITTED" ? (
                  <DecideCourseForms id={a.id} />
                ) : (
                  <p className="mt-2">
                    <span className="rounded bg-slate-100 px-2">{t(`applications.statuses.${a.status}`)}</span>
                    {a.status === "REFUSED" && a.reason ? ` ${a.reason}` : ""}
                    {a.completion ? ` ${a.completion.number}` : ""}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
