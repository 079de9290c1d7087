const COLOURS: Record<string, string> = {
  REGISTERED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-blue-100 text-blue-900",
  ANSWERED: "bg-green-100 text-green-900",
  CLOSED: "bg-green-50 text-green-800",
  CANCELLED: "bg-slate-200 text-slate-600 line-through",
};

/** A letter's status as a coloured label. */
export function LetterStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span
      data-testid="letter-status"
      data-status={status}
      className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${COLOURS[status] ?? COLOURS.REGISTERED}`}
    >
      {label}
    </span>
  );
}

/** The red "overdue" mark next to a due date. */
export function OverdueMark({ label }: { label: string }) {
  return (
    <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 font-sans text-xs text-white" data-testid="overdue">
      {label}
    </span>
  );
}
