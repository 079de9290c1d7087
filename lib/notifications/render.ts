/** What a module's notification renderer gets and gives back (see registry.ts). */
import type { RuntimeTranslate } from "@/i18n/keys";
import { kindCode, type NotificationKind } from "./kinds";

/** The translator of the `reporting-review` messages, where the texts of every kind live. */
export type Translate = RuntimeTranslate;

export interface RenderContext {
  locale: string;
  t: Translate;
  formatDate: (d: Date) => string;
}

/** How a notification reads and where it leads. */
export interface NotificationView {
  text: string;
  detail: string | null;
  href: string | null;
}

export type Payload = Record<string, unknown>;

export type NotificationRenderer = (payload: Payload, kind: NotificationKind, ctx: RenderContext) => NotificationView;

/** A payload value as text ("" when absent). */
export const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The kind's message (keyed by its code) with `values`; kinds without a message of their own show a generic line. */
export function kindText(
  kind: NotificationKind,
  ctx: RenderContext,
  values: Record<string, string | number> = {},
): string {
  const code = kindCode(kind);
  const key = `notifications.kinds.${code}`;
  return ctx.t.has(key) ? ctx.t(key, values) : ctx.t("notifications.kinds.other", { kind: code });
}

/** The reason given with a decision (a return, a refusal), shown under the text. */
export function reasonDetail(payload: Payload, ctx: RenderContext): string | null {
  return typeof payload.reason === "string" && payload.reason
    ? ctx.t("notifications.reason", { reason: payload.reason })
    : null;
}
