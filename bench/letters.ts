/**
 * `npm run bench:letters [-- --count 2000 --concurrency 8 --runs 30]`: letter registrations per second and
 * register reads.
 *
 * Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL) with the `tiny`
 * seed, then as the demo school administrator:
 *  - registers `--count` incoming letters one after another (lib/letters: scope check, duplicate check, the
 *    counter row incremented in the transaction, the letter, the audit entry) — letters per second, p50/p95;
 *  - registers `--count` outgoing letters `--concurrency` at a time and checks the numbers run 1…count with
 *    no gap and no repeat;
 *  - reads the register: the first page of 25 (newest first), the overdue filter, a text search, and the CSV
 *    export rows of the whole register (p50/p95 over `--runs`).
 * Prints the figures and writes bench/results/letters-<date>-<pglite|postgres>.json.
 */
import { closeBenchDatabase, log, ms, openBenchDatabase, option, round, summary, timeRuns, writeResult } from "./lib";
import { loadViewer } from "../lib/auth/access";
import { prisma } from "../lib/db";
import { exportLetters, listLetters, registerLetter } from "../lib/letters/letters";
import { letterQueryOf } from "../lib/letters/schemas";

const COUNT = option("count", 2000);
const CONCURRENCY = option("concurrency", 8);
const RUNS = option("runs", 30);
const NOW = new Date("2026-11-23T10:00:00Z");

const { label } = await openBenchDatabase();
try {
  console.log(`Letters benchmark on ${label}: ${COUNT} letters per register, concurrency ${CONCURRENCY}`);
  const school = (await loadViewer("u_school"))!;
  const organizationId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  const correspondents = [
    "Көкшетау қалалық білім бөлімі",
    "Ақмола облысының білім басқармасы",
    "Көкшетау қаласының әкімдігі",
    "ҚР Оқу-ағарту министрлігі",
  ];
  const input = (i: number, direction: "INCOMING" | "OUTGOING") => ({
    organizationId,
    direction,
    correspondent: correspondents[i % correspondents.length]!,
    subject: `Хат ${i}: оқу процесін ұйымдастыру туралы`,
    letterNumber: direction === "INCOMING" ? `01-${i}` : undefined,
    dueDate: i % 5 === 0 ? "2026-11-01" : "2026-12-20",
    executorId: "u_teacher",
  });

  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) {
    const t = process.hrtime.bigint();
    await registerLetter(school, input(i, "INCOMING"), NOW);
    times.push(ms(t));
  }
  const sequentialMs = ms(start);
  const perSecond = round((COUNT / sequentialMs) * 1000);
  log(
    `sequential: ${perSecond} registrations/s (${COUNT} in ${round(sequentialMs / 1000, 2)} s); per letter ${JSON.stringify(summary(times))} ms`,
  );

  const cStart = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < COUNT) await registerLetter(school, input(next++, "OUTGOING"), NOW);
    }),
  );
  const concurrentMs = ms(cStart);
  const concurrentPerSecond = round((COUNT / concurrentMs) * 1000);
  const sequences = (
    await prisma.letter.findMany({
      where: { organizationId, direction: "OUTGOING" },
      select: { sequence: true },
      orderBy: { sequence: "asc" },
    })
  ).map((l) => l.sequence);
  const gapless = sequences.length === COUNT && sequences.every((s, i) => s === i + 1);
  log(
    `concurrent (${CONCURRENCY} at a time): ${concurrentPerSecond} registrations/s; numbers 1…${COUNT} without gaps or repeats: ${gapless}`,
  );
  if (!gapless) throw new Error("numbering has gaps or repeats");

  const page = { page: 1, pageSize: 25 };
  const firstPage = await timeRuns(RUNS, () => listLetters(school, letterQueryOf({}), page, NOW));
  const overdue = await timeRuns(RUNS, () => listLetters(school, letterQueryOf({ overdue: "1" }), page, NOW));
  const search = await timeRuns(RUNS, (i) =>
    listLetters(school, letterQueryOf({ q: `Хат ${(Math.abs(i) * 7) % COUNT}:` }), page, NOW),
  );
  const exportRuns = Math.max(3, Math.floor(RUNS / 5));
  const exported = await timeRuns(exportRuns, () => exportLetters(school, letterQueryOf({}), NOW));
  log(`register, first page of 25 of ${COUNT}: ${JSON.stringify(firstPage)} ms`);
  log(`overdue filter: ${JSON.stringify(overdue)} ms`);
  log(`text search: ${JSON.stringify(search)} ms`);
  log(`CSV export rows (${COUNT}): ${JSON.stringify(exported)} ms`);

  writeResult(
    "letters",
    {
      database: label,
      count: COUNT,
      concurrency: CONCURRENCY,
      sequential: { registrationsPerSecond: perSecond, perLetterMs: summary(times) },
      concurrent: { registrationsPerSecond: concurrentPerSecond, gapless },
      reads: { firstPageMs: firstPage, overdueMs: overdue, searchMs: search, exportMs: exported },
    },
    process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
  );
} finally {
  await closeBenchDatabase();
}
