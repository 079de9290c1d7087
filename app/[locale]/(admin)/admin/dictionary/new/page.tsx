import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { proposeCreateAction } from "@/lib/dictionary/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { EntryEditor } from "@/components/dictionary/entry-editor-client";
import { PageHeader } from "@/components/admin/page-header";

export default async function NewEntryPage({ params }: PageProps<"/[locale]/admin/dictionary/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("dictionary.edit");
  const t = await getTranslations("lexicography");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/dictionary">{t("title")}</Link>
      </p>
      <PageHeader title={t("new")} description={t("reviewNote")} />
      <ActionForm
        action={proposeCreateAction}
        submitLabel={t("propose")}
        pendingLabel={t("sending")}
        testId="entry-form"
        className="max-w-4xl space-y-4 rounded-lg bg-white p-6 shadow-sm"
      >
        <EntryEditor initial={null} />
      </ActionForm>
    </div>
  );
}
