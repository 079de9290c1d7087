/** How the e-diary's notifications read and where they lead. */
import type { ModuleKind } from "../notifications/kinds";
import { kindText, reasonDetail, type NotificationRenderer } from "../notifications/render";

export type DiaryNotificationKind = ModuleKind<"diary">;

const toDiary: NotificationRenderer = (p, kind, ctx) => ({
  text: kindText(kind, ctx),
  detail: reasonDetail(p, ctx),
  href: "/diary",
});

export const diaryRenderers: Record<DiaryNotificationKind, NotificationRenderer> = {
  diary_message: toDiary,
};
