/**
 * `npm run bench:passport [-- --schools 10000 --runs 200 --origin http://127.0.0.1:3320 --duration 10 --connections 10]`:
 *
 * 1. Server time, uncached, at national scale: a throw-away database (in-memory PGlite, or the PostgreSQL of
 *    TEST_DATABASE_URL) with the `tiny` seed grown to `--schools` schools spread over every district, each
 *    with its passport as the seed writes it (buildings, profile, two years of budget lines). Then `--runs`
 *    times each: a region's overcrowded-schools list (first page of 50, the region picked in turn), the
 *    table by district of a region, and the public card's reads of a random school (the passport card with
 *    its district and region averages, and the organisation report beside it, as the page runs them).
 *    Target: p95 ≤ 150 ms.
 * 2. Cached throughput of the public school card (`/kk/statistics/organizations/<BIN>`) against the bare
 *    static page `/probe` in the same run, against a running production server (`--origin`; skipped when
 *    none answers). Target: card ≥ 0.8 × probe.
 *
 * Writes bench/results/passport-<date>.json (`--http-only`: part 2 alone, passport-<date>-http.json).
 */
import autocannon from "autocannon";
import type { Prisma } from "../lib/generated/prisma/client";
import { withCheckDigit } from "../lib/identity";
import {
  closeBenchDatabase,
  flag,
  log,
  ms,
  openBenchDatabase,
  option,
  round,
  summary,
  textOption,
  writeResult,
} from "./lib";
import { listIn, tableIn } from "../lib/passport/passport";
import { passportCard } from "../lib/passport/public";
import { organizationReport } from "../lib/databank/public";
import { listQueryOf } from "../lib/passport/schemas";
import { seedPassport } from "../prisma/seed/passport";

const SCHOOLS = option("schools", 10_000);
const RUNS = option("runs", 200);
const duration = option("duration", 10);
const connections = option("connections", 10);
const origin = textOption("origin") ?? "http://127.0.0.1:3320";
const TARGET_P95_MS = 150;
const TARGET_RATIO = 0.8;

async function serverTimes() {
  const { db, label } = await openBenchDatabase();
  try {
    const prisma = db.prisma;
    const districts = await prisma.territory.findMany({
      where: { level: "DISTRICT" },
      select: { id: true, parentId: true },
      orderBy: { code: "asc" },
    });
    const kind = await prisma.classifierItem.findFirstOrThrow({
      where: { code: "SCHOOL", classifier: { code: "ORG_KIND" } },
    });
    const existing = await prisma.organization.count({ where: { kindId: kind.id } });
    const orgs: Prisma.OrganizationCreateManyInput[] = [];
    for (let i = 0, serial = 1; orgs.length < SCHOOLS - existing; i++) {
      const bin = withCheckDigit(`9901${String(serial++).padStart(7, "0")}`);
      if (!bin) continue;
      const d = districts[i % districts.length]!;
      orgs.push({
        id: `bench_${bin}`,
        bin,
        nameKk: `№${i + 1} мектеп`,
        nameRu: `Школа №${i + 1}`,
        nameEn: `School No. ${i + 1}`,
        kindId: kind.id,
        territoryId: d.id,
        isUrban: i % 3 !== 0,
      });
    }
    let start = process.hrtime.bigint();
    for (let i = 0; i < orgs.length; i += 5000) await prisma.organization.createMany({ data: orgs.slice(i, i + 5000) });
    await prisma.budgetLine.deleteMany();
    await prisma.passportProfile.deleteMany();
    await prisma.passportBuilding.deleteMany();
    await seedPassport(prisma, log);
    const seedMs = ms(start);
    const counts = {
      schools: await prisma.passportProfile.count(),
      buildings: await prisma.passportBuilding.count(),
      budgetLines: await prisma.budgetLine.count(),
    };
    log(`${counts.schools} schools with passports written in ${round(seedMs / 1000)} s`);
    await prisma.$executeRawUnsafe("ANALYZE");

    const regions = await prisma.territory.findMany({
      where: { level: "REGION" },
      select: { code: true, path: true },
      orderBy: { code: "asc" },
    });
    const bins = (
      await prisma.organization.findMany({ where: { kindId: kind.id }, select: { bin: true }, take: 5000 })
    ).map((o) => o.bin);
    const time = async (fn: (i: number) => Promise<unknown>) => {
      await fn(0);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        start = process.hrtime.bigint();
        await fn(i);
        times.push(ms(start));
      }
      return summary(times);
    };
    const scopeOf = (i: number) => ({
      all: false as const,
      territoryPaths: [regions[i % regions.length]!.path],
      organizationIds: [],
    });
    const overcrowded = await time((i) =>
      listIn(scopeOf(i), listQueryOf({ list: "overcrowded" }), { page: 1, pageSize: 50 }),
    );
    const sample = await listIn(scopeOf(0), listQueryOf({ list: "overcrowded" }), null);
    log(`overcrowded list of a region (${sample.total} schools in the first): p95 ${overcrowded.p95} ms`);
    const byDistrict = await time((i) => tableIn(scopeOf(i), listQueryOf({})));
    log(`table by district of a region: p95 ${byDistrict.p95} ms`);
    const card = await time((i) => passportCard(bins[(i * 7919) % bins.length]!));
    log(`passport card of a school: p95 ${card.p95} ms`);
    const fullCard = await time((i) => {
      const bin = bins[(i * 104_729) % bins.length]!;
      return Promise.all([passportCard(bin), organizationReport(bin, null)]);
    });
    log(`public card reads (passport + organisation report): p95 ${fullCard.p95} ms`);
    return { database: label, seedMs: round(seedMs), counts, runs: RUNS, overcrowded, byDistrict, card, fullCard };
  } finally {
    await closeBenchDatabase();
  }
}

async function throughput() {
  try {
    await fetch(`${origin}/probe`, { signal: AbortSignal.timeout(2_000) });
  } catch {
    log(`no server at ${origin}: cached throughput skipped (start one with npm start)`);
    return null;
  }
  const district = await (await fetch(`${origin}/kk/statistics/110200000`)).text();
  const bin = /\/statistics\/organizations\/(\d{12})/.exec(district)?.[1];
  if (!bin) throw new Error("no school card linked from /kk/statistics/110200000");
  const measure = async (path: string) => {
    const first = await fetch(`${origin}${path}`);
    if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
    await autocannon({ url: `${origin}${path}`, connections, duration: 2 });
    const r = await autocannon({ url: `${origin}${path}`, connections, duration });
    return {
      path,
      requestsPerSecond: round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99 },
      non2xx: r.non2xx,
      errors: r.errors,
    };
  };
  const probe = await measure("/probe");
  const card = await measure(`/kk/statistics/organizations/${bin}`);
  const ratio = round(card.requestsPerSecond / probe.requestsPerSecond, 2);
  log(`cached card ${card.requestsPerSecond} req/s vs /probe ${probe.requestsPerSecond} req/s: ${ratio}×`);
  return { origin, probe, card, ratio, target: TARGET_RATIO };
}

/** `--http-only`: only the cached throughput against the running server (its own result file). */
const httpOnly = flag("http-only");
console.log(`Passport benchmark: ${httpOnly ? "cached throughput only" : `${SCHOOLS} schools, ${RUNS} runs per read`}`);
const server = httpOnly ? null : await serverTimes();
const http = await throughput();
if (server) {
  const pass = Math.max(server.overcrowded.p95, server.fullCard.p95) <= TARGET_P95_MS;
  console.log(
    `p95: overcrowded list ${server.overcrowded.p95} ms, card ${server.fullCard.p95} ms (target ≤ ${TARGET_P95_MS} ms: ${pass ? "met" : "missed"})`,
  );
}
if (http) console.log(`cached card/probe ${http.ratio} (target ≥ ${TARGET_RATIO})`);
writeResult("passport", { schools: SCHOOLS, targetP95Ms: TARGET_P95_MS, server, http }, httpOnly ? "http" : undefined);
