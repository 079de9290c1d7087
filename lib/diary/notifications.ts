/** How the e-diary's notifications read and where they lead. */
import type { ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, str, type NotificationRenderer, type Payload } from "../notifications/render";

export type DiaryNotificationKind = ModuleKind<"diary">;

/** The child's diary (the parent's or pupil's view of that child). */
const diaryOf = (p: Payload) =>
  str(p.studentId) ? `/diary?student=${encodeURIComponent(str(p.studentId))}` : "/diary";

/** A date stored as "YYYY-MM-DD" (a school day), in the reader's format. */
const day = (v: unknown, format: (d: Date) => string) =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? format(new Date(`${v}T12:00:00Z`)) : "";

/** The subject's name in the reader's language (the payload keeps all three). */
const subjectName = (p: Payload, locale: string) =>
  str(p[locale === "ru" ? "subjectRu" : locale === "en" ? "subjectEn" : "subjectKk"]) || str(p.subjectKk);

const toDiary: NotificationRenderer = (p, kind, ctx) => ({
  text: kindText(kind, ctx),
  detail: reasonDetail(p, ctx),
  href: "/diary",
});

export const diaryRenderers: Record<DiaryNotificationKind, NotificationRenderer> = {
  diary_message: toDiary,
  // Only the child's parents receive it: the child's name is theirs to see.
  diary_absence: (p, kind, ctx) => ({
    text: kindText(kind, ctx, { student: str(p.student), date: day(p.date, ctx.formatDate) }),
    detail: null,
    href: diaryOf(p),
  }),
  diary_term_grades: (p, kind, ctx) => ({
    text: kindText(kind, ctx, {
      student: str(p.student),
      subject: subjectName(p, ctx.locale),
      term: str(p.term),
    }),
    detail: null,
    href: diaryOf(p),
  }),
};
