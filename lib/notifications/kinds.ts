/**
 * Every kind of in-app notification, one closed list: the `NotificationKind` enum of prisma/schema.prisma,
 * as generated. Code uses the enum's names (`reporting_submitted`); the database stores each kind's dotted
 * code (`reporting.submitted`, the value's @map), which is also its message key under `notifications.kinds`
 * and what the notifications page shows as `data-kind`. Each module renders its own kinds (see registry.ts).
 */
import { NotificationKind } from "../generated/prisma/enums";

export { NotificationKind };

/** Every kind, in the schema's order. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

/**
 * The stored code of each kind: the @map of its value in schema.prisma (kinds.test.ts checks they agree; the
 * generated client keeps only the names).
 */
const CODES = {
  reporting_submitted: "reporting.submitted",
  reporting_approved: "reporting.approved",
  reporting_returned: "reporting.returned",
  reporting_accepted: "reporting.accepted",
  reporting_undone: "reporting.undone",
  reporting_correction: "reporting.correction",
  reporting_reminder_d7: "reporting.reminder.d7",
  reporting_reminder_d1: "reporting.reminder.d1",
  reporting_reminder_overdue: "reporting.reminder.overdue",
  reporting_overdue_list: "reporting.overdueList",
  reporting_escalated: "reporting.escalated",
  services_submitted: "services.submitted",
  services_in_review: "services.in_review",
  services_needs_info: "services.needs_info",
  services_approved: "services.approved",
  services_refused: "services.refused",
  services_issued: "services.issued",
  services_released: "services.released",
  services_offered: "services.offered",
  services_declined: "services.declined",
  services_new: "services.new",
  services_queue_moved: "services.queue_moved",
  services_transferred: "services.transferred",
  diary_message: "diary.message",
  diary_absence: "diary.absence",
  diary_term_grades: "diary.termGrades",
  forums_reply: "forums.reply",
  forums_mention: "forums.mention",
  publications_decision: "publications.decision",
  staff_attestation: "staff.attestation",
  staff_course_decision: "staff.courseDecision",
  staff_course_certificate: "staff.courseCertificate",
} as const satisfies Record<NotificationKind, `${string}.${string}`>;

/** A kind's stored code, e.g. "reporting.submitted". */
export type NotificationKindCode = (typeof CODES)[NotificationKind];

/** The stored code of a kind: its message key under `notifications.kinds` and the page's `data-kind`. */
export function kindCode(kind: NotificationKind): NotificationKindCode {
  return CODES[kind];
}

/** The kinds of one module ("reporting", "services", …): the names starting with the module and "_". */
export type ModuleKind<M extends string> = Extract<NotificationKind, `${M}_${string}`>;
