"use client";

import { useActionState, useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { useRouter } from "next/navigation";
import type { ActionResult, FormAction } from "@/lib/actions";
import { Button } from "@/components/ui/button";

/** The job's state as the status route answers it (lib/archive/service ExportStatus). */
interface JobStatus {
  id: string;
  status: string;
  percent: number;
  phase: "tables" | "packages" | "files" | "finishing" | null;
  done: number;
  total: number;
  size: number | null;
  error: string | null;
}

export interface BackupJobLabels {
  start: string;
  starting: string;
  progress: string;
  phases: Record<"tables" | "packages" | "files" | "finishing", string>;
  done: string;
  failed: string;
  download: string;
}

const POLL_MS = 1000;

/**
 * "Make a backup now": starts the export job and follows it until the archive is written, then offers the
 * download and refreshes the list. A refusal (another export running) is shown as the action's message.
 */
export function BackupJob({
  action,
  labels,
  running,
}: {
  action: FormAction;
  labels: BackupJobLabels;
  running: JobStatus | null;
}) {
  const [state, formAction] = useActionState(action, null);
  const started = (state as ActionResult<{ id: string }> | null)?.data?.id;
  const [job, setJob] = useState<JobStatus | null>(running);
  const jobId = started ?? running?.id ?? null;
  const router = useRouter();

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const res = await fetch(`/api/v1/archive/backups/${jobId}/status`, { cache: "no-store" });
        if (res.ok) {
          const next = (await res.json()) as JobStatus;
          if (stopped) return;
          setJob(next);
          if (next.status !== "RUNNING") {
            router.refresh();
            return;
          }
        }
      } catch {
        /* the next poll tries again */
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, router]);

  const current = job && job.id === jobId ? job : null;
  const active = current?.status === "RUNNING" || (jobId !== null && !current);
  return (
    <div className="space-y-2" data-testid="backup-job">
      <form action={formAction} noValidate data-testid="start-backup" className="space-y-2">
        {state?.message && (
          <p
            role={state.ok ? "status" : "alert"}
            className={`rounded border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}
          >
            {state.message}
          </p>
        )}
        <StartButton label={labels.start} pendingLabel={labels.starting} disabled={active} />
      </form>
      {current?.status === "RUNNING" && (
        <div className="max-w-xl space-y-1 rounded-lg bg-white p-3 shadow-sm" data-testid="backup-progress">
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={current.percent}
            aria-label={labels.progress}
            className="h-2 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-brand-700 transition-all" style={{ width: `${current.percent}%` }} />
          </div>
          <p className="text-sm text-slate-700" aria-live="polite">
            {current.percent} % · {current.phase ? labels.phases[current.phase] : ""}{" "}
            {current.total > 0 ? `${current.done} / ${current.total}` : ""}
          </p>
        </div>
      )}
      {current?.status === "DONE" && (
        <p
          role="status"
          className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800"
          data-testid="backup-ready"
        >
          {labels.done} ({current.size ?? 0} B){" "}
          <a href={`/api/v1/archive/backups/${current.id}`} className="font-medium underline">
            {labels.download}
          </a>
        </p>
      )}
      {current?.status === "FAILED" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {labels.failed}
          {current.error ? `: ${current.error}` : ""}
        </p>
      )}
    </div>
  );
}

function StartButton({ label, pendingLabel, disabled }: { label: string; pendingLabel: string; disabled: boolean }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || disabled}>
      {pending ? pendingLabel : label}
    </Button>
  );
}
