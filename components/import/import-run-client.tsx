"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

type Status = "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "CANCELLED" | "ROLLED_BACK";
type Outcome = "new" | "update" | "unchanged" | "duplicate" | "invalid";

export interface RunState {
  id: string;
  status: Status;
  rowsDone: number;
  counts: Record<Outcome, number>;
  startedAt: string | null;
  heartbeatAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

const OUTCOMES: Outcome[] = ["new", "update", "unchanged", "duplicate", "invalid"];

/** A run's progress (polled from the server, so a reload shows where it is), its report, cancel and rollback. */
export function ImportRun({ initial }: { initial: RunState }) {
  const t = useTranslations("import");
  const locale = useLocale();
  const [run, setRun] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const url = `/api/v1/import/runs/${run.id}?locale=${locale}`;
  const active = run.status === "QUEUED" || run.status === "RUNNING";

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const response = await fetch(url, { cache: "no-store" }).catch(() => null);
      if (response?.ok) setRun((await response.json()) as RunState);
    }, 1000);
    return () => clearInterval(timer);
  }, [active, url]);

  async function act(action: "cancel" | "rollback") {
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action }),
      });
      const body = (await response.json()) as {
        error?: { message: string };
        removed?: number;
        restored?: number;
        kept?: { line: number }[];
      };
      if (!response.ok) return setMessage(body.error?.message ?? response.statusText);
      if (action === "rollback")
        setMessage(
          [
            t("rolledBack", { removed: body.removed ?? 0, restored: body.restored ?? 0 }),
            body.kept?.length ? t("kept", { lines: body.kept.map((k) => k.line).join(", ") }) : "",
          ].join(" "),
        );
      const fresh = await fetch(url, { cache: "no-store" });
      if (fresh.ok) setRun((await fresh.json()) as RunState);
    } finally {
      setBusy(false);
    }
  }

  const seconds =
    run.startedAt && (run.finishedAt ?? run.heartbeatAt)
      ? (new Date(run.finishedAt ?? run.heartbeatAt!).getTime() - new Date(run.startedAt).getTime()) / 1000
      : 0;
  const rate = seconds > 0 ? Math.round(run.rowsDone / seconds) : null;

  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <p data-testid="run-status" data-status={run.status} className="font-medium">
        {t("status")}: {t(`statuses.${run.status}`)}
      </p>
      <progress
        className="w-full"
        aria-label={t("progress", { rows: run.rowsDone })}
        max={active ? undefined : 1}
        value={active ? undefined : 1}
      />
      <p role="status">
        {t("progress", { rows: run.rowsDone })}
        {rate !== null && ` · ${t("rate", { rate })}`}
      </p>
      <ul className="flex flex-wrap gap-3 text-sm" data-testid="run-counts">
        {OUTCOMES.map((o) => (
          <li key={o} data-outcome={o}>
            {t(`outcomes.${o}`)}: <strong>{run.counts[o]}</strong>
          </li>
        ))}
      </ul>
      {run.error && <p className="text-red-800">{t("failed", { error: run.error })}</p>}
      <div className="flex flex-wrap gap-2">
        <a className="text-sm text-sky-800 underline" href={`/api/v1/import/runs/${run.id}/report?locale=${locale}`}>
          {t("downloadReport")}
        </a>
        {active && (
          <Button variant="secondary" onClick={() => act("cancel")} disabled={busy}>
            {t("cancel")}
          </Button>
        )}
        {(run.status === "DONE" || run.status === "CANCELLED" || run.status === "FAILED") && (
          <Button variant="danger" onClick={() => act("rollback")} disabled={busy}>
            {busy ? t("rollingBack") : t("rollback")}
          </Button>
        )}
      </div>
      {message && (
        <p role="alert" className="text-sm">
          {message}
        </p>
      )}
    </div>
  );
}
