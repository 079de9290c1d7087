import { StatusBadge as Badge, type BadgeTone } from "@/components/ui/status-badge";

const TONES: Record<string, BadgeTone> = {
  SUBMITTED: "neutral",
  IN_REVIEW: "info",
  NEEDS_INFO: "warning",
  APPROVED: "success",
  ISSUED: "success",
  REFUSED: "danger",
  RELEASED: "info",
  OFFERED: "warning",
  DECLINED: "neutral",
};

/** An application's status as a coloured label. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={TONES[status] ?? "neutral"} status={status} label={label} data-testid="status" />;
}
