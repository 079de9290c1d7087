/** How the electronic services' notifications read and where they lead. */
import type { ApplicationStatus } from "../generated/prisma/enums";
import type { ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, str, type NotificationRenderer } from "../notifications/render";

export type ServicesNotificationKind = ModuleKind<"services">;

/** The applicant's notification when their application reaches a status. */
export const STATUS_NOTIFICATION = {
  SUBMITTED: "services.submitted",
  IN_REVIEW: "services.in_review",
  NEEDS_INFO: "services.needs_info",
  APPROVED: "services.approved",
  REFUSED: "services.refused",
  ISSUED: "services.issued",
  RELEASED: "services.released",
  OFFERED: "services.offered",
  DECLINED: "services.declined",
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
  "services.submitted": applicant,
  "services.in_review": applicant,
  "services.needs_info": applicant,
  "services.approved": applicant,
  "services.refused": applicant,
  "services.issued": applicant,
  "services.released": applicant,
  "services.offered": applicant,
  "services.declined": applicant,
  "services.queue_moved": applicant,
  "services.new": staff,
  "services.transferred": staff,
};
