/**
 * Zip-bomb benchmark (`npx tsx --conditions=react-server bench/zipbomb.ts`): memory and time to refuse a
 * 1 MB spreadsheet-shaped zip bomb (it expands to 1 GB of zeros) sent as a report template, as an
 * unauthorised and as an authorised uploader, through `uploadTemplate` — the service behind
 * `POST /api/v1/reporting/template/upload` — on the throw-away database of bench/lib.ts.
 *
 * Cases: a parent (no permission to submit reports), a school administrator for another school's report,
 * the school's own administrator (the zip guard refuses with 413), the same with a directory that
 * understates the size (inflated no further than declared), and the worst case the guard allows: a
 * directory declaring just under the 32 MB cap while the entry holds 1 GB (inflated, counted and discarded
 * up to the cap). `--baseline` also times ExcelJS opening a smaller bomb (64 MB) without the guard, which is
 * what an upload cost before.
 * Each case runs in a fresh process and reports the growth of its peak RSS; the cases through the service
 * seed a database first (which sets a peak of its own), so the "guard alone" cases, without a database,
 * give the guard's own memory. Writes bench/results/zipbomb-<date>.json.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadViewer } from "../lib/auth/access";
import { prisma } from "../lib/db";
import { assertZipWithinLimits, SPREADSHEET_LIMITS } from "../lib/files/zip";
import { loadEntry, uploadTemplate } from "../lib/reporting/entry";
import { deflated, zipBomb, zipOf } from "../tests/fixtures/zip-bomb";
import { closeBenchDatabase, flag, log, ms, openBenchDatabase, round, textOption, writeResult } from "./lib";

const MB = 1024 * 1024;

const CASES = {
  "unauthorised: parent (no permission)": "bomb",
  "unauthorised: another school's report": "bomb",
  "authorised: access check alone (reference)": "bomb",
  "authorised: school administrator": "bomb",
  "authorised: directory understates the size": "lying",
  "authorised: worst case (inflated to the cap)": "worst",
  "guard alone: declared bomb": "bomb",
  "guard alone: directory understates the size": "lying",
  "guard alone: worst case (inflated to the cap)": "worst",
  "before: ExcelJS without the guard (64 MB sheet)": "baseline",
} as const;
type CaseName = keyof typeof CASES;

interface Measured {
  case: string;
  fileKb: number;
  outcome: string;
  ms: number;
  /** Growth of the process's peak resident memory while the case ran (a fresh process per case). */
  peakRssDeltaMb: number;
}

/** One case in this (fresh) process: the database and the warm-up first, then the measured call. */
async function runCase(name: CaseName, file: string): Promise<Measured> {
  const bytes = new Uint8Array(readFileSync(file));
  let run: () => Promise<unknown>;
  if (name.startsWith("guard alone:")) {
    // no database in this process, so its peak memory is the guard's own
    run = () => assertZipWithinLimits(bytes, SPREADSHEET_LIMITS);
    await assertZipWithinLimits(
      new Uint8Array(zipOf([{ name: "a.xml", data: Buffer.from("<a/>") }])),
      SPREADSHEET_LIMITS,
    );
  } else if (name.startsWith("before:")) {
    run = async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    };
    // warm-up: ExcelJS on a small workbook
    const warm = new ExcelJS.Workbook();
    warm.addWorksheet("a").addRow([1]);
    await new ExcelJS.Workbook().xlsx.load((await warm.xlsx.writeBuffer()) as ArrayBuffer);
  } else {
    await openBenchDatabase();
    const school = (await loadViewer("u_school"))!;
    const parent = (await loadViewer("u_parent"))!;
    const organizationId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
    const other = await prisma.organization.findFirstOrThrow({
      where: { id: { not: organizationId }, kind: { code: "SCHOOL" } },
      select: { id: true },
    });
    const period = await prisma.reportingPeriod.findFirst({
      where: { form: { formList: { status: "PUBLISHED" } }, closedAt: null },
      select: { id: true },
    });
    if (!period) throw new Error("the seed has no open reporting period");
    const upload =
      (who: typeof school, org = organizationId) =>
      () =>
        uploadTemplate(who, { periodId: period.id, organizationId: org, version: 0, bytes });
    // warm-up: the same path with a harmless file
    const harmless = new Uint8Array(zipOf([{ name: "a.xml", data: Buffer.from("<a/>") }]));
    await uploadTemplate(school, { periodId: period.id, organizationId, version: 0, bytes: harmless }).catch(() => {});
    run =
      name === "unauthorised: parent (no permission)"
        ? upload(parent)
        : name === "unauthorised: another school's report"
          ? upload(school, other.id)
          : name === "authorised: access check alone (reference)"
            ? () => loadEntry(school, period.id, organizationId)
            : upload(school);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.resourceUsage().maxRSS;
  const t0 = process.hrtime.bigint();
  let outcome: string;
  try {
    await run();
    outcome = "accepted";
  } catch (error) {
    const e = error as { code?: string; options?: { status?: number }; fieldErrors?: Record<string, string> };
    outcome = e.code
      ? [e.code, e.options?.status, Object.values(e.fieldErrors ?? {})[0]].filter(Boolean).join(" ")
      : String(error).slice(0, 120);
  }
  const elapsed = ms(t0);
  const after = process.resourceUsage().maxRSS;
  await closeBenchDatabase();
  return {
    case: name,
    fileKb: round(bytes.length / 1024),
    outcome,
    ms: round(elapsed, 1),
    peakRssDeltaMb: round((after - before) / 1024, 1),
  };
}

async function main() {
  const only = textOption("case") as CaseName | undefined;
  if (only) {
    const result = await runCase(only, textOption("file")!);
    console.log(`RESULT ${JSON.stringify(result)}`);
    return;
  }
  log("building the bombs …");
  const dir = mkdtempSync(join(tmpdir(), "eiso-zipbomb-"));
  const gigabyte = await deflated(1024 * MB);
  const parts = [{ name: "[Content_Types].xml", data: Buffer.from("<x/>") }];
  const files = {
    bomb: await zipBomb({ mbPerEntry: 1024 }),
    lying: zipOf([
      ...parts,
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(0), deflated: gigabyte, declaredSize: 100 },
    ]),
    worst: zipOf([
      ...parts,
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(0), deflated: gigabyte, declaredSize: 32 * MB - 64 },
    ]),
    baseline: await realisticBomb(64),
  };
  for (const [k, bytes] of Object.entries(files)) writeFileSync(join(dir, `${k}.zip`), bytes);
  const results: Measured[] = [];
  try {
    for (const [name, file] of Object.entries(CASES) as [CaseName, keyof typeof files][]) {
      if (file === "baseline" && !flag("baseline")) continue;
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, process.argv[1]!, "--case", name, "--file", join(dir, `${file}.zip`)],
        { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "--expose-gc" }, maxBuffer: 16 * MB },
      );
      const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (!line) throw new Error(`${name}: ${child.stderr || child.stdout}`);
      const result = JSON.parse(line.slice(7)) as Measured;
      results.push(result);
      log(
        `${name.padEnd(48)} ${String(result.fileKb).padStart(7)} KB  ${String(result.ms).padStart(8)} ms  ` +
          `peak RSS +${result.peakRssDeltaMb} MB  → ${result.outcome}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  writeResult("zipbomb", { bombExpandsToMb: 1024, capMb: 32, results });
}

/**
 * A workbook ExcelJS reads up to its sheet: the minimal parts of a one-sheet workbook, the sheet being valid
 * XML padded with `mb` MB of spaces (about 1 KB compressed per MB) — what the parser had to take in.
 */
async function realisticBomb(mb: number): Promise<Buffer> {
  const ns = "http://schemas.openxmlformats.org";
  const text = (name: string, xml: string) => ({
    name,
    data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${xml}`),
  });
  const open = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>`,
  );
  const close = Buffer.from("</sheetData></worksheet>");
  return zipOf([
    text(
      "[Content_Types].xml",
      `<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    text(
      "_rels/.rels",
      `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    text(
      "xl/workbook.xml",
      `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="R1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(0), deflated: await deflated(mb * MB, 0x20, open, close) },
  ]);
}

main().catch(async (error) => {
  console.error(error);
  await closeBenchDatabase();
  process.exit(1);
});
