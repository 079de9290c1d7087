/**
 * Every kind of in-app notification, one closed list. The stored `Notification.kind` is one of these
 * strings; each module renders its own kinds (see registry.ts).
 */
export const NOTIFICATION_KINDS = [
  // statistical reporting: the workflow's steps, deadline reminders, the district's digest of late reports
  "reporting.submitted",
  "reporting.approved",
  "reporting.returned",
  "reporting.accepted",
  "reporting.undone",
  "reporting.correction",
  "reporting.reminder.d7",
  "reporting.reminder.d1",
  "reporting.reminder.overdue",
  "reporting.overdueList",
  // electronic services: the applicant's application changed status; staff have a new application
  "services.submitted",
  "services.in_review",
  "services.needs_info",
  "services.approved",
  "services.refused",
  "services.issued",
  "services.released",
  "services.offered",
  "services.declined",
  "services.new",
  "services.queue_moved",
  "services.transferred",
  // e-diary: a teacher's message to a parent
  "diary.message",
  // forums: a reply in a subscribed thread, a mention
  "forums.reply",
  "forums.mention",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds of one module ("reporting", "services", …). */
export type ModuleKind<M extends string> = Extract<NotificationKind, `${M}.${string}`>;

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
