/**
 * Every periodic or deferred job of the server, run by the one job runner (runner.ts) with a database lease,
 * so each run happens once across all instances. Loaded inside the server bundle (instrumentation.ts), where
 * the modules marked "server-only" may be imported; each job imports its module when it first runs.
 */
import "server-only";
import { database } from "../db";
import { recordJobRun } from "../metrics";
import { currentJobRunner, JobRunner, onJobRun, setJobRunner, type JobDefinition } from "./runner";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const JOBS: JobDefinition[] = [
  {
    // the search outbox: changed documents go to the search engine (rows claimed with SKIP LOCKED)
    name: "search.outbox",
    intervalMs: 2 * SECOND,
    async run() {
      const { drainOutbox } = await import("../search/outbox");
      const { searchEngine } = await import("../search/engine");
      const r = await drainOutbox(searchEngine());
      return r.indexed || r.failed ? `${r.indexed} indexed, ${r.failed} failed` : undefined;
    },
  },
  {
    // the mail outbox: queued mail goes to the SMTP server (or is kept for /admin/mail without SMTP_URL)
    name: "mail.outbox",
    intervalMs: 2 * SECOND,
    async run() {
      const { drainAllMail } = await import("../mail/outbox");
      const { mailTransport } = await import("../mail/transport");
      const r = await drainAllMail(mailTransport());
      const done = r.sent + r.stored + r.retried + r.failed;
      return done ? `${r.sent} sent, ${r.stored} kept, ${r.retried} to retry, ${r.failed} failed` : undefined;
    },
  },
  {
    // the daily digest of notifications for those who chose it (one mail a day per person)
    name: "mail.digest",
    intervalMs: 15 * MINUTE,
    firstDelayMs: MINUTE,
    async run() {
      const { queueDigests } = await import("../mail/notify");
      const n = await queueDigests();
      return n ? `${n} digests queued` : undefined;
    },
  },
  {
    // scheduled publications become PUBLISHED (and searchable) when their moment comes
    name: "publications.release",
    intervalMs: MINUTE,
    async run() {
      const { releaseScheduled } = await import("../publications/release");
      const n = await releaseScheduled();
      return n ? `${n} released` : undefined;
    },
  },
  {
    // the daily archive export at the set hour (keeping the newest N) and the retention purge of packages
    name: "archive.schedule",
    intervalMs: 10 * MINUTE,
    firstDelayMs: 30 * SECOND,
    leaseMs: 5 * MINUTE,
    async run() {
      const { tick } = await import("../archive/schedule");
      const lines: string[] = [];
      await tick(new Date(), (line) => lines.push(line));
      return lines.join("; ").slice(0, 500) || undefined;
    },
  },
  {
    // escalating reminders of reporting deadlines (idempotent: every notification has a dedupe key)
    name: "reporting.reminders",
    intervalMs: 5 * MINUTE,
    async run() {
      const { generateReminders } = await import("../reporting/reminders");
      const r = await generateReminders();
      const parts = [
        r.created ? `${r.created} reminders` : "",
        r.escalated ? `${r.escalated} escalations` : "",
        r.passed ? `${r.passed} passed through` : "",
      ].filter(Boolean);
      return parts.length ? parts.join(", ") : undefined;
    },
  },
  {
    // preschool offers not answered by their deadline lapse back into the queue
    name: "services.offer-lapses",
    intervalMs: MINUTE,
    async run() {
      const { lapseDueOffers } = await import("../services/preschool");
      const n = await lapseDueOffers();
      return n ? `${n} lapsed` : undefined;
    },
  },
  {
    // rate-limit counters whose window ended more than a day ago
    name: "rate-limit.prune",
    intervalMs: 60 * MINUTE,
    firstDelayMs: MINUTE,
    async run() {
      const { pruneRateLimits } = await import("../rate-limit");
      const n = await pruneRateLimits();
      return n ? `${n} counters deleted` : undefined;
    },
  },
  {
    // per-reader view rows of days that can no longer be counted (the counters stay on the publications)
    name: "publications.views.prune",
    intervalMs: 60 * MINUTE,
    firstDelayMs: MINUTE,
    async run() {
      const { pruneReaderViews } = await import("../publications/release");
      const n = await pruneReaderViews();
      return n ? `${n} view rows deleted` : undefined;
    },
  },
  {
    // queued imports (and runs whose instance stopped) are written in batches, resuming after the last written line
    name: "import.runs",
    intervalMs: 2 * SECOND,
    leaseMs: 5 * MINUTE,
    async run() {
      const { runQueuedImports } = await import("../import/runs");
      return runQueuedImports();
    },
  },
  {
    // a territory's prefill of a period's drafts, batch by batch with its progress (resumed after a stop)
    name: "reporting.prefill-runs",
    intervalMs: 2 * SECOND,
    leaseMs: 5 * MINUTE,
    async run() {
      const { runQueuedPrefills } = await import("../reporting/prefill-region");
      return runQueuedPrefills();
    },
  },
  {
    // ended sessions, expired second-factor steps and remembered browsers
    name: "auth.prune",
    intervalMs: 60 * MINUTE,
    firstDelayMs: MINUTE,
    async run() {
      const { pruneAuthRecords } = await import("../auth/prune");
      await pruneAuthRecords();
    },
  },
];

/** Starts this process's runner with every job (once; further calls do nothing). */
export async function startJobs(log: (line: string) => void = console.error): Promise<JobRunner> {
  const existing = currentJobRunner();
  if (existing) return existing;
  const runner = new JobRunner({ raw: database().raw, jobs: JOBS, log });
  setJobRunner(runner);
  // job runs and failures on the metrics endpoint
  onJobRun((r) => recordJobRun(r.name, r.ok, r.ms));
  const { markInterruptedExports } = await import("../archive/schedule");
  const interrupted = await markInterruptedExports().catch(() => 0);
  if (interrupted) log(`archive: ${interrupted} export(s) interrupted by the last stop marked failed`);
  await runner.start();
  return runner;
}
