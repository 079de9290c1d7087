import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { getFormListHeader } from "@/lib/reporting/forms";
import { createFormAction } from "@/lib/reporting/actions-design";
import { PageHeader } from "@/components/admin/page-header";
import { FormSettingsForm } from "@/components/reporting/designer-settings-form";

/** Adds a form to a year's list (`?list=<id>`); its structure is then edited in the designer. */
export default async function NewFormPage({ params, searchParams }: PageProps<"/[locale]/admin/reporting/forms/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("reporting.design");
  const { list: listId } = await searchParams;
  const list = typeof listId === "string" ? await getFormListHeader(listId) : null;
  if (!list) notFound();
  const t = await getTranslations("reporting.forms");
  return (
    <div>
      <PageHeader
        title={t("newTitle", { year: list.year })}
        description={t("newDescription")}
        link={{ href: `/admin/reporting/lists/${list.id}`, label: t("backToList", { year: list.year }) }}
      />
      <FormSettingsForm action={createFormAction} locale={locale} formListId={list.id} />
    </div>
  );
}
