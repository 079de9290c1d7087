import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { createPersonAction } from "@/lib/registry/person-actions";
import { PersonForm } from "@/components/registry/person-form";
import { PageHeader } from "@/components/admin/page-header";

export default async function NewPersonPage({ params }: PageProps<"/[locale]/admin/people/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { scope } = await authorize("registry.person.write");
  const t = await getTranslations("people");
  return (
    <div>
      <PageHeader title={t("new")} description={t("personalData")} />
      <PersonForm action={createPersonAction} scope={scope} locale={locale} />
    </div>
  );
}
