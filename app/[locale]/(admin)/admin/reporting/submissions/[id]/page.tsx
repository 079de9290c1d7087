import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/names";
import { formatDate, formatDateTime } from "@/lib/time";
import { CHANGE_THRESHOLD, reviewSubmission, type ReviewValueRow } from "@/lib/reporting/review";
import { PageHeader } from "@/components/admin/page-header";
import { Flag, StatusBadge } from "@/components/reporting-review/status-badge";
import { ReviewActions } from "@/components/reporting-review/review-actions-client";
import { localText } from "@/components/reporting-review/labels";
import type { KeysOf, Messages } from "@/i18n/keys";
import { runtimeKeys } from "@/i18n/keys";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

function show(value: unknown, locale: string, yes: string, no: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "boolean") return value ? yes : no;
  return String(value);
}

function changeText(change: number | null, locale: string): string {
  if (change === null) return "";
  const pct = Math.round(change * 1000) / 10;
  return `${pct > 0 ? "+" : ""}${formatNumber(pct, locale)} %`;
}

/** One submission for review: values beside the previous period, what the viewer may do, the history. */
export default async function SubmissionReviewPage({
  params,
}: PageProps<"/[locale]/admin/reporting/submissions/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const viewer = (await getViewer())!;
  const t = await getTranslations("reporting-review");
  let data;
  try {
    data = await reviewSubmission(viewer, id);
  } catch (error) {
    if (error instanceof AppError && (error.code === "notFound" || error.code === "forbidden")) notFound();
    throw error;
  }
  const { submission: s, rows, previous, events, actions, revisions, ruleComments, definition } = data;
  const yes = t("review.yes");
  const no = t("review.no");
  const bySection = new Map<string, ReviewValueRow[]>();
  for (const r of rows) bySection.set(r.key.split(".")[0]!, [...(bySection.get(r.key.split(".")[0]!) ?? []), r]);
  const highlighted = rows.filter((r) => r.highlight).length;
  const anyAction = actions.approve || actions.accept || actions.return || actions.undo || actions.correct;
  return (
    <div>
      <p className="no-print mb-2 text-sm">
        <Link href={{ pathname: "/admin/reporting/board", query: { period: s.periodId } }}>
          ← {t("review.toBoard")}
        </Link>
      </p>
      <PageHeader
        title={`${s.period.form.code} — ${localName(s.organization, locale)}`}
        description={`${localName(s.period.form, locale)} · ${s.period.label}`}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2" data-testid="submission-status">
        <StatusBadge status={s.status} label={t(`status.${s.status}`)} />
        {s.late && <Flag label={t("flags.late")} />}
        {s.corrected && <Flag label={t("flags.corrected", { revision: s.revision })} tone="amber" />}
        {s.supersededAt && <Flag label={t("flags.superseded")} tone="slate" />}
        {actions.pending && <span className="text-sm text-slate-600">{t(`review.pending.${actions.pending}`)}</span>}
      </div>

      <div className="grid gap-4 lg:grid-cols-3">
        <section className="rounded-lg bg-white p-4 shadow-sm lg:col-span-2">
          <h2 className="mb-2 font-semibold">{t("review.details")}</h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
            <dt className="text-slate-600">{t("review.organization")}</dt>
            <dd>
              {localName(s.organization, locale)}{" "}
              <span className="font-mono text-xs text-slate-500">{s.organization.bin}</span>
            </dd>
            <dt className="text-slate-600">{t("review.territory")}</dt>
            <dd>{localName(s.organization.territory, locale)}</dd>
            <dt className="text-slate-600">{t("review.chain")}</dt>
            <dd>{actions.chain.map((l) => t(`levels.${l}`)).join(" → ")}</dd>
            <dt className="text-slate-600">{t("review.deadline")}</dt>
            <dd>
              {formatDate(s.period.dueDate, locale)} (
              {t("review.effective", { deadline: formatDateTime(s.period.deadlineAt, locale) })})
            </dd>
            <dt className="text-slate-600">{t("review.submittedAt")}</dt>
            <dd data-testid="submitted-at">{s.submittedAt ? formatDateTime(s.submittedAt, locale) : "—"}</dd>
            <dt className="text-slate-600">{t("review.formVersion")}</dt>
            <dd>{s.formVersion.number}</dd>
            <dt className="text-slate-600">{t("review.revision")}</dt>
            <dd>{s.revision}</dd>
            {s.returnReason && (
              <>
                <dt className="text-slate-600">{t("review.returnReason")}</dt>
                <dd className="text-amber-900" data-testid="return-reason">
                  {s.returnReason}
                </dd>
              </>
            )}
            {s.correctionReason && (
              <>
                <dt className="text-slate-600">{t("review.correctionReason")}</dt>
                <dd>{s.correctionReason}</dd>
              </>
            )}
          </dl>
          {ruleComments.length > 0 && (
            <div className="mt-3">
              <h3 className="text-sm font-semibold">{t("review.comments")}</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {ruleComments.map((c) => (
                  <li key={c.index}>
                    <span className="text-slate-600">{localText(c.message, locale)}</span> — {c.comment}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {revisions.length > 1 && (
            <div className="mt-3">
              <h3 className="text-sm font-semibold">{t("review.revisions")}</h3>
              <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                {revisions.map((r) => (
                  <li key={r.id}>
                    {r.id === s.id ? (
                      <strong>{t("review.revisionN", { revision: r.revision })}</strong>
                    ) : (
                      <Link href={`/admin/reporting/submissions/${r.id}`}>
                        {t("review.revisionN", { revision: r.revision })}
                      </Link>
                    )}{" "}
                    <span className="text-slate-500">
                      ({t(`status.${r.status}`)}
                      {r.supersededAt ? `, ${t("flags.superseded")}` : ""})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>

        <section className="no-print rounded-lg bg-white p-4 shadow-sm" aria-labelledby="review-actions">
          <h2 id="review-actions" className="mb-2 font-semibold">
            {t("review.actions")}
          </h2>
          {anyAction ? (
            <ReviewActions
              submissionId={s.id}
              version={s.version}
              allowed={actions}
              labels={{
                approve: t("review.approve"),
                accept: t("review.accept"),
                return: t("review.return"),
                returnReason: t("review.returnReason"),
                returnHint: t("review.returnHint"),
                undo: t("review.undo"),
                undoConfirm: t("review.undoConfirm"),
                correct: t("review.correct"),
                correctionReason: t("review.correctionReason"),
                correctionHint: t("review.correctionHint"),
                pending: t("review.working"),
                acceptConfirm: t("review.acceptConfirm"),
              }}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("review.nothingToDo")}</p>
          )}
        </section>
      </div>

      <section className="mt-6" aria-labelledby="values-title">
        <h2 id="values-title" className="mb-1 font-semibold">
          {t("review.values")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {previous
            ? t("review.comparedWith", {
                period:
                  previous.periodLabel === String(previous.year)
                    ? previous.periodLabel
                    : `${previous.year} (${previous.periodLabel})`,
                threshold: Math.round(CHANGE_THRESHOLD * 100),
                count: highlighted,
              })
            : t("review.noPrevious")}
        </p>
        {definition.sections.map((section) => {
          const sectionRows = bySection.get(section.key) ?? [];
          if (section.kind === "table") {
            return (
              <div key={section.key} className="mb-4 relative overflow-x-auto rounded-lg bg-white p-3 shadow-sm">
                <h3 className="mb-2 font-medium">{localText(section.title, locale)}</h3>
                <table className="w-full text-sm" data-testid={`section-${section.key}`}>
                  <thead className="bg-slate-100">
                    <tr>
                      <th scope="col" className="px-2 py-1 text-left" />
                      {section.columns.map((c) => (
                        <th key={c.key} scope="col" className="px-2 py-1 text-right">
                          {localText(c.label, locale)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {section.rows.map((r) => (
                      <tr key={r.key} className="border-t border-slate-100">
                        <th scope="row" className="px-2 py-1 text-left font-normal">
                          {localText(r.label, locale)}
                        </th>
                        {section.columns.map((c) => {
                          const cell = sectionRows.find((x) => x.key === `${section.key}.${r.key}.${c.key}`)!;
                          return (
                            <td
                              key={c.key}
                              data-key={cell.key}
                              data-highlight={cell.highlight || undefined}
                              className={`px-2 py-1 text-right tabular-nums ${cell.highlight ? "bg-amber-100" : ""}`}
                            >
                              <span className="font-medium">{show(cell.value, locale, yes, no)}</span>
                              {previous && (
                                <span className="block text-xs text-slate-500">
                                  {show(cell.previous, locale, yes, no)}{" "}
                                  {cell.highlight && (
                                    <strong className="text-amber-900">
                                      {changeText(cell.change, locale) || t("review.new")}
                                    </strong>
                                  )}
                                </span>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }
          return (
            <div key={section.key} className="mb-4 relative overflow-x-auto rounded-lg bg-white p-3 shadow-sm">
              <h3 className="mb-2 font-medium">{localText(section.title, locale)}</h3>
              <table className="w-full text-sm" data-testid={`section-${section.key}`}>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className="px-2 py-1 text-left">
                      {t("review.field")}
                    </th>
                    <th scope="col" className="px-2 py-1 text-right">
                      {t("review.current")}
                    </th>
                    {previous && (
                      <th scope="col" className="px-2 py-1 text-right">
                        {t("review.previous")}
                      </th>
                    )}
                    {previous && (
                      <th scope="col" className="px-2 py-1 text-right">
                        {t("review.change")}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {sectionRows.map((r) => (
                    <tr
                      key={r.key}
                      data-key={r.key}
                      data-highlight={r.highlight || undefined}
                      className={`border-t border-slate-100 ${r.highlight ? "bg-amber-100" : ""}`}
                    >
                      <th scope="row" className="px-2 py-1 text-left font-normal">
                        {localText(r.field, locale)}
                      </th>
                      <td className="px-2 py-1 text-right tabular-nums font-medium">
                        {show(r.value, locale, yes, no)}
                      </td>
                      {previous && (
                        <td className="px-2 py-1 text-right tabular-nums text-slate-600">
                          {show(r.previous, locale, yes, no)}
                        </td>
                      )}
                      {previous && (
                        <td
                          className={`px-2 py-1 text-right tabular-nums ${r.highlight ? "font-semibold text-amber-900" : "text-slate-500"}`}
                        >
                          {r.numeric ? changeText(r.change, locale) : ""}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>

      <section className="mt-6 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-2 font-semibold">
          {t("review.timeline")}
        </h2>
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">{t("review.noEvents")}</p>
        ) : (
          <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm" data-testid="timeline">
            {events.map((e) => (
              <li key={e.id} data-action={e.action}>
                <span className="font-mono text-xs text-slate-500">{formatDateTime(e.at, locale)}</span>{" "}
                <span className="font-medium">
                  {runtimeKeys(t).has(`events.${e.action}`) ? runtimeKeys(t)(`events.${e.action}`) : e.action}
                </span>{" "}
                <span className="text-slate-600">
                  · {t(`levels.${e.level as KeysOf<Messages["reporting-review"]["levels"]>}`)}
                  {e.actor ? ` · ${e.actor}` : ""}
                </span>
                {e.reason && <p className="mt-0.5 text-slate-800">«{e.reason}»</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
