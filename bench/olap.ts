/**
 * `npm run bench:olap [-- --orgs 10000 --years 5 --runs 40]`: the data bank at national scale.
 *
 * 1. Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL — its public
 *    schema is dropped and recreated): the `tiny` seed, then `--orgs` schools spread over every district,
 *    each with `--years` accepted contingent (D-1: 33 grade × sex × language cells and 3 totals) and staff
 *    (D-3: 8 values) reports in the fact table — generated in SQL, shaped as acceptance writes them — and
 *    the precomputed summary of every year. (The `national` seed scale makes 10,000 organisations too, but
 *    its people and reporting history take long to seed and it has accepted facts for 600 of them only.)
 * 2. Times, `--runs` times each after a warm-up, and prints the p50 and p95:
 *    - a plain `SELECT count(*)` over the fact table (the floor);
 *    - the engine's 2-dimension query (students by region × sex, one year) and the whole pivot page's
 *      computation (the same with row, column and grand totals: four queries);
 *    - the public region page's data (territoryPage: summary rows, districts, years, registry counts) —
 *      what a cache miss costs; a cache hit does not touch the database.
 *    Targets: pivot p95 ≤ 300 ms, region page p95 ≤ 50 ms.
 *
 * Writes bench/results/olap-<date>-<db>.json.
 */
import { parsePivotParams } from "../lib/databank/params";
import { buildPivot } from "../lib/databank/pivot";
import { territoryPage } from "../lib/databank/public";
import { runStats } from "../lib/databank/query";
import { refreshAllSummaries } from "../lib/databank/summary";
import {
  closeBenchDatabase,
  createNationalFacts,
  log,
  ms,
  openBenchDatabase,
  option,
  round,
  timeRuns,
  writeResult,
} from "./lib";

const ORGS = option("orgs", 10_000);
const YEARS = option("years", 5);
const RUNS = option("runs", 40);
const FIRST_YEAR = 2040;

async function time(name: string, fn: () => Promise<unknown>) {
  const result = await timeRuns(RUNS, fn);
  log(`${name}: p50 ${result.p50} ms, p95 ${result.p95} ms (max ${result.max} ms, ${RUNS} runs)`);
  return result;
}

try {
  let t = process.hrtime.bigint();
  const { db, label } = await openBenchDatabase();
  console.log(`OLAP benchmark on ${label}: ${ORGS} organisations × ${YEARS} years`);
  const prisma = db.prisma;
  log(`migrate + tiny seed: ${(ms(t) / 1000).toFixed(1)} s`);

  t = process.hrtime.bigint();
  await createNationalFacts(db, { orgs: ORGS, years: YEARS, firstYear: FIRST_YEAR });
  await db.raw.exec(`ANALYZE "DataValue"; ANALYZE "Organization"; ANALYZE "Territory";`);
  const facts = await prisma.dataValue.count();
  const generateSeconds = ms(t) / 1000;
  log(`generated ${ORGS} schools × ${YEARS} years: ${facts} fact rows in ${generateSeconds.toFixed(1)} s`);
  t = process.hrtime.bigint();
  const years = await refreshAllSummaries(prisma);
  const summarySeconds = ms(t) / 1000;
  const summaryRows = await prisma.databankSummary.count();
  log(`summary of ${years.length} years: ${summaryRows} rows in ${summarySeconds.toFixed(1)} s`);

  const year = FIRST_YEAR + YEARS - 1;
  const all = { all: true } as const;
  const count = await time('SELECT count(*) FROM "DataValue"', () => db.raw.query(`SELECT count(*) FROM "DataValue"`));
  const engine = await time("2-dimension query (students by region × sex, one year)", () =>
    runStats(all, {
      indicators: ["students"],
      dimensions: ["region", "sex"],
      measure: "sum",
      filters: { year: [year] },
      limit: 5000,
    }),
  );
  const parsed = parsePivotParams(new URLSearchParams(`indicator=students&rows=region&cols=sex&year=${year}`));
  const pivot = await time("pivot page (region × sex with totals: 4 queries)", () => buildPivot(all, parsed, "kk"));
  const districtPivot = await time("pivot of a district administrator (district × qualification)", () =>
    buildPivot(
      { all: false, territoryPaths: [`/t000000000/t110000000/t110200000/`], organizationIds: [] },
      parsePivotParams(new URLSearchParams(`indicator=teachers&rows=district&cols=qualification&year=${year}`)),
      "kk",
    ),
  );
  const region = await time("public region page data (summary; a cache miss)", () => territoryPage("110000000", year));
  const republic = await time("public republic page data (summary; a cache miss)", () => territoryPage(null, year));

  const result = {
    benchmark: "olap",
    database: db.kind,
    organizations: ORGS,
    years: YEARS,
    factRows: facts,
    summaryRows,
    generateSeconds: round(generateSeconds),
    summarySeconds: round(summarySeconds),
    countStar: count,
    twoDimensionQuery: engine,
    pivot: { ...pivot, targetP95Ms: 300, met: pivot.p95 <= 300 },
    districtPivot,
    regionPage: { ...region, targetP95Ms: 50, met: region.p95 <= 50 },
    republicPage: republic,
  };
  console.log(
    `pivot p95 ${pivot.p95} ms (target ≤ 300: ${result.pivot.met ? "met" : "NOT met"}); region page p95 ${region.p95} ms uncached (target ≤ 50: ${result.regionPage.met ? "met" : "NOT met"}); count(*) p95 ${count.p95} ms`,
  );
  writeResult("olap", result, db.kind);
} finally {
  await closeBenchDatabase();
}
