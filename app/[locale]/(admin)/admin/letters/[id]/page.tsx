import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/time";
import { localName } from "@/lib/names";
import { executorsOf, letterCard } from "@/lib/letters/letters";
import { changeStatusAction, updateLetterAction } from "@/lib/letters/actions";
import { nextStatuses } from "@/lib/letters/rules";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import { LetterStatusBadge, OverdueMark } from "@/components/letters/status-badge";
import { AttachFile } from "@/components/letters/attach-file-client";
import { linkButtonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** One letter: its details, links to the letter it answers and its replies, the file, and the keeper's actions. */
export default async function LetterPage({ params, searchParams }: PageProps<"/[locale]/admin/letters/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("letters.read");
  const t = await getTranslations("letters");
  const { letter: l, manage } = await letterCard(viewer, id);
  const registered = (await searchParams).registered === "1";
  const editable = manage && l.status !== "CANCELLED";
  const executors = editable ? await executorsOf(viewer, l.organizationId) : [];
  const statuses = editable ? nextStatuses(l.status, l.direction) : [];
  const ref = (
    <>
      <input type="hidden" name="id" value={l.id} />
      <input type="hidden" name="version" value={l.version} />
    </>
  );
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <>
      <dt className="font-medium">{label}</dt>
      <dd data-testid={testId}>{value || t("card.none")}</dd>
    </>
  );
  return (
    <div className="max-w-3xl space-y-4">
      <p className="text-sm">
        <Link href={{ pathname: "/admin/letters", query: { direction: l.direction } }}>{t("card.back")}</Link>
      </p>
      {registered && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("card.registered", { number: l.number })}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {t(`direction.${l.direction}`)}{" "}
          <span className="font-mono" data-testid="letter-number">
            {l.number}
          </span>
        </h1>
        <LetterStatusBadge status={l.status} label={t(`status.${l.status}`)} />
        {l.overdue && <OverdueMark label={t("list.overdueMark")} />}
        {editable && l.direction === "INCOMING" && (
          <Link
            href={{ pathname: "/admin/letters/new", query: { replyTo: l.id } }}
            className={linkButtonClass({ className: "ml-auto" })}
            data-testid="reply"
          >
            {t("card.reply")}
          </Link>
        )}
      </div>
      {l.status === "CANCELLED" && (
        <p className="rounded border border-slate-300 bg-slate-50 p-2 text-sm">{t("card.cancelled")}</p>
      )}
      <dl className="grid grid-cols-[12rem_1fr] gap-2 rounded-lg bg-white p-4 text-sm shadow-sm">
        {row(t("fields.organization"), localName(l.organization, locale))}
        {row(t("fields.registeredAt"), formatDateTime(l.registeredAt, locale))}
        {row(t("fields.registeredBy"), l.registeredBy.displayName)}
        {row(
          l.direction === "INCOMING" ? t("fields.correspondentIn") : t("fields.correspondentOut"),
          l.correspondent,
          "letter-correspondent",
        )}
        {row(t("fields.letterNumber"), l.letterNumber)}
        {row(t("fields.letterDate"), day(l.letterDate))}
        {row(t("fields.subject"), l.subject, "letter-subject")}
        {row(t("fields.executor"), l.executor?.displayName)}
        {row(t("fields.dueDate"), day(l.dueDate), "letter-due")}
        {l.note && row(t("fields.note"), l.note)}
        {l.cancelReason && row(t("fields.cancelReason"), l.cancelReason)}
        {l.replyTo &&
          row(
            t("fields.replyTo"),
            <Link href={`/admin/letters/${l.replyTo.id}`} data-testid="reply-to">
              {l.replyTo.number}
            </Link>,
          )}
        {l.replies.length > 0 &&
          row(
            t("fields.replies"),
            <span data-testid="replies">
              {l.replies.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ", "}
                  <Link href={`/admin/letters/${r.id}`}>{r.number}</Link>
                </span>
              ))}
            </span>,
          )}
        {row(
          t("fields.file"),
          l.fileSha256 ? (
            <a href={`/api/v1/letters/${l.id}/file`} data-testid="download-file">
              {t("card.download")}: {l.fileName} ({Math.ceil((l.fileSize ?? 0) / 1024)} KB)
            </a>
          ) : (
            <span data-testid="no-file">{t("card.noFile")}</span>
          ),
        )}
      </dl>
      {editable && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <AttachFile letterId={l.id} version={l.version} />
        </section>
      )}
      {editable && statuses.length > 0 && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("card.changeStatus")}</h2>
          <ActionForm
            action={changeStatusAction}
            submitLabel={t("card.changeStatus")}
            variant="secondary"
            testId="status-form"
            className="flex flex-wrap items-end gap-3"
          >
            {ref}
            <SelectField
              name="status"
              label={t("card.newStatus")}
              required
              options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <TextField name="reason" label={t("card.reason")} maxLength={500} />
            <FormErrors names={["version", "status"]} />
          </ActionForm>
        </section>
      )}
      {editable && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("card.edit")}</h2>
          <ActionForm action={updateLetterAction} submitLabel={t("card.save")} testId="edit-letter">
            {ref}
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="letterDate"
                label={t("fields.letterDate")}
                type="date"
                defaultValue={day(l.letterDate)}
              />
              <TextField
                name="letterNumber"
                label={t("fields.letterNumber")}
                maxLength={60}
                defaultValue={l.letterNumber}
              />
            </div>
            <TextField
              name="correspondent"
              label={t("fields.correspondent")}
              required
              maxLength={300}
              defaultValue={l.correspondent}
            />
            <TextField name="subject" label={t("fields.subject")} required maxLength={1000} defaultValue={l.subject} />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="executorId"
                label={t("fields.executor")}
                placeholder={t("card.none")}
                defaultValue={l.executor?.id}
                options={executors.map((u) => ({ value: u.id, label: u.displayName }))}
              />
              <TextField name="dueDate" label={t("fields.dueDate")} type="date" defaultValue={day(l.dueDate)} />
            </div>
            <TextField name="note" label={t("fields.note")} maxLength={2000} defaultValue={l.note} />
            <FormErrors names={["version", "status"]} />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
