/** How the forums' notifications read and where they lead: the thread, at the post. */
import type { ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, str, type NotificationRenderer } from "../notifications/render";

export type ForumsNotificationKind = ModuleKind<"forums">;

const forumLine: NotificationRenderer = (p, kind, ctx) => {
  const threadId = str(p.threadId);
  const post = typeof p.postNumber === "number" ? `#post-${p.postNumber}` : "";
  return {
    text: kindText(kind, ctx, { by: str(p.by), title: str(p.title) }),
    detail: reasonDetail(p, ctx),
    href: threadId ? `/forums/t/${encodeURIComponent(threadId)}${post}` : null,
  };
};

export const forumsRenderers: Record<ForumsNotificationKind, NotificationRenderer> = {
  forums_reply: forumLine,
  forums_mention: forumLine,
};
