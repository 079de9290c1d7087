import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { CheckboxField, FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";
import { classifierOptions } from "@/lib/classifiers/queries";
import { PERIODICITIES } from "@/lib/reporting/designer-schemas";
import { DesignerKindsField, DesignerAddresseesField } from "./designer-settings-fields-client";

interface FormValues {
  id: string;
  version: number;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  periodicity: string;
  orgKinds: string[];
  adHoc: boolean;
  retentionYears: number;
  addresseeBins: string[];
}

/**
 * A form's settings: code, names in three languages, which organisation kinds submit it, periodicity and
 * retention; an ad-hoc request (R6) is addressed to chosen organisations by BIN instead.
 */
export async function FormSettingsForm({
  action,
  locale,
  formListId,
  values,
}: {
  action: FormAction;
  locale: string;
  formListId?: string;
  values?: FormValues;
}) {
  const t = await getTranslations("reporting.forms");
  const kinds = await classifierOptions("ORG_KIND", locale);
  return (
    <RecordForm
      action={action}
      record={values}
      createLabel={t("create")}
      testId={values ? "form-settings" : "form-new"}
      className="max-w-3xl space-y-4 rounded-lg bg-white p-4 shadow-sm"
    >
      {!values && <input type="hidden" name="formListId" value={formListId} />}
      <FormErrors names={["id", "version", "formListId"]} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="code"
          label={t("code")}
          required
          maxLength={24}
          defaultValue={values?.code}
          hint={t("codeHint")}
        />
        <SelectField
          name="periodicity"
          label={t("periodicity")}
          required
          defaultValue={values?.periodicity ?? "ANNUAL"}
          options={PERIODICITIES.map((p) => ({ value: p, label: t(`periodicities.${p}`) }))}
        />
        <TextField
          name="retentionYears"
          label={t("retentionYears")}
          required
          inputMode="numeric"
          maxLength={3}
          defaultValue={values?.retentionYears ?? 5}
        />
      </div>
      <TextField name="nameKk" label={t("nameKk")} required defaultValue={values?.nameKk} lang="kk" />
      <TextField name="nameRu" label={t("nameRu")} required defaultValue={values?.nameRu} lang="ru" />
      <TextField name="nameEn" label={t("nameEn")} required defaultValue={values?.nameEn} lang="en" />
      <DesignerKindsField
        label={t("orgKinds")}
        kinds={kinds.map((k) => ({ code: k.code, label: k.label }))}
        selected={values?.orgKinds ?? []}
      />
      <CheckboxField name="adHoc" label={t("adHoc")} defaultChecked={values?.adHoc ?? false} />
      <DesignerAddresseesField
        label={t("addressees")}
        hint={t("addresseesHint")}
        defaultValue={(values?.addresseeBins ?? []).join("\n")}
      />
    </RecordForm>
  );
}
