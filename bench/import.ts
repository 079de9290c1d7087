/**
 * Import benchmark (`npm run bench:import -- --rows 100000`): pupils with their class enrolment from a CSV
 * file (generated: valid IINs, a full-name column, dd.mm.yyyy birth dates, the school's BIN and a class of
 * the current year), on the tiny seed — PGlite in memory, or PostgreSQL with TEST_DATABASE_URL.
 *
 * Measures the dry run (rows/s), the run written in batches as the `import.runs` job does (rows/s), a re-run
 * of the same file (all unchanged), the rollback (s), and the process's peak resident memory during each
 * phase (sampled every 50 ms; the source is streamed, so it should not grow with the file's size).
 * Writes bench/results/import-<date>.json.
 */
import { mkdtempSync, rmSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { loadViewer } from "../lib/auth/access";
import { prisma } from "../lib/db";
import { FileSystemBlobStore, useBlobStore } from "../lib/files/store";
import { iinPrefix, withCheckDigit } from "../lib/identity";
import { suggestMapping } from "../lib/import/mapping";
import { dryRunSource, executeRun, getRun, rollbackRun, startRun, storeSource } from "../lib/import/runs";
import { PUPIL_FIELDS } from "../lib/import/targets/pupils";
import { createReadStream } from "node:fs";
import { closeBenchDatabase, log, ms, openBenchDatabase, option, round, writeResult } from "./lib";

const rows = option("rows", 100_000);

/**
 * Peak resident memory and peak JS heap (MB) while `work` runs, sampled every 50 ms. On in-memory PGlite
 * the resident size also holds the database itself, which grows with the rows written; the JS heap is what
 * the import holds (the source is streamed, the outcomes go to the run's rows table).
 */
async function peak<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number; heapMb: number }> {
  let max = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    max = Math.max(max, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const t0 = process.hrtime.bigint();
  try {
    const value = await work();
    sample();
    return { value, ms: ms(t0), peakMb: round(max / 1024 / 1024), heapMb: round(heap / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const { label } = await openBenchDatabase();
  const root = mkdtempSync(join(tmpdir(), "eiso-bench-import-"));
  useBlobStore(new FileSystemBlobStore(join(root, "files")));
  try {
    const admin = (await loadViewer("u_school"))!;
    const schoolId = admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
    const school = await prisma.organization.findUniqueOrThrow({ where: { id: schoolId } });
    const year = await prisma.academicYear.findFirstOrThrow({
      where: { organizationId: schoolId, startDate: { lte: new Date() } },
      orderBy: { startDate: "desc" },
    });
    const classes = await prisma.classGroup.findMany({ where: { academicYearId: year.id } });
    // the CSV: IIN, full name, birth date, school BIN, class
    const file = join(root, "pupils.csv");
    const out = createWriteStream(file);
    out.write("ИИН;ФИО;Дата рождения;БИН школы;Класс\n");
    let written = 0;
    for (let day = 0; written < rows; day++) {
      const date = new Date(Date.UTC(2010, 0, 1) + (day % 2500) * 86_400_000).toISOString().slice(0, 10);
      const serial = 5000 + Math.floor(day / 2500);
      const iin = withCheckDigit(iinPrefix(date, day % 2 ? "MALE" : "FEMALE") + String(serial).padStart(4, "0"));
      if (!iin) continue;
      const k = classes[written % classes.length]!;
      const [y, m, d] = date.split("-");
      if (!out.write(`${iin};Тестов${written} Оқушы Серікұлы;${d}.${m}.${y};${school.bin};${k.grade}${k.letter}\n`))
        await once(out, "drain");
      written++;
    }
    out.end();
    await once(out, "finish");
    const sha = await storeSource(createReadStream(file));
    const ref = {
      target: "pupils" as const,
      sourceName: "pupils.csv",
      sourceSha256: sha,
      options: {},
      mapping: suggestMapping(["ИИН", "ФИО", "Дата рождения", "БИН школы", "Класс"], PUPIL_FIELDS),
    };
    log(`${label}: ${rows} pupils in ${classes.length} classes`);

    // as the wizard asks for it: the counts and the first 500 rows that are not unchanged
    const dry = await peak(() => dryRunSource(admin, ref, { limit: 500, unchanged: false }));
    log(
      `dry run: ${round(rows / (dry.ms / 1000))} rows/s, peak RSS ${dry.peakMb} MB, heap ${dry.heapMb} MB (${JSON.stringify(dry.value.counts)})`,
    );

    const first = await startRun(admin, ref);
    const run = await peak(() => executeRun(first.id));
    const done = await getRun(admin, "pupils", first.id);
    log(
      `import: ${round(rows / (run.ms / 1000))} rows/s, peak RSS ${run.peakMb} MB, heap ${run.heapMb} MB (status ${done.status}, new ${done.countNew})`,
    );

    const second = await startRun(admin, ref);
    const rerun = await peak(() => executeRun(second.id));
    const again = await getRun(admin, "pupils", second.id);
    log(
      `re-run: ${round(rows / (rerun.ms / 1000))} rows/s, peak RSS ${rerun.peakMb} MB, heap ${rerun.heapMb} MB (unchanged ${again.countSame})`,
    );

    const rollback = await peak(() => rollbackRun(admin, "pupils", first.id));
    log(
      `rollback: ${round(rollback.ms / 1000, 1)} s, peak RSS ${rollback.peakMb} MB, heap ${rollback.heapMb} MB (removed ${rollback.value.removed})`,
    );

    writeResult(
      "import",
      {
        database: label,
        rows,
        dryRun: { rowsPerSecond: round(rows / (dry.ms / 1000)), peakMb: dry.peakMb, heapMb: dry.heapMb },
        import: {
          rowsPerSecond: round(rows / (run.ms / 1000)),
          peakMb: run.peakMb,
          heapMb: run.heapMb,
          status: done.status,
        },
        rerun: {
          rowsPerSecond: round(rows / (rerun.ms / 1000)),
          unchanged: again.countSame,
          peakMb: rerun.peakMb,
          heapMb: rerun.heapMb,
        },
        rollback: {
          seconds: round(rollback.ms / 1000, 1),
          removed: rollback.value.removed,
          peakMb: rollback.peakMb,
          heapMb: rollback.heapMb,
        },
      },
      `${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"}-${rows}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
    await closeBenchDatabase();
  }
}

await main();
