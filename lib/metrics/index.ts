/**
 * Prometheus metrics (prom-client), served at /api/metrics: HTTP requests and their latency by route
 * (recorded by the server in scripts/start.ts), runs and failures of periodic jobs (`recordJobRun`, called
 * by the job runner), the search outbox's backlog and lag, and database pool use, with Node's own process
 * metrics. One registry per process on globalThis, so the start script, the job runner and the Next.js
 * route handler share it. No "server-only": the start script records into it.
 */
import client, { type Counter, type Histogram, type Registry } from "prom-client";
import { database } from "../db";
import { replicaDatabase } from "../db/replica";

interface Metrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  jobRuns: Counter<"job" | "result">;
  jobDuration: Histogram<"job">;
}

const holder = globalThis as unknown as { __eisoMetrics?: Metrics };

let outbox: { at: number; figures: Promise<{ pending: number; lag: number } | null> } | undefined;

/**
 * The search outbox's backlog and the age of its oldest row, read once per scrape (the registry collects
 * all metrics at once; both gauges share one query); null when no database is open or it does not answer.
 */
function outboxFigures(): Promise<{ pending: number; lag: number } | null> {
  if (outbox && Date.now() - outbox.at < 1_000) return outbox.figures;
  const open = (globalThis as unknown as { __eisoDatabase?: unknown }).__eisoDatabase;
  const figures = !open
    ? Promise.resolve(null)
    : database()
        .raw.query<{ pending: string | number; lag: string | number | null }>(
          `SELECT count(*) AS pending, EXTRACT(EPOCH FROM (now() - min("createdAt"))) AS lag FROM "SearchOutbox"`,
        )
        .then((rows) => ({ pending: Number(rows[0]?.pending ?? 0), lag: Math.max(0, Number(rows[0]?.lag ?? 0)) }))
        .catch(() => null);
  outbox = { at: Date.now(), figures };
  return figures;
}

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "eiso_" });
  const httpRequests = new client.Counter({
    name: "eiso_http_requests_total",
    help: "HTTP requests answered, by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new client.Histogram({
    name: "eiso_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobRuns = new client.Counter({
    name: "eiso_job_runs_total",
    help: "Runs of periodic and deferred jobs, by job and result (ok or failed)",
    labelNames: ["job", "result"] as const,
    registers: [registry],
  });
  const jobDuration = new client.Histogram({
    name: "eiso_job_duration_seconds",
    help: "Duration of job runs, by job",
    labelNames: ["job"] as const,
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1800],
    registers: [registry],
  });
  new client.Gauge({
    name: "eiso_search_outbox_pending",
    help: "Changes waiting in the search outbox",
    registers: [registry],
    async collect() {
      const figures = await outboxFigures();
      if (figures) this.set(figures.pending);
    },
  });
  new client.Gauge({
    name: "eiso_search_outbox_lag_seconds",
    help: "Age of the oldest change waiting in the search outbox (0 when empty)",
    registers: [registry],
    async collect() {
      const figures = await outboxFigures();
      if (figures) this.set(figures.lag);
    },
  });
  new client.Gauge({
    name: "eiso_db_pool_connections",
    help: "PostgreSQL pool connections by database (primary, replica) and state (total, idle, waiting)",
    labelNames: ["database", "state"] as const,
    registers: [registry],
    collect() {
      this.reset();
      const pools = [
        ["primary", (globalThis as unknown as { __eisoDatabase?: { pool?: PoolFigures } }).__eisoDatabase?.pool],
        ["replica", replicaDatabase()?.pool],
      ] as const;
      for (const [name, pool] of pools) {
        if (!pool) continue;
        this.set({ database: name, state: "total" }, pool.totalCount);
        this.set({ database: name, state: "idle" }, pool.idleCount);
        this.set({ database: name, state: "waiting" }, pool.waitingCount);
      }
    },
  });
  return { registry, httpRequests, httpDuration, jobRuns, jobDuration };
}

interface PoolFigures {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function metrics(): Metrics {
  holder.__eisoMetrics ??= create();
  return holder.__eisoMetrics;
}

const LOCALES = new Set(["kk", "ru", "en"]);

/**
 * A route label of bounded variety for a request path: the locale as `:locale`, ids, numbers and codes as
 * `:id`, Next's assets as one route, at most six segments.
 */
export function routeLabel(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? "/";
  if (path.startsWith("/_next/")) return "/_next";
  const segments = path
    .split("/")
    .filter(Boolean)
    .slice(0, 6)
    .map((s, i) => {
      if (i === 0 && LOCALES.has(s)) return ":locale";
      if (/\d/.test(s) && (s.length >= 6 || /^\d+$/.test(s))) return ":id";
      if (/^[a-z0-9]{20,}$/i.test(s) || /^[0-9a-f-]{32,}$/i.test(s) || s.length > 40) return ":id";
      return s;
    });
  return `/${segments.join("/")}`;
}

/** One answered HTTP request. */
export function recordRequest(method: string, url: string, status: number, ms: number): void {
  const m = metrics();
  const route = routeLabel(url);
  const verb = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method) ? method : "OTHER";
  m.httpRequests.inc({ method: verb, route, status: String(status) });
  m.httpDuration.observe({ method: verb, route }, ms / 1000);
}

/** One run of a periodic or deferred job (`ok` false when it threw), for the job runner to call. */
export function recordJobRun(name: string, ok: boolean, ms: number): void {
  const m = metrics();
  m.jobRuns.inc({ job: name, result: ok ? "ok" : "failed" });
  m.jobDuration.observe({ job: name }, ms / 1000);
}

/** The exposition text and its content type. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
