import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { createTerritoryAction } from "@/lib/registry/territory-actions";
import { TerritoryForm } from "@/components/registry/territory-form";
import { PageHeader } from "@/components/admin/page-header";

export default async function NewTerritoryPage({ params }: PageProps<"/[locale]/admin/territories/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { scope } = await authorize("registry.territory.write");
  const t = await getTranslations("territories");
  return (
    <div>
      <PageHeader title={t("new")} />
      <TerritoryForm action={createTerritoryAction} scope={scope} locale={locale} />
    </div>
  );
}
