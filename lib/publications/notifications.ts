/** How the publications' notifications read and where they lead: the author's own publication page. */
import type { ModuleKind } from "../notifications/kinds";
import { kindText, str, type NotificationRenderer } from "../notifications/render";

export type PublicationsNotificationKind = ModuleKind<"publications">;

const DECISIONS = ["approve", "requestChanges", "reject", "publish", "schedule", "unpublish"];

/** An editor's decision on the author's work: the title, the decision and the remarks. */
const decisionLine: NotificationRenderer = (p, kind, ctx) => {
  const decision = DECISIONS.includes(str(p.decision)) ? str(p.decision) : "approve";
  const id = str(p.publicationId);
  return {
    text: kindText(kind, ctx, {
      title: str(p.title),
      decision: ctx.t(`notifications.publicationDecisions.${decision}`),
    }),
    detail: str(p.remarks) ? ctx.t("notifications.reason", { reason: str(p.remarks) }) : null,
    href: id ? `/account/publications/${encodeURIComponent(id)}` : null,
  };
};

export const publicationsRenderers: Record<PublicationsNotificationKind, NotificationRenderer> = {
  publications_decision: decisionLine,
};
