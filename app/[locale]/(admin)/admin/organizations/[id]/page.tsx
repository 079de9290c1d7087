import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { getOrganization } from "@/lib/registry/organizations";
import { updateOrganizationAction } from "@/lib/registry/actions";
import { OrganizationForm } from "@/components/registry/organization-form";
import { PageHeader } from "@/components/admin/page-header";
import { localName } from "@/lib/names";
import { attributeChoices, listAttributeDefinitions } from "@/lib/registry/attributes";
import { appliesTo, type AttributeValues } from "@/lib/registry/attribute-schemas";
import { attributeText } from "@/components/registry/attribute-fields";

export default async function OrganizationPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/organizations/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("registry.organization.read");
  const organization = await getOrganization(scope, id);
  if (!organization) notFound();
  const t = await getTranslations("organizations");
  const writeScope = scopeOf(viewer, "registry.organization.write");
  const { created } = await searchParams;
  const defs = (await listAttributeDefinitions(undefined, "ORGANIZATION")).filter((d) =>
    appliesTo(d, organization.kind.code),
  );
  const choices = await attributeChoices(defs);
  const values = organization.attributes as AttributeValues;
  const yesNo = { yes: t("attributes.yes"), no: t("attributes.no") };
  return (
    <div>
      <PageHeader title={localName(organization, locale)} description={`${t("bin")}: ${organization.bin}`} />
      {created && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("created")}
        </p>
      )}
      {writeScope ? (
        <OrganizationForm
          action={updateOrganizationAction}
          scope={writeScope}
          locale={locale}
          values={{ ...organization, status: organization.status }}
        />
      ) : (
        <dl className="grid max-w-2xl grid-cols-2 gap-2 rounded-lg bg-white p-6 text-sm shadow-sm">
          <dt>{t("kind")}</dt>
          <dd>{localName(organization.kind, locale)}</dd>
          <dt>{t("territory")}</dt>
          <dd>{localName(organization.territory, locale)}</dd>
          {defs.map((d) => (
            <div key={d.code} className="contents">
              <dt>{localName(d, locale)}</dt>
              <dd>{attributeText(d, values[d.code], choices, locale, yesNo) || "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
