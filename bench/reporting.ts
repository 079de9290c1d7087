/**
 * `npm run bench:reporting [-- --orgs 10000 --accept 300 --runs 5]`: statistical reporting at national scale.
 *
 * 1. Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL — its public
 *    schema is dropped and recreated): the `tiny` seed, then `--orgs` schools spread over every district,
 *    each with an accepted D-1-shaped report (contingent by grade and sex, 36 numbers) and its data bank rows.
 * 2. Times the consolidated report of that period (lib/reporting/reports.ts: totals by region and district
 *    from the data bank, completeness and timeliness) — the median of `--runs` runs after a warm-up.
 *    Target: under 2 s.
 * 3. Measures acceptances per second through the service the server action calls (acceptSubmission: one
 *    transaction with the optimistic version check, data bank rows, event, audit entry, notifications),
 *    one after another over `--accept` reports waiting for the ministry; on PostgreSQL also 4 at a time.
 *
 * Prints the figures and writes bench/results/reporting-<date>.json.
 */
import { loadViewer } from "../lib/auth/access";
import { consolidatedReport } from "../lib/reporting/reports";
import { acceptSubmission } from "../lib/reporting/workflow";
import type { Prisma } from "../lib/generated/prisma/client";
import { contingentValues } from "../prisma/seed/reporting";
import { rng } from "../prisma/seed/random";
import {
  closeBenchDatabase,
  createBenchForm,
  createBenchSchools,
  log,
  ms,
  openBenchDatabase,
  option,
  writeResult,
} from "./lib";

const ORGS = option("orgs", 10_000);
const ACCEPT = option("accept", 300);
const RUNS = option("runs", 5);
const PERIOD = "rp_bench";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  let t = process.hrtime.bigint();
  const { db, label } = await openBenchDatabase();
  console.log(`Reporting benchmark on ${label}: ${ORGS} organisations`);
  const prisma = db.prisma;
  log(`migrate + tiny seed: ${(ms(t) / 1000).toFixed(1)} s`);

  // Schools in every district, a D-1-shaped form with one period, one accepted report per school.
  t = process.hrtime.bigint();
  const districts = await prisma.territory.findMany({
    where: { level: "DISTRICT" },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  const orgs = await createBenchSchools(prisma, districts, ORGS + ACCEPT, { id: "obench", binDigit: "9" });
  await createBenchForm(prisma, orgs, { form: "f_bench", code: "B-1", version: "fv_bench", period: PERIOD });
  const random = rng(10_000);
  const submittedAt = new Date("2026-10-01T05:00:00Z");
  const submissions: Prisma.SubmissionCreateManyInput[] = orgs.map((o, i) => ({
    id: `sbench${i}`,
    organizationId: o.id!,
    periodId: PERIOD,
    formVersionId: "fv_bench",
    status: i < ORGS ? "ACCEPTED" : "APPROVED_REGION",
    values: contingentValues(random, 0.6 + random.next() * 2, random.next()) as Prisma.InputJsonValue,
    submittedAt,
    late: i % 9 === 0,
  }));
  for (let i = 0; i < submissions.length; i += 1000)
    await prisma.submission.createMany({ data: submissions.slice(i, i + 1000) });
  // The data bank rows of the accepted reports, as acceptance writes them: "section.field" with row "",
  // "section.column" with the row key for table cells.
  await db.raw.query(
    `INSERT INTO "DataValue" ("organizationId", "periodId", "submissionId", "year", "formCode", "indicator", "rowKey", "value")
     SELECT s."organizationId", s."periodId", s.id, 2026, 'B-1',
            CASE WHEN kv.key LIKE '%.%.%' THEN split_part(kv.key, '.', 1) || '.' || split_part(kv.key, '.', 3) ELSE kv.key END,
            CASE WHEN kv.key LIKE '%.%.%' THEN split_part(kv.key, '.', 2) ELSE '' END,
            kv.value::float8
     FROM "Submission" s, jsonb_each_text(s."values") kv
     WHERE s."periodId" = $1 AND s.status = 'ACCEPTED'`,
    [PERIOD],
  );
  await db.raw.exec(`ANALYZE "DataValue"; ANALYZE "Submission"; ANALYZE "Organization"; ANALYZE "FormAddressee";`);
  const facts = await prisma.dataValue.count({ where: { periodId: PERIOD } });
  const generateSeconds = ms(t) / 1000;
  log(`generated ${ORGS} accepted reports and ${facts} data bank rows in ${generateSeconds.toFixed(1)} s`);

  // Consolidated report.
  const scope = { all: true } as const;
  t = process.hrtime.bigint();
  const warm = await consolidatedReport(scope, PERIOD);
  const firstMs = ms(t);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = process.hrtime.bigint();
    await consolidatedReport(scope, PERIOD);
    times.push(ms(s));
  }
  const reportMs = median(times);
  if (warm.total.stats.obliged !== ORGS + ACCEPT || warm.total.stats.accepted !== ORGS)
    throw new Error(`unexpected report counts ${JSON.stringify(warm.total.stats)}`);
  log(
    `consolidated report: first ${firstMs.toFixed(0)} ms, median of ${RUNS} ${reportMs.toFixed(0)} ms (${warm.lines.length} lines, ${warm.indicators.length} indicators) — target < 2000 ms: ${reportMs < 2000 ? "met" : "NOT met"}`,
  );

  // Acceptances through the service.
  const ministry = await loadViewer("u_ministry");
  if (!ministry) throw new Error("no ministry account");
  const waiting = submissions.slice(ORGS);
  const sequential = waiting.slice(0, db.kind === "postgres" ? Math.ceil(ACCEPT / 2) : ACCEPT);
  t = process.hrtime.bigint();
  for (const s of sequential) await acceptSubmission(ministry, { submissionId: s.id!, version: 1 });
  const sequentialPerSecond = sequential.length / (ms(t) / 1000);
  log(`acceptances, one at a time: ${sequentialPerSecond.toFixed(1)}/s (${sequential.length} reports)`);
  let parallelPerSecond: number | null = null;
  if (db.kind === "postgres") {
    const rest = waiting.slice(sequential.length);
    t = process.hrtime.bigint();
    for (let i = 0; i < rest.length; i += 4)
      await Promise.all(
        rest.slice(i, i + 4).map((s) => acceptSubmission(ministry, { submissionId: s.id!, version: 1 })),
      );
    parallelPerSecond = rest.length / (ms(t) / 1000);
    log(`acceptances, 4 at a time: ${parallelPerSecond.toFixed(1)}/s (${rest.length} reports)`);
  }
  const accepted = await prisma.submission.count({ where: { periodId: PERIOD, status: "ACCEPTED" } });
  if (accepted !== ORGS + ACCEPT) throw new Error(`expected ${ORGS + ACCEPT} accepted, found ${accepted}`);

  const result = {
    benchmark: "reporting",
    database: db.kind,
    organizations: ORGS,
    dataValues: facts,
    generateSeconds: Math.round(generateSeconds * 10) / 10,
    consolidatedReport: {
      firstMs: Math.round(firstMs),
      medianMs: Math.round(reportMs),
      runs: times.map(Math.round),
      targetMs: 2000,
      met: reportMs < 2000,
    },
    acceptance: {
      sequentialPerSecond: Math.round(sequentialPerSecond * 10) / 10,
      sequentialCount: sequential.length,
      parallel4PerSecond: parallelPerSecond === null ? null : Math.round(parallelPerSecond * 10) / 10,
    },
  };
  writeResult("reporting", result, db.kind);
} finally {
  await closeBenchDatabase();
}
