/** How the electronic services' notifications read and where they lead. */
import type { ApplicationStatus } from "../generated/prisma/enums";
import { NotificationKind, type ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, str, type NotificationRenderer } from "../notifications/render";

export type ServicesNotificationKind = ModuleKind<"services">;

/** The applicant's notification when their application reaches a status. */
export const STATUS_NOTIFICATION = {
  SUBMITTED: NotificationKind.services_submitted,
  IN_REVIEW: NotificationKind.services_in_review,
  NEEDS_INFO: NotificationKind.services_needs_info,
  APPROVED: NotificationKind.services_approved,
  REFUSED: NotificationKind.services_refused,
  ISSUED: NotificationKind.services_issued,
  RELEASED: NotificationKind.services_released,
  OFFERED: NotificationKind.services_offered,
  DECLINED: NotificationKind.services_declined,
} as const satisfies Record<ApplicationStatus, ServicesNotificationKind>;

/** The applicant's notifications lead to their account's services. */
const applicant: NotificationRenderer = (p, kind, ctx) => ({
  // services.queue_moved: the preschool queue position before and after
  text: kindText(kind, ctx, { from: str(p.from), to: str(p.to) }),
  detail: reasonDetail(p, ctx),
  href: "/account/services",
});

/** Staff's notifications lead to the application in the staff queue. */
const staff: NotificationRenderer = (p, kind, ctx) => ({
  ...applicant(p, kind, ctx),
  href: str(p.applicationId) ? `/admin/services/${encodeURIComponent(str(p.applicationId))}` : "/account/services",
});

export const servicesRenderers: Record<ServicesNotificationKind, NotificationRenderer> = {
  services_submitted: applicant,
  services_in_review: applicant,
  services_needs_info: applicant,
  services_approved: applicant,
  services_refused: applicant,
  services_issued: applicant,
  services_released: applicant,
  services_offered: applicant,
  services_declined: applicant,
  services_queue_moved: applicant,
  services_new: staff,
  services_transferred: staff,
};
