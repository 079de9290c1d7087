import type { SubmissionStatus } from "@/lib/generated/prisma/enums";

const COLOURS: Record<SubmissionStatus | "NONE", string> = {
  NONE: "bg-slate-100 text-slate-600",
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-sky-100 text-sky-800",
  APPROVED_DISTRICT: "bg-indigo-100 text-indigo-800",
  APPROVED_REGION: "bg-violet-100 text-violet-800",
  ACCEPTED: "bg-green-100 text-green-800",
  RETURNED: "bg-amber-100 text-amber-900",
};

/** A submission's status as a coloured label (text from the caller, in the page's locale). */
export function StatusBadge({ status, label }: { status: SubmissionStatus | null; label: string }) {
  return (
    <span
      data-status={status ?? "NONE"}
      className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${COLOURS[status ?? "NONE"]}`}
    >
      {label}
    </span>
  );
}

/** A small flag beside a status: late, corrected, superseded. */
export function Flag({ label, tone = "red" }: { label: string; tone?: "red" | "amber" | "slate" }) {
  const colour =
    tone === "red"
      ? "bg-red-100 text-red-800"
      : tone === "amber"
        ? "bg-amber-100 text-amber-900"
        : "bg-slate-200 text-slate-700";
  return <span className={`ml-1 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${colour}`}>{label}</span>;
}
