import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { formatDayLong, formatDayMonth, formatNumber } from "@/lib/format";
import { localName } from "@/lib/names";
import type { StudentDiary } from "@/lib/diary/diary";

const statusClass = {
  ABSENT: "bg-red-100 text-red-800",
  LATE: "bg-amber-100 text-amber-900",
  EXCUSED: "bg-sky-100 text-sky-900",
} as const;

/** The diary of one student: alerts, the week, the subjects of the term with the grade formula, attendance. */
export async function StudentDiaryView({
  diary,
  locale,
  canExport,
  weekNav,
}: {
  diary: StudentDiary;
  locale: string;
  canExport: boolean;
  /** The links to the previous and next weeks, shown above the week. */
  weekNav?: ReactNode;
}) {
  const t = await getTranslations("diary");
  const day = (d: string, style: "full" | "short" = "full") =>
    style === "full" ? formatDayLong(d, locale) : formatDayMonth(d, locale);
  const pct = (n: number) => `${formatNumber(n, locale, { maximumFractionDigits: 1 })}%`;
  const exportHref = (f: string) => `/api/v1/diary/students/${diary.student.id}/export?format=${f}&locale=${locale}`;

  return (
    <div className="space-y-5" data-testid="student-diary" data-student-id={diary.student.id}>
      <section className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <h2 className="text-xl font-semibold" data-testid="diary-student">
            {diary.student.firstName} {diary.student.lastName}
          </h2>
          <p className="text-sm text-slate-600">
            {t("classLabel", { name: diary.className })}
            {diary.term && ` · ${t("termLabel", { n: diary.term.number })}`}
          </p>
        </div>
        {canExport && (
          <div className="ml-auto flex gap-2 text-sm">
            <a href={exportHref("json")} download className="rounded border border-slate-300 px-3 py-1">
              {t("download.json")}
            </a>
            <a href={exportHref("csv")} download className="rounded border border-slate-300 px-3 py-1">
              {t("download.csv")}
            </a>
            <a href={exportHref("xlsx")} download className="rounded border border-slate-300 px-3 py-1">
              {t("download.xlsx")}
            </a>
          </div>
        )}
      </section>

      {diary.alerts.length > 0 && (
        <section aria-label={t("alerts.title")} className="space-y-2" data-testid="alerts">
          {diary.alerts.map((a, i) => (
            <p
              key={i}
              role="status"
              className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900"
              data-alert={a.kind}
            >
              {a.kind === "absentDays"
                ? t("alerts.absentDays", { days: a.days, from: day(a.from, "short"), to: day(a.to, "short") })
                : a.kind === "subjectAbsences"
                  ? t("alerts.subjectAbsences", { count: a.count, subject: localName(a.subject, locale) })
                  : t("alerts.lowGrade", { subject: localName(a.subject, locale), grade: a.grade })}
            </p>
          ))}
        </section>
      )}

      <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="week-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="week-title" className="text-lg font-semibold">
            {t("week.title")}
          </h2>
          {weekNav}
        </div>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {diary.week.days.map((d) => {
            const lessons = diary.week.lessons.filter((l) => l.date === d);
            if (!lessons.length) return null;
            return (
              <div
                key={d}
                className={`rounded border p-2 ${d === diary.today ? "border-brand-500" : "border-slate-200"}`}
                data-day={d}
              >
                <h3 className="mb-1 font-medium capitalize">
                  {day(d)}
                  {d === diary.today && (
                    <span className="ml-2 rounded bg-brand-600 px-1.5 text-xs text-white">{t("week.today")}</span>
                  )}
                </h3>
                <ol className="space-y-1 text-sm">
                  {lessons.map((l) => (
                    <li
                      key={l.id}
                      className="border-t border-slate-100 pt-1"
                      data-lesson={l.planned ? undefined : l.id}
                      data-planned={l.planned ? "" : undefined}
                    >
                      <div className="flex items-center gap-2">
                        <span className="w-4 text-slate-500">{l.period}</span>
                        <span className="font-medium">{localName(l.subject, locale)}</span>
                        {l.planned && <span className="text-xs text-slate-500">({t("family.planned")})</span>}
                        <span className="ml-auto flex gap-1">
                          {l.attendance && (
                            <span className={`rounded px-1 text-xs ${statusClass[l.attendance]}`}>
                              {t(`status.${l.attendance}`)}
                            </span>
                          )}
                          {l.mark !== null && (
                            <span
                              className="rounded bg-slate-800 px-1.5 text-xs font-bold text-white"
                              data-mark={l.mark}
                            >
                              {l.mark}
                            </span>
                          )}
                        </span>
                      </div>
                      {l.topic && <p className="pl-6 text-slate-600">{l.topic}</p>}
                      {l.homework && (
                        <p className="pl-6 text-slate-700">
                          <span className="text-slate-500">{t("week.homework")}:</span> {l.homework}
                        </p>
                      )}
                    </li>
                  ))}
                </ol>
              </div>
            );
          })}
        </div>
        {diary.week.lessons.length === 0 && <p className="text-slate-600">{t("week.none")}</p>}
      </section>

      <section className="space-y-3" aria-labelledby="subjects-title">
        <h2 id="subjects-title" className="text-lg font-semibold">
          {t("subjects.title")}
        </h2>
        <div className="grid gap-3 lg:grid-cols-2">
          {diary.subjects.map((s) => (
            <article key={s.subjectId} className="rounded-lg bg-white p-4 shadow-sm" data-subject={s.subjectId}>
              <div className="flex items-start gap-2">
                <h3 className="font-semibold">{localName(s.subject, locale)}</h3>
                <span
                  className="ml-auto text-right"
                  data-testid={`term-grade-${s.subjectId}`}
                  data-grade={s.confirmed?.grade ?? s.grade?.grade ?? ""}
                >
                  {s.confirmed ? (
                    <span className="rounded bg-green-100 px-2 py-0.5 text-green-800">
                      {t("subjects.confirmed", { grade: s.confirmed.grade })}
                    </span>
                  ) : s.grade ? (
                    <span className="rounded bg-slate-100 px-2 py-0.5">
                      {t("subjects.current", { grade: s.grade.grade })}
                    </span>
                  ) : (
                    <span className="text-sm text-slate-500">{t("subjects.noGrade")}</span>
                  )}
                </span>
              </div>
              <p className="mt-2 text-sm">
                <span className="text-slate-500">{t("subjects.marks")}: </span>
                {s.marks.length === 0
                  ? "—"
                  : s.marks.map((m, i) => (
                      <span key={i} className="mr-1 inline-block rounded bg-slate-100 px-1" title={m.date}>
                        {m.value}
                      </span>
                    ))}
              </p>
              {s.summatives.length > 0 && (
                <p className="mt-1 text-sm">
                  {s.summatives.map((x) => (
                    <span key={`${x.kind}${x.number}`} className="mr-2 inline-block">
                      {t(`subjects.${x.kind}`, { n: x.number })}:{" "}
                      {x.points === null ? "—" : formatNumber(x.points, locale, { maximumFractionDigits: 2 })}/
                      {x.maxPoints}
                    </span>
                  ))}
                </p>
              )}
              {s.grade && (
                <div className="mt-2 rounded bg-slate-50 p-2 text-sm" data-testid={`formula-${s.subjectId}`}>
                  <p className="font-medium">{t("subjects.how")}</p>
                  <p className="font-mono">
                    {s.grade.explanation.terms
                      .map((x) => `${pct(x.weight)} × ${pct(x.percent)} (${t(`grade.${x.kind}`)})`)
                      .join(" + ")}{" "}
                    = {pct(s.grade.explanation.total)} → {s.grade.grade}
                  </p>
                  <ul className="mt-1 list-inside list-disc text-slate-600">
                    {s.grade.components
                      .filter((c) => c.percent !== null)
                      .map((c) => (
                        <li key={c.kind}>{t(`subjects.explain.${c.kind}`, { percent: pct(c.percent!) })}</li>
                      ))}
                  </ul>
                  {s.grade.partial && (
                    <p className="mt-1 text-slate-600">
                      {t("subjects.partial", { missing: s.grade.missing.map((m) => t(`grade.${m}`)).join(", ") })}
                    </p>
                  )}
                  <p className="mt-1 text-xs text-slate-500">{t("subjects.scale")}</p>
                </div>
              )}
              {s.absences > 0 && (
                <p className="mt-1 text-sm text-slate-600">{t("subjects.absences", { count: s.absences })}</p>
              )}
            </article>
          ))}
        </div>
      </section>

      <section
        className="rounded-lg bg-white p-4 shadow-sm"
        aria-labelledby="attendance-title"
        data-testid="attendance-summary"
      >
        <h2 id="attendance-title" className="text-lg font-semibold">
          {t("attendance.title")}
        </h2>
        <p className="mt-1 text-sm">{t("attendance.summary", diary.attendance)}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t("attendance.rate", {
            rate: pct(
              diary.attendance.held
                ? ((diary.attendance.held - diary.attendance.absent - diary.attendance.excused) /
                    diary.attendance.held) *
                    100
                : 100,
            ),
          })}
        </p>
      </section>
    </div>
  );
}
