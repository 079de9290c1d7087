import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { getFormVersions } from "@/lib/reporting/forms";
import { localName } from "@/lib/names";
import { classifierOptions } from "@/lib/classifiers/queries";
import { definitionSchema, valueSlots } from "@/lib/reporting/definition";
import { PageHeader } from "@/components/admin/page-header";
import { EntryForm } from "@/components/reporting/entry-client";

/** A form version exactly as an organisation will fill it in: checks run, nothing is saved. */
export default async function FormPreviewPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/reporting/forms/[id]/preview">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await authorize("reporting.design");
  const { version } = await searchParams;
  const form = await getFormVersions(id);
  if (!form) notFound();
  const row = form.versions.find((v) => String(v.number) === version) ?? form.versions[0];
  if (!row) notFound();
  const definition = definitionSchema.parse(row.definition);
  const t = await getTranslations("reporting.designer");
  const classifiers = [
    ...new Set(valueSlots(definition).flatMap((s) => (s.type === "choice" && s.classifier ? [s.classifier] : []))),
  ];
  const choices = Object.fromEntries(
    await Promise.all(
      classifiers.map(
        async (code) =>
          [code, (await classifierOptions(code, locale)).map((o) => ({ code: o.code, label: o.label }))] as const,
      ),
    ),
  );
  return (
    <div>
      <PageHeader
        title={`${form.code} — ${localName(form, locale)}`}
        description={t("previewOf", { number: row.number })}
        link={{
          href: `/admin/reporting/forms/${form.id}?tab=design&version=${row.number}`,
          label: t("backToDesigner"),
        }}
      />
      <EntryForm mode="preview" definition={definition} choices={choices} initialValues={{}} initialComments={{}} />
    </div>
  );
}
