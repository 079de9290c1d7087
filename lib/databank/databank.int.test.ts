import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { acceptSubmission } from "@/lib/reporting/workflow";
import { statsApi } from "./api";
import { DatabankParamError, type StatsQuery } from "./params";
import en from "@/messages/en/databank.json";
import { completenessBoard, organizationReport, publicStats, territoryPage } from "./public";
import { runStats } from "./query";

const AKMOLA = "110000000";
const KOKSHETAU = "110200000";
const BURABAY = "110400000";
const query = (q: Partial<StatsQuery>): StatsQuery => ({
  indicators: ["students"],
  dimensions: [],
  measure: "sum",
  filters: {},
  limit: 1000,
  ...q,
});

async function scopeOf(userId: string): Promise<{ viewer: Viewer; scope: Scope }> {
  return authorizeViewer(await loadViewer(userId), "databank.pivot");
}

/** Hand-computed: the sum of a fact over the organisations whose territory path starts with a prefix. */
async function factSum(
  formCode: string,
  indicator: string,
  year: number,
  pathPrefix = "/",
  rowKey?: string,
): Promise<number> {
  const rows = await prisma.dataValue.findMany({
    where: {
      formCode,
      indicator,
      year,
      ...(rowKey ? { rowKey } : {}),
      organization: { territory: { path: { startsWith: pathPrefix } } },
    },
    select: { value: true },
  });
  return rows.reduce((s, r) => s + r.value, 0);
}

async function pathOf(code: string) {
  return (await prisma.territory.findUniqueOrThrow({ where: { code } })).path;
}

async function paramError(promise: Promise<unknown> | (() => unknown)): Promise<DatabankParamError> {
  let error: unknown = null;
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DatabankParamError);
  return error as DatabankParamError;
}

let persons: { iin: string; lastName: string; firstName: string }[] = [];

beforeAll(async () => {
  persons = await prisma.person.findMany({ select: { iin: true, lastName: true, firstName: true } });
});

describe("the seed's data bank", () => {
  it("has several years of contingent and staff for the demo territories", async () => {
    const years = await prisma.$queryRaw<
      { year: number; forms: number }[]
    >`SELECT year, COUNT(DISTINCT "formCode")::int AS forms FROM "DataValue" GROUP BY year ORDER BY year`;
    expect(years.map((y) => Number(y.year))).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(years.filter((y) => y.forms >= 2).length).toBeGreaterThanOrEqual(4);
  });
});

describe("the query engine", () => {
  it("sums equal hand-computed sums by region, and boys + girls = all", async () => {
    const result = await runStats({ all: true }, query({ dimensions: ["region"], filters: { year: [2025] } }));
    const akmola = result.cells.find((c) => c.key.region === AKMOLA)!;
    expect(akmola.value).toBe(await factSum("D-1", "grades.total", 2025, await pathOf(AKMOLA)));
    const total = result.cells.reduce((s, c) => s + c.value, 0);
    expect(total).toBe(await factSum("D-1", "grades.total", 2025));
    const bySex = await runStats({ all: true }, query({ dimensions: ["sex"], filters: { year: [2025] } }));
    const girls = bySex.cells.find((c) => c.key.sex === "F")!.value;
    const boys = bySex.cells.find((c) => c.key.sex === "M")!.value;
    expect(girls).toBe(await factSum("D-1", "grades.girls", 2025));
    expect(girls + boys).toBe(total);
    expect(result.labels.region?.[AKMOLA]?.en).toBe("Akmola Region");
  });

  it("breaks down by grade and by qualification consistently with the form's totals", async () => {
    const g5 = await runStats({ all: true }, query({ dimensions: ["grade"], filters: { year: [2024], grade: [5] } }));
    expect(g5.cells).toHaveLength(1);
    expect(g5.cells[0]!.value).toBe(await factSum("D-1", "grades.total", 2024, "/", "g5"));
    const quals = await runStats(
      { all: true },
      query({ indicators: ["teachers"], dimensions: ["qualification"], filters: { year: [2023] } }),
    );
    expect(quals.cells.map((c) => c.key.qualification).sort()).toEqual([
      "expert",
      "master",
      "moderator",
      "no_category",
      "researcher",
    ]);
    expect(quals.cells.reduce((s, c) => s + c.value, 0)).toBe(await factSum("D-3", "staff.teachers_total", 2023));
  });

  it("average, minimum, maximum and count are taken over organisations", async () => {
    const perOrg = await prisma.dataValue.groupBy({
      by: ["organizationId"],
      where: { formCode: "D-1", indicator: "grades.total", year: 2025 },
      _sum: { value: true },
    });
    const values = perOrg.map((r) => r._sum.value!);
    const m = async (measure: StatsQuery["measure"]) =>
      (await runStats({ all: true }, query({ measure, filters: { year: [2025] } }))).cells[0]!.value;
    expect(await m("count")).toBe(values.length);
    expect(await m("min")).toBe(Math.min(...values));
    expect(await m("max")).toBe(Math.max(...values));
    expect(await m("avg")).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 1);
  });

  it("defaults to the last complete year and gives every year, marked, with the year dimension", async () => {
    // 2026's reporting periods are still open: its figures are preliminary and never the default.
    const latest = await runStats({ all: true }, query({}));
    expect(latest.years).toEqual([2025]);
    expect(latest.preliminary).toEqual([]);
    const byYear = await runStats({ all: true }, query({ indicators: ["teachers"], dimensions: ["year"] }));
    expect(byYear.cells.map((c) => c.key.year)).toEqual(["2022", "2023", "2024", "2025"]);
    const students = await runStats({ all: true }, query({ dimensions: ["year"] }));
    expect(students.years).toContain(2026);
    expect(students.preliminary).toEqual([2026]);
    const asked = await runStats({ all: true }, query({ filters: { year: [2026] } }));
    expect(asked.preliminary).toEqual([2026]);
  });

  it("never adds a stock over several years", async () => {
    expect(
      (await paramError(runStats({ all: true }, query({ filters: { year: [2024, 2025] } }), { route: "facts" })))
        .reason,
    ).toBe("stockAcrossYears");
  });

  it("keeps a district administrator inside the district", async () => {
    const { scope } = await scopeOf("u_district");
    const result = await runStats(scope, query({ dimensions: ["district"], filters: { year: [2025] } }));
    expect(result.cells.map((c) => c.key.district)).toEqual([KOKSHETAU]);
    expect(result.cells[0]!.value).toBe(await factSum("D-1", "grades.total", 2025, await pathOf(KOKSHETAU)));
    expect((await paramError(runStats(scope, query({ filters: { territory: [BURABAY] } })))).reason).toBe("outOfScope");
    const outside = await prisma.organization.findFirstOrThrow({
      where: { territory: { code: BURABAY }, kind: { code: "SCHOOL" } },
    });
    expect((await paramError(runStats(scope, query({ filters: { organization: [outside.bin] } })))).reason).toBe(
      "outOfScope",
    );
    // The region administrator sees all of Akmola's districts.
    const region = await runStats(
      (await scopeOf("u_region")).scope,
      query({ dimensions: ["district"], filters: { year: [2025] } }),
    );
    expect(region.cells.length).toBe(3);
  });

  it.each([
    ["students by region × sex", query({ dimensions: ["region", "sex"], filters: { year: [2025] } })],
    [
      "students by district × grade in a region",
      query({ dimensions: ["district", "grade"], filters: { year: [2024], territory: ["110000000"] } }),
    ],
    ["girls of grade 1 by year", query({ dimensions: ["year"], filters: { sex: ["F"], grade: [1] } })],
    [
      "girls of grades 1–2 by year (the facts answer: two grades added)",
      query({ dimensions: ["year"], filters: { sex: ["F"], grade: [1, 2] } }),
    ],
    [
      "teachers by qualification and region",
      query({ indicators: ["teachers"], dimensions: ["qualification", "region"], filters: { year: [2023] } }),
    ],
    ["students by language", query({ dimensions: ["language"], filters: { year: [2025] } })],
    [
      "average students per school by region",
      query({ dimensions: ["region"], measure: "avg", filters: { year: [2025] } }),
    ],
    [
      "number of reporting schools by district",
      query({ dimensions: ["district"], measure: "count", filters: { year: [2026] } }),
    ],
    ["two indicators by year", query({ indicators: ["students", "classes"], dimensions: ["year", "indicator"] })],
    ["one district's total", query({ filters: { year: [2025], territory: [KOKSHETAU] } })],
  ])("the summary route gives the facts' figures: %s", async (_name, q) => {
    const viaSummary = await runStats({ all: true }, q);
    const viaFacts = await runStats({ all: true }, q, { route: "facts" });
    expect(viaSummary.cells.length).toBeGreaterThan(0);
    expect(viaSummary.cells).toEqual(viaFacts.cells);
  });

  it.each([
    ["by district × sex", query({ dimensions: ["district", "sex"], filters: { year: [2025] } })],
    [
      "teachers by region × qualification",
      query({ indicators: ["teachers"], dimensions: ["region", "qualification"], filters: { year: [2024] } }),
    ],
    ["the scope's total", query({ filters: { year: [2025] } })],
    ["by year", query({ dimensions: ["year"] })],
  ])("a district administrator's summary figures equal the facts: %s", async (_name, q) => {
    const { scope } = await scopeOf("u_district");
    const viaSummary = await runStats(scope, q);
    const viaFacts = await runStats(scope, q, { route: "facts" });
    expect(viaSummary.cells.length).toBeGreaterThan(0);
    expect(viaSummary.cells).toEqual(viaFacts.cells);
    // …and are the district's own, not the region's.
    const everything = await runStats({ all: true }, q, { route: "facts" });
    expect(viaSummary.cells).not.toEqual(everything.cells);
  });

  it("refuses a year without data and unknown territories", async () => {
    expect((await paramError(runStats({ all: true }, query({ filters: { year: [2019] } })))).reason).toBe(
      "yearWithoutData",
    );
    expect((await paramError(runStats({ all: true }, query({ filters: { territory: ["999999999"] } })))).reason).toBe(
      "unknownTerritory",
    );
  });
});

describe("the summary for public pages", () => {
  it("equals the engine's figures, and the republic is the sum of its regions", async () => {
    const region = await prisma.territory.findUniqueOrThrow({ where: { code: AKMOLA } });
    const row = await prisma.databankSummary.findUniqueOrThrow({
      where: {
        year_territoryId_indicator_grade_sex_qualification_language: {
          year: 2024,
          territoryId: region.id,
          indicator: "students",
          grade: 0,
          sex: "",
          qualification: "",
          language: "",
        },
      },
    });
    expect(row.value).toBe(await factSum("D-1", "grades.total", 2024, region.path));
    const girls7 = await prisma.databankSummary.findFirstOrThrow({
      where: { year: 2024, territoryId: region.id, indicator: "students", grade: 7, sex: "F", language: "" },
    });
    expect(girls7.value).toBe(await factSum("D-1", "grades.girls", 2024, region.path, "g7"));
    const republic = await prisma.databankSummary.findFirstOrThrow({
      where: {
        year: 2024,
        level: "REPUBLIC",
        indicator: "teachers",
        grade: 0,
        sex: "",
        qualification: "",
        language: "",
      },
    });
    expect(republic.value).toBe(await factSum("D-3", "staff.teachers_total", 2024));
  });

  it("is refreshed when the ministry accepts a report", async () => {
    const waiting = await prisma.submission.findFirstOrThrow({
      where: { periodId: "rp2026_d1", status: "APPROVED_REGION", supersededAt: null },
      include: { organization: { include: { territory: true } } },
    });
    const regionId = waiting.organization.territory.path.split("/").filter(Boolean)[1]!;
    const at = (territoryId: string) =>
      prisma.databankSummary.findUnique({
        where: {
          year_territoryId_indicator_grade_sex_qualification_language: {
            year: 2026,
            territoryId,
            indicator: "students",
            grade: 0,
            sex: "",
            qualification: "",
            language: "",
          },
        },
      });
    const republicId = (await prisma.territory.findFirstOrThrow({ where: { level: "REPUBLIC" } })).id;
    const before = { region: (await at(regionId))?.value ?? 0, republic: (await at(republicId))?.value ?? 0 };
    const ministry = (await loadViewer("u_ministry"))!;
    await acceptSubmission(ministry, { submissionId: waiting.id, version: waiting.version });
    const added = (waiting.values as Record<string, number>)["summary.students_total"]!;
    expect((await at(regionId))!.value).toBe(before.region + added);
    expect((await at(republicId))!.value).toBe(before.republic + added);
  });
});

describe("small-cell suppression of public outputs", () => {
  it("hides every count of 1–4 persons and never leaves a line with a single hidden cell", async () => {
    const { result, cells } = await publicStats(
      query({ indicators: ["teachers"], dimensions: ["organization", "qualification"], filters: { year: [2025] } }),
    );
    expect(cells.length).toBeGreaterThan(0);
    // The seed has schools with one or two teacher-masters: there is something to hide.
    expect(result.cells.some((c) => c.value > 0 && c.value < 5)).toBe(true);
    for (const c of cells) if (!c.suppressed) expect(c.value === 0 || c.value! >= 5).toBe(true);
    // Complementary: within every organisation (line along qualifications) zero or ≥ 2 hidden cells.
    const perOrg = new Map<string, number>();
    for (const c of cells)
      perOrg.set(c.key.organization!, (perOrg.get(c.key.organization!) ?? 0) + (c.suppressed ? 1 : 0));
    for (const [, hidden] of perOrg) expect(hidden).not.toBe(1);
    // …and along organisations for each qualification (the republic total of a qualification is published).
    const perQual = new Map<string, number>();
    for (const c of cells)
      perQual.set(c.key.qualification!, (perQual.get(c.key.qualification!) ?? 0) + (c.suppressed ? 1 : 0));
    for (const [, hidden] of perQual) expect(hidden).not.toBe(1);
  });

  it("a hidden cell cannot be recovered from the published total by subtraction", async () => {
    const { cells } = await publicStats(
      query({ indicators: ["teachers"], dimensions: ["organization", "qualification"], filters: { year: [2025] } }),
    );
    const org = cells.find((c) => c.suppressed)!.key.organization!;
    const line = cells.filter((c) => c.key.organization === org);
    const total = (
      await publicStats(
        query({
          indicators: ["teachers"],
          dimensions: ["organization"],
          filters: { year: [2025], organization: [org] },
        }),
      )
    ).cells[0]!.value!;
    const visible = line.filter((c) => !c.suppressed).reduce((s, c) => s + c.value!, 0);
    const hidden = line.filter((c) => c.suppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    // The remainder is shared by at least two hidden cells: each one stays unknown.
    expect(total - visible).toBeGreaterThan(0);
  });

  it("the organisation's open report hides small counts and shows no person", async () => {
    const school = await prisma.organization.findFirstOrThrow({
      where: { kind: { code: "SCHOOL" }, dataValues: { some: { year: 2025 } } },
      orderBy: { bin: "asc" },
    });
    const report = await organizationReport(school.bin, 2025);
    expect(report.contingent).toHaveLength(11);
    for (const r of report.staff)
      if (!r.teachers.hidden) expect(r.teachers.value === 0 || r.teachers.value! >= 5).toBe(true);
    expect(report.staff.filter((r) => r.teachers.hidden).length).not.toBe(1);
    expect(report.timeliness.some((r) => r.form.code === "D-1" && r.year === 2025)).toBe(true);
    assertNoPersons(JSON.stringify(report));
  });
});

/** Published figures (counts of persons) between 1 and 4: must be none. Ratios are not counts. */
function smallFigures(data: unknown, path = ""): string[] {
  if (Array.isArray(data)) return data.flatMap((d, i) => smallFigures(d, `${path}[${i}]`));
  if (data === null || typeof data !== "object") return [];
  const o = data as Record<string, unknown>;
  if ("hidden" in o && "value" in o) {
    const ratio = /avgClassSize|pupilsPerTeacher/.test(path);
    return !ratio && !o.hidden && typeof o.value === "number" && o.value > 0 && o.value < 5
      ? [`${path}=${o.value}`]
      : [];
  }
  return Object.entries(o).flatMap(([k, v]) => smallFigures(v, `${path}.${k}`));
}

function assertNoPersons(text: string) {
  expect(persons.length).toBeGreaterThan(0);
  for (const p of persons) {
    expect(text).not.toContain(p.iin);
    expect(text).not.toContain(`${p.lastName} ${p.firstName}`);
  }
  // The passport's head-of-organisation field (a person's name) never leaves the submission.
  for (const name of ["Ахметова Гүлнар", "Омаров Ерлан", "Иванова Ольга", "Жұмабеков Нұрлан", "Сейітова Айжан"])
    expect(text).not.toContain(name);
}

describe("public pages' data", () => {
  it("the republic, a region and a district with drill-down children and no person", async () => {
    const republic = await territoryPage(null, null);
    expect(republic.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(republic.provisional).toEqual([2026]);
    expect(republic.year).toBe(2025);
    expect(republic.children.find((c) => c.code === AKMOLA)!.students.value).toBe(
      await factSum("D-1", "grades.total", 2025, await pathOf(AKMOLA)),
    );
    const district = await territoryPage(KOKSHETAU, 2025);
    expect(district.breadcrumb.map((c) => c.code)).toEqual(["000000000", AKMOLA, KOKSHETAU]);
    expect(district.children.every((c) => c.kind === "organization")).toBe(true);
    expect(district.children.length).toBeGreaterThan(0);
    for (const page of [republic, district]) {
      assertNoPersons(JSON.stringify(page));
      expect(smallFigures(page)).toEqual([]);
    }
    const school = await organizationReport(district.children[0]!.code, 2025);
    expect(smallFigures(school)).toEqual([]);
  });

  it("the completeness board counts on time, late and not yet per region", async () => {
    const board = await completenessBoard("rp2026_d1", null);
    expect(board.period?.form.code).toBe("D-1");
    const total = board.lines.reduce((s, l) => s + l.obliged, 0);
    expect(board.total.obliged).toBe(total);
    for (const l of board.lines) expect(l.onTime + l.late + l.notYet).toBe(l.obliged);
    expect(board.total.late).toBeGreaterThan(0);
    expect(board.total.notYet).toBeGreaterThan(0);
    const akmola = await completenessBoard("rp2026_d1", AKMOLA);
    expect(akmola.lines.map((l) => l.code)).toContain(KOKSHETAU);
  });
});

describe("the open data API", () => {
  const answer = (qs: string) => statsApi(new URL(`http://x/api/v1/stats?${qs}`));
  const get = async (qs: string) => {
    const a = await answer(qs);
    return { ...a, body: typeof a.body === "string" ? a.body : a.body.toString("latin1") };
  };

  it("gives the same figures as XLSX with numbers as numbers", async () => {
    const json = JSON.parse((await get("indicator=students&by=region,year&year=2024,2025&locale=en")).body);
    const file = await answer("indicator=students&by=region,year&year=2024,2025&format=xlsx&locale=en");
    expect(file.status).toBe(200);
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["region", "regionName", "year", "value", "organizations"]);
    const akmola = json.cells.find((c: { region: string; year: string }) => c.region === AKMOLA && c.year === "2025");
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
      (sheet.getRow(i + 2).values as unknown[]).slice(1),
    );
    const line = rows.find((r) => r[0] === AKMOLA && r[2] === 2025)!;
    expect(line).toEqual([AKMOLA, "Akmola Region", 2025, akmola.value, akmola.organizations]);
    expect(typeof line[3]).toBe("number");
  });

  it("answers JSON and CSV with the same figures", async () => {
    const json = await get("indicator=students&by=region&year=2025&locale=en");
    expect(json.status).toBe(200);
    const body = JSON.parse(json.body);
    const akmola = body.cells.find((c: { region: string }) => c.region === AKMOLA);
    expect(akmola.regionName).toBe("Akmola Region");
    const csv = await get("indicator=students&by=region&year=2025&format=csv&locale=en");
    expect(csv.contentType).toContain("text/csv");
    expect(csv.body).toContain(`${AKMOLA},Akmola Region,${akmola.value},`);
    assertNoPersons(json.body + csv.body);
  });

  it("never publishes a cell below the threshold", async () => {
    const answer = await get("indicator=teachers&by=organization,qualification&year=2025&format=csv");
    const values = answer.body
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",").at(-2)!);
    expect(values).toContain("<5");
    for (const v of values) if (v !== "<5") expect(Number(v) === 0 || Number(v) >= 5).toBe(true);
    assertNoPersons(answer.body);
  });

  it.each([
    ["by=foo", "unknownDimension"],
    ["measure=median", "unknownMeasure"],
    ["indicator=salaries", "unknownIndicator"],
    ["format=xml", "badFormat"],
    ["limit=100000", "limitTooHigh"],
    ["limit=-3", "badLimit"],
    ["year=2019", "yearWithoutData"],
    ["year=abc", "badValue"],
    ["grade=12", "badValue"],
    ["indicator=classes&by=sex", "notApplicable"],
    ["by=region,region", "duplicateDimension"],
    ["colour=red", "unknownParameter"],
    ["territory=999999999", "unknownTerritory"],
  ])("refuses %s with a 400 in the shared error shape", async (qs, reason) => {
    const answer = await get(`${qs}&locale=en`);
    expect(answer.status).toBe(400);
    const body = JSON.parse(answer.body);
    expect(body.error.code).toBe("badRequest");
    expect(typeof body.error.message).toBe("string");
    expect(body.error.message.length).toBeGreaterThan(5);
    // The message is the reason's own, not a generic one.
    const template = (en.errors as Record<string, string>)[reason]!;
    expect(body.error.message.startsWith(template.split("{")[0]!)).toBe(true);
  });

  it("answers the last complete year by default and marks a preliminary one", async () => {
    const latest = JSON.parse((await get("indicator=students&by=organization&territory=" + AKMOLA)).body);
    expect(latest.years).toEqual([2025]);
    expect(latest.cells.length).toBeGreaterThan(0);
    expect(latest.preliminary).toEqual([]);
    const byYear = JSON.parse((await get("indicator=students&by=year&locale=en")).body);
    expect(byYear.preliminary).toEqual([2026]);
    expect(byYear.preliminaryNote).toContain("2026");
    const cell = (y: string) => byYear.cells.find((c: { year: string }) => c.year === y);
    expect(cell("2026").preliminary).toBe(true);
    expect(cell("2025").preliminary).toBe(false);
    const csv = await get("indicator=students&by=year&format=csv");
    expect(csv.body.split("\r\n")[0]).toMatch(/,preliminary$/);
    expect(csv.body).toMatch(/\r\n2026,[^\r]*,true\r\n/);
  });

  it("gives several years of a stock one by one, never added", async () => {
    const body = JSON.parse((await get("indicator=students&year=2024,2025")).body);
    expect(body.dimensions).toEqual(["year"]);
    expect(body.cells.map((c: { year: string }) => c.year)).toEqual(["2024", "2025"]);
  });

  it("gives the reason's message in the asked language", async () => {
    const answer = await get("by=foo&locale=ru");
    expect(JSON.parse(answer.body).error.message).toContain("Неизвестное измерение");
    const kk = await get("format=xml");
    expect(JSON.parse(kk.body).error.message).toContain("Белгісіз формат");
  });
});
