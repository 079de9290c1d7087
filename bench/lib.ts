/**
 * What every benchmark script shares: command-line options, timing, percentiles, the throw-away database and
 * the result file. Scripts import from here instead of repeating these lines.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { basename, join, relative, sep } from "node:path";
import { closeDatabase, useDatabase as makeCurrentDatabase } from "../lib/db";
import { openDatabase, type Database } from "../lib/db/driver";
import { migrate } from "../lib/db/migrate";
import { seed } from "../prisma/seed";
import { CONTINGENT_DEFINITION } from "../prisma/seed/reporting";
import { effectiveDeadline } from "../lib/reporting/deadline";
import type { Prisma } from "../lib/generated/prisma/client";

/** `--name <number>`: a positive number (an integer unless `integer: false`), or the fallback. */
export function option(name: string, fallback: number, { integer = true } = {}): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  const valid = integer ? Number.isInteger(value) && value > 0 : Number.isFinite(value) && value > 0;
  if (!valid) throw new Error(`--${name} must be a positive ${integer ? "integer" : "number"}`);
  return value;
}

/** `--name <text>`, or undefined when not given. */
export function textOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--name a,b,c`, or undefined when not given. */
export function listOption(name: string): string[] | undefined {
  return textOption(name)?.split(",").filter(Boolean);
}

/** `--name` present on the command line. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** The p-th percentile (0–100) by the nearest-rank method. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Mean, p50, p95, p99 and max of a list of timings, rounded to 0.01 ms. */
export function summary(values: number[]) {
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: values.length,
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
  };
}

/** Runs `fn` once to warm up, then `runs` times; returns the timings' summary. */
export async function timeRuns(runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(-1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    times.push(ms(start));
  }
  return summary(times);
}

export const log = (line: string) => console.log(`  ${line}`);

export interface BenchDatabase {
  db: Database;
  /** "in-memory PGlite", "PostgreSQL (TEST_DATABASE_URL)" or the PGlite directory. */
  label: string;
}

/**
 * A throw-away database for a benchmark: the PostgreSQL of TEST_DATABASE_URL (its public schema is dropped and
 * recreated) or PGlite (`dir`, in memory by default); migrated, seeded (`tiny` unless `seed: false`) and made
 * the database of `lib/db`. Close it with `closeBenchDatabase`.
 */
export async function openBenchDatabase({
  dir = "memory://",
  seed: seedScale = "tiny" as "tiny" | false,
} = {}): Promise<BenchDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  const db = openDatabase(url ? { url } : { dir });
  const label = url
    ? "PostgreSQL (TEST_DATABASE_URL)"
    : dir === "memory://"
      ? "in-memory PGlite"
      : `PGlite on disk (${dir})`;
  if (db.kind === "postgres") await db.raw.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await migrate(db.raw);
  if (seedScale) await seed(db.prisma, seedScale);
  makeCurrentDatabase(db);
  return { db, label };
}

export async function closeBenchDatabase(): Promise<void> {
  await closeDatabase().catch(() => {});
}

/** An absolute file path in a text: a leading slash, then a top-level directory that exists on this machine. */
const ABSOLUTE_PATH = /(?<![\w.:/])\/[^\s"'()<>,;]+/g;

function isMachinePath(path: string): boolean {
  const top = path.split("/")[1];
  return !!top && existsSync(`/${top}`);
}

/**
 * A result without the paths of the machine it ran on (result files are committed): a path inside the
 * project becomes relative to it, any other absolute path (a temporary directory, a shared data file)
 * keeps its last segment only. URL paths such as "/kk/statistics" are kept.
 */
export function withoutMachinePaths<T extends Record<string, unknown>>(value: T): T {
  const root = process.cwd();
  const portable = (path: string) => {
    if (!isMachinePath(path)) return path;
    if (path === root) return ".";
    if (path.startsWith(root + sep)) return relative(root, path);
    return basename(path);
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(ABSOLUTE_PATH, portable);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  // through JSON first, as the file will hold it (dates become text, undefined fields go)
  return walk(JSON.parse(JSON.stringify(value))) as T;
}

/**
 * Writes `bench/results/<name>-<date>[-<suffix>].json` with the machine's size added and no absolute paths
 * of the machine (see withoutMachinePaths); returns the path.
 */
export function writeResult(name: string, result: Record<string, unknown>, suffix?: string): string {
  const at = new Date().toISOString();
  const dir = join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${at.slice(0, 10)}${suffix ? `-${suffix}` : ""}.json`);
  const body = {
    at,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "",
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    ...withoutMachinePaths(result),
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`Wrote ${file}`);
  return file;
}

/**
 * `count` generated schools (kind SCHOOL) spread over `districts`, inserted in batches: ids `<idPrefix><n>`,
 * BINs `<binDigit>` + n padded to 12 digits (so benchmarks that share a database do not collide); returns them.
 */
export async function createBenchSchools(
  prisma: Database["prisma"],
  districts: readonly { id: string }[],
  count: number,
  prefix: { id: string; binDigit: string },
): Promise<{ id: string; bin: string; territoryId: string }[]> {
  const kindId = (
    await prisma.classifierItem.findFirstOrThrow({ where: { code: "SCHOOL", classifier: { code: "ORG_KIND" } } })
  ).id;
  const orgs = Array.from({ length: count }, (_, i) => ({
    id: `${prefix.id}${i}`,
    bin: `${prefix.binDigit}${String(i).padStart(11, "0")}`,
    nameKk: `Бенч мектебі №${i}`,
    nameRu: `Бенч школа №${i}`,
    nameEn: `Bench school No. ${i}`,
    kindId,
    territoryId: districts[i % districts.length]!.id,
  }));
  for (let i = 0; i < orgs.length; i += 2000) await prisma.organization.createMany({ data: orgs.slice(i, i + 2000) });
  return orgs;
}

/**
 * An ad-hoc contingent form (the seed's D-1 definition) with one 2026 period, addressed to `orgs` only, so that
 * the seed's schools are not obliged to report it.
 */
export async function createBenchForm(
  prisma: Database["prisma"],
  orgs: readonly { id: string }[],
  ids: { form: string; code: string; version: string; period: string },
): Promise<void> {
  await prisma.form.create({
    data: {
      id: ids.form,
      formListId: "fl2026",
      code: ids.code,
      nameKk: "Бенч",
      nameRu: "Бенч",
      nameEn: "Bench",
      periodicity: "ANNUAL",
      orgKinds: [],
      adHoc: true,
      versions: {
        create: {
          id: ids.version,
          number: 1,
          definition: CONTINGENT_DEFINITION as Prisma.InputJsonValue,
          frozen: true,
        },
      },
      periods: {
        create: {
          id: ids.period,
          label: "2026",
          startsOn: new Date("2026-09-01"),
          endsOn: new Date("2026-09-05"),
          dueDate: new Date("2026-10-05"),
          deadlineAt: effectiveDeadline("2026-10-05").endsAt,
        },
      },
    },
  });
  for (let i = 0; i < orgs.length; i += 5000)
    await prisma.formAddressee.createMany({
      data: orgs.slice(i, i + 5000).map((o) => ({ formId: ids.form, organizationId: o.id })),
    });
}

/**
 * The data bank at national scale (bench:olap, bench:dashboards): `orgs` schools spread over every district,
 * each with `years` accepted contingent (D-1: 33 grade × sex × language cells and 3 totals) and staff (D-3: 8
 * values) reports from `firstYear` on, in the fact table — generated in SQL, shaped as acceptance writes them.
 * The caller refreshes the summary (`refreshAllSummaries`).
 */
export async function createNationalFacts(
  db: Database,
  { orgs: orgsCount, years, firstYear }: { orgs: number; years: number; firstYear: number },
): Promise<void> {
  const prisma = db.prisma;
  const districts = await prisma.territory.findMany({
    where: { level: "DISTRICT" },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  const kindId = (
    await prisma.classifierItem.findFirstOrThrow({ where: { code: "SCHOOL", classifier: { code: "ORG_KIND" } } })
  ).id;
  const languages = (
    await prisma.classifierItem.findMany({
      where: { classifier: { code: "LANGUAGE" }, code: { in: ["KK", "RU", "KK_RU"] } },
      select: { id: true },
    })
  ).map((l) => l.id);
  const orgs: Prisma.OrganizationCreateManyInput[] = Array.from({ length: orgsCount }, (_, i) => ({
    id: `obench${i}`,
    bin: `9${String(i).padStart(11, "0")}`,
    nameKk: `Бенч мектебі №${i}`,
    nameRu: `Бенч школа №${i}`,
    nameEn: `Bench school No. ${i}`,
    kindId,
    languageId: languages[i % languages.length],
    isUrban: i % 3 !== 0,
    territoryId: districts[i % districts.length]!.id,
  }));
  for (let i = 0; i < orgs.length; i += 2000) await prisma.organization.createMany({ data: orgs.slice(i, i + 2000) });
  // One list, D-1 and D-3 forms and a closed period per bench year; one accepted submission per school
  // and form (the facts reference it); then the facts themselves, generated in SQL.
  for (let y = firstYear; y < firstYear + years; y++) {
    await prisma.formList.create({
      data: {
        id: `flb${y}`,
        year: y,
        orderNumber: "1",
        orderDate: new Date(`${y}-01-10`),
        status: "PUBLISHED",
        publishedAt: new Date(`${y}-01-11`),
      },
    });
    for (const code of ["D-1", "D-3"]) {
      const key = `${y}_${code === "D-1" ? "d1" : "d3"}`;
      await prisma.form.create({
        data: {
          id: `fb${key}`,
          formListId: `flb${y}`,
          code,
          nameKk: code,
          nameRu: code,
          nameEn: code,
          periodicity: "ANNUAL",
          orgKinds: [],
          adHoc: true,
          versions: { create: { id: `fvb${key}`, number: 1, definition: { sections: [] }, frozen: true } },
          periods: {
            create: {
              id: `rpb${key}`,
              label: String(y),
              startsOn: new Date(`${y}-09-01`),
              endsOn: new Date(`${y}-09-05`),
              dueDate: new Date(`${y}-10-05`),
              deadlineAt: effectiveDeadline(`${y}-10-05`).endsAt,
              closedAt: new Date(`${y}-12-20`),
            },
          },
        },
      });
      await db.raw.query(
        `INSERT INTO "Submission" (id, "organizationId", "periodId", "formVersionId", status, "submittedAt", "updatedAt")
         SELECT 'sb${key}_' || o.id, o.id, 'rpb${key}', 'fvb${key}', 'ACCEPTED', now(), now() FROM "Organization" o WHERE o.id LIKE 'obench%'`,
      );
    }
    // D-1: grades 1–11 × (total, girls, kazakh) + 3 totals; D-3: the 8 staff fields. Values from a hash of
    // the organisation, year and cell, so figures vary but are reproducible.
    await db.raw.query(
      `INSERT INTO "DataValue" ("organizationId", "periodId", "submissionId", year, "formCode", indicator, "rowKey", value)
       SELECT o.id, 'rpb${y}_d1', 'sb${y}_d1_' || o.id, ${y}, 'D-1', 'grades.' || c.col, 'g' || g,
              CASE c.col WHEN 'total' THEN 20 + abs(hashtext(o.id || g || ${y})) % 20
                         WHEN 'girls' THEN 10 + abs(hashtext(o.id || g || ${y})) % 9
                         ELSE abs(hashtext(o.id || g)) % 20 END
       FROM "Organization" o, generate_series(1, 11) g, (VALUES ('total'), ('girls'), ('kazakh')) c(col)
       WHERE o.id LIKE 'obench%'
       UNION ALL
       SELECT o.id, 'rpb${y}_d1', 'sb${y}_d1_' || o.id, ${y}, 'D-1', 'summary.' || f.name, '', f.v
       FROM "Organization" o, (VALUES ('students_total', 330), ('classes_total', 14), ('shifts', 1)) f(name, v)
       WHERE o.id LIKE 'obench%'
       UNION ALL
       SELECT o.id, 'rpb${y}_d3', 'sb${y}_d3_' || o.id, ${y}, 'D-3', 'staff.' || f.name, '', f.v + abs(hashtext(o.id || f.name || ${y})) % 4
       FROM "Organization" o, (VALUES ('teachers_total', 24), ('master', 1), ('researcher', 3), ('expert', 5), ('moderator', 6), ('no_category', 7), ('higher_education', 20), ('vacancies', 0)) f(name, v)
       WHERE o.id LIKE 'obench%'`,
    );
  }
  await db.raw.exec(`ANALYZE "DataValue"; ANALYZE "Organization"; ANALYZE "Territory";`);
}
