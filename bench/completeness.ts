/**
 * `npm run bench:completeness [-- --orgs 10000 --runs 20]`: the completeness board for the whole republic
 * with a mixed set of reporting processes (issue 27).
 *
 * 1. Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL): the `tiny`
 *    seed, `--orgs` schools spread over every district with one period of a form addressed to them, and a
 *    report per school in a mix of statuses, handed over under four processes (the standard chain, region
 *    only, ministry only, and a stepwise one returning one level down).
 * 2. Times, as the ministry, the board's summary (counts by region, with "awaiting" from the transition
 *    table) and the first page of its "awaiting" list: p50/p95 of `--runs` runs after a warm-up.
 *    Target: p95 ≤ 300 ms.
 *
 * Prints the figures and writes bench/results/completeness-<date>.json.
 */
import { loadViewer } from "../lib/auth/access";
import { boardList, boardSummary, type BoardSort } from "../lib/reporting/review";
import type { Prisma } from "../lib/generated/prisma/client";
import type { SubmissionStatus } from "../lib/generated/prisma/enums";
import {
  closeBenchDatabase,
  createBenchForm,
  createBenchSchools,
  log,
  ms,
  openBenchDatabase,
  option,
  timeRuns,
  writeResult,
} from "./lib";

const ORGS = option("orgs", 10_000);
const RUNS = option("runs", 20);
const PERIOD = "rp_bench_completeness";
const TARGET_MS = 300;

try {
  let t = process.hrtime.bigint();
  const { db, label } = await openBenchDatabase();
  console.log(`Completeness board benchmark on ${label}: ${ORGS} organisations, mixed processes`);
  const prisma = db.prisma;
  log(`migrate + tiny seed: ${(ms(t) / 1000).toFixed(1)} s`);

  t = process.hrtime.bigint();
  const processes = [
    { id: "standard", levels: ["DISTRICT", "REGION", "MINISTRY"] },
    { id: "pb_region", levels: ["REGION"] },
    { id: "pb_ministry", levels: ["MINISTRY"] },
    { id: "pb_stepwise", levels: ["DISTRICT", "REGION", "MINISTRY"], returnTo: "PREVIOUS_LEVEL" as const },
  ];
  for (const p of processes.slice(1))
    await prisma.reportingProcess.create({
      data: {
        id: p.id,
        code: p.id.replace("_", "-"),
        nameKk: p.id,
        nameRu: p.id,
        nameEn: p.id,
        returnTo: p.returnTo ?? "ORGANIZATION",
        levels: { create: p.levels.map((level, position) => ({ position, level: level as never, days: 5 })) },
      },
    });
  const districts = await prisma.territory.findMany({ where: { level: "DISTRICT" }, select: { id: true } });
  const orgs = await createBenchSchools(prisma, districts, ORGS, { id: "ocb", binDigit: "8" });
  await createBenchForm(prisma, orgs, {
    form: "f_bench_completeness",
    code: "BC-1",
    version: "fv_bench_c",
    period: PERIOD,
  });
  const statuses: (SubmissionStatus | null)[] = [
    null,
    "DRAFT",
    "SUBMITTED",
    "APPROVED_DISTRICT",
    "APPROVED_REGION",
    "ACCEPTED",
    "RETURNED",
  ];
  const submissions: Prisma.SubmissionCreateManyInput[] = [];
  orgs.forEach((o, i) => {
    const status = statuses[i % statuses.length]!;
    if (!status) return;
    const process = processes[Math.floor(i / statuses.length) % processes.length]!;
    submissions.push({
      id: `scb${i}`,
      organizationId: o.id!,
      periodId: PERIOD,
      formVersionId: "fv_bench_c",
      status,
      processId: process.id,
      submittedAt: status === "DRAFT" ? null : new Date("2026-10-01T05:00:00Z"),
      late: i % 9 === 0,
    });
  });
  for (let i = 0; i < submissions.length; i += 2000)
    await prisma.submission.createMany({ data: submissions.slice(i, i + 2000) });
  await db.raw.exec(`ANALYZE "Submission"; ANALYZE "Organization"; ANALYZE "FormAddressee";`);
  const generateSeconds = ms(t) / 1000;
  log(
    `generated ${ORGS} schools and ${submissions.length} reports under 4 processes in ${generateSeconds.toFixed(1)} s`,
  );

  const ministry = await loadViewer("u_ministry");
  if (!ministry) throw new Error("no ministry account");
  const scope = { all: true } as const;
  let awaiting = 0;
  const board = await timeRuns(RUNS, async () => {
    const b = await boardSummary(ministry, scope, PERIOD);
    awaiting = b.counts.awaiting;
    if (b.counts.obliged !== ORGS) throw new Error(`unexpected obliged count ${b.counts.obliged}`);
  });
  log(`board summary (republic): p50 ${board.p50} ms, p95 ${board.p95} ms — ${awaiting} awaiting the ministry`);
  const params = {
    page: 1,
    pageSize: 50,
    sort: "name" as BoardSort,
    dir: "asc" as const,
    q: "",
    filters: { period: PERIOD, state: "awaiting" },
  };
  let listed = 0;
  const list = await timeRuns(RUNS, async () => {
    const page = await boardList(ministry, scope, params, "ru");
    listed = page.total;
  });
  log(`board list "awaiting" (first page of 50): p50 ${list.p50} ms, p95 ${list.p95} ms — ${listed} listed`);
  if (listed !== awaiting) throw new Error(`the list (${listed}) and the counts (${awaiting}) disagree`);
  const met = board.p95 <= TARGET_MS && list.p95 <= TARGET_MS;
  log(`target p95 ≤ ${TARGET_MS} ms: ${met ? "met" : "NOT met"}`);

  writeResult(
    "completeness",
    {
      benchmark: "completeness",
      database: db.kind,
      organizations: ORGS,
      submissions: submissions.length,
      processes: processes.length,
      generateSeconds: Math.round(generateSeconds * 10) / 10,
      awaitingMinistry: awaiting,
      boardSummaryMs: board,
      awaitingListMs: list,
      targetP95Ms: TARGET_MS,
      met,
    },
    db.kind,
  );
} finally {
  await closeBenchDatabase();
}
