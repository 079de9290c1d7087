/**
 * `npm run bench:lighthouse [-- --port 3300 --runs 1 --only home,statistics]`: Lighthouse (mobile preset, the
 * default form factor: a throttled mid-range phone) with Debian's Chromium (/usr/bin/chromium, or
 * CHROMIUM_PATH) on the home, statistics, ratings and dictionary pages and a publication page of the
 * production server. It starts the server itself (embedded database in ./data/bench-lighthouse, built first
 * when the build is stale), prints performance, accessibility, best practices, SEO and CLS per page with the
 * failed audits of the last four, writes bench/results/lighthouse-<date>.json, and always stops the server.
 *
 * Targets of the portal: performance ≥ 90, accessibility 100, best practices 100, SEO 100, CLS ≤ 0.05.
 * Set NEXT_DIST_DIR (e.g. .next-bench) to keep the build apart from another running server's.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { listOption, option } from "./lib";

const HOST = "127.0.0.1";
const port = option("port", 3300);
const runs = option("runs", 1);
const origin = `http://${HOST}:${port}`;
const dataDir = "./data/bench-lighthouse";
const chromePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const TARGETS = { performance: 90, accessibility: 100, "best-practices": 100, seo: 100, cls: 0.05 };

interface Page {
  name: string;
  path: () => Promise<string>;
}

/** A publication's page: the first one the sitemap lists. */
async function publicationPath(): Promise<string> {
  const xml = await (await fetch(`${origin}/sitemaps/kk-publications-1.xml`)).text();
  const loc = /<loc>([^<]+)<\/loc>/.exec(xml)?.[1];
  if (!loc) throw new Error("no published publication in the sitemap");
  return new URL(loc).pathname;
}

const PAGES: Page[] = [
  { name: "home", path: async () => "/kk" },
  { name: "statistics", path: async () => "/kk/statistics" },
  { name: "ratings", path: async () => "/kk/ratings" },
  { name: "dictionary", path: async () => "/kk/dictionary" },
  { name: "publication", path: publicationPath },
];

const only = listOption("only") ?? [];

// ---------------------------------------------------------------------------------------------- server

let server: ChildProcess | undefined;
const serverLog: string[] = [];

function startServer(): ChildProcess {
  // One Node process, so SIGINT reaches start.ts and it closes the database.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--scale", "demo"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: process.env.PUBLIC_URL || origin },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) serverLog.push(line);
    if (serverLog.length > 200) serverLog.splice(0, serverLog.length - 200);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return child;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

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
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`the server did not become healthy in ${timeoutMs / 1000} s:\n${serverLog.slice(-30).join("\n")}`);
}

// ---------------------------------------------------------------------------------------------- lighthouse

interface Scores {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  "best-practices": number;
  seo: number;
  cls: number;
  lcpMs: number;
  tbtMs: number;
  /** Audits that failed in the categories other than performance (their ids). */
  failed: string[];
}

async function audit(chrome: chromeLauncher.LaunchedChrome, page: Page): Promise<Scores> {
  const path = await page.path();
  // A first visit warms the server (module loading, data caches) so that it is not what gets measured.
  await fetch(`${origin}${path}`).then((r) => r.text());
  const all: Scores[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const failed = ["accessibility", "best-practices", "seo"].flatMap((id) =>
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id}:${ref.id}`),
    );
    all.push({
      page: page.name,
      path,
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
      cls: Math.round((audits["cumulative-layout-shift"]?.numericValue ?? 0) * 1000) / 1000,
      lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
      tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
      failed,
    });
  }
  // The median run by performance score.
  return all.sort((a, b) => a.performance - b.performance)[Math.floor(all.length / 2)]!;
}

function mark(value: number, target: number, higherIsBetter = true): string {
  const ok = higherIsBetter ? value >= target : value <= target;
  return `${value}${ok ? "" : " ✗"}`;
}

async function main() {
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (apt-get install -y chromium)`);
  console.log(`Starting the production server on ${origin} (data in ${dataDir}; builds first when stale)…`);
  server = startServer();
  // A first build on a busy 2-core machine took over 15 minutes (compile and type check), then the seed.
  await waitForHealth(server, 45 * 60_000);
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const results: Scores[] = [];
  try {
    for (const page of PAGES.filter((p) => !only.length || only.includes(p.name))) {
      process.stdout.write(`- ${page.name}… `);
      const r = await audit(chrome, page);
      results.push(r);
      console.log(
        `perf ${r.performance}, a11y ${r.accessibility}, BP ${r["best-practices"]}, SEO ${r.seo}, CLS ${r.cls}`,
      );
    }
  } finally {
    chrome.kill();
  }
  console.log("\npage         path                                   perf  a11y  BP    SEO   CLS     LCP ms  TBT ms");
  for (const r of results)
    console.log(
      [
        r.page.padEnd(12),
        r.path.slice(0, 38).padEnd(38),
        mark(r.performance, TARGETS.performance).padEnd(5),
        mark(r.accessibility, TARGETS.accessibility).padEnd(5),
        mark(r["best-practices"], TARGETS["best-practices"]).padEnd(5),
        mark(r.seo, TARGETS.seo).padEnd(5),
        mark(r.cls, TARGETS.cls, false).padEnd(7),
        String(r.lcpMs).padEnd(7),
        String(r.tbtMs),
      ].join(" "),
    );
  for (const r of results) if (r.failed.length) console.log(`  ${r.page}: ${r.failed.join(", ")}`);
  const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  mkdirSync(join("bench", "results"), { recursive: true });
  const file = join("bench", "results", `lighthouse-${new Date().toISOString().slice(0, 10)}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), commit, preset: "mobile", chromium: chromePath, targets: TARGETS, results }, null, 2)}\n`,
  );
  console.log(`\nWritten ${file}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => stopServer());
