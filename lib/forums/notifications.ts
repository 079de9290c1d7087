/** How the forums' notifications read (a generic line with the kind; they lead nowhere yet). */
import type { ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, type NotificationRenderer } from "../notifications/render";

export type ForumsNotificationKind = ModuleKind<"forums">;

const forumLine: NotificationRenderer = (p, kind, ctx) => ({
  text: kindText(kind, ctx),
  detail: reasonDetail(p, ctx),
  href: null,
});

export const forumsRenderers: Record<ForumsNotificationKind, NotificationRenderer> = {
  forums_reply: forumLine,
  forums_mention: forumLine,
};
