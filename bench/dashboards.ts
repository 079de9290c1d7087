/**
 * `npm run bench:dashboards [-- --orgs 10000 --years 3 --runs 40 --origin http://127.0.0.1:3000]`: a published
 * dashboard of 8 widgets (issue 27).
 *
 * 1. Server time uncached, at national scale: a throw-away database (in-memory PGlite, or the PostgreSQL of
 *    TEST_DATABASE_URL) with the `tiny` seed and `--orgs` schools × `--years` years of accepted facts (as
 *    bench:olap makes them), then the ministry's published dashboard of two pivot tables, two charts, two
 *    figures with their trend and two text blocks. Times the public read (every widget within the
 *    republic, small counts hidden) — what a cache miss costs: p50/p95 of `--runs` runs after a warm-up.
 * 2. Server time cached: against a running production server (`--origin`; skipped when none answers or it
 *    has no published dashboard), the first published dashboard's page requested `--runs` times after a
 *    first request that fills the cache — the page cache and the data cache with the data bank's tags.
 *
 * Prints the figures and writes bench/results/dashboards-<date>.json (`--http-only`: part 2 alone,
 * dashboards-<date>-http.json).
 */
import { loadViewer } from "../lib/auth/access";
import { refreshAllSummaries } from "../lib/databank/summary";
import { publishDashboard, saveDashboard } from "../lib/dashboards/dashboards";
import { publicDashboard } from "../lib/dashboards/public";
import { dashboardInput, type Widget } from "../lib/dashboards/schemas";
import {
  closeBenchDatabase,
  createNationalFacts,
  flag,
  log,
  ms,
  openBenchDatabase,
  option,
  summary,
  textOption,
  timeRuns,
  writeResult,
} from "./lib";

const ORGS = option("orgs", 10_000);
const YEARS = option("years", 3);
const RUNS = option("runs", 40);
const FIRST_YEAR = 2040;
const origin = textOption("origin") ?? "http://127.0.0.1:3000";

async function uncached() {
  try {
    let t = process.hrtime.bigint();
    const { db, label } = await openBenchDatabase();
    console.log(`Dashboards benchmark on ${label}: ${ORGS} organisations × ${YEARS} years, 8 widgets`);
    log(`migrate + tiny seed: ${(ms(t) / 1000).toFixed(1)} s`);
    t = process.hrtime.bigint();
    await createNationalFacts(db, { orgs: ORGS, years: YEARS, firstYear: FIRST_YEAR });
    await refreshAllSummaries(db.prisma);
    const facts = await db.prisma.dataValue.count();
    log(`generated ${facts} fact rows and the summary in ${(ms(t) / 1000).toFixed(1)} s`);

    const year = FIRST_YEAR + YEARS - 1;
    const ministry = await loadViewer("u_ministry");
    if (!ministry) throw new Error("no ministry account");
    const view = async (name: string, query: string) =>
      (await db.prisma.databankView.create({ data: { ownerId: ministry.userId, name, query }, select: { id: true } }))
        .id;
    const bySex = await view("students by region × sex", `indicator=students&rows=region&cols=sex&year=${year}`);
    const byQualification = await view(
      "teachers by region × qualification",
      `indicator=teachers&rows=region&cols=qualification&year=${year}`,
    );
    const byYear = await view("students by year", "indicator=students&rows=year");
    const byLanguage = await view("students by language", `indicator=students&rows=language&year=${year}`);
    const widgets: Widget[] = [
      { kind: "text", width: 3, kk: "# Білім беру\n\nЖыл **қорытындысы**.", ru: "# Образование", en: "# Education" },
      { kind: "figure", width: 1, indicator: "students", year: null },
      { kind: "figure", width: 1, indicator: "teachers", year: null },
      { kind: "chart", width: 1, viewId: byYear, chart: "line" },
      { kind: "table", width: 2, viewId: bySex },
      { kind: "chart", width: 1, viewId: byLanguage, chart: "donut" },
      { kind: "table", width: 3, viewId: byQualification },
      {
        kind: "text",
        width: 3,
        kk: "Дереккөз: Д-1, Д-3 нысандары.",
        ru: "Источник: формы Д-1, Д-3.",
        en: "Source: D-1, D-3.",
      },
    ];
    const input = dashboardInput.parse({ titleKk: "Республика", widgets: JSON.stringify(widgets) });
    const { id } = await saveDashboard(ministry, { all: true }, input);
    await publishDashboard(ministry, { id, version: 1, publish: true });

    let shown = 0;
    const read = await timeRuns(RUNS, async () => {
      const d = await publicDashboard(id, "kk");
      if (!d || d.widgets.length !== 8) throw new Error("the dashboard did not read");
      shown = d.widgets.filter((w) => !("problem" in w) || w.problem === null).length;
    });
    log(`public read of 8 widgets (uncached): p50 ${read.p50} ms, p95 ${read.p95} ms — ${shown} of 8 with figures`);
    return { database: label, facts, widgets: 8, widgetsWithFigures: shown, runs: RUNS, uncached: read };
  } finally {
    await closeBenchDatabase();
  }
}

async function cached() {
  let list: string;
  try {
    list = await (await fetch(`${origin}/kk/statistics/dashboards`, { signal: AbortSignal.timeout(5_000) })).text();
  } catch {
    log(`no server at ${origin}: cached server time skipped (start one with npm start)`);
    return null;
  }
  const path = /href="(\/kk\/statistics\/dashboards\/[a-z0-9]+)"/.exec(list)?.[1];
  if (!path) {
    log(`no published dashboard at ${origin}: cached server time skipped`);
    return null;
  }
  const first = await fetch(`${origin}${path}`);
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS + 5; i++) {
    const t = process.hrtime.bigint();
    const response = await fetch(`${origin}${path}`);
    await response.arrayBuffer();
    if (i >= 5) {
      times.push(ms(t));
      if (response.headers.get("x-nextjs-cache") === "HIT") hits++;
    }
  }
  const result = summary(times);
  log(
    `published dashboard page (cached): p50 ${result.p50} ms, p95 ${result.p95} ms — ${hits}/${RUNS} page-cache hits`,
  );
  return { origin, path, pageCacheHits: hits, cached: result };
}

const httpOnly = flag("http-only");
const server = httpOnly ? null : await uncached();
const http = await cached();
console.log(
  `dashboard of 8 widgets: uncached p95 ${server ? `${server.uncached.p95} ms` : "not measured"}; cached p95 ${http ? `${http.cached.p95} ms` : "not measured"}`,
);
writeResult("dashboards", { orgs: ORGS, years: YEARS, server, http }, httpOnly ? "http" : undefined);
