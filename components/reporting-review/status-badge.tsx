import type { SubmissionStatus } from "@/lib/generated/prisma/enums";
import { StatusBadge as Badge, type BadgeTone } from "@/components/ui/status-badge";

const TONES: Record<SubmissionStatus | "NONE", BadgeTone> = {
  NONE: "muted",
  DRAFT: "neutral",
  SUBMITTED: "sky",
  APPROVED_DISTRICT: "indigo",
  APPROVED_REGION: "violet",
  ACCEPTED: "success",
  RETURNED: "warning",
};

/** A submission's status as a coloured label (text from the caller, in the page's locale). */
export function StatusBadge({ status, label }: { status: SubmissionStatus | null; label: string }) {
  return <Badge tone={TONES[status ?? "NONE"]} status={status ?? "NONE"} label={label} />;
}

const FLAG_TONES = { red: "danger", amber: "warning", slate: "subdued" } as const;

/** A small flag beside a status: late, corrected, superseded. */
export function Flag({ label, tone = "red" }: { label: string; tone?: keyof typeof FLAG_TONES }) {
  return <Badge tone={FLAG_TONES[tone]} label={label} className="ml-1" />;
}
