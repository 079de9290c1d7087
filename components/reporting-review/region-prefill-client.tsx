"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField } from "@/components/forms/fields-client";
import { startRegionPrefillAction } from "@/lib/reporting/actions-prefill";

type Status = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

export interface RunLine {
  id: string;
  status: Status;
  total: number;
  done: number;
  filled: number;
  skipped: number;
  keptCells: number;
  territory: string;
  createdAt: string;
}

export interface RegionPrefillLabels {
  territory: string;
  start: string;
  starting: string;
  runs: string;
  none: string;
  /** "{done} of {total} organisations" with the placeholders left in. */
  progress: string;
  /** "{filled} … {skipped} … {kept} …" with the placeholders left in. */
  result: string;
  status: Record<Status, string>;
}

const fill = (text: string, values: Record<string, number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** One run with its progress; a run still going asks the server for its progress every second. */
function Run({ initial, labels }: { initial: RunLine; labels: RegionPrefillLabels }) {
  const [run, setRun] = useState(initial);
  const router = useRouter();
  const going = run.status === "QUEUED" || run.status === "RUNNING";
  useEffect(() => {
    if (!going) return;
    let stop = false;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/v1/reporting/prefill-runs/${encodeURIComponent(run.id)}`, { cache: "no-store" });
      if (!res.ok || stop) return;
      const next = (await res.json()) as Omit<RunLine, "territory" | "createdAt">;
      setRun((r) => ({ ...r, ...next }));
      if (next.status === "DONE" || next.status === "FAILED") router.refresh();
    }, 1000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [going, run.id, router]);
  return (
    <li className="space-y-1 py-2" data-testid="prefill-run" data-status={run.status}>
      <p className="text-sm">
        <span className="font-medium">{run.territory}</span> · {run.createdAt} ·{" "}
        <span data-testid="prefill-run-status">{labels.status[run.status]}</span>
      </p>
      <progress
        className="h-2 w-full"
        max={Math.max(1, run.total)}
        value={run.done}
        aria-label={`${run.territory}: ${fill(labels.progress, { done: run.done, total: run.total })}`}
      />
      <p className="text-xs text-slate-700" aria-live="polite" data-testid="prefill-run-progress">
        {fill(labels.progress, { done: run.done, total: run.total })}
        {run.status === "DONE" && (
          <>
            {" · "}
            <span data-testid="prefill-run-result">
              {fill(labels.result, { filled: run.filled, skipped: run.skipped, kept: run.keptCells })}
            </span>
          </>
        )}
      </p>
    </li>
  );
}

/** The region's prefill on a period's report page: the region to fill, the start, the runs with progress. */
export function RegionPrefill({
  periodId,
  regions,
  runs,
  labels,
}: {
  periodId: string;
  regions: { id: string; name: string }[];
  runs: RunLine[];
  labels: RegionPrefillLabels;
}) {
  return (
    <div className="space-y-3">
      <ActionForm
        action={startRegionPrefillAction}
        submitLabel={labels.start}
        pendingLabel={labels.starting}
        testId="region-prefill-form"
        className="space-y-2"
      >
        <input type="hidden" name="periodId" value={periodId} />
        <SelectField
          name="territoryId"
          label={labels.territory}
          required
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
        />
        <FormErrors names={["periodId"]} />
      </ActionForm>
      <h3 className="text-sm font-semibold">{labels.runs}</h3>
      {runs.length === 0 ? (
        <p className="text-sm text-slate-600">{labels.none}</p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="prefill-runs">
          {runs.map((r) => (
            <Run key={`${r.id}:${r.status}`} initial={r} labels={labels} />
          ))}
        </ul>
      )}
    </div>
  );
}
