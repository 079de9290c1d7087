import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { almatyDate } from "@/lib/time";
import { providerCourses } from "@/lib/staff/applications";
import { classifierOptions } from "@/lib/classifiers/queries";
import { PageHeader } from "@/components/admin/page-header";
import { CourseForm } from "@/components/staff/courses";
import { CourseRunLine, ProviderApplicantForms } from "@/components/staff/applications";

export const dynamic = "force-dynamic";

/**
 * A provider's page (an organisation of kind "professional development institute"): its own courses, a form
 * for a new course run, and under each course the applicants their schools approved — attendance and
 * completion, which issues the certificate.
 */
export default async function ProviderPage({ params }: PageProps<"/[locale]/admin/staff/provider">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("courses.provide");
  const t = await getTranslations("staff");
  const [providers, positions] = await Promise.all([providerCourses(viewer), classifierOptions("POSITION", locale)]);
  const today = almatyDate(new Date());
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("applications.providerTitle")} description={t("applications.providerDescription")} />
      {providers.length === 0 ? (
        <p className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm">{t("applications.notProvider")}</p>
      ) : (
        <>
          {providers.map((provider) => (
            <section key={provider.id} className="space-y-4" data-testid="provider-courses">
              <h2 className="text-lg font-semibold">{localName(provider, locale)}</h2>
              {provider.courses.length === 0 && <p className="text-sm text-slate-600">{t("courses.noCourses")}</p>}
              {provider.courses.map((c) => (
                <article
                  key={c.id}
                  className="rounded-lg bg-white p-4 text-sm shadow-sm"
                  data-testid="provider-course"
                  data-course={c.id}
                >
                  <h3 className="text-base">
                    <CourseRunLine course={{ ...c, provider }} locale={locale} />
                  </h3>
                  {c.seats !== null && (
                    <p className="text-xs text-slate-600">
                      {t("applications.places", { taken: c._count.applications, seats: c.seats })}
                    </p>
                  )}
                  <h4 className="mt-2 font-medium">{t("applications.applicants")}</h4>
                  {c.applications.length === 0 ? (
                    <p className="text-slate-600">{t("applications.noApplicants")}</p>
                  ) : (
                    <ul className="mt-1 space-y-3" data-testid="provider-applicants">
                      {c.applications.map((a) => {
                        const p = a.employee.person;
                        return (
                          <li key={a.id} className="border-t border-slate-100 pt-2" data-status={a.status}>
                            <span className="font-medium">
                              {[p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ")}
                            </span>{" "}
                            — {localName(a.organization, locale)}
                            <span className="block text-slate-600">
                              {t(`applications.statuses.${a.status}`)} ·{" "}
                              {a.attended === null
                                ? t("applications.notMarked")
                                : a.attended
                                  ? t("applications.attendedYes")
                                  : t("applications.attendedNo")}
                              {a.completion ? ` · ${a.completion.number}` : ""}
                            </span>
                            {a.status === "APPROVED" && (
                              <ProviderApplicantForms id={a.id} attended={a.attended} today={today} />
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </article>
              ))}
            </section>
          ))}
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("courses.newCourse")}</h2>
            <CourseForm providers={providers} positions={positions} locale={locale} own />
          </section>
        </>
      )}
    </div>
  );
}
