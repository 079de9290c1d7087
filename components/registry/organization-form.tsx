import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { CheckboxField, FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";
import { classifierOptions } from "@/lib/classifiers/queries";
import { territoryOptions } from "@/lib/registry/territory-options";
import { reportingCandidates } from "@/lib/registry/organizations";
import { localName } from "@/lib/names";
import type { Scope } from "@/lib/auth/scope";
import { attributeChoices, listAttributeDefinitions } from "@/lib/registry/attributes";
import { appliesTo, type AttributeValues } from "@/lib/registry/attribute-schemas";
import { AttributeFields } from "@/components/registry/attribute-fields";

interface OrganizationValues {
  id: string;
  version: number;
  bin: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  kindId: string;
  territoryId: string;
  reportsToId: string | null;
  languageId: string | null;
  status: string;
  isUrban: boolean;
  address: string | null;
  attributes?: unknown;
  kind?: { code: string };
}

/** Create or edit an organisation; the territory list offers only territories inside the writer's scope. */
export async function OrganizationForm({
  action,
  scope,
  locale,
  values,
}: {
  action: FormAction;
  scope: Scope;
  locale: string;
  values?: OrganizationValues;
}) {
  const t = await getTranslations("organizations");
  const [kinds, languages, territories, candidates, allDefs] = await Promise.all([
    classifierOptions("ORG_KIND", locale),
    classifierOptions("LANGUAGE", locale),
    territoryOptions(scope, locale),
    reportingCandidates(values?.id),
    listAttributeDefinitions(undefined, "ORGANIZATION"),
  ]);
  // an edited organisation shows the attributes of its kind; a new one all of them, each naming its kinds
  const defs = values?.kind ? allDefs.filter((d) => appliesTo(d, values.kind!.code)) : allDefs;
  const choices = await attributeChoices(defs);
  return (
    <RecordForm action={action} record={values} testId="organization-form">
      <FormErrors names={["id", "version"]} />
      <TextField
        name="bin"
        label={t("bin")}
        required
        defaultValue={values?.bin}
        inputMode="numeric"
        maxLength={12}
        hint={t("binHint")}
      />
      <TextField name="nameKk" label={t("nameKk")} required defaultValue={values?.nameKk} lang="kk" />
      <TextField name="nameRu" label={t("nameRu")} required defaultValue={values?.nameRu} lang="ru" />
      <TextField name="nameEn" label={t("nameEn")} required defaultValue={values?.nameEn} lang="en" />
      <SelectField
        name="kindId"
        label={t("kind")}
        required
        defaultValue={values?.kindId}
        placeholder=""
        options={kinds.map((k) => ({ value: k.id, label: k.label }))}
      />
      <SelectField
        name="territoryId"
        label={t("territory")}
        required
        defaultValue={values?.territoryId}
        placeholder=""
        options={territories}
      />
      <SelectField
        name="reportsToId"
        label={t("reportsTo")}
        defaultValue={values?.reportsToId}
        placeholder={t("reportsToNone")}
        options={candidates.map((c) => ({ value: c.id, label: localName(c, locale) }))}
      />
      <SelectField
        name="languageId"
        label={t("language")}
        defaultValue={values?.languageId}
        placeholder=""
        options={languages.map((k) => ({ value: k.id, label: k.label }))}
      />
      <SelectField
        name="status"
        label={t("status")}
        required
        defaultValue={values?.status ?? "ACTIVE"}
        options={(["ACTIVE", "SUSPENDED", "CLOSED"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      <CheckboxField name="isUrban" label={t("isUrban")} defaultChecked={values?.isUrban ?? true} />
      <TextField name="address" label={t("address")} defaultValue={values?.address} />
      <AttributeFields
        defs={defs}
        choices={choices}
        values={(values?.attributes ?? {}) as AttributeValues}
        kindNames={new Map(kinds.map((k) => [k.code, k.label]))}
        locale={locale}
      />
    </RecordForm>
  );
}
