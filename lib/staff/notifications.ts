/** How the attestation's notifications read and where they lead: the teacher's own staff record. */
import type { ModuleKind } from "../notifications/kinds";
import { kindText, str, type NotificationRenderer } from "../notifications/render";
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

export const staffRenderers: Record<StaffNotificationKind, NotificationRenderer> = {
  staff_attestation: attestationLine,
};
