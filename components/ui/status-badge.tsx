import type { HTMLAttributes } from "react";
import { cx } from "./cx";

/** The colours a status can take; each module maps its statuses to these. */
export type BadgeTone =
  | "neutral"
  | "muted"
  | "subdued"
  | "info"
  | "sky"
  | "indigo"
  | "violet"
  | "success"
  | "successSoft"
  | "warning"
  | "danger"
  | "cancelled";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-800",
  muted: "bg-slate-100 text-slate-600",
  subdued: "bg-slate-200 text-slate-700",
  info: "bg-blue-100 text-blue-900",
  sky: "bg-sky-100 text-sky-800",
  indigo: "bg-indigo-100 text-indigo-800",
  violet: "bg-violet-100 text-violet-800",
  success: "bg-green-100 text-green-900",
  successSoft: "bg-green-50 text-green-800",
  warning: "bg-amber-100 text-amber-900",
  danger: "bg-red-100 text-red-900",
  cancelled: "bg-slate-200 text-slate-600 line-through",
};

/**
 * A status as a small coloured label. The text comes from the caller in the page's locale; `status` is
 * kept in `data-status` for tests and styles; other attributes (data-testid) are passed on.
 */
export function StatusBadge({
  tone,
  label,
  status,
  className,
  ...props
}: { tone: BadgeTone; label: string; status?: string } & Omit<HTMLAttributes<HTMLSpanElement>, "children">) {
  return (
    <span
      data-status={status}
      className={cx("rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap", TONES[tone], className)}
      {...props}
    >
      {label}
    </span>
  );
}
