import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { classifierItems, ownOrganizationIds } from "@/lib/staff/staff";
import { ownVacancies } from "@/lib/staff/vacancies";
import { PageHeader } from "@/components/admin/page-header";
import { HireForm } from "@/components/staff/forms";

export const dynamic = "force-dynamic";

/** The school admin hires an employee (by IIN), optionally into one of the school's open vacancies. */
export default async function HirePage({ params, searchParams }: PageProps<"/[locale]/admin/staff/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("staff.manage");
  const t = await getTranslations("staff");
  const organizationId = ownOrganizationIds(viewer)[0];
  const { vacancy } = await searchParams;
  const [positions, subjects, vacancies] = await Promise.all([
    classifierItems("POSITION"),
    classifierItems("SUBJECT"),
    ownVacancies(viewer),
  ]);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t("hire.title")}
        description={t("hire.description")}
        link={{ href: "/admin/staff", label: t("card.back") }}
      />
      {organizationId && (
        <div className="rounded-lg bg-white p-6 shadow-sm">
          <HireForm
            organizationId={organizationId}
            locale={locale}
            positions={positions}
            subjects={subjects}
            vacancyId={typeof vacancy === "string" ? vacancy : undefined}
            vacancies={vacancies
              .filter((v) => v.status === "OPEN")
              .map((v) => ({
                id: v.id,
                label: [
                  localName(v.position, locale),
                  v.subject ? localName(v.subject, locale) : null,
                  `${v.weeklyHours}`,
                ]
                  .filter(Boolean)
                  .join(" · "),
                positionId: v.positionId,
                subjectId: v.subjectId,
                weeklyHours: v.weeklyHours,
              }))}
          />
        </div>
      )}
    </div>
  );
}
