/** The one registry of notification renderers: every kind of the closed list, rendered by its own module. */
import { diaryRenderers } from "../diary/notifications";
import { forumsRenderers } from "../forums/notifications";
import { reportingRenderers } from "../reporting/notifications";
import { servicesRenderers } from "../services/notifications";
import { isNotificationKind, type NotificationKind } from "./kinds";
import {
  kindText,
  reasonDetail,
  type NotificationRenderer,
  type NotificationView,
  type Payload,
  type RenderContext,
} from "./render";

const RENDERERS: Record<NotificationKind, NotificationRenderer> = {
  ...reportingRenderers,
  ...servicesRenderers,
  ...diaryRenderers,
  ...forumsRenderers,
};

/** How a stored notification reads and where it leads; a kind outside the list shows a generic line. */
export function renderNotification(n: { kind: string; payload: unknown }, ctx: RenderContext): NotificationView {
  const payload = (n.payload && typeof n.payload === "object" ? n.payload : {}) as Payload;
  if (isNotificationKind(n.kind)) return RENDERERS[n.kind](payload, n.kind, ctx);
  return { text: kindText(n.kind, ctx), detail: reasonDetail(payload, ctx), href: null };
}
