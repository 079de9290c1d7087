import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { roleHas } from "@/lib/auth/permissions";
import { almatyDate } from "@/lib/time";
import { admissionSchools } from "@/lib/services/applications";
import { admissionYears } from "@/lib/services/rules";
import { applyFirstGradeAction } from "@/lib/services/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField } from "@/components/forms/fields-client";

import { ApplicationPage, ChildFields, SchoolSelect, ServicesForbidden } from "@/components/services/application-parts";

export const dynamic = "force-dynamic";

/** A parent's application for a child's admission to first grade. */
export default async function FirstGradePage({ params }: PageProps<"/[locale]/account/services/first-grade">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/services/first-grade` } },
      locale,
    });
  const t = await getTranslations("services");
  const parentRole = viewer.roles.find((r) => roleHas(r.role, "services.applyForChild"));
  if (!parentRole) {
    return <ServicesForbidden />;
  }
  // Schools of the parent's region first: the list stays short; the service itself takes any active school.
  const region = parentRole.territoryPath?.split("/").filter(Boolean).slice(0, 2);
  const schools = await admissionSchools(
    region && region.length === 2 ? { territory: { path: { startsWith: `/${region.join("/")}/` } } } : {},
  );
  const years = admissionYears(almatyDate(new Date()));
  return (
    <ApplicationPage title={t("firstGrade.title")} intro={t("firstGrade.intro")}>
      <div className="rounded-lg bg-white p-4 shadow-sm">
        <ActionForm action={applyFirstGradeAction} submitLabel={t("firstGrade.submit")} testId="first-grade-form">
          <ChildFields />
          <SchoolSelect name="organizationId" label={t("firstGrade.school")} schools={schools} locale={locale} />
          <SelectField
            name="admissionYear"
            label={t("firstGrade.admissionYear")}
            required
            defaultValue={years[1]}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        </ActionForm>
      </div>
    </ApplicationPage>
  );
}
