import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { reviewAction, withdrawAction } from "@/lib/dictionary/actions";
import { getRevision } from "@/lib/dictionary/editing";
import type { EntryDraft } from "@/lib/dictionary/schemas";
import { ActionForm } from "@/components/forms/action-form-client";
import { CheckboxField } from "@/components/forms/fields-client";
import { DraftView } from "@/components/dictionary/draft-view";
import { PageHeader } from "@/components/admin/page-header";
import { Textarea } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";

export default async function RevisionPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/dictionary/revisions/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("dictionary.edit");
  const revision = await getRevision(id);
  if (!revision) notFound();
  const t = await getTranslations("lexicography");
  const sp = await searchParams;
  const proposed = revision.kind === "DELETE" ? null : (revision.data as unknown as EntryDraft);
  const before = (revision.before as unknown as EntryDraft | null) ?? null;
  const isAuthor = revision.author.id === viewer.userId;
  const canReview = Boolean(scopeOf(viewer, "dictionary.review")) && !isAuthor;
  const pending = revision.status === "PENDING";
  const stale =
    pending && revision.kind !== "CREATE" && revision.entry && revision.entry.version !== revision.baseVersion;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/dictionary">{t("title")}</Link>
      </p>
      <PageHeader
        title={`${t(`kinds.${revision.kind}`)}: ${revision.lemma}`}
        description={t("by", {
          name: revision.author.displayName,
          date: formatDateTime(revision.createdAt, locale),
        })}
      />
      {sp.sent && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("sent")}
        </p>
      )}
      {sp.reviewed && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t(revision.status === "APPROVED" ? "approved" : "rejected")}
        </p>
      )}
      <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-white p-4 text-sm shadow-sm">
        <dt className="text-slate-500">{t("status")}</dt>
        <dd data-testid="revision-status">{t(`statuses.${revision.status}`)}</dd>
        {revision.comment && (
          <>
            <dt className="text-slate-500">{t("editor.comment")}</dt>
            <dd>{revision.comment}</dd>
          </>
        )}
        {revision.reviewer && revision.reviewedAt && (
          <>
            <dt className="text-slate-500">{t("reviewer")}</dt>
            <dd>
              {t("reviewedBy", {
                name: revision.reviewer.displayName,
                date: formatDateTime(revision.reviewedAt, locale),
              })}
            </dd>
          </>
        )}
        {revision.reviewComment && (
          <>
            <dt className="text-slate-500">{t("reviewComment")}</dt>
            <dd>{revision.reviewComment}</dd>
          </>
        )}
        {revision.entry && (
          <>
            <dt className="text-slate-500">{t("entry")}</dt>
            <dd>
              <Link href={`/dictionary/${revision.entry.slug}`}>{revision.entry.slug}</Link> ·{" "}
              <Link href={`/admin/dictionary/entries/${revision.entryId}`}>{t("edit")}</Link>
            </dd>
          </>
        )}
      </dl>
      {stale && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {t("staleNote")}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("before")}</h2>
          <DraftView draft={before} compare={proposed} testId="draft-before" />
        </section>
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{revision.kind === "DELETE" ? t("afterDelete") : t("after")}</h2>
          <DraftView draft={proposed} compare={before} testId="draft-after" />
        </section>
      </div>
      {pending && canReview && (
        <section className="grid max-w-4xl gap-4 md:grid-cols-2" data-testid="review-forms">
          <ActionForm
            action={reviewAction}
            submitLabel={t("approve")}
            pendingLabel={t("sending")}
            testId="approve-form"
            className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
          >
            <input type="hidden" name="revisionId" value={revision.id} />
            <input type="hidden" name="decision" value="approve" />
            <label className="block text-sm">
              <span className="mb-1 block font-medium">{t("reviewComment")}</span>
              <Textarea name="comment" rows={2} className="w-full" />
            </label>
            {revision.kind !== "DELETE" && <CheckboxField name="markChecked" label={t("markChecked")} defaultChecked />}
          </ActionForm>
          <ActionForm
            action={reviewAction}
            submitLabel={t("reject")}
            pendingLabel={t("sending")}
            variant="danger"
            testId="reject-form"
            className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
          >
            <input type="hidden" name="revisionId" value={revision.id} />
            <input type="hidden" name="decision" value="reject" />
            <label className="block text-sm">
              <span className="mb-1 block font-medium">{t("reviewComment")}</span>
              <Textarea name="comment" rows={2} className="w-full" />
            </label>
          </ActionForm>
        </section>
      )}
      {pending && isAuthor && (
        <section className="max-w-xl space-y-2 rounded-lg bg-white p-4 shadow-sm">
          <p className="text-sm text-slate-600">{t("waitingForReview")}</p>
          <ActionForm action={withdrawAction} submitLabel={t("withdraw")} variant="secondary">
            <input type="hidden" name="revisionId" value={revision.id} />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
