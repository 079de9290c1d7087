import { getTranslations } from "next-intl/server";
import { RecordForm } from "@/components/forms/record-form";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import type { FormAction } from "@/lib/actions";
import type { Scope } from "@/lib/auth/scope";
import { organizationOptions } from "@/lib/registry/people";
import { attributeFormData } from "@/lib/registry/attributes";
import type { AttributeValues } from "@/lib/registry/attribute-schemas";
import { AttributeFields } from "@/components/registry/attribute-fields";

interface PersonValues {
  id: string;
  version: number;
  iin: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: string;
  organizationId: string | null;
  attributes?: unknown;
}

/**
 * Create or edit a person. Birth date and sex may be left empty on creation (they come from the IIN); the
 * organisation list offers only organisations inside the writer's scope.
 */
export async function PersonForm({
  action,
  scope,
  locale,
  values,
}: {
  action: FormAction;
  scope: Scope;
  locale: string;
  values?: PersonValues;
}) {
  const t = await getTranslations("people");
  const organizations = await organizationOptions(scope, locale);
  // the custom attributes of people for the person's organisation's kind (a new person: all of them)
  const attributes = await attributeFormData("PERSON", values?.organizationId ?? null);
  return (
    <RecordForm action={action} record={values} testId="person-form">
      <FormErrors names={["id", "version"]} />
      <TextField
        name="iin"
        label={t("iin")}
        required
        defaultValue={values?.iin}
        inputMode="numeric"
        maxLength={12}
        autoComplete="off"
        hint={t("iinHint")}
      />
      <TextField name="lastName" label={t("lastName")} required defaultValue={values?.lastName} />
      <TextField name="firstName" label={t("firstName")} required defaultValue={values?.firstName} />
      <TextField name="middleName" label={t("middleName")} defaultValue={values?.middleName} />
      <TextField
        name="birthDate"
        label={t("birthDate")}
        type="date"
        defaultValue={values?.birthDate}
        hint={t("birthDateHint")}
      />
      <SelectField
        name="sex"
        label={t("sex")}
        defaultValue={values?.sex}
        placeholder={t("sexFromIin")}
        hint={t("sexHint")}
        options={(["MALE", "FEMALE"] as const).map((s) => ({ value: s, label: t(`sexes.${s}`) }))}
      />
      <SelectField
        name="organizationId"
        label={t("organization")}
        required={!scope.all}
        defaultValue={values?.organizationId}
        placeholder={scope.all ? t("organizationNone") : ""}
        options={organizations}
      />
      <AttributeFields
        defs={attributes.defs}
        choices={attributes.choices}
        values={(values?.attributes ?? {}) as AttributeValues}
        kindNames={new Map()}
        locale={locale}
      />
    </RecordForm>
  );
}
