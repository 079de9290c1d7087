import { getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { localName } from "@/lib/names";
import { ATTRIBUTE_FIELD_PREFIX, formValueOf, type AttributeValues } from "@/lib/registry/attribute-schemas";
import type { AttributeDefinitionRow } from "@/lib/registry/attributes";

type Choices = Record<string, { code: string; nameKk: string; nameRu: string; nameEn: string }[]>;

/**
 * The custom attributes' fields of the organisation form (`attr_<code>`), one per definition that applies
 * to the organisation's kind (all of them for a new organisation, each naming the kinds it is for).
 */
export async function AttributeFields({
  defs,
  choices,
  values,
  kindNames,
  locale,
}: {
  defs: AttributeDefinitionRow[];
  choices: Choices;
  values: AttributeValues;
  kindNames: Map<string, string>;
  locale: string;
}) {
  if (!defs.length) return null;
  const t = await getTranslations("organizations.attributes");
  return (
    <fieldset className="space-y-4 border-t border-slate-200 pt-4" data-testid="attribute-fields">
      <legend className="text-sm font-semibold">{t("legend")}</legend>
      {defs.map((d) => {
        const name = `${ATTRIBUTE_FIELD_PREFIX}${d.code}`;
        const label = localName(d, locale);
        const value = formValueOf(values[d.code]);
        const hint = d.orgKinds.length
          ? t("onlyFor", { kinds: d.orgKinds.map((k) => kindNames.get(k) ?? k).join(", ") })
          : d.type === "NUMBER" && (d.min !== null || d.max !== null)
            ? t("range", { min: d.min ?? "—", max: d.max ?? "—" })
            : undefined;
        // what every kind of field shares; the kind adds its options or input hints
        const field = { name, label, required: d.required, hint, defaultValue: value };
        switch (d.type) {
          case "BOOLEAN":
            return (
              <SelectField
                key={d.code}
                {...field}
                placeholder={t("notGiven")}
                options={[
                  { value: "yes", label: t("yes") },
                  { value: "no", label: t("no") },
                ]}
              />
            );
          case "CHOICE":
            return (
              <SelectField
                key={d.code}
                {...field}
                placeholder={t("notGiven")}
                options={(choices[d.code] ?? []).map((i) => ({ value: i.code, label: localName(i, locale) }))}
              />
            );
          case "DATE":
            return <TextField key={d.code} {...field} type="date" />;
          case "NUMBER":
            return <TextField key={d.code} {...field} inputMode="decimal" maxLength={30} />;
          default:
            return <TextField key={d.code} {...field} maxLength={500} />;
        }
      })}
    </fieldset>
  );
}

export { attributeText } from "@/lib/registry/attribute-text";
