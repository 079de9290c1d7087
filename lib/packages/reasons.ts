import type { ReceiptReason } from "./format";

type Translate = { (key: string, params?: Record<string, string | number>): string; has(key: string): boolean };

/** A receipt reason in words: workflow reasons ("app.…") from `errors.…`, the others from `packages.reason.…`. */
export function reasonText(t: Translate, reason: ReceiptReason): string {
  const key = reason.code.startsWith("app.") ? `errors.${reason.code.slice(4)}` : `packages.reason.${reason.code}`;
  const text = t.has(key) ? t(key, reason.params ?? {}) : reason.code;
  return reason.field ? `${reason.field}: ${text}` : text;
}
