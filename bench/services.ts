/**
 * `npm run bench:services [-- --count 200 --concurrency 8]`: certificates of study issued per second.
 *
 * Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL) with the `tiny`
 * seed, then as the demo parent:
 *  - issues `--count` certificates one after another, each followed by its PDF (lib/services: the issuing
 *    transaction with its sequence number, application, timeline, notification and audit entry, then the
 *    PDF with the embedded DejaVu subset and the QR code) — certificates per second and p50/p95 per one;
 *  - the issuing alone and the PDF alone (p50/p95), and the PDF's size per language;
 *  - `--count` issued + rendered `--concurrency` at a time, checking that every number is distinct.
 * Prints the figures and writes bench/results/services-<date>-<pglite|postgres>.json.
 */
import { PDFDocument } from "pdf-lib";
import { closeBenchDatabase, log, ms, openBenchDatabase, option, round, summary, writeResult } from "./lib";
import { loadViewer } from "../lib/auth/access";
import { prisma } from "../lib/db";
import { certificatePdf, issueStudyCertificate } from "../lib/services/certificates";

const COUNT = option("count", 200);
const CONCURRENCY = option("concurrency", 8);
const NOW = new Date("2026-11-23T10:00:00Z");

const { label } = await openBenchDatabase();
try {
  console.log(`Services benchmark on ${label}: ${COUNT} certificates, concurrency ${CONCURRENCY}`);
  const parent = (await loadViewer("u_parent"))!;
  const child = await prisma.guardianship.findFirstOrThrow({
    where: { userId: "u_parent", student: { enrolments: { some: {} } } },
    orderBy: { studentId: "asc" },
  });
  const input = (i: number) => ({ studentId: child.studentId, language: (["kk", "ru", "en"] as const)[i % 3]! });

  // warm-up: font files, PDF code paths, query plans
  for (let i = 0; i < 5; i++) await certificatePdf(parent, (await issueStudyCertificate(parent, input(i), NOW)).id);

  const issueTimes: number[] = [];
  const pdfTimes: number[] = [];
  const sizes: Record<string, number[]> = { kk: [], ru: [], en: [] };
  const start = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) {
    let t = process.hrtime.bigint();
    const issued = await issueStudyCertificate(parent, input(i), NOW);
    issueTimes.push(ms(t));
    t = process.hrtime.bigint();
    const { pdf } = await certificatePdf(parent, issued.id);
    pdfTimes.push(ms(t));
    sizes[input(i).language]!.push(pdf.byteLength);
  }
  const sequentialMs = ms(start);
  const perSecond = round((COUNT / sequentialMs) * 1000);
  const both = issueTimes.map((x, i) => x + pdfTimes[i]!);
  log(`sequential: ${perSecond} certificates/s with the PDF (${COUNT} in ${round(sequentialMs / 1000, 2)} s)`);
  log(`  per certificate: ${JSON.stringify(summary(both))} ms`);
  log(`  issuing alone: ${JSON.stringify(summary(issueTimes))} ms`);
  log(`  PDF alone: ${JSON.stringify(summary(pdfTimes))} ms`);
  const sizeKb = Object.fromEntries(
    Object.entries(sizes).map(([l, xs]) => [l, round(xs.reduce((a, b) => a + b, 0) / xs.length / 1024, 1)]),
  );
  log(`PDF size (KiB, mean per language): ${JSON.stringify(sizeKb)}`);
  // the PDF is a valid document with one page
  const sample = await certificatePdf(parent, (await issueStudyCertificate(parent, input(0), NOW)).id);
  const pages = (await PDFDocument.load(sample.pdf)).getPageCount();

  const numbers: string[] = [];
  const cStart = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < COUNT) {
        const i = next++;
        const issued = await issueStudyCertificate(parent, input(i), NOW);
        await certificatePdf(parent, issued.id);
        numbers.push(issued.number);
      }
    }),
  );
  const concurrentMs = ms(cStart);
  const concurrentPerSecond = round((COUNT / concurrentMs) * 1000);
  const distinct = new Set(numbers).size;
  log(
    `concurrent (${CONCURRENCY} at a time): ${concurrentPerSecond} certificates/s with the PDF; ${distinct} distinct numbers of ${numbers.length}`,
  );
  if (distinct !== numbers.length) throw new Error("duplicate certificate numbers");

  writeResult(
    "services",
    {
      database: label,
      count: COUNT,
      concurrency: CONCURRENCY,
      sequential: {
        certificatesPerSecond: perSecond,
        perCertificateMs: summary(both),
        issueMs: summary(issueTimes),
        pdfMs: summary(pdfTimes),
      },
      concurrent: { certificatesPerSecond: concurrentPerSecond, distinctNumbers: distinct },
      pdf: { meanKiB: sizeKb, pages },
    },
    process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
  );
} finally {
  await closeBenchDatabase();
}
