import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { holds, scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { isTeacher } from "@/lib/diary/access";
import { addDays } from "@/lib/diary/dates";
import { listChildren, loadStudentDiary, type StudentDiary } from "@/lib/diary/diary";
import { StudentDiaryView } from "@/components/diary/student-diary";
import { childThreads } from "@/lib/diary/messages";
import { Threads } from "@/components/diary/threads";
import { runtimeKeys } from "@/i18n/keys";
import { startFamilyThreadAction } from "@/lib/diary/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";
import { formatDay } from "@/lib/format";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/diary">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "diary" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/diary", { title: t("title"), description: ts("diary"), noindex: true });
}

/** Parents' and students' diary: the child switcher, then the week, the subjects of the term and the alerts. */
export default async function DiaryPage({ params, searchParams }: PageProps<"/[locale]/diary">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("diary");
  const te = await getTranslations("errors");
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <div className="mx-auto max-w-xl space-y-3 rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/diary`)}`}
          className="inline-block rounded bg-brand-600 px-4 py-2 text-white"
        >
          {t("signIn")}
        </Link>
      </div>
    );
  }
  const canRead = Boolean(scopeOf(viewer, "diary.read"));
  const children = canRead ? await listChildren(viewer) : [];
  const query = await searchParams;
  const requested = typeof query.student === "string" ? query.student : undefined;
  const week = typeof query.week === "string" ? query.week : undefined;
  const studentId = requested ?? children[0]?.id;

  let diary: StudentDiary | null = null;
  let refused: string | null = null;
  if (canRead && studentId) {
    try {
      diary = await loadStudentDiary(viewer, studentId, { week });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const key = Object.values(error.fieldErrors)[0];
      refused = key ? runtimeKeys(te)(key) : te(error.code === "validation" ? "validation.summary" : error.code);
    }
  }
  const threads = diary && holds(viewer, "diary.family") ? await childThreads(viewer, diary.student.id) : null;
  const link = (changes: Record<string, string>) => {
    const q = new URLSearchParams({ ...(studentId ? { student: studentId } : {}), ...changes });
    return `/diary?${q.toString()}`;
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {isTeacherSafe(viewer) && (
          <Link href="/diary/journal" className="ml-auto rounded bg-brand-600 px-3 py-1.5 text-sm text-white">
            {t("toJournal")}
          </Link>
        )}
      </div>
      {children.length > 1 && (
        <nav aria-label={t("children")} className="flex flex-wrap gap-2">
          {children.map((c) => (
            <Link
              key={c.id}
              href={`/diary?student=${c.id}`}
              aria-current={c.id === diary?.student.id ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-sm ${c.id === diary?.student.id ? "bg-brand-700 text-white" : "bg-white shadow-sm"}`}
              data-testid="child-switch"
            >
              {c.firstName} {c.lastName}
              {c.className && <span className="ml-1">({c.className})</span>}
            </Link>
          ))}
        </nav>
      )}
      {refused && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-3 text-red-800"
          data-testid="diary-refused"
        >
          {refused}
        </p>
      )}
      {!refused && !diary && (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">
          {!canRead ? t("notAllowed") : isTeacherSafe(viewer) ? t("family.teacherHint") : t("noChildren")}
        </p>
      )}
      {diary && (
        <>
          <StudentDiaryView
            diary={diary}
            locale={locale}
            canExport={children.some((c) => c.id === diary!.student.id)}
            weekNav={
              <nav
                aria-label={t("week.nav")}
                className="flex flex-wrap items-center gap-3 text-sm"
                data-testid="week-nav"
              >
                <Link href={link({ week: addDays(diary.week.monday, -7) })} rel="prev">
                  ← {t("week.previous")}
                </Link>
                <span>
                  {t("family.weekOf", {
                    from: formatDay(diary.week.monday, locale),
                    to: formatDay(addDays(diary.week.monday, 5), locale),
                  })}
                </span>
                <Link href={link({ week: addDays(diary.week.monday, 7) })} rel="next">
                  {t("week.next")} →
                </Link>
              </nav>
            }
          />
          {threads && (
            <section className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby="messages-title">
              <h2 id="messages-title" className="mb-2 text-lg font-semibold">
                {t("messages.title")}
              </h2>
              <ActionForm
                action={startFamilyThreadAction}
                submitLabel={t("family.write")}
                testId="start-family-thread"
                className="mb-3 space-y-2"
              >
                <input type="hidden" name="studentId" value={diary.student.id} />
                <TextField
                  name="body"
                  label={t("family.writeLabel", { name: `${diary.student.firstName} ${diary.student.lastName}` })}
                  maxLength={2000}
                  required
                />
              </ActionForm>
              <Threads threads={threads} />
            </section>
          )}
        </>
      )}
    </div>
  );
}

function isTeacherSafe(viewer: Parameters<typeof isTeacher>[0]): boolean {
  return isTeacher(viewer) || holds(viewer, "diary.manage");
}
