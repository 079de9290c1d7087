/**
 * The one job runner: every periodic or deferred job of the server (see catalogue.ts) runs here, on every
 * instance, and a lease in the database (`JobLease`) makes each run happen once across all instances.
 *
 * - A run is claimed by one atomic `UPDATE … WHERE the run is due AND the lease is free or expired …
 *   RETURNING`; of two instances polling at once, PostgreSQL lets exactly one UPDATE match the row.
 * - While a job runs, its lease is renewed; an instance that dies stops renewing, its lease expires after
 *   `leaseMs` and the next instance to poll takes the job over (its `nextRunAt` was never advanced).
 * - A job that throws is recorded as failed and retried with a growing back-off; it never stops the others.
 * - On a graceful stop the runner waits for its running jobs (bounded) and releases its leases.
 *
 * The database clock (`clock_timestamp()`) decides due and expired, so instances on several machines need
 * no agreement on time. Works the same on PGlite (one process) and PostgreSQL.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { RawSql } from "../db";

export interface JobDefinition {
  /** Stable name, e.g. "search.outbox"; the key of its lease row. */
  name: string;
  /** Time between the end of one run and the next one. */
  intervalMs: number;
  /** Lease length: a holder that stops renewing loses the job after this long (default 60 s). */
  leaseMs?: number;
  /** Delay of the first run after the job's row is created (default: at once). */
  firstDelayMs?: number;
  /** The work; a returned string is stored as the run's result (e.g. "3 released"). */
  run(): Promise<string | void>;
}

export interface JobRunRecord {
  name: string;
  ok: boolean;
  ms: number;
  result: string | null;
  error: string | null;
}

/** Observers of finished runs (metrics); one line to wire an exporter: `onJobRun((r) => …)`. */
const observers = new Set<(run: JobRunRecord) => void>();
export function onJobRun(observer: (run: JobRunRecord) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

/** Milliseconds before the retry after n failures in a row: 5 s, 10 s, 20 s … at most 10 minutes (as in finish()). */
export function retryDelayMs(failures: number): number {
  return Math.min(600_000, 5_000 * 2 ** Math.max(0, failures - 1));
}

const DEFAULT_LEASE_MS = 60_000;
/** Runs kept per job in JobRun (older ones are deleted as new ones are written). */
export const KEEP_RUNS = 200;

export interface RunnerOptions {
  raw: RawSql;
  jobs: JobDefinition[];
  /** How often due jobs are looked for (default 1 s). */
  pollMs?: number;
  owner?: string;
  log?: (line: string) => void;
}

export class JobRunner {
  readonly owner: string;
  private readonly raw: RawSql;
  private readonly jobs: Map<string, JobDefinition>;
  private readonly pollMs: number;
  private readonly log: (line: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(options: RunnerOptions) {
    this.raw = options.raw;
    this.jobs = new Map(options.jobs.map((j) => [j.name, j]));
    this.pollMs = options.pollMs ?? 1_000;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.log = options.log ?? console.error;
  }

  /** Creates the lease rows of jobs seen for the first time and starts polling. */
  async start(): Promise<void> {
    await this.ensureRows();
    this.schedule();
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .then(() => undefined)
        .catch((error: unknown) => this.log(`jobs: ${(error as Error).message}`))
        .finally(() => {
          this.polling = null;
          this.schedule();
        });
    }, this.pollMs);
    this.timer.unref();
  }

  async ensureRows(): Promise<void> {
    for (const job of this.jobs.values()) {
      await this.raw.query(
        `INSERT INTO "JobLease" (name, "nextRunAt") VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
         ON CONFLICT (name) DO NOTHING`,
        [job.name, job.firstDelayMs ?? 0],
      );
    }
  }

  /** Claims every due job whose lease is free or expired, and runs what it got; returns the claimed names. */
  async poll(): Promise<string[]> {
    const names = [...this.jobs.keys()].filter((n) => !this.running.has(n));
    if (!names.length || this.stopped) return [];
    const leaseMs = names.map((n) => this.jobs.get(n)!.leaseMs ?? DEFAULT_LEASE_MS);
    const claimed = await this.raw.query<{ name: string }>(
      `UPDATE "JobLease" l
          SET owner = $1, "leaseUntil" = clock_timestamp() + c.lease * interval '1 millisecond',
              "lastStartedAt" = clock_timestamp()
         FROM unnest($2::text[], $3::int[]) AS c(name, lease)
        WHERE l.name = c.name AND l."nextRunAt" <= clock_timestamp()
          AND (l."leaseUntil" IS NULL OR l."leaseUntil" < clock_timestamp())
        RETURNING l.name`,
      [this.owner, names, leaseMs],
    );
    for (const { name } of claimed) {
      const job = this.jobs.get(name)!;
      const done = this.execute(job).finally(() => this.running.delete(name));
      this.running.set(name, done);
    }
    return claimed.map((c) => c.name);
  }

  /** Polls once and waits for the runs it started (tests, scripts). */
  async runDue(): Promise<string[]> {
    const names = await this.poll();
    await Promise.all(names.map((n) => this.running.get(n)));
    return names;
  }

  private async execute(job: JobDefinition): Promise<void> {
    const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    const renew = setInterval(
      () =>
        void this.raw
          .query(
            `UPDATE "JobLease" SET "leaseUntil" = clock_timestamp() + $3 * interval '1 millisecond'
              WHERE name = $1 AND owner = $2`,
            [job.name, this.owner, leaseMs],
          )
          .catch((error: unknown) => this.log(`jobs: renewing ${job.name}: ${(error as Error).message}`)),
      Math.max(100, Math.floor(leaseMs / 3)),
    );
    renew.unref();
    const started = new Date();
    let ok = true;
    let result: string | null = null;
    let error: string | null = null;
    try {
      result = (await job.run()) || null;
    } catch (e) {
      ok = false;
      error = String((e as Error)?.message ?? e).slice(0, 1000);
      this.log(`jobs: ${job.name} failed: ${error}`);
    } finally {
      clearInterval(renew);
    }
    const ms = Date.now() - started.getTime();
    await this.finish(job, { ok, ms, result, error, started }).catch((e: unknown) =>
      this.log(`jobs: recording ${job.name}: ${(e as Error).message}`),
    );
    const record: JobRunRecord = { name: job.name, ok, ms, result, error };
    for (const observer of observers) {
      try {
        observer(record);
      } catch {
        // an observer never fails a run
      }
    }
  }

  private async finish(
    job: JobDefinition,
    run: { ok: boolean; ms: number; result: string | null; error: string | null; started: Date },
  ) {
    await this.raw.transaction(async (tx) => {
      // the next run: one interval after a success, a growing back-off after failures in a row
      await tx.query(
        `UPDATE "JobLease"
            SET owner = NULL, "leaseUntil" = NULL,
                failures = CASE WHEN $3 THEN 0 ELSE failures + 1 END,
                "nextRunAt" = clock_timestamp() + (CASE WHEN $3 THEN $4::int
                  ELSE LEAST(600000, 5000 * power(2, failures))::int END) * interval '1 millisecond',
                runs = runs + 1,
                "totalFailures" = "totalFailures" + CASE WHEN $3 THEN 0 ELSE 1 END,
                "lastFinishedAt" = clock_timestamp(), "lastOk" = $3, "lastMs" = $5,
                "lastResult" = $6, "lastError" = $7
          WHERE name = $1 AND owner = $2`,
        [job.name, this.owner, run.ok, job.intervalMs, run.ms, run.result, run.error],
      );
      await tx.query(
        `INSERT INTO "JobRun" (name, owner, "startedAt", "finishedAt", ok, ms, result, error)
         VALUES ($1, $2, $3, clock_timestamp(), $4, $5, $6, $7)`,
        [job.name, this.owner, run.started, run.ok, run.ms, run.result, run.error],
      );
      await tx.query(
        `DELETE FROM "JobRun" WHERE name = $1 AND id <= (
           SELECT id FROM "JobRun" WHERE name = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)`,
        [job.name, KEEP_RUNS],
      );
    });
  }

  /**
   * Stops polling, waits up to `graceMs` for the running jobs, then releases every lease this runner holds
   * (a job still running is taken over by another instance at once rather than after its lease expires).
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    const all = Promise.all(this.running.values());
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((resolve) => (timeout = setTimeout(resolve, graceMs)))]);
    clearTimeout(timeout);
    await this.raw.query(`UPDATE "JobLease" SET owner = NULL, "leaseUntil" = NULL WHERE owner = $1`, [this.owner]);
  }
}

/** The runner of this process, kept on globalThis: started inside the server bundle, stopped by the start script. */
const holder = globalThis as unknown as { __eisoJobRunner?: JobRunner };

export function currentJobRunner(): JobRunner | undefined {
  return holder.__eisoJobRunner;
}

export function setJobRunner(runner: JobRunner | undefined): void {
  holder.__eisoJobRunner = runner;
}

/** Stops this process's runner, if any (graceful stop). */
export async function stopJobRunner(graceMs?: number): Promise<void> {
  const runner = holder.__eisoJobRunner;
  holder.__eisoJobRunner = undefined;
  await runner?.stop(graceMs);
}
