import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { getPerson, isoDate } from "@/lib/registry/people";
import { updatePersonAction } from "@/lib/registry/person-actions";
import { PersonForm } from "@/components/registry/person-form";
import { PageHeader } from "@/components/admin/page-header";
import { localName } from "@/lib/names";
import { attributeFormData } from "@/lib/registry/attributes";
import type { AttributeValues } from "@/lib/registry/attribute-schemas";
import { attributeText } from "@/lib/registry/attribute-text";

export default async function PersonPage({ params, searchParams }: PageProps<"/[locale]/admin/people/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("registry.person.read");
  const person = await getPerson(scope, id);
  if (!person) notFound();
  const t = await getTranslations("people");
  const writeScope = scopeOf(viewer, "registry.person.write");
  const { created } = await searchParams;
  const attributes = await attributeFormData("PERSON", person.organizationId);
  const ta = await getTranslations("organizations.attributes");
  const values = (person.attributes ?? {}) as AttributeValues;
  const fullName = [person.lastName, person.firstName, person.middleName].filter(Boolean).join(" ");
  return (
    <div>
      <PageHeader title={fullName} description={t("personalData")} />
      {created && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("created")}
        </p>
      )}
      {writeScope ? (
        <PersonForm
          action={updatePersonAction}
          scope={writeScope}
          locale={locale}
          values={{ ...person, birthDate: isoDate(person.birthDate) }}
        />
      ) : (
        <div className="max-w-2xl rounded-lg bg-white p-6 text-sm shadow-sm">
          <dl className="grid grid-cols-2 gap-2">
            <dt>{t("iin")}</dt>
            <dd className="font-mono">{person.iin}</dd>
            <dt>{t("birthDate")}</dt>
            <dd>{isoDate(person.birthDate)}</dd>
            <dt>{t("sex")}</dt>
            <dd>{t(`sexes.${person.sex}`)}</dd>
            <dt>{t("organization")}</dt>
            <dd>{person.organization ? localName(person.organization, locale) : "—"}</dd>
            {attributes.defs.map((d) => (
              <div key={d.code} className="contents">
                <dt>{localName(d, locale)}</dt>
                <dd>
                  {attributeText(d, values[d.code], attributes.choices, locale, { yes: ta("yes"), no: ta("no") }) ||
                    "—"}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-slate-600">{t("readOnly")}</p>
        </div>
      )}
    </div>
  );
}
