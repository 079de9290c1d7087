import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";
import type { Scope } from "@/lib/auth/scope";
import { PARENT_LEVEL, parentOptions } from "@/lib/registry/territories";
import type { KeysOf, Messages } from "@/i18n/keys";

interface TerritoryValues {
  id: string;
  version: number;
  code: string;
  level: string;
  parentId: string | null;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/**
 * Create or edit a territory. On creation the parent list offers only territories the writer may add
 * under; once created, level and parent are shown but fixed (a territory is not moved in this version).
 */
export async function TerritoryForm({
  action,
  scope,
  locale,
  values,
  parentLabel,
}: {
  action: FormAction;
  scope: Scope;
  locale: string;
  values?: TerritoryValues;
  /** The current parent's name, shown read-only when editing. */
  parentLabel?: string;
}) {
  const t = await getTranslations("territories");
  const parents = values ? [] : await parentOptions(scope, locale);
  // Offer only the levels for which the writer has a possible parent.
  const creatable = (["REGION", "DISTRICT", "SETTLEMENT"] as const).filter((level) =>
    parents.some((p) => p.level === PARENT_LEVEL[level]),
  );
  return (
    <RecordForm action={action} record={values} testId="territory-form">
      {values?.parentId && <input type="hidden" name="parentId" value={values.parentId} />}
      <FormErrors names={values ? ["id", "version", "parentId"] : ["id", "version"]} />
      <TextField
        name="code"
        label={t("code")}
        required
        defaultValue={values?.code}
        inputMode="numeric"
        maxLength={9}
        hint={t("codeHint")}
      />
      {values ? (
        <>
          <TextField
            name="levelShown"
            label={t("level")}
            defaultValue={t(`levels.${values.level as KeysOf<Messages["territories"]["levels"]>}`)}
            disabled
          />
          <TextField
            name="parentShown"
            label={t("parent")}
            defaultValue={parentLabel ?? "—"}
            disabled
            hint={t("parentHint")}
          />
        </>
      ) : (
        <>
          <SelectField
            name="level"
            label={t("level")}
            required
            placeholder=""
            hint={t("levelHint")}
            options={creatable.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
          />
          <SelectField
            name="parentId"
            label={t("parent")}
            required
            placeholder=""
            hint={t("parentHint")}
            options={parents.map(({ value, label }) => ({ value, label }))}
          />
        </>
      )}
      <TextField name="nameKk" label={t("nameKk")} required defaultValue={values?.nameKk} lang="kk" />
      <TextField name="nameRu" label={t("nameRu")} required defaultValue={values?.nameRu} lang="ru" />
      <TextField name="nameEn" label={t("nameEn")} required defaultValue={values?.nameEn} lang="en" />
    </RecordForm>
  );
}
