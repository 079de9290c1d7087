import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";
import type { ProcessRow } from "@/lib/reporting/process-admin";
import { LEVEL_ROWS } from "@/lib/reporting/process-schemas";
import { REVIEW_LEVELS } from "@/lib/reporting/process";

/** Create a reporting process, or change one: names, up to four ordered levels with their days, late and return rules. */
export async function ProcessForm({ action, process }: { action: FormAction; process?: ProcessRow }) {
  const t = await getTranslations("reporting.processes");
  const levelOptions = REVIEW_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }));
  return (
    <RecordForm
      action={action}
      record={process}
      createLabel={t("create")}
      testId={process ? `process-edit-${process.code}` : "process-new"}
      className="grid max-w-3xl gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2"
    >
      {process && <FormErrors names={["id", "version"]} />}
      <TextField name="code" label={t("code")} required maxLength={40} defaultValue={process?.code} />
      <TextField name="nameKk" label={t("nameKk")} required maxLength={200} defaultValue={process?.nameKk} />
      <TextField name="nameRu" label={t("nameRu")} required maxLength={200} defaultValue={process?.nameRu} />
      <TextField name="nameEn" label={t("nameEn")} required maxLength={200} defaultValue={process?.nameEn} />
      {Array.from({ length: LEVEL_ROWS }, (_, i) => (
        <div key={i} className="grid grid-cols-2 gap-2 sm:col-span-2 sm:max-w-md">
          <SelectField
            name={`level${i}`}
            label={t("levelRow", { n: i + 1 })}
            options={levelOptions}
            placeholder={t("noLevel")}
            defaultValue={process?.levels[i]?.level ?? ""}
          />
          <TextField
            name={`days${i}`}
            label={t("daysRow", { n: i + 1 })}
            inputMode="numeric"
            maxLength={3}
            defaultValue={process?.levels[i]?.days ?? ""}
          />
        </div>
      ))}
      <SelectField
        name="onLate"
        label={t("onLate")}
        required
        options={(["NOTIFY", "PASS_THROUGH"] as const).map((v) => ({ value: v, label: t(`onLateOptions.${v}`) }))}
        defaultValue={process?.onLate ?? "NOTIFY"}
      />
      <SelectField
        name="returnTo"
        label={t("returnTo")}
        required
        options={(["ORGANIZATION", "PREVIOUS_LEVEL"] as const).map((v) => ({
          value: v,
          label: t(`returnToOptions.${v}`),
        }))}
        defaultValue={process?.returnTo ?? "ORGANIZATION"}
      />
    </RecordForm>
  );
}
