import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { roleHas } from "@/lib/auth/permissions";
import { localName } from "@/lib/names";
import { almatyDate } from "@/lib/time";
import { admissionSchools } from "@/lib/services/applications";
import { admissionYears } from "@/lib/services/rules";
import { applyFirstGradeAction } from "@/lib/services/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";

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
  const ta = await getTranslations("admin");
  const parentRole = viewer.roles.find((r) => roleHas(r.role, "services.applyForChild"));
  if (!parentRole) {
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">{ta("forbiddenTitle")}</h1>
        <p className="mt-2 text-slate-600">{ta("forbiddenText")}</p>
      </div>
    );
  }
  // Schools of the parent's region first: the list stays short; the service itself takes any active school.
  const region = parentRole.territoryPath?.split("/").filter(Boolean).slice(0, 2);
  const schools = await admissionSchools(
    region && region.length === 2 ? { territory: { path: { startsWith: `/${region.join("/")}/` } } } : {},
  );
  const years = admissionYears(almatyDate(new Date()));
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/account/services">{t("my.title")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("firstGrade.title")}</h1>
      <p className="text-slate-700">{t("firstGrade.intro")}</p>
      <div className="rounded-lg bg-white p-4 shadow-sm">
        <ActionForm action={applyFirstGradeAction} submitLabel={t("firstGrade.submit")} testId="first-grade-form">
          <TextField
            name="childIin"
            label={t("firstGrade.childIin")}
            hint={t("firstGrade.childIinHint")}
            required
            inputMode="numeric"
            maxLength={12}
            autoComplete="off"
          />
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField name="childLastName" label={t("firstGrade.lastName")} required maxLength={100} />
            <TextField name="childFirstName" label={t("firstGrade.firstName")} required maxLength={100} />
            <TextField name="childMiddleName" label={t("firstGrade.middleName")} maxLength={100} />
          </div>
          <SelectField
            name="organizationId"
            label={t("firstGrade.school")}
            required
            placeholder="—"
            options={schools.map((s) => ({
              value: s.id,
              label: `${localName(s, locale)} — ${localName(s.territory, locale)}`,
            }))}
          />
          <SelectField
            name="admissionYear"
            label={t("firstGrade.admissionYear")}
            required
            defaultValue={years[1]}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        </ActionForm>
      </div>
    </div>
  );
}
