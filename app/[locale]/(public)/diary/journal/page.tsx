import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { holds, scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/names";
import { journalChoices, journalHistory, loadJournal, type JournalData } from "@/lib/diary/journal";
import { confirmTermAction, createAssessmentAction, startThreadAction } from "@/lib/diary/actions";
import { classThreads } from "@/lib/diary/messages";
import { Threads } from "@/components/diary/threads";
import { JournalGrid } from "@/components/diary/journal-client";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { runtimeKeys } from "@/i18n/keys";
import { Table } from "@/components/ui/table";
import { formatDate, formatDateTime, formatDay } from "@/lib/format";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/diary/journal">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "diary.journal" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/diary/journal", { title: t("title"), description: ts("journal"), noindex: true });
}

/** The class journal: pick class and subject, then the grid with СОР/СОЧ, term confirmation and history. */
export default async function JournalPage({ params, searchParams }: PageProps<"/[locale]/diary/journal">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/diary/journal` } }, locale });
  const t = await getTranslations("diary.journal");
  const te = await getTranslations("errors");
  if (!scopeOf(viewer, "diary.read") || !(holds(viewer, "diary.teach") || holds(viewer, "diary.manage"))) {
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("notTeacher")}</p>
      </div>
    );
  }
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const classId = one(query.class);
  const subjectId = one(query.subject);
  const termId = one(query.term);
  const choices = await journalChoices(viewer);

  let data: JournalData | null = null;
  let refused: string | null = null;
  if (classId && subjectId) {
    try {
      data = await loadJournal(viewer, { classGroupId: classId, subjectId, termId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const key = Object.values(error.fieldErrors)[0];
      refused = key ? runtimeKeys(te)(key) : te(error.code === "validation" ? "validation.summary" : error.code);
    }
  }
  const link = (c: string, s: string, term?: string, extra: Record<string, string> = {}) =>
    `/diary/journal?${new URLSearchParams({ class: c, subject: s, ...(term ? { term } : {}), ...extra }).toString()}`;
  const ts = await getTranslations("diary.status");
  const shown = (kind: string, value: string | null) =>
    value === null ? "—" : kind === "ATTENDANCE" ? ts(value as "ABSENT") : value;
  const isTeacher = holds(viewer, "diary.teach");
  const threads = data && isTeacher ? await classThreads(viewer, data.classGroup.id) : null;
  const tm = await getTranslations("diary.messages");
  const history =
    data && one(query.history) === "1"
      ? await journalHistory(viewer, {
          classGroupId: data.classGroup.id,
          subjectId: data.subject.id,
          termId: data.term.id,
        })
      : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Link href="/diary" className="ml-auto text-sm">
          {t("toDiary")}
        </Link>
      </div>
      <nav aria-label={t("pick")} className="rounded-lg bg-white p-3 shadow-sm">
        {choices.length === 0 ? (
          <p className="text-slate-600">{t("noClasses")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {choices.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2">
                <span className="w-24 font-semibold">
                  {c.grade} {c.letter}
                  {c.homeroom && (
                    <span className="ml-1 text-xs font-normal text-slate-500" title={t("homeroom")}>
                      ★
                    </span>
                  )}
                </span>
                {c.subjects.map((s) => (
                  <Link
                    key={s.id}
                    href={link(c.id, s.id)}
                    aria-current={data?.classGroup.id === c.id && data?.subject.id === s.id ? "page" : undefined}
                    className={`rounded px-2 py-0.5 ${data?.classGroup.id === c.id && data?.subject.id === s.id ? "bg-brand-600 text-white" : "bg-slate-100"}`}
                  >
                    {localName(s, locale)}
                  </Link>
                ))}
              </li>
            ))}
          </ul>
        )}
      </nav>
      {refused && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {refused}
        </p>
      )}
      {!data && !refused && choices.length > 0 && <p className="text-slate-600">{t("pickHint")}</p>}
      {data && (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="text-xl font-semibold" data-testid="journal-title">
              {data.classGroup.grade} {data.classGroup.letter} — {localName(data.subject, locale)}
            </h2>
            <nav aria-label={t("term")} className="flex gap-1 text-sm">
              {data.terms.map((term) => (
                <Link
                  key={term.id}
                  href={link(data.classGroup.id, data.subject.id, term.id)}
                  aria-current={term.id === data.term.id ? "page" : undefined}
                  className={`rounded px-2 py-0.5 ${term.id === data.term.id ? "bg-brand-600 text-white" : "bg-white shadow-sm"}`}
                >
                  {t("termN", { n: term.number })}
                </Link>
              ))}
            </nav>
            <span className="text-sm text-slate-600">
              {formatDay(data.term.startDate, locale)} – {formatDay(data.term.endDate, locale)}
            </span>
            {data.closed && (
              <span className="rounded bg-green-100 px-2 py-0.5 text-sm text-green-800" data-testid="term-closed">
                {t("closedBy", {
                  by: data.closed.by,
                  at: formatDate(new Date(data.closed.at), locale),
                })}
              </span>
            )}
          </div>
          <p className="text-sm text-slate-600">{t("weights", data.weights)}</p>
          <JournalGrid
            key={`${data.term.id}:${data.assessments.map((a) => a.id).join(",")}:${data.closed?.at ?? ""}`}
            data={data}
          />
          {data.editable && (
            <div className="grid gap-4 md:grid-cols-2">
              <section className="rounded-lg bg-white p-4 shadow-sm">
                <h3 className="mb-2 font-semibold">{t("addAssessment")}</h3>
                <ActionForm action={createAssessmentAction} submitLabel={t("add")} testId="add-assessment">
                  <input type="hidden" name="classGroupId" value={data.classGroup.id} />
                  <input type="hidden" name="subjectId" value={data.subject.id} />
                  <input type="hidden" name="termId" value={data.term.id} />
                  <SelectField
                    name="kind"
                    label={t("kind")}
                    options={[
                      { value: "SOR", label: t("sor") },
                      { value: "SOCH", label: t("soch") },
                    ]}
                  />
                  <TextField name="maxPoints" label={t("maxPoints")} type="number" min={1} max={100} required />
                  <TextField name="date" label={t("date")} type="date" defaultValue={data.today} required />
                  <TextField name="title" label={t("assessmentTitle")} maxLength={200} />
                </ActionForm>
              </section>
              {!data.closed && (
                <section className="rounded-lg bg-white p-4 shadow-sm">
                  <h3 className="mb-2 font-semibold">{t("confirmTitle")}</h3>
                  <p className="mb-2 text-sm text-slate-600">{t("confirmText")}</p>
                  <ActionForm
                    action={confirmTermAction}
                    submitLabel={t("confirm")}
                    confirm={t("confirmAsk")}
                    testId="confirm-term"
                  >
                    <input type="hidden" name="classGroupId" value={data.classGroup.id} />
                    <input type="hidden" name="subjectId" value={data.subject.id} />
                    <input type="hidden" name="termId" value={data.term.id} />
                  </ActionForm>
                </section>
              )}
            </div>
          )}
          {threads && (
            <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="messages-title">
              <h3 id="messages-title" className="font-semibold">
                {tm("title")}
              </h3>
              <ActionForm
                action={startThreadAction}
                submitLabel={tm("send")}
                testId="start-thread"
                className="space-y-2"
              >
                <input type="hidden" name="classGroupId" value={data.classGroup.id} />
                <SelectField
                  name="studentId"
                  label={tm("to")}
                  options={data.students.map((s) => ({
                    value: s.id,
                    label: tm("parentsOf", { name: `${s.lastName} ${s.firstName}` }),
                  }))}
                  placeholder={tm("wholeClass")}
                />
                <TextField name="body" label={tm("body")} maxLength={2000} required />
              </ActionForm>
              <Threads threads={threads} />
            </section>
          )}
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <div className="flex items-center gap-3">
              <h3 className="font-semibold">{t("history")}</h3>
              {!history && (
                <Link
                  href={link(data.classGroup.id, data.subject.id, data.term.id, { history: "1" })}
                  className="text-sm"
                >
                  {t("showHistory")}
                </Link>
              )}
            </div>
            {history &&
              (history.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noHistory")}</p>
              ) : (
                <Table
                  look="plain"
                  testId="history"
                  columns={[t("when"), t("who"), t("student"), t("what"), t("change"), t("reason")]}
                  rows={history}
                  className="mt-2 min-w-full text-sm"
                  thClassName="pr-3"
                >
                  {(h) => (
                    <tr key={h.id} className="border-t border-slate-100">
                      <td className="pr-3">{formatDateTime(new Date(h.at), locale)}</td>
                      <td className="pr-3">{h.by}</td>
                      <td className="pr-3">{h.student}</td>
                      <td className="pr-3">
                        {t(`kinds.${h.kind}`)}
                        {h.lessonDate ? ` ${h.lessonDate}` : ""}
                      </td>
                      <td className="pr-3">
                        {shown(h.kind, h.oldValue)} → {shown(h.kind, h.newValue)}
                      </td>
                      <td className="pr-3">{h.reason ?? ""}</td>
                    </tr>
                  )}
                </Table>
              ))}
          </section>
        </>
      )}
    </div>
  );
}
