const COLOURS: Record<string, string> = {
  SUBMITTED: "bg-slate-100 text-slate-800",
  IN_REVIEW: "bg-blue-100 text-blue-900",
  NEEDS_INFO: "bg-amber-100 text-amber-900",
  APPROVED: "bg-green-100 text-green-900",
  ISSUED: "bg-green-100 text-green-900",
  REFUSED: "bg-red-100 text-red-900",
  RELEASED: "bg-blue-100 text-blue-900",
  OFFERED: "bg-amber-100 text-amber-900",
  DECLINED: "bg-slate-100 text-slate-800",
};

/** An application's status as a coloured label. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span
      data-testid="status"
      data-status={status}
      className={`rounded px-2 py-0.5 text-xs font-medium ${COLOURS[status] ?? COLOURS.SUBMITTED}`}
    >
      {label}
    </span>
  );
}
