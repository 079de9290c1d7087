/**
 * `npm run bench:prisma [-- --runs 2000]`: what one Prisma query costs on each database, the floor under
 * every page and action.
 *
 * On in-memory PGlite (always) and on PostgreSQL when TEST_DATABASE_URL is set (its public schema is dropped,
 * migrated and seeded with `tiny`) or, failing that, DATABASE_URL (used as it is — it must be migrated and
 * hold organisations and users; the inserts are rolled back there, so it is left unchanged), it times one
 * query after another after a warm-up:
 *
 * - `findUnique`: an organisation by primary key;
 * - `findMany`: ten organisations of one territory, ordered by name, a few columns selected;
 * - `insert in transaction`: an interactive transaction that writes one audit-log row (committed on a
 *   throw-away database, rolled back on DATABASE_URL).
 *
 * Prints mean, p50, p95 and p99 per query and database (wall clock and this process's CPU time per query,
 * which on PGlite includes the database's own work) and writes bench/results/prisma-<date>.json.
 */
import { loadavg } from "node:os";
import { createRequire } from "node:module";
import { openDatabase, type Database } from "../lib/db/driver";
import { migrate } from "../lib/db/migrate";
import { seed } from "../prisma/seed";
import { log, ms, option, summary, writeResult } from "./lib";

const prismaVersion = (createRequire(import.meta.url)("@prisma/client/package.json") as { version: string }).version;
const RUNS = option("runs", 2000);
const WARMUP = 200;

class Rollback extends Error {}

interface Target {
  label: string;
  open: () => Promise<{ db: Database; commit: boolean }>;
}

async function throwAway(db: Database): Promise<{ db: Database; commit: boolean }> {
  if (db.kind === "postgres") await db.raw.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await migrate(db.raw);
  await seed(db.prisma, "tiny");
  return { db, commit: true };
}

const targets: Target[] = [{ label: "PGlite (in memory)", open: () => throwAway(openDatabase({ dir: "memory://" })) }];
if (process.env.TEST_DATABASE_URL) {
  const url = process.env.TEST_DATABASE_URL;
  targets.push({ label: "PostgreSQL (TEST_DATABASE_URL)", open: () => throwAway(openDatabase({ url })) });
} else if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  targets.push({
    label: "PostgreSQL (DATABASE_URL, inserts rolled back)",
    open: async () => ({ db: openDatabase({ url }), commit: false }),
  });
}

/** Times `fn` RUNS times after WARMUP calls: wall clock and CPU time of this process, per call. */
async function time(fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const wall: number[] = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    wall.push(ms(start));
  }
  const cpu = process.cpuUsage(cpuStart);
  return { ...summary(wall), cpuMsPerQuery: Math.round(((cpu.user + cpu.system) / 1000 / RUNS) * 1000) / 1000 };
}

const results: Record<string, Record<string, ReturnType<typeof summary> & { cpuMsPerQuery: number }>> = {};
console.log(`Prisma ${prismaVersion}: ${RUNS} runs per query after ${WARMUP} warm-up runs`);
for (const target of targets) {
  const { db, commit } = await target.open();
  try {
    const prisma = db.prisma;
    const organizations = await prisma.organization.findMany({ select: { id: true, territoryId: true }, take: 50 });
    const user = await prisma.user.findFirst({ select: { id: true } });
    if (!organizations.length || !user) throw new Error(`${target.label}: no organisations or users to query`);
    const ids = organizations.map((o) => o.id);
    const territories = [...new Set(organizations.map((o) => o.territoryId))];

    const figures = {
      findUnique: await time((i) => prisma.organization.findUnique({ where: { id: ids[Math.abs(i) % ids.length]! } })),
      findMany: await time((i) =>
        prisma.organization.findMany({
          where: { territoryId: territories[Math.abs(i) % territories.length]! },
          select: { id: true, bin: true, nameKk: true, status: true },
          orderBy: { nameKk: "asc" },
          take: 10,
        }),
      ),
      "insert in transaction": await time((i) =>
        prisma
          .$transaction(async (tx) => {
            await tx.auditLog.create({
              data: { actorId: user.id, action: "bench", entity: "Bench", entityId: String(i), after: { i } },
            });
            if (!commit) throw new Rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          }),
      ),
    };
    if (commit) await prisma.auditLog.deleteMany({ where: { action: "bench" } });
    results[target.label] = figures;
    console.log(`\n${target.label}`);
    for (const [name, f] of Object.entries(figures)) {
      log(
        `${name.padEnd(22)} mean ${f.mean.toFixed(2)} ms  p50 ${f.p50.toFixed(2)}  p95 ${f.p95.toFixed(2)}  ` +
          `p99 ${f.p99.toFixed(2)}  cpu ${f.cpuMsPerQuery.toFixed(3)} ms/query`,
      );
    }
  } finally {
    await db.close();
  }
}

writeResult("prisma", { prisma: prismaVersion, runs: RUNS, warmup: WARMUP, loadavg: loadavg(), results });
