/** How the attestation's notifications read and where they lead: the teacher's own staff record. */
import type { ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, str, type NotificationRenderer, type Payload } from "../notifications/render";
import { QUALIFICATION_CATEGORIES } from "./rules";

export type StaffNotificationKind = ModuleKind<"staff">;

/** The commission's result on the teacher's application: the category, awarded (decision) or refused (reason). */
const attestationLine: NotificationRenderer = (p, kind, ctx) => {
  const category = (QUALIFICATION_CATEGORIES as readonly string[]).includes(str(p.category))
    ? str(p.category)
    : "moderator";
  const awarded = str(p.decision) === "award";
  return {
    text: kindText(kind, ctx, {
      category: ctx.t(`notifications.attestationCategories.${category}`),
      decision: ctx.t(`notifications.attestationDecisions.${awarded ? "award" : "refuse"}`),
      number: str(p.decisionNumber),
    }),
    detail: !awarded && str(p.reason) ? ctx.t("notifications.reason", { reason: str(p.reason) }) : null,
    href: "/account/staff",
  };
};

/** The course's name in the reader's language (the payload carries all three). */
const courseName = (p: Payload, locale: string) =>
  str(locale === "ru" ? p.courseRu : locale === "en" ? p.courseEn : p.courseKk) || str(p.courseKk);

/** The school's decision on the teacher's application for a course: approved, or refused with a reason. */
const courseDecisionLine: NotificationRenderer = (p, kind, ctx) => ({
  text: kindText(kind, ctx, {
    course: courseName(p, ctx.locale),
    decision: ctx.t(`notifications.courseDecisions.${str(p.decision) === "approve" ? "approve" : "refuse"}`),
  }),
  detail: reasonDetail(p, ctx),
  href: "/account/staff",
});

/** The provider completed the teacher's course: the certificate's number. */
const courseCertificateLine: NotificationRenderer = (p, kind, ctx) => ({
  text: kindText(kind, ctx, { course: courseName(p, ctx.locale), number: str(p.number) }),
  detail: null,
  href: "/account/staff",
});

export const staffRenderers: Record<StaffNotificationKind, NotificationRenderer> = {
  staff_attestation: attestationLine,
  staff_course_decision: courseDecisionLine,
  staff_course_certificate: courseCertificateLine,
};
