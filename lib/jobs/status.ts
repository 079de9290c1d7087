/** What the admin page of the job runner shows: every job's lease row and its latest runs. */
import "server-only";
import { prisma } from "../db";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";

/** Runs shown per job. */
const RECENT = 10;

export interface JobState {
  name: string;
  /** running (a live lease), failing (the last run failed), ok, or never run */
  state: "running" | "failing" | "ok" | "never";
  owner: string | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastMs: number | null;
  lastResult: string | null;
  lastError: string | null;
  nextRunAt: Date;
  failures: number;
  runs: number;
  totalFailures: number;
  recent: {
    id: string;
    startedAt: Date;
    ms: number;
    ok: boolean;
    owner: string;
    result: string | null;
    error: string | null;
  }[];
}

export async function jobStates(viewer: Viewer | null, now = new Date()): Promise<JobState[]> {
  authorizeViewer(viewer, "system.jobs");
  const [leases, runs] = await Promise.all([
    prisma.jobLease.findMany({ orderBy: { name: "asc" } }),
    prisma.$queryRaw<
      {
        id: bigint;
        name: string;
        startedAt: Date;
        ms: number;
        ok: boolean;
        owner: string;
        result: string | null;
        error: string | null;
      }[]
    >`
      SELECT id, name, "startedAt", ms, ok, owner, result, error FROM (
        SELECT r.*, row_number() OVER (PARTITION BY name ORDER BY id DESC) AS n FROM "JobRun" r) x
      WHERE n <= ${RECENT} ORDER BY id DESC`,
  ]);
  return leases.map((l) => ({
    name: l.name,
    state:
      l.owner && l.leaseUntil && l.leaseUntil > now
        ? "running"
        : l.lastOk === false
          ? "failing"
          : l.lastOk
            ? "ok"
            : "never",
    owner: l.owner,
    lastStartedAt: l.lastStartedAt,
    lastFinishedAt: l.lastFinishedAt,
    lastMs: l.lastMs,
    lastResult: l.lastResult,
    lastError: l.lastError,
    nextRunAt: l.nextRunAt,
    failures: l.failures,
    runs: l.runs,
    totalFailures: l.totalFailures,
    recent: runs
      .filter((r) => r.name === l.name)
      .map((r) => ({
        id: String(r.id),
        startedAt: r.startedAt,
        ms: r.ms,
        ok: r.ok,
        owner: r.owner,
        result: r.result,
        error: r.error,
      })),
  }));
}
