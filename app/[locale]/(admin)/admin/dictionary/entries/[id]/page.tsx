import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { proposeDeleteAction, proposeUpdateAction, setCheckedAction } from "@/lib/dictionary/actions";
import { entryCheck, entryDraft, entryHistory } from "@/lib/dictionary/editing";
import { ActionForm } from "@/components/forms/action-form-client";
import { EntryEditor } from "@/components/dictionary/entry-editor-client";
import { RevisionList } from "@/components/dictionary/revision-list";
import { PageHeader } from "@/components/admin/page-header";
import { Textarea } from "@/components/ui/input";
import { formatDate } from "@/lib/format";

/** Entry ids may arrive percent-encoded (Kazakh Latin letters such as ä, ū: "ds_d%C3%A4pter"). */
function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw).normalize("NFC");
  } catch {
    return raw;
  }
}

export default async function EditEntryPage({ params }: PageProps<"/[locale]/admin/dictionary/entries/[id]">) {
  const { locale, id: rawId } = await params;
  const id = decodeId(rawId);
  setRequestLocale(locale);
  const { viewer } = await authorize("dictionary.edit");
  const draft = await entryDraft(id);
  if (!draft) notFound();
  const t = await getTranslations("lexicography");
  const [history, status] = await Promise.all([entryHistory(id), entryCheck(id)]);
  const canReview = Boolean(scopeOf(viewer, "dictionary.review"));
  const pending = history.filter((r) => r.status === "PENDING");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/dictionary">{t("title")}</Link>
      </p>
      <PageHeader
        title={draft.lemma}
        description={t("entryDescription")}
        actions={
          <Link
            href={`/dictionary/${draft.slug}`}
            className="rounded border border-slate-300 bg-white px-3 py-2 text-sm no-underline hover:bg-slate-100 hover:no-underline"
          >
            {t("publicPage")}
          </Link>
        }
      />
      <section
        className="flex flex-wrap items-center gap-4 rounded-lg bg-white p-4 shadow-sm"
        data-testid="checked-status"
      >
        <p className="text-sm">
          {status?.checked
            ? status.checkedBy
              ? t("checkedBy", {
                  name: status.checkedBy.displayName,
                  date: formatDate(status.checkedAt ?? new Date(), locale),
                })
              : t("checked")
            : t("notChecked")}
        </p>
        {canReview && (
          <ActionForm
            action={setCheckedAction}
            submitLabel={status?.checked ? t("uncheck") : t("check")}
            variant="secondary"
            className="flex items-center gap-2"
          >
            <input type="hidden" name="entryId" value={id} />
            <input type="hidden" name="version" value={draft.version} />
            <input type="hidden" name="checked" value={status?.checked ? "false" : "true"} />
          </ActionForm>
        )}
      </section>
      {pending.length > 0 && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t("pendingForEntry")}</h2>
          <RevisionList items={pending} empty="" />
        </section>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("edit")}</h2>
        <p className="text-sm text-slate-600">{t("reviewNote")}</p>
        <ActionForm
          action={proposeUpdateAction}
          submitLabel={t("propose")}
          pendingLabel={t("sending")}
          testId="entry-form"
          className="max-w-4xl space-y-4 rounded-lg bg-white p-6 shadow-sm"
        >
          <input type="hidden" name="entryId" value={id} />
          <input type="hidden" name="version" value={draft.version} />
          <EntryEditor initial={draft} />
        </ActionForm>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("history")}</h2>
        <RevisionList items={history} empty={t("noHistory")} testId="history" />
      </section>
      <section className="max-w-4xl space-y-2 rounded-lg border border-red-200 bg-white p-4">
        <h2 className="font-semibold text-red-800">{t("deleteTitle")}</h2>
        <ActionForm
          action={proposeDeleteAction}
          submitLabel={t("proposeDelete")}
          variant="danger"
          confirm={t("deleteConfirm")}
          className="space-y-2"
        >
          <input type="hidden" name="entryId" value={id} />
          <input type="hidden" name="version" value={draft.version} />
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("editor.comment")}</span>
            <Textarea name="comment" rows={2} className="w-full" />
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
