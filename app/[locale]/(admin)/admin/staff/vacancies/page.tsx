import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { classifierItems, ownOrganizationIds } from "@/lib/staff/staff";
import { ownVacancies } from "@/lib/staff/vacancies";
import { PageHeader } from "@/components/admin/page-header";
import { VacancyForm, WithdrawVacancyForm } from "@/components/staff/forms";

export const dynamic = "force-dynamic";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The school's vacancies: publish, withdraw, and hire into one (which closes it). */
export default async function VacanciesAdminPage({ params }: PageProps<"/[locale]/admin/staff/vacancies">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("staff.manage");
  const t = await getTranslations("staff");
  const organizationId = ownOrganizationIds(viewer)[0];
  const [vacancies, positions, subjects, languages] = await Promise.all([
    ownVacancies(viewer),
    classifierItems("POSITION"),
    classifierItems("SUBJECT"),
    classifierItems("LANGUAGE"),
  ]);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={t("vacancies.title")}
        description={t("vacancies.description")}
        link={{ href: "/vacancies", label: t("public.list") }}
      />
      <section className="rounded-lg bg-white p-4 shadow-sm">
        {vacancies.length === 0 ? (
          <p className="text-sm text-slate-600">{t("vacancies.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="own-vacancies">
            {vacancies.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-status={v.status}>
                <span className="font-medium">{localName(v.position, locale)}</span>
                {v.subject && <span>{localName(v.subject, locale)}</span>}
                <span>{t("public.hours", { hours: v.weeklyHours })}</span>
                <span className="font-mono text-xs">{day(v.startDate)}</span>
                <span className="rounded bg-slate-100 px-2">{t(`vacancies.statuses.${v.status}`)}</span>
                {v.status === "OPEN" && (
                  <span className="ml-auto flex items-center gap-2">
                    <Link href={`/admin/staff/new?vacancy=${v.id}`} data-testid="fill-vacancy">
                      {t("vacancies.fill")}
                    </Link>
                    <WithdrawVacancyForm id={v.id} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {organizationId && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("vacancies.new")}</h2>
          <VacancyForm
            organizationId={organizationId}
            locale={locale}
            positions={positions}
            subjects={subjects}
            languages={languages}
          />
        </section>
      )}
    </div>
  );
}
