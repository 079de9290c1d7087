import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { getForWork } from "@/lib/publications/workflow";
import { kazakhOriginals, subjectOptions } from "@/lib/publications/workspace";
import { deleteDraftAction, removeAttachmentAction, submitAction } from "@/lib/publications/actions";
import { DraftForm } from "@/components/publications/draft-form";
import { Uploader } from "@/components/publications/uploader-client";
import { ButtonForm } from "@/components/forums/forms-client";
import { ActionForm } from "@/components/forms/action-form-client";
import { formatDateTime } from "@/lib/format";

/** The author's page of one publication: the form (while editable), attachments, submission and remarks. */
export default async function MyPublicationPage({
  params,
  searchParams,
}: PageProps<"/[locale]/account/publications/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/publications/${id}` } },
      locale,
    });
  const p = await getForWork(viewer, id).catch((e) => (e instanceof AppError ? null : Promise.reject(e)));
  if (!p || !p.mine) notFound();
  const query = await searchParams;
  const t = await getTranslations("publications");
  const official = Boolean(scopeOf(viewer, "publications.official"));
  const [subjects, originals] = await Promise.all([
    subjectOptions(locale),
    official ? kazakhOriginals() : Promise.resolve([]),
  ]);
  const attachments = p.attachments;
  return (
    <div className="max-w-6xl space-y-4">
      <p className="text-sm">
        <Link href="/account/publications">← {t("work.title")}</Link>
      </p>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">{p.title}</h1>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="publication-status">
          {t(`statuses.${p.status}`)}
        </span>
        {p.revision > 0 && <span className="text-sm text-slate-600">{t("read.version", { version: p.revision })}</span>}
        {(p.status === "PUBLISHED" || p.status === "SCHEDULED") && (
          <Link href={`/publications/${p.id}`}>{t("work.viewPublic")}</Link>
        )}
      </div>
      {query.saved === "1" && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("messages.saved")}
        </p>
      )}

      <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="remarks">
        <h2 className="mb-2 font-semibold">{t("work.remarks")}</h2>
        {p.remarks.filter((r) => r.text).length === 0 ? (
          <p className="text-sm text-slate-600">{t("work.noRemarks")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {p.remarks
              .filter((r) => r.text)
              .map((r, i) => (
                <li key={i} className="rounded border border-amber-200 bg-amber-50 p-2" data-testid="remark">
                  <p className="text-xs text-slate-600">
                    {t(`decisions.${r.decision as "approve"}`)} · {r.reviewer} ·{" "}
                    {t("work.onVersion", { version: r.version })} · {formatDateTime(new Date(r.at), locale)}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap">{r.text}</p>
                </li>
              ))}
          </ul>
        )}
      </section>

      {p.editable ? (
        <>
          <div className="rounded-lg bg-white p-4 shadow-sm">
            <DraftForm
              official={official}
              subjects={subjects}
              originals={originals.filter((o) => o.id !== p.id)}
              values={{
                id: p.id,
                version: p.version,
                type: p.type,
                language: p.language,
                title: p.title,
                summary: p.summary,
                body: p.body,
                subjectCode: p.subjectCode,
                grades: p.grades,
                keywords: p.keywords,
                translationOfId: p.translationOfId,
              }}
            />
          </div>
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-1 font-semibold">{t("form.attachments")}</h2>
            <p className="mb-2 text-xs text-slate-500">{t("form.attachmentsHint")}</p>
            <AttachmentList
              attachments={attachments}
              coverId={p.coverId}
              editable
              removeLabel={t("form.remove")}
              emptyLabel={t("form.noAttachments")}
              coverLabel={t("read.cover")}
            />
            <div className="mt-3">
              <Uploader
                publicationId={p.id}
                locale={locale}
                labels={{
                  file: t("form.file"),
                  upload: t("form.upload"),
                  uploadCover: t("form.uploadCover"),
                  uploading: t("form.uploading"),
                  uploaded: t("form.uploaded"),
                  chooseFile: t("form.chooseFile"),
                }}
              />
            </div>
          </section>
          <section className="flex flex-wrap gap-3 rounded-lg bg-white p-4 shadow-sm">
            <ButtonForm
              action={submitAction}
              fields={{ id: p.id }}
              label={t("form.submit")}
              variant="primary"
              testId="submit-for-review"
            />
            {p.status === "DRAFT" && p.revision === 0 && (
              <ActionForm
                action={deleteDraftAction}
                submitLabel={t("form.delete")}
                variant="danger"
                confirm={t("form.deleteConfirm")}
                className="inline-flex"
              >
                <input type="hidden" name="id" value={p.id} />
              </ActionForm>
            )}
          </section>
        </>
      ) : (
        <>
          <p className="rounded border border-slate-200 bg-slate-50 p-3 text-sm">{t("work.readOnly")}</p>
          <div
            className="prose max-w-none rounded-lg bg-white p-4 shadow-sm"
            dangerouslySetInnerHTML={{ __html: p.html }}
          />
          <AttachmentList
            attachments={attachments}
            coverId={p.coverId}
            removeLabel=""
            emptyLabel={t("form.noAttachments")}
            coverLabel={t("read.cover")}
          />
        </>
      )}
    </div>
  );
}

function AttachmentList({
  attachments,
  coverId,
  editable,
  removeLabel,
  emptyLabel,
  coverLabel,
}: {
  attachments: { id: string; fileName: string; file: { size: number; kind: string } }[];
  coverId: string | null;
  editable?: boolean;
  removeLabel: string;
  emptyLabel: string;
  coverLabel: string;
}) {
  if (!attachments.length) return <p className="text-sm text-slate-600">{emptyLabel}</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="my-attachments">
      {attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-2">
          <a href={`/api/v1/files/${a.id}`} data-testid="my-attachment">
            {a.fileName}
          </a>
          <span className="text-slate-500">
            {a.file.kind.toUpperCase()}, {Math.max(1, Math.round(a.file.size / 1024))} KB
            {a.id === coverId ? ` · ${coverLabel}` : ""}
          </span>
          {editable && (
            <ButtonForm
              action={removeAttachmentAction}
              fields={{ attachmentId: a.id }}
              label={removeLabel}
              variant="secondary"
            />
          )}
        </li>
      ))}
    </ul>
  );
}
