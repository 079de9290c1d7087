/** The one registry of notification renderers: every kind of the closed list, rendered by its own module. */
import { diaryRenderers } from "../diary/notifications";
import { forumsRenderers } from "../forums/notifications";
import { publicationsRenderers } from "../publications/notifications";
import { reportingRenderers } from "../reporting/notifications";
import { servicesRenderers } from "../services/notifications";
import { staffRenderers } from "../staff/notifications";
import type { NotificationKind } from "./kinds";
import type { NotificationRenderer, NotificationView, Payload, RenderContext } from "./render";

const RENDERERS: Record<NotificationKind, NotificationRenderer> = {
  ...reportingRenderers,
  ...servicesRenderers,
  ...diaryRenderers,
  ...forumsRenderers,
  ...publicationsRenderers,
  ...staffRenderers,
};

/** How a stored notification reads and where it leads. */
export function renderNotification(
  n: { kind: NotificationKind; payload: unknown },
  ctx: RenderContext,
): NotificationView {
  const payload = (n.payload && typeof n.payload === "object" ? n.payload : {}) as Payload;
  return RENDERERS[n.kind](payload, n.kind, ctx);
}
