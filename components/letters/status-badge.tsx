import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";

const TONES: Record<string, BadgeTone> = {
  REGISTERED: "neutral",
  IN_PROGRESS: "info",
  ANSWERED: "success",
  CLOSED: "successSoft",
  CANCELLED: "cancelled",
};

/** A letter's status as a coloured label. */
export function LetterStatusBadge({ status, label }: { status: string; label: string }) {
  return <StatusBadge tone={TONES[status] ?? "neutral"} status={status} label={label} data-testid="letter-status" />;
}

/** The red "overdue" mark next to a due date. */
export function OverdueMark({ label }: { label: string }) {
  return (
    <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 font-sans text-xs text-white" data-testid="overdue">
      {label}
    </span>
  );
}
