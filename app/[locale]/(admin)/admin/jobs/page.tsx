import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/table";
import { authorize } from "@/lib/auth/viewer";
import { jobStates, type JobState } from "@/lib/jobs/status";
import { formatDateTime } from "@/lib/time";
import type { KeysOf, Messages } from "@/i18n/keys";

export const dynamic = "force-dynamic";

const TONE: Record<JobState["state"], BadgeTone> = {
  running: "info",
  failing: "danger",
  ok: "success",
  never: "muted",
};

const FRAME = "relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm";

type JobName = KeysOf<Messages["jobs"]["names"]>;

/** The job runner's jobs across all instances: last run, duration, result, next run, failures. */
export default async function JobsPage({ params }: PageProps<"/[locale]/admin/jobs">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("system.jobs");
  const t = await getTranslations("jobs");
  const jobs = await jobStates(viewer);
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : t("none"));
  // message keys cannot hold dots: "search.outbox" is "search_outbox"
  const label = (name: string) => {
    const key = name.replace(/\./g, "_") as JobName;
    return t.has(`names.${key}`) ? t(`names.${key}`) : name;
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("lead")} />
      {/* a scroll box keyboard users can reach (the table is wider than a phone) */}
      <div className={FRAME} tabIndex={0} role="region" aria-label={t("title")}>
        <Table
          frameClassName=""
          caption={t("title")}
          testId="jobs"
          columns={[
            t("job"),
            t("state"),
            t("lastRun"),
            { label: t("duration"), numeric: true },
            t("result"),
            t("nextRun"),
            t("failures"),
            { label: t("runs"), numeric: true },
          ]}
          rows={jobs}
          empty={t("empty")}
        >
          {(j) => (
            <tr key={j.name} className="border-t border-slate-100 align-top" data-job={j.name}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {label(j.name)}
                <div className="font-mono text-xs font-normal text-slate-500">{j.name}</div>
              </th>
              <td className="px-3 py-2">
                <StatusBadge tone={TONE[j.state]} label={t(`states.${j.state}`)} status={j.state} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{j.lastStartedAt ? when(j.lastStartedAt) : t("never")}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                {j.lastMs !== null ? t("ms", { ms: j.lastMs }) : t("none")}
              </td>
              <td className="max-w-xs px-3 py-2 break-words">
                {j.lastError ? <span className="text-red-800">{j.lastError}</span> : (j.lastResult ?? t("none"))}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{when(j.nextRunAt)}</td>
              <td className="px-3 py-2">{t("failuresOf", { failures: j.failures, total: j.totalFailures })}</td>
              <td className="px-3 py-2 text-right tabular-nums">{j.runs}</td>
            </tr>
          )}
        </Table>
      </div>
      {jobs.some((j) => j.recent.length > 0) && (
        <div className="space-y-2">
          <h2 className="text-lg font-semibold">{t("recent")}</h2>
          <div className={FRAME} tabIndex={0} role="region" aria-label={t("recent")}>
            <Table
              frameClassName=""
              caption={t("recent")}
              testId="job-runs"
              columns={[
                t("job"),
                t("lastRun"),
                { label: t("duration"), numeric: true },
                t("state"),
                t("result"),
                t("owner"),
              ]}
              rows={jobs.flatMap((j) => j.recent.map((r) => ({ ...r, name: j.name })))}
            >
              {(r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">{label(r.name)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{when(r.startedAt)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{t("ms", { ms: r.ms })}</td>
                  <td className="px-3 py-2">
                    <StatusBadge tone={r.ok ? "success" : "danger"} label={r.ok ? t("ok") : t("failed")} />
                  </td>
                  <td className="max-w-xs px-3 py-2 break-words">{r.error ?? r.result ?? t("none")}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.owner}</td>
                </tr>
              )}
            </Table>
          </div>
        </div>
      )}
    </div>
  );
}
