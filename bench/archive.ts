/**
 * Archive benchmark (`npm run bench:archive`): export and verified restore of the whole database for the
 * seed scales (R26, issue 12's "Measure").
 *
 * For each scale of `--scales` (default demo,national): a database seeded at that scale — PostgreSQL when
 * DATABASE_URL (or TEST_DATABASE_URL) is set (its public schema is dropped and recreated; one scale per run
 * then), otherwise PGlite in `--dir`/<scale> (default ./data/bench-archive; with `--reuse` a seeded one is
 * kept from an earlier run, since the national seed takes minutes) — is exported with `exportArchive` to
 * a temporary file and restored with `restoreArchive` (every checksum verified first, every table's
 * content hash compared at the end) into an empty in-memory PGlite. Prints rows, size, time and throughput;
 * writes bench/results/archive-<date>-<pglite|postgres>.json.
 */
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../lib/db/driver";
import { migrate } from "../lib/db/migrate";
import { exportArchive, restoreArchive } from "../lib/archive/archive";
import { isEmpty, seed, SCALES, type Scale } from "../prisma/seed";
import { flag, listOption, log, ms, round, textOption, writeResult } from "./lib";

const dir = textOption("dir") ?? "./data/bench-archive";
const scales = (listOption("scales") ?? ["demo", "national"]) as Scale[];
const databaseUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const kind = databaseUrl ? "postgres" : "pglite";

async function prepare(scale: Scale) {
  const pgliteDir = join(dir, scale, "pglite");
  if (!databaseUrl && !flag("reuse")) rmSync(join(dir, scale), { recursive: true, force: true });
  const db = openDatabase(databaseUrl ? { url: databaseUrl } : { dir: pgliteDir });
  if (db.kind === "postgres") await db.raw.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await migrate(db.raw);
  let seedSeconds: number | null = null;
  if (await isEmpty(db.prisma)) {
    const t0 = process.hrtime.bigint();
    await seed(db.prisma, scale);
    seedSeconds = round(ms(t0) / 1000, 1);
    log(`${scale}: seeded in ${seedSeconds} s`);
  } else log(`${scale}: reusing the seeded database in ${pgliteDir}`);
  return { db, seedSeconds };
}

async function measure(scale: Scale) {
  const { db, seedSeconds } = await prepare(scale);
  const file = join(tmpdir(), `eiso-bench-archive-${scale}-${process.pid}.tar.gz`);
  try {
    const t0 = process.hrtime.bigint();
    const exported = await exportArchive(db.raw, db.kind, file);
    const exportMs = ms(t0);
    await db.close();
    const rows = exported.manifest.tables.reduce((s, t) => s + t.rows, 0);
    const biggest = [...exported.manifest.tables]
      .sort((a, b) => b.rows - a.rows)
      .slice(0, 5)
      .map((t) => `${t.name} ${t.rows}`);
    const bytes = statSync(file).size;
    const target = openDatabase({ url: "", dir: "memory://" }); // PGlite even when DATABASE_URL is set
    const t1 = process.hrtime.bigint();
    await restoreArchive(target.raw, readFileSync(file));
    const restoreMs = ms(t1);
    await target.close();
    const out = {
      scale,
      seedSeconds,
      tables: exported.manifest.tables.length,
      rows,
      parts: exported.manifest.parts.length,
      bytes,
      mib: round(bytes / 2 ** 20, 2),
      exportSeconds: round(exportMs / 1000, 2),
      exportRowsPerSecond: Math.round((rows * 1000) / exportMs),
      restoreSeconds: round(restoreMs / 1000, 2),
      restoreRowsPerSecond: Math.round((rows * 1000) / restoreMs),
      biggestTables: biggest,
    };
    log(`${scale}: ${out.tables} tables, ${rows} rows (${biggest.join(", ")}), ${out.parts} parts, ${out.mib} MiB`);
    log(
      `${scale}: export ${out.exportSeconds} s (${out.exportRowsPerSecond} rows/s); verified restore into an empty in-memory PGlite ${out.restoreSeconds} s (${out.restoreRowsPerSecond} rows/s)`,
    );
    return out;
  } finally {
    rmSync(file, { force: true });
    await db.close().catch(() => undefined);
  }
}

async function main() {
  console.log(`Archive benchmark (${kind === "postgres" ? "PostgreSQL" : "PGlite"}): scales ${scales.join(", ")}`);
  for (const s of scales) if (!(s in SCALES)) throw new Error(`unknown scale ${s}`);
  if (databaseUrl && scales.length > 1)
    throw new Error("on PostgreSQL give one scale per run (--scales demo or --scales national)");
  const results = [];
  for (const scale of scales) results.push(await measure(scale));
  writeResult("archive", { database: kind, results }, `${kind}${scales.length === 1 ? `-${scales[0]}` : ""}`);
  if (!flag("keep") && !databaseUrl)
    for (const s of scales) if (existsSync(join(dir, s))) rmSync(join(dir, s), { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(`✖ ${(error as Error).message}`);
  process.exit(1);
});
