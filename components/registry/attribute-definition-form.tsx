import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { CheckboxField, FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";
import { ATTRIBUTE_RECORDS, ATTRIBUTE_TYPES, KIND_FIELD_PREFIX } from "@/lib/registry/attribute-schemas";
import type { AttributeDefinitionRow } from "@/lib/registry/attributes";

/**
 * Define a custom attribute of organisations, or change one: names, range, classifier, required, the kinds
 * it applies to and whether it is public. Code and type are fixed once created.
 */
export async function AttributeDefinitionForm({
  action,
  definition,
  kinds,
  classifiers,
}: {
  action: FormAction;
  definition?: AttributeDefinitionRow;
  kinds: { code: string; label: string }[];
  classifiers: { code: string; label: string }[];
}) {
  const t = await getTranslations("organizations.attributes");
  const id = definition ? `attribute-edit-${definition.code}` : "attribute-new";
  return (
    <RecordForm
      action={action}
      record={definition}
      createLabel={t("create")}
      testId={id}
      className="grid max-w-3xl gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2"
    >
      {definition && <FormErrors names={["id", "version"]} />}
      {definition ? (
        <>
          <input type="hidden" name="code" value={definition.code} />
          <input type="hidden" name="type" value={definition.type} />
          <input type="hidden" name="record" value={definition.record} />
        </>
      ) : (
        <>
          <TextField name="code" label={t("code")} required maxLength={40} hint={t("codeHint")} />
          <SelectField
            name="type"
            label={t("type")}
            required
            defaultValue="TEXT"
            options={ATTRIBUTE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          />
          <SelectField
            name="record"
            label={t("record")}
            required
            defaultValue="ORGANIZATION"
            hint={t("recordHint")}
            options={ATTRIBUTE_RECORDS.map((v) => ({ value: v, label: t(`records.${v}`) }))}
          />
        </>
      )}
      <TextField name="nameKk" label={t("nameKk")} required maxLength={200} defaultValue={definition?.nameKk} />
      <TextField name="nameRu" label={t("nameRu")} required maxLength={200} defaultValue={definition?.nameRu} />
      <TextField name="nameEn" label={t("nameEn")} required maxLength={200} defaultValue={definition?.nameEn} />
      {(!definition || definition.type === "NUMBER") && (
        <div className="grid grid-cols-2 gap-2">
          <TextField name="min" label={t("min")} inputMode="decimal" maxLength={30} defaultValue={definition?.min} />
          <TextField name="max" label={t("max")} inputMode="decimal" maxLength={30} defaultValue={definition?.max} />
        </div>
      )}
      {(!definition || definition.type === "CHOICE") && (
        <SelectField
          name="classifierCode"
          label={t("classifier")}
          placeholder="—"
          defaultValue={definition?.classifierCode}
          options={classifiers.map((c) => ({ value: c.code, label: `${c.label} (${c.code})` }))}
        />
      )}
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">{t("kinds")}</legend>
        <p className="mb-1 text-xs text-slate-600">{t("kindsHint")}</p>
        <div className="grid gap-1 sm:grid-cols-2">
          {kinds.map((k) => (
            <CheckboxField
              key={k.code}
              name={`${KIND_FIELD_PREFIX}${k.code}`}
              label={k.label}
              defaultChecked={definition?.orgKinds.includes(k.code)}
            />
          ))}
        </div>
      </fieldset>
      <CheckboxField name="required" label={t("required")} defaultChecked={definition?.required} />
      <CheckboxField name="public" label={t("public")} defaultChecked={definition?.public} />
    </RecordForm>
  );
}
