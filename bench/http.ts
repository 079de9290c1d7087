/**
 * `npm run bench:http [-- --duration 10 --connections 10 --only home,bare --gzip]`: HTTP throughput and latency of the production
 * server over loopback. It starts the server itself (embedded database in ./data/bench, port 3200), signs
 * in as the `district` demo user through the credentials endpoint, measures each route for a bounded time
 * with autocannon, prints a table and writes bench/results/http-<date>.json. The server is always stopped.
 *
 * Routes: /api/health (database round trip), /kk (home page), /probe (a bare static Next page outside the
 * portal's layout: the baseline), /probe/sized (the same, about as large as the home page),
 * /kk/statistics (the public statistics entry), the cached public pages (statistics views, ratings, news,
 * publications, vacancies, a dictionary entry: each compared with /probe), the registry list (district
 * administrator), the parent's diary and the teacher's journal (signed in). A route that does not answer 200
 * is skipped with a message.
 *
 * Besides req/s and latency it reports the server process's CPU time per request and the response size:
 * on a loaded or small machine the load generator competes with the server, and CPU per request is the
 * figure that other work on the machine does not move. `--gzip` sends a browser's Accept-Encoding.
 *
 * Queries with parameters (search and dictionary, page and API) are compared with 400 req/s. The server runs
 * behind one trusted proxy (TRUST_PROXY=1) and each request names another reader's address, as a country of
 * readers would: the public APIs' per-address limits stay on (they cannot be turned off in production).
 *
 * Set NEXT_DIST_DIR (e.g. .next-bench) to keep the benchmark's build apart from another running server's.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import autocannon, { type Result } from "autocannon";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../prisma/seed/accounts";
import { flag, listOption, option, round } from "./lib";
import { signIn as signInOver } from "../scripts/sign-in-client";

const DEMO_LOGIN = "district";
const HOST = "127.0.0.1";

/** `--gzip`: send the Accept-Encoding header of a browser, so the server compresses as it would for people. */
const gzip = flag("gzip");
const duration = option("duration", 10);
const connections = option("connections", 10);
const port = option("port", 3200);
const origin = `http://${HOST}:${port}`;
const dataDir = "./data/bench";

interface Route {
  name: string;
  path: string;
  signedIn?: boolean;
  /** The demo account a signed-in route is loaded as (default: the district administrator). */
  login?: string;
  /** A public page that should come from the page cache: its throughput is compared with the bare page's. */
  cached?: boolean;
  /** A query with parameters (search, dictionary): its throughput is compared with QUERY_TARGET. */
  query?: boolean;
  /** Why a missing route may be missing. */
  hint?: string;
}

/** Requests a second that a search or dictionary query with parameters should reach on this machine. */
const QUERY_TARGET = 400;
const WORD = encodeURIComponent("мектеп");

const ROUTES: Route[] = [
  { name: "health", path: "/api/health" },
  { name: "home", path: "/kk" },
  { name: "bare", path: "/probe", hint: "the bare static page app/(probe)/probe/page.tsx is missing" },
  { name: "bare-sized", path: "/probe/sized", hint: "the sized bare page app/(probe)/probe/sized/page.tsx is missing" },
  { name: "section", path: "/kk/statistics" },
  // Public pages served from the page cache (their views are cached twins, lib/http/cached-views.ts):
  // each should serve at least 0.8× the bare page's throughput.
  { name: "statistics-year", path: "/kk/statistics?year=2025", cached: true },
  { name: "district", path: "/kk/statistics/110200000", cached: true },
  { name: "school-card", path: "/kk/statistics/organizations/951040000386?year=2025", cached: true },
  { name: "completeness", path: "/kk/statistics/completeness", cached: true },
  { name: "ratings", path: "/kk/ratings", cached: true },
  { name: "rating-card", path: "/kk/ratings/regions/270000000?year=2025", cached: true },
  { name: "rating-method", path: "/kk/ratings/methods/regions?version=2", cached: true },
  { name: "news", path: "/kk/news", cached: true },
  { name: "publications", path: "/kk/publications?page=1", cached: true },
  { name: "vacancies", path: "/kk/vacancies", cached: true },
  { name: "dictionary-entry", path: "/kk/dictionary/mektep", cached: true },
  // for readers without a session (the bench's requests carry no cookie)
  { name: "forums", path: "/kk/forums", cached: true },
  { name: "forum-category", path: "/kk/forums/parents", cached: true },
  // Queries with parameters: the same popular word, answered from the caches while the index is unchanged.
  { name: "search-api", path: `/api/v1/search?q=${WORD}`, query: true },
  { name: "search-page", path: `/kk/search?q=${WORD}`, query: true },
  { name: "dictionary-api", path: `/api/v1/dictionary?q=${WORD}`, query: true },
  { name: "dictionary-page", path: `/kk/dictionary?q=${WORD}`, query: true },
  {
    name: "registry",
    path: "/kk/admin/organizations",
    signedIn: true,
    hint: "the registry list page is missing or refused",
  },
  // The signed-in pages of the quarter-end rush: a parent's diary and a teacher's journal.
  { name: "diary", path: "/kk/diary", signedIn: true, login: "parent" },
  { name: "journal", path: "/kk/diary/journal", signedIn: true, login: "teacher" },
];

const only = listOption("only");

// ---------------------------------------------------------------------------------------------- server

let server: ChildProcess | undefined;
const serverLog: string[] = [];

function startServer(): ChildProcess {
  // One Node process (no npx or tsx wrapper), so SIGINT reaches start.ts and it closes the database.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--scale", "demo"], {
    // behind one trusted proxy, so that each request can come from its own reader (READERS below)
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), TRUST_PROXY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so the whole tree can be stopped
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) serverLog.push(line);
    if (serverLog.length > 200) serverLog.splice(0, serverLog.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return child;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || exited(child)) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      /* already gone */
    }
  };
  signal("SIGINT");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 20_000).unref());
  if ((await Promise.race([done, timer])) === "timeout") {
    console.warn("! the server did not stop within 20 s after SIGINT; killing it");
    signal("SIGKILL");
    await done;
  }
}

async function waitForHealth(child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child))
      throw new Error(`the server exited (code ${child.exitCode}):\n${serverLog.slice(-30).join("\n")}`);
    try {
      const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `the server did not become healthy within ${timeoutMs / 1000} s:\n${serverLog.slice(-30).join("\n")}`,
  );
}

async function portInUse(): Promise<boolean> {
  try {
    await fetch(`${origin}/`, { signal: AbortSignal.timeout(1_000), redirect: "manual" });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------- sign-in

/** A real credentials sign-in, checked by reading the session back; returns the Cookie header. */
async function signIn(login: string, password: string): Promise<string> {
  // administrators have the demo second factor: the code is sent when the password alone gives no session
  const header = await signInOver(origin, login, password).catch(() =>
    signInOver(origin, login, password, DEMO_TOTP_SECRET),
  );
  const check = await fetch(`${origin}/api/auth/session`, { headers: { cookie: header } });
  const body = (await check.json()) as { user?: { name?: string } } | null;
  if (!body?.user) throw new Error(`the session of "${login}" is not accepted by /api/auth/session`);
  console.log(`Signed in as ${login} (${body.user.name ?? "?"}).`);
  return header;
}

// ---------------------------------------------------------------------------------------------- measure

interface Row {
  route: string;
  path: string;
  status: "measured" | "skipped";
  reason?: string;
  requestsPerSecond?: number;
  latencyMs?: { p50: number; p90: number; p99: number; average: number; max: number };
  requests?: number;
  non2xx?: number;
  errors?: number;
  timeouts?: number;
  /** Bytes of one response (body and headers) as received. */
  bytesPerResponse?: number;
  /** The server process's CPU time (user + system) per request: the cost of a page, whatever else runs. */
  serverCpuMsPerRequest?: number;
  /** `x-nextjs-cache` and `Cache-Control` of the route's answer. */
  cache?: string;
}

/** CPU seconds used so far by a process (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** One request: its status and how the page cache answered it (second request, so a cached page is in). */
async function probe(path: string, headers: Record<string, string>): Promise<{ status: number; cache?: string }> {
  let res: Response | undefined;
  for (let i = 0; i < 2; i++) {
    res = await fetch(`${origin}${path}`, { headers, redirect: "manual" });
    await res.arrayBuffer();
  }
  const cache = [res!.headers.get("x-nextjs-cache"), res!.headers.get("cache-control")].filter(Boolean).join("; ");
  return { status: res!.status, cache: cache || undefined };
}

/**
 * Each request from another reader's address (X-Forwarded-For, trusted from the server's one proxy): the public
 * APIs limit each address, and a benchmark from one address would measure the limit instead of the answer.
 */
const READERS = 60_000;
let reader = 0;
const fromReaders = [
  {
    setupRequest: (request: { headers?: Record<string, string> }) => {
      const n = reader++ % READERS;
      request.headers = { ...request.headers, "x-forwarded-for": `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}` };
      return request;
    },
  },
];

async function measure(route: Route, cookies: Map<string, string | undefined>): Promise<Row> {
  const cookie = cookies.get(route.login ?? DEMO_LOGIN);
  const headers: Record<string, string> = {
    ...(route.signedIn && cookie ? { cookie } : {}),
    ...(gzip ? { "accept-encoding": "gzip, deflate, br" } : {}),
  };
  if (route.signedIn && !cookie)
    return { route: route.name, path: route.path, status: "skipped", reason: "no session" };
  const { status, cache } = await probe(route.path, headers);
  if (status !== 200) {
    const reason = `answers ${status}${route.hint ? ` — ${route.hint}` : ""}`;
    console.log(`- ${route.name} ${route.path}: skipped, ${reason}`);
    return { route: route.name, path: route.path, status: "skipped", reason };
  }
  // A short warm-up so that first-request work (module loading, caches) is not measured.
  await autocannon({ url: `${origin}${route.path}`, connections, duration: 1, headers, requests: fromReaders });
  process.stdout.write(`- ${route.name} ${route.path}: ${duration} s × ${connections} connections… `);
  const cpuBefore = cpuSeconds(server?.pid);
  const r: Result = await autocannon({
    url: `${origin}${route.path}`,
    connections,
    duration,
    headers,
    requests: fromReaders,
    title: route.name,
  });
  const cpuAfter = cpuSeconds(server?.pid);
  console.log(`${Math.round(r.requests.average)} req/s`);
  return {
    route: route.name,
    path: route.path,
    status: "measured",
    cache,
    requestsPerSecond: round(r.requests.average),
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      average: round(r.latency.average),
      max: r.latency.max,
    },
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : undefined,
    serverCpuMsPerRequest:
      cpuBefore !== undefined && cpuAfter !== undefined && r.requests.total
        ? round(((cpuAfter - cpuBefore) * 1000) / r.requests.total, 2)
        : undefined,
  };
}

function printTable(rows: Row[]): void {
  const head = ["route", "path", "req/s", "p50 ms", "p99 ms", "server CPU ms/req", "bytes", "non-2xx", "errors"];
  const body = rows.map((r) =>
    r.status === "measured"
      ? [
          r.route,
          r.path,
          String(r.requestsPerSecond),
          String(r.latencyMs!.p50),
          String(r.latencyMs!.p99),
          String(r.serverCpuMsPerRequest ?? "?"),
          String(r.bytesPerResponse ?? "?"),
          String(r.non2xx),
          String((r.errors ?? 0) + (r.timeouts ?? 0)),
        ]
      : [r.route, r.path, "skipped", "", "", "", "", "", ""],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const b of body) console.log(line(b));
}

function gitCommit(): string | undefined {
  const r = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function resultFile(): string {
  const dir = join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  for (let n = 1; ; n++) {
    const file = join(dir, n === 1 ? `http-${date}.json` : `http-${date}-${n}.json`);
    if (!existsSync(file)) return file;
  }
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const unknown = only?.filter((name) => !ROUTES.some((r) => r.name === name)) ?? [];
  if (unknown.length)
    throw new Error(
      `unknown route(s) for --only: ${unknown.join(", ")} (known: ${ROUTES.map((r) => r.name).join(", ")})`,
    );
  if (await portInUse()) throw new Error(`something already listens on ${origin}; stop it or pass --port`);
  console.log(
    `Starting the production server on ${origin} (data in ${dataDir}; builds first when the build is stale)…`,
  );
  const started = Date.now();
  const loadBefore = loadavg().map((n) => round(n, 2));
  server = startServer();
  await waitForHealth(server, 300_000);
  console.log(`Server ready in ${round((Date.now() - started) / 1000)} s.`);

  const cookies = new Map<string, string | undefined>();
  const chosen = ROUTES.filter((r) => r.signedIn && (!only || only.includes(r.name)));
  for (const login of new Set(chosen.map((r) => r.login ?? DEMO_LOGIN)))
    cookies.set(
      login,
      await signIn(login, DEMO_PASSWORD).catch((error: Error) => {
        console.log(`! ${error.message}; routes signed in as ${login} are skipped`);
        return undefined;
      }),
    );

  const rows: Row[] = [];
  for (const route of ROUTES) if (!only || only.includes(route.name)) rows.push(await measure(route, cookies));
  printTable(rows);
  const load = loadavg()[0]!;
  if (load > cpus().length)
    console.log(`\n! load average ${round(load, 2)} on ${cpus().length} CPUs: other work skews these figures.`);

  const by = (name: string) => rows.find((r) => r.route === name && r.status === "measured");
  const home = by("home");
  const bare = by("bare");
  const sized = by("bare-sized");
  let ratio: { throughput: number; p50Latency: number; serverCpuPerRequest?: number } | undefined;
  if (home && bare) {
    ratio = {
      throughput: round(home.requestsPerSecond! / bare.requestsPerSecond!, 2),
      p50Latency: round(home.latencyMs!.p50 / Math.max(bare.latencyMs!.p50, 0.001), 2),
      serverCpuPerRequest:
        home.serverCpuMsPerRequest && bare.serverCpuMsPerRequest
          ? round(home.serverCpuMsPerRequest / bare.serverCpuMsPerRequest, 2)
          : undefined,
    };
    console.log(
      `\nhome / bare: throughput ×${ratio.throughput} (home serves that share of bare's req/s), p50 latency ×${ratio.p50Latency}, ` +
        `server CPU per request ×${ratio.serverCpuPerRequest ?? "?"}`,
    );
  } else {
    console.log("\nhome / bare: not computed — the bare static page is not available.");
  }
  let sizedRatio: { throughput: number; serverCpuPerRequest?: number } | undefined;
  if (home && sized) {
    sizedRatio = {
      throughput: round(home.requestsPerSecond! / sized.requestsPerSecond!, 2),
      serverCpuPerRequest:
        home.serverCpuMsPerRequest && sized.serverCpuMsPerRequest
          ? round(home.serverCpuMsPerRequest / sized.serverCpuMsPerRequest, 2)
          : undefined,
    };
    console.log(
      `home / bare page of the same size: throughput ×${sizedRatio.throughput}, server CPU per request ×${sizedRatio.serverCpuPerRequest ?? "?"}`,
    );
  }

  const cachedPages = bare
    ? ROUTES.filter((r) => r.cached)
        .map((r) => by(r.name))
        .filter((row): row is Row => row !== undefined)
        .map((row) => ({
          route: row.route,
          throughputToBare: round(row.requestsPerSecond! / bare.requestsPerSecond!, 2),
          cache: row.cache ?? null,
        }))
    : [];
  if (cachedPages.length) {
    console.log("\ncached public pages / bare (target ≥ 0.8):");
    for (const c of cachedPages)
      console.log(`  ${c.route.padEnd(18)} ×${c.throughputToBare}${c.cache ? `  (${c.cache})` : ""}`);
  }

  const queries = ROUTES.filter((r) => r.query)
    .map((r) => by(r.name))
    .filter((row): row is Row => row !== undefined)
    .map((row) => ({
      route: row.route,
      requestsPerSecond: row.requestsPerSecond!,
      meets: row.requestsPerSecond! >= QUERY_TARGET,
    }));
  if (queries.length) {
    console.log(`\nqueries with parameters (target ≥ ${QUERY_TARGET} req/s):`);
    for (const q of queries)
      console.log(`  ${q.route.padEnd(18)} ${q.requestsPerSecond} req/s${q.meets ? "" : "  (below the target)"}`);
  }

  const file = resultFile();
  const cpu = cpus();
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        benchmark: "http",
        date: new Date().toISOString(),
        commit: gitCommit(),
        machine: {
          cpus: cpu.length,
          cpuModel: cpu[0]?.model,
          memoryGiB: round(totalmem() / 2 ** 30),
          node: process.version,
          // 1/5/15-minute load averages: other work on the machine skews the figures.
          loadAverage: { beforeStart: loadBefore, atEnd: loadavg().map((n) => round(n, 2)) },
        },
        server: {
          origin,
          dataDir,
          database: process.env.DATABASE_URL ? "postgresql" : "pglite",
          signedInAs: Object.fromEntries(ROUTES.filter((r) => r.signedIn).map((r) => [r.name, r.login ?? DEMO_LOGIN])),
        },
        settings: { durationSeconds: duration, connections, acceptEncoding: gzip ? "gzip, deflate, br" : null },
        routes: rows,
        homeToBare: ratio ?? null,
        homeToSizedBare: sizedRatio ?? null,
        queries,
        cachedPagesToBare: cachedPages,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Results written to ${file}`);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\n${signal}: stopping the server…`);
    void stopServer().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(`\u2716 ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  if (server) {
    await stopServer();
    console.log("Server stopped.");
  }
}
