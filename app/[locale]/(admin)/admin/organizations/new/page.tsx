import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { createOrganizationAction } from "@/lib/registry/actions";
import { OrganizationForm } from "@/components/registry/organization-form";
import { PageHeader } from "@/components/admin/page-header";

export default async function NewOrganizationPage({ params }: PageProps<"/[locale]/admin/organizations/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { scope } = await authorize("registry.organization.write");
  const t = await getTranslations("organizations");
  return (
    <div>
      <PageHeader title={t("new")} />
      <OrganizationForm action={createOrganizationAction} scope={scope} locale={locale} />
    </div>
  );
}
