import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { catalogue } from "@/lib/staff/courses";
import { classifierOptions } from "@/lib/classifiers/queries";
import { COURSE_HOURS_POLICY } from "@/lib/staff/rules";
import { PageHeader } from "@/components/admin/page-header";
import { CourseForm, ProviderForm } from "@/components/staff/courses";

export const dynamic = "force-dynamic";

/** The catalogue of professional development: providers and their courses, kept by the ministry and regions. */
export default async function CoursesPage({ params }: PageProps<"/[locale]/admin/staff/courses">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("courses.manage");
  const t = await getTranslations("staff");
  const [providers, positions] = await Promise.all([catalogue(), classifierOptions("POSITION", locale)]);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={t("courses.title")}
        description={t("courses.description", { hours: COURSE_HOURS_POLICY.hours, years: COURSE_HOURS_POLICY.years })}
      />
      <section className="rounded-lg bg-white p-4 shadow-sm">
        {providers.length === 0 ? (
          <p className="text-sm text-slate-600">{t("courses.empty")}</p>
        ) : (
          <ul className="space-y-4" data-testid="course-catalogue">
            {providers.map((p) => (
              <li key={p.id}>
                <h2 className="font-semibold">{localName(p, locale)}</h2>
                {p.organization && <p className="text-xs text-slate-600">{localName(p.organization, locale)}</p>}
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {p.courses.map((c) => (
                    <li key={c.id}>
                      {localName(c, locale)} — {t("courses.hoursShort", { hours: c.hours })},{" "}
                      {t(`courses.formats.${c.format}`)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      {providers.length > 0 && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("courses.newCourse")}</h2>
          <CourseForm providers={providers} positions={positions} locale={locale} />
        </section>
      )}
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("courses.newProvider")}</h2>
        <ProviderForm />
      </section>
    </div>
  );
}
