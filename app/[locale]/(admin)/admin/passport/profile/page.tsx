import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { passportOf } from "@/lib/passport/passport";
import { saveProfileAction } from "@/lib/passport/actions";
import { INTERNET_TYPES } from "@/lib/passport/rules";
import { formatDateTime } from "@/lib/format";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { NoPassport, PassportTabs } from "@/components/passport/tabs";
import { ActionForm } from "@/components/forms/action-form-client";
import { CheckboxField, FormErrors, SelectField, TextField } from "@/components/forms/fields-client";

export const dynamic = "force-dynamic";

/** Shifts, equipment, connectivity and transport: one form, saved as a new version. */
export default async function PassportProfilePage({ params }: PageProps<"/[locale]/admin/passport/profile">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("passport.manage");
  const t = await getTranslations("passport");
  const passport = await passportOf(viewer);
  if (!passport) return <NoPassport />;
  const p = passport.profile;
  const num = (name: string, value: number | undefined, required = false) => (
    <TextField
      name={name}
      label={t(`fields.${name as "enrolment"}`)}
      inputMode="numeric"
      required={required}
      defaultValue={value ?? 0}
    />
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={localName(passport.organization, locale)} />
      <PassportTabs current="profile" />
      <section aria-labelledby="profile-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="profile-title" className="text-lg font-semibold">
          {t("profile.title")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {t("profile.hint")}
          {p && <> {t("profile.lastChange", { at: formatDateTime(p.validFrom, locale) })}</>}
        </p>
        <ActionForm action={saveProfileAction} submitLabel={t("profile.submit")} testId="profile-form">
          <input type="hidden" name="organizationId" value={passport.organization.id} />
          <fieldset className="space-y-3">
            <legend className="mb-1 font-semibold">{t("profile.shiftsTitle")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {num("enrolment", p?.enrolment, true)}
              <SelectField
                name="shifts"
                label={t("fields.shifts")}
                required
                defaultValue={p?.shifts ?? 1}
                options={[1, 2, 3].map((n) => ({ value: String(n), label: String(n) }))}
              />
            </div>
            <div className="grid gap-4 sm:grid-cols-3">
              {num("shift1Pupils", p?.shift1Pupils, true)}
              {num("shift2Pupils", p?.shift2Pupils)}
              {num("shift3Pupils", p?.shift3Pupils)}
              {num("shift1Classes", p?.shift1Classes, true)}
              {num("shift2Classes", p?.shift2Classes)}
              {num("shift3Classes", p?.shift3Classes)}
            </div>
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="mb-1 font-semibold">{t("profile.equipmentTitle")}</legend>
            <div className="grid gap-4 sm:grid-cols-3">
              {num("computers", p?.computers)}
              {num("computersAge", p?.computersAge)}
              {num("boards", p?.boards)}
            </div>
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="mb-1 font-semibold">{t("profile.connectivityTitle")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="internet"
                label={t("fields.internet")}
                required
                defaultValue={p?.internet ?? "NONE"}
                options={INTERNET_TYPES.map((i) => ({ value: i, label: t(`internet.${i}`) }))}
              />
              {num("internetMbps", p?.internetMbps)}
            </div>
            <CheckboxField
              name="wifiClassrooms"
              label={t("fields.wifiClassrooms")}
              defaultChecked={p?.wifiClassrooms}
            />
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="mb-1 font-semibold">{t("profile.transportTitle")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {num("buses", p?.buses)}
              {num("pupilsCarried", p?.pupilsCarried)}
            </div>
          </fieldset>
          <FormErrors names={["organizationId", "_form"]} />
        </ActionForm>
      </section>
    </div>
  );
}
