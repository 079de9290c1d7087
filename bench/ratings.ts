/**
 * `npm run bench:ratings [-- --entities 10000 --indicators 10 --draws 1000 --runs 3]`: a school-level rating
 * at national scale.
 *
 * Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL) with the `tiny`
 * seed and a rating method; generates deterministic inputs for `--entities` schools × `--indicators`
 * indicators (mixed directions and normalisations, a few missing values), then — `--runs` times, each a new
 * year — runs the rating (lib/ratings/runner.ts runRating: normalisation, aggregation, ranks and the
 * `--draws`-draw Monte-Carlo sensitivity analysis) and stores it (storeRating: the rating and one entry per
 * school with its frozen inputs and results, in one transaction), as publishing does.
 * Target: compute + store under 10 s.
 *
 * Prints compute, store and total times (median and max of the runs) and writes bench/results/ratings-<date>.json.
 */
import { closeBenchDatabase, log, ms, openBenchDatabase, option, round, writeResult } from "./lib";
import { mulberry32, type Method, type RatingRow } from "../lib/ratings/compute";
import { runRating, storeRating, type Entity } from "../lib/ratings/runner";

const ENTITIES = option("entities", 10_000);
const INDICATORS = option("indicators", 10);
const DRAWS = option("draws", 1000);
const RUNS = option("runs", 3);
const TARGET_MS = 10_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { db, label } = await openBenchDatabase();
try {
  console.log(
    `Ratings benchmark on ${label}: ${ENTITIES} schools × ${INDICATORS} indicators, ${DRAWS} draws, ${RUNS} runs`,
  );
  const prisma = db.prisma;
  const normalisations = ["minmax", "zscore", "rank"] as const;
  const method: Method = {
    aggregation: "arithmetic",
    indicators: Array.from({ length: INDICATORS }, (_, j) => ({
      code: `i${j}`,
      weight: 100 / INDICATORS,
      direction: j % 4 === 3 ? ("lower" as const) : ("higher" as const),
      normalisation: normalisations[j % 3]!,
      missing: j % 5 === 4 ? ("mean" as const) : ("exclude-entity" as const),
    })),
  };
  const random = mulberry32(2026);
  const entities: Entity[] = Array.from({ length: ENTITIES }, (_, i) => {
    const n = String(i + 1).padStart(5, "0");
    return {
      id: `bench-school-${n}`,
      code: `99${n.padStart(10, "0")}`,
      nameKk: `№${i + 1} мектеп`,
      nameRu: `Школа №${i + 1}`,
      nameEn: `School No. ${i + 1}`,
    };
  });
  const rows: RatingRow[] = entities.map((e) => ({
    entityId: e.id,
    values: Object.fromEntries(
      method.indicators.map((x, j) => [
        x.code,
        j % 5 === 4 && random() < 0.02 ? null : Math.round(random() * 10_000) / 100,
      ]),
    ),
  }));
  const district = await prisma.territory.findFirstOrThrow({ where: { level: "DISTRICT" }, select: { id: true } });
  await prisma.ratingMethod.create({
    data: {
      id: "rm_bench",
      code: "bench-schools",
      level: "SCHOOL",
      territoryId: district.id,
      nameKk: "Бенчмарк",
      nameRu: "Бенчмарк",
      nameEn: "Benchmark",
      versions: {
        create: {
          id: "rmv_bench",
          number: 1,
          status: "PUBLISHED",
          aggregation: method.aggregation,
          indicators: method.indicators as never,
        },
      },
    },
  });

  const compute: number[] = [];
  const store: number[] = [];
  const total: number[] = [];
  const options = { draws: DRAWS, spread: 0.2, seed: 20_260_917, robustWidth: 2 };
  let notRobust = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const entries = runRating(method, rows, options);
    const computed = ms(start);
    const t = process.hrtime.bigint();
    await prisma.$transaction(
      (tx) =>
        storeRating(
          tx,
          { methodId: "rm_bench", versionId: "rmv_bench", year: 3000 + run, publishedById: null },
          entities,
          entries,
          options,
        ),
      { timeout: 300_000 },
    );
    const stored = ms(t);
    compute.push(computed);
    store.push(stored);
    total.push(ms(start));
    notRobust = entries.filter((e) => e.rank !== null && !e.robust).length;
    log(
      `run ${run + 1}: compute ${round(computed / 1000, 2)} s, store ${round(stored / 1000, 2)} s, total ${round(total[run]! / 1000, 2)} s`,
    );
  }
  const stored = await prisma.ratingEntry.count({ where: { rating: { methodId: "rm_bench" } } });
  if (stored !== ENTITIES * RUNS) throw new Error(`expected ${ENTITIES * RUNS} stored entries, found ${stored}`);
  const result = {
    database: label,
    entities: ENTITIES,
    indicators: INDICATORS,
    draws: DRAWS,
    runs: RUNS,
    notRobust,
    computeMs: { median: round(median(compute)), max: round(Math.max(...compute)) },
    storeMs: { median: round(median(store)), max: round(Math.max(...store)) },
    totalMs: { median: round(median(total)), max: round(Math.max(...total)) },
    targetMs: TARGET_MS,
  };
  console.log(
    `Compute + store: median ${round(result.totalMs.median / 1000, 2)} s, max ${round(result.totalMs.max / 1000, 2)} s (target < ${TARGET_MS / 1000} s) — compute ${round(result.computeMs.median / 1000, 2)} s, store ${round(result.storeMs.median / 1000, 2)} s; ${notRobust} of ${ENTITIES} schools not robust`,
  );
  writeResult("ratings", result);
} finally {
  await closeBenchDatabase();
}
