/**
 * Public statistics (R11, R13): what the pages under /statistics and the open data API show, for everyone
 * and without sign-in. Territory pages read the precomputed summary (DatabankSummary); the organisation
 * page and the completeness board read the data bank and the submissions of one organisation or period.
 * Every count of persons passes small-cell suppression before it leaves this module; nothing here reads
 * people (no IIN, no name, no birth date — the passport's head-of-organisation text field is not a fact).
 */
import { publicDiaryFigures } from "../diary/aggregates";
import "server-only";
import { publicReads as prisma } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { LocalizedText } from "../reporting/definition";
import { CATALOGUE, GRADES, QUALIFICATIONS, type Dimension, type Indicator } from "./catalogue";
import type { StatsQuery } from "./params";
import { defaultYear, preliminaryYears, runStats, type StatsResult } from "./query";
import { crossGroups, suppress, type SuppressionCell } from "./suppression";
import { likePrefix } from "./sql";
import { passportYear } from "./passport-facts";

/** A published figure: null value when hidden by small-cell suppression (shown as "<5"). */
export interface Figure {
  value: number | null;
  hidden: boolean;
}

const shown = (value: number | null | undefined): Figure => ({ value: value ?? null, hidden: false });

/** Applies suppression to a list of figures with their groups; persons-only. */
function applySuppression(figures: { figure: Figure; persons: boolean; groups: string[] }[]): void {
  const cells: SuppressionCell[] = figures.map((f) => ({
    value: f.figure.value,
    persons: f.persons,
    groups: f.groups,
  }));
  suppress(cells).forEach((reason, i) => {
    if (reason) figures[i]!.figure = Object.assign(figures[i]!.figure, { value: null, hidden: true });
  });
}

function ratio(numerator: Figure, denominator: Figure): Figure {
  if (numerator.hidden || denominator.hidden) return { value: null, hidden: true };
  if (!numerator.value || !denominator.value) return { value: null, hidden: false };
  return { value: Math.round((numerator.value / denominator.value) * 10) / 10, hidden: false };
}

// ───────────────────────── Open data API ─────────────────────────

export interface PublicCell {
  key: Partial<Record<Dimension, string>>;
  value: number | null;
  suppressed: boolean;
  organizations: number;
}

/** The open data API's figures: the engine over the whole republic, then suppression. */
export async function publicStats(query: StatsQuery): Promise<{ result: StatsResult; cells: PublicCell[] }> {
  const result = await runStats({ all: true }, query);
  return { result, cells: suppressCells(result) };
}

export function suppressCells(result: StatsResult): PublicCell[] {
  const dims = result.dimensions.filter((d) => d !== "indicator");
  const single = result.indicators.length === 1 ? result.indicators[0]! : null;
  const additive = result.measure === "sum";
  const cells = result.cells.map((c) => {
    const indicator = (c.key.indicator as Indicator | undefined) ?? single;
    const persons = result.measure !== "count" && indicator !== null && CATALOGUE[indicator].persons;
    const coords = dims.map((d) => c.key[d] ?? "");
    const parents = dims.map((d, i) =>
      d === "district" || d === "organization" ? (result.parents[coords[i]!] ?? []) : [],
    );
    return {
      value: c.value,
      persons,
      groups: additive ? crossGroups(coords, parents).map((g) => `${indicator}|${g}`) : [],
    };
  });
  const reasons = suppress(cells);
  return result.cells.map((c, i) => ({
    key: c.key,
    value: reasons[i] ? null : c.value,
    suppressed: reasons[i] !== null,
    organizations: c.organizations,
  }));
}

// ───────────────────────── Territory pages ─────────────────────────

export interface Crumb {
  code: string;
  level: "REPUBLIC" | "REGION" | "DISTRICT";
  name: LocalizedText;
}

export interface TerritoryFigures {
  students: Figure;
  studentsKazakh: Figure;
  classes: Figure;
  teachers: Figure;
  organizations: number;
  avgClassSize: Figure;
  pupilsPerTeacher: Figure;
}

export interface ChildRow extends TerritoryFigures {
  code: string;
  name: LocalizedText;
  /** "territory" children link to their page; "organization" children to the open report (code = BIN). */
  kind: "territory" | "organization";
}

export interface TerritoryPage {
  territory: Crumb;
  breadcrumb: Crumb[];
  years: number[];
  /** Years whose reporting periods are still open: figures may change. */
  provisional: number[];
  year: number | null;
  totals: TerritoryFigures | null;
  children: ChildRow[];
  byYear: { year: number; students: Figure; teachers: Figure; classes: Figure }[];
  byGrade: { grade: number; total: Figure; girls: Figure; boys: Figure }[];
  byQualification: { qualification: string; teachers: Figure }[];
  byLanguage: { language: string; name: LocalizedText; students: Figure; organizations: number }[];
  kazakhShare: { kazakh: Figure; other: Figure };
  orgsByKind: { kind: string; name: LocalizedText; count: number }[];
  /** E-diary figures of the current school year (not of `year`); null below the small-cell threshold. */
  diary: { students: number; attendanceRate: number | null; quality: number | null } | null;
  /** The organisation passport's figures of the current year (not of `year`); null when no school has one. */
  passport: PassportFigures | null;
}

/** One line of the passport figures: a territory (its schools added up) or one school. */
export interface PassportLine {
  code: string;
  name: LocalizedText;
  /** Schools with a passport (a profile in force). */
  schools: number;
  /** Design capacity of the confirmed buildings, pupil places. */
  capacity: number | null;
  enrolment: Figure;
  /** Enrolment per 100 places (overcrowded above 100). */
  capacityUse: Figure;
  pupilsPerComputer: Figure;
  overcrowded: number;
  threeShift: number;
  emergency: number;
  internet: number;
  gym: number;
}

export interface PassportFigures {
  year: number;
  total: PassportLine;
  children: PassportLine[];
}

const SUMMARY_INDICATORS: Indicator[] = ["students", "studentsKazakh", "classes", "teachers"];

type SummaryRow = {
  year: number;
  territoryId: string;
  indicator: string;
  grade: number;
  sex: string;
  qualification: string;
  language: string;
  value: number;
  organizations: number;
};

function figuresOf(rows: SummaryRow[]): TerritoryFigures {
  const get = (ind: Indicator) =>
    rows.find(
      (r) => r.indicator === ind && r.grade === 0 && r.sex === "" && r.qualification === "" && r.language === "",
    );
  const students = shown(get("students")?.value);
  const teachers = shown(get("teachers")?.value);
  const classes = shown(get("classes")?.value);
  return {
    students,
    studentsKazakh: shown(get("studentsKazakh")?.value),
    classes,
    teachers,
    organizations: Math.max(get("students")?.organizations ?? 0, get("teachers")?.organizations ?? 0),
    avgClassSize: { value: null, hidden: false },
    pupilsPerTeacher: { value: null, hidden: false },
  };
}

function withRatios(f: TerritoryFigures): TerritoryFigures {
  return { ...f, avgClassSize: ratio(f.students, f.classes), pupilsPerTeacher: ratio(f.students, f.teachers) };
}

/** Suppresses the person counts of the figures of sibling rows whose totals are published above them. */
function suppressSiblings(rows: TerritoryFigures[], parentKey: string): void {
  const figures: { figure: Figure; persons: boolean; groups: string[] }[] = [];
  for (const r of rows) {
    for (const ind of ["students", "studentsKazakh", "teachers"] as const)
      figures.push({ figure: r[ind], persons: true, groups: [`${parentKey}|${ind}`] });
  }
  applySuppression(figures);
}

export async function territoryPage(code: string | null, requestedYear: number | null): Promise<TerritoryPage> {
  const territory = code
    ? await prisma.territory.findUnique({
        where: { code },
        select: { id: true, code: true, level: true, path: true, nameKk: true, nameRu: true, nameEn: true },
      })
    : await prisma.territory.findFirst({
        where: { level: "REPUBLIC" },
        select: { id: true, code: true, level: true, path: true, nameKk: true, nameRu: true, nameEn: true },
      });
  if (!territory || territory.level === "SETTLEMENT") throw new AppError("notFound");
  const chainIds = territory.path.split("/").filter(Boolean);
  const chain = await prisma.territory.findMany({
    where: { id: { in: chainIds } },
    select: { id: true, code: true, level: true, nameKk: true, nameRu: true, nameEn: true },
  });
  const crumb = (t: (typeof chain)[number]): Crumb => ({
    code: t.code,
    level: t.level as Crumb["level"],
    name: { kk: t.nameKk, ru: t.nameRu, en: t.nameEn },
  });
  const breadcrumb = chainIds
    .map((id) => chain.find((t) => t.id === id)!)
    .filter(Boolean)
    .map(crumb);

  const yearRows = await prisma.databankSummary.findMany({
    where: {
      territoryId: territory.id,
      indicator: { in: SUMMARY_INDICATORS },
      grade: 0,
      sex: "",
      qualification: "",
      language: "",
    },
    orderBy: { year: "asc" },
  });
  const years = [...new Set(yearRows.map((r) => r.year))];
  const provisional = await preliminaryYears(years);
  if (requestedYear !== null && !years.includes(requestedYear)) throw new AppError("notFound");
  const closed = years.filter((y) => !provisional.includes(y));
  const year = requestedYear ?? closed.at(-1) ?? years.at(-1) ?? null;

  const empty: TerritoryPage = {
    territory: crumb({ ...territory }),
    breadcrumb,
    years,
    provisional,
    year,
    totals: null,
    children: [],
    byYear: [],
    byGrade: [],
    byQualification: [],
    byLanguage: [],
    kazakhShare: { kazakh: shown(null), other: shown(null) },
    orgsByKind: await orgsByKind(territory.path),
    diary: await diaryFigures(territory.path),
    passport: await passportFigures(territory),
  };
  if (year === null) return empty;

  const rows = (await prisma.databankSummary.findMany({ where: { territoryId: territory.id, year } })) as SummaryRow[];
  const totals = figuresOf(rows);

  // Years: one total per year (a single figure each; primary suppression only).
  const byYear = years.map((y) => {
    const f = figuresOf(yearRows.filter((r) => r.year === y) as SummaryRow[]);
    return { year: y, students: f.students, teachers: f.teachers, classes: f.classes };
  });
  applySuppression(
    byYear.flatMap((r) => [
      { figure: r.students, persons: true, groups: [] },
      { figure: r.teachers, persons: true, groups: [] },
    ]),
  );

  // Grades × sex, with the grade totals and the sex totals as margins.
  const cell = (grade: number, sex: string) =>
    shown(
      rows.find((r) => r.indicator === "students" && r.grade === grade && r.sex === sex && r.language === "")?.value,
    );
  const byGrade = GRADES.map((g) => ({ grade: g, total: cell(g, ""), girls: cell(g, "F"), boys: cell(g, "M") }));
  applySuppression([
    ...byGrade.flatMap((r) => [
      { figure: r.girls, persons: true, groups: crossGroups([`g${r.grade}`, "F"]) },
      { figure: r.boys, persons: true, groups: crossGroups([`g${r.grade}`, "M"]) },
    ]),
    ...byGrade.map((r) => ({ figure: r.total, persons: true, groups: ["grade-totals"] })),
  ]);

  const byQualification = QUALIFICATIONS.map((q) => ({
    qualification: q,
    teachers: shown(rows.find((r) => r.indicator === "teachers" && r.qualification === q)?.value),
  }));
  applySuppression(byQualification.map((r) => ({ figure: r.teachers, persons: true, groups: ["qualification"] })));

  const languages = await prisma.classifierItem.findMany({
    where: { classifier: { code: "LANGUAGE" } },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: { sortOrder: "asc" },
  });
  const byLanguage = languages
    .map((l) => {
      const r = rows.find((x) => x.indicator === "students" && x.language === l.code && x.grade === 0 && x.sex === "");
      return {
        language: l.code,
        name: { kk: l.nameKk, ru: l.nameRu, en: l.nameEn },
        students: shown(r?.value),
        organizations: r?.organizations ?? 0,
      };
    })
    .filter((l) => l.organizations > 0);
  applySuppression(byLanguage.map((r) => ({ figure: r.students, persons: true, groups: ["language"] })));

  const kazakhShare = {
    kazakh: shown(totals.studentsKazakh.value),
    other: shown(
      totals.students.value !== null && totals.studentsKazakh.value !== null
        ? totals.students.value - totals.studentsKazakh.value
        : null,
    ),
  };
  applySuppression([
    { figure: kazakhShare.kazakh, persons: true, groups: ["share"] },
    { figure: kazakhShare.other, persons: true, groups: ["share"] },
  ]);
  applySuppression(
    [totals.students, totals.studentsKazakh, totals.teachers].map((figure) => ({ figure, persons: true, groups: [] })),
  );

  const children =
    territory.level === "DISTRICT"
      ? await organizationRows(territory.code, year)
      : await territoryRows(territory.id, year);
  suppressSiblings(children, territory.code);

  return {
    ...empty,
    totals: withRatios(totals),
    children: children.map((c) => ({ ...c, ...withRatios(c) })),
    byYear,
    byGrade,
    byQualification,
    byLanguage,
    kazakhShare,
  };
}

async function territoryRows(parentId: string, year: number): Promise<ChildRow[]> {
  const children = await prisma.territory.findMany({
    where: { parentId },
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: { code: "asc" },
  });
  const rows = (await prisma.databankSummary.findMany({
    where: {
      territoryId: { in: children.map((c) => c.id) },
      year,
      indicator: { in: SUMMARY_INDICATORS },
      grade: 0,
      sex: "",
      qualification: "",
      language: "",
    },
  })) as SummaryRow[];
  return children.map((c) => ({
    code: c.code,
    name: { kk: c.nameKk, ru: c.nameRu, en: c.nameEn },
    kind: "territory" as const,
    ...figuresOf(rows.filter((r) => r.territoryId === c.id)),
  }));
}

/** A district's organisations with their own figures (from the data bank, not the summary). */
async function organizationRows(districtCode: string, year: number): Promise<ChildRow[]> {
  const result = await runStats(
    { all: true },
    {
      indicators: SUMMARY_INDICATORS,
      dimensions: ["organization", "indicator"],
      measure: "sum",
      filters: { territory: [districtCode], year: [year] },
      limit: 50_000,
    },
  );
  const byOrg = new Map<string, Partial<Record<Indicator, number>> & { organizations: number }>();
  for (const c of result.cells) {
    const entry = byOrg.get(c.key.organization!) ?? { organizations: 1 };
    entry[c.key.indicator as Indicator] = c.value;
    byOrg.set(c.key.organization!, entry);
  }
  return [...byOrg.entries()]
    .map(([bin, v]) => ({
      code: bin,
      name: result.labels.organization?.[bin] ?? { kk: bin, ru: bin, en: bin },
      kind: "organization" as const,
      students: shown(v.students),
      studentsKazakh: shown(v.studentsKazakh),
      classes: shown(v.classes),
      teachers: shown(v.teachers),
      organizations: 1,
      avgClassSize: shown(null),
      pupilsPerTeacher: shown(null),
    }))
    .sort((a, b) => a.name.en.localeCompare(b.name.en, "en", { numeric: true }));
}

/** The passport facts a line reads (PassportFact codes, lib/databank/passport-facts.ts) and their indicators. */
const PASSPORT_LINE = {
  capacity: "schoolCapacity",
  enrolment: "schoolEnrolment",
  overcrowded: "overcrowdedSchools",
  threeShift: "threeShiftSchools",
  emergency: "emergencySchools",
  computers: "schoolComputers",
  internet: "schoolsWithInternet",
  gym: "schoolsWithGym",
} as const satisfies Record<string, Indicator>;
type PassportFact = keyof typeof PASSPORT_LINE;

function passportLine(
  code: string,
  name: LocalizedText,
  schools: number,
  v: Partial<Record<PassportFact, number>>,
): PassportLine {
  return {
    code,
    name,
    schools,
    capacity: v.capacity ?? null,
    enrolment: shown(v.enrolment),
    capacityUse: shown(null),
    pupilsPerComputer: shown(null),
    overcrowded: v.overcrowded ?? 0,
    threeShift: v.threeShift ?? 0,
    emergency: v.emergency ?? 0,
    internet: v.internet ?? 0,
    gym: v.gym ?? 0,
  };
}

/** The ratios of a line once its enrolment has passed suppression (hidden with it). */
function withPassportRatios(line: PassportLine, computers: number | undefined): PassportLine {
  const percent = ratio(line.enrolment, shown(line.capacity === null ? null : line.capacity / 100));
  return {
    ...line,
    capacityUse: percent,
    pupilsPerComputer: ratio(line.enrolment, shown(computers)),
  };
}

/**
 * The passport's figures of a territory and of each of its children (regions, districts, or a district's
 * schools): capacity against enrolment, pupils per computer, and the counts of overcrowded, three-shift,
 * emergency schools and of those with internet and a gym. Territories read the summary (the passport's
 * facts of the current year, refreshed whenever a passport change counts); a district's schools read their
 * facts. The enrolment is a count of persons: small-cell suppression across the children, the total above.
 */
async function passportFigures(territory: {
  id: string;
  code: string;
  level: string;
  path: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}): Promise<PassportFigures | null> {
  const year = passportYear();
  const facts = Object.keys(PASSPORT_LINE) as PassportFact[];
  const indicators = facts.map((f) => PASSPORT_LINE[f]);
  const territoryLines = async (ids: string[]) => {
    const rows = await prisma.databankSummary.findMany({
      where: {
        territoryId: { in: ids },
        year,
        indicator: { in: indicators },
        grade: 0,
        sex: "",
        qualification: "",
        language: "",
      },
      select: { territoryId: true, indicator: true, value: true, organizations: true },
    });
    return (id: string) => {
      const mine = rows.filter((r) => r.territoryId === id);
      const values: Partial<Record<PassportFact, number>> = {};
      for (const f of facts) {
        const r = mine.find((x) => x.indicator === PASSPORT_LINE[f]);
        if (r) values[f] = r.value;
      }
      const schools = mine.find((x) => x.indicator === PASSPORT_LINE.enrolment)?.organizations ?? 0;
      return { values, schools };
    };
  };
  const name = { kk: territory.nameKk, ru: territory.nameRu, en: territory.nameEn };
  let total: { values: Partial<Record<PassportFact, number>>; schools: number };
  let children: { line: PassportLine; computers: number | undefined }[];
  if (territory.level === "DISTRICT") {
    const rows = await prisma.passportFact.findMany({
      where: { year, fact: { in: facts }, organization: { territory: { path: { startsWith: territory.path } } } },
      select: {
        fact: true,
        value: true,
        organization: { select: { bin: true, nameKk: true, nameRu: true, nameEn: true } },
      },
    });
    const byOrg = new Map<string, { name: LocalizedText; values: Partial<Record<PassportFact, number>> }>();
    for (const r of rows) {
      const o = r.organization;
      const entry = byOrg.get(o.bin) ?? { name: { kk: o.nameKk, ru: o.nameRu, en: o.nameEn }, values: {} };
      entry.values[r.fact as PassportFact] = r.value;
      byOrg.set(o.bin, entry);
    }
    children = [...byOrg.entries()]
      .filter(([, e]) => e.values.enrolment !== undefined)
      .map(([bin, e]) => ({ line: passportLine(bin, e.name, 1, e.values), computers: e.values.computers }))
      .sort((a, b) => a.line.name.en.localeCompare(b.line.name.en, "en", { numeric: true }));
    const sum = (f: PassportFact) => {
      const values = children.map((c) => byOrg.get(c.line.code)!.values[f]).filter((v) => v !== undefined);
      return values.length ? values.reduce((n, v) => n + v, 0) : undefined;
    };
    total = { values: Object.fromEntries(facts.map((f) => [f, sum(f)])), schools: children.length };
  } else {
    const kids = await prisma.territory.findMany({
      where: { parentId: territory.id },
      select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
      orderBy: { code: "asc" },
    });
    const of = await territoryLines([territory.id, ...kids.map((k) => k.id)]);
    total = of(territory.id);
    children = kids
      .map((k) => ({ k, ...of(k.id) }))
      .filter((c) => c.schools > 0)
      .map(({ k, values, schools }) => ({
        line: passportLine(k.code, { kk: k.nameKk, ru: k.nameRu, en: k.nameEn }, schools, values),
        computers: values.computers,
      }));
  }
  if (!total.schools) return null;
  const totalLine = passportLine(territory.code, name, total.schools, total.values);
  applySuppression([
    { figure: totalLine.enrolment, persons: true, groups: [] },
    ...children.map((c) => ({ figure: c.line.enrolment, persons: true, groups: [`passport|${territory.code}`] })),
  ]);
  return {
    year,
    total: withPassportRatios(totalLine, total.values.computers),
    children: children.map((c) => withPassportRatios(c.line, c.computers)),
  };
}

/** Active organisations of the registry in a territory's subtree, by kind (education departments excluded). */
async function diaryFigures(path: string): Promise<TerritoryPage["diary"]> {
  const figures = await publicDiaryFigures(path);
  return figures && { students: figures.students, attendanceRate: figures.attendanceRate, quality: figures.quality };
}

async function orgsByKind(path: string): Promise<TerritoryPage["orgsByKind"]> {
  const rows = await prisma.$queryRaw<
    { code: string; nameKk: string; nameRu: string; nameEn: string; count: number }[]
  >`
    SELECT k.code, k."nameKk", k."nameRu", k."nameEn", COUNT(*)::int AS count
    FROM "Organization" o JOIN "Territory" t ON t.id = o."territoryId" JOIN "ClassifierItem" k ON k.id = o."kindId"
    WHERE o.status = 'ACTIVE' AND t.path LIKE ${likePrefix(path)} AND k.code NOT IN ('MINISTRY', 'EDU_DEPT_REGION', 'EDU_DEPT_DISTRICT')
    GROUP BY k.code, k."nameKk", k."nameRu", k."nameEn", k."sortOrder" ORDER BY k."sortOrder"`;
  return rows.map((r) => ({
    kind: r.code,
    name: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn },
    count: Number(r.count),
  }));
}

// ───────────────────────── Organisation page ─────────────────────────

export interface TimelinessRow {
  periodId: string;
  form: { code: string; name: LocalizedText };
  label: string;
  year: number;
  /** YYYY-MM-DD (cached reads are JSON: no Date objects). */
  dueDate: string;
  /** ISO instant. */
  submittedAt: string | null;
  state: "onTime" | "late" | "notYet";
  accepted: boolean;
}

export interface OrganizationReport {
  organization: {
    bin: string;
    name: LocalizedText;
    kind: LocalizedText;
    language: LocalizedText | null;
    isUrban: boolean;
    address: string | null;
    status: string;
    reportsTo: LocalizedText | null;
  };
  breadcrumb: Crumb[];
  years: number[];
  /** Years whose reporting periods are still open: figures may change. */
  provisional: number[];
  year: number | null;
  contingent: { grade: number; total: Figure; girls: Figure; boys: Figure; kazakh: Figure }[];
  summary: {
    students: Figure;
    classes: Figure;
    avgClassSize: Figure;
    teachers: Figure;
    pupilsPerTeacher: Figure;
    shifts: number | null;
  };
  staff: { qualification: string; teachers: Figure }[];
  staffExtra: { higherEducation: Figure; vacancies: number | null };
  passport: {
    capacity: number | null;
    area: number | null;
    computers: number | null;
    internetSpeed: number | null;
    founded: number | null;
  };
  timeliness: TimelinessRow[];
}

export async function organizationReport(
  bin: string,
  requestedYear: number | null,
  now = new Date(),
): Promise<OrganizationReport> {
  const org = await prisma.organization.findUnique({
    where: { bin },
    select: {
      id: true,
      bin: true,
      nameKk: true,
      nameRu: true,
      nameEn: true,
      isUrban: true,
      address: true,
      status: true,
      kindId: true,
      kind: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
      language: { select: { nameKk: true, nameRu: true, nameEn: true } },
      reportsTo: { select: { nameKk: true, nameRu: true, nameEn: true } },
      territory: { select: { path: true } },
    },
  });
  if (!org || ["MINISTRY", "EDU_DEPT_REGION", "EDU_DEPT_DISTRICT"].includes(org.kind.code))
    throw new AppError("notFound");
  const chainIds = org.territory.path.split("/").filter(Boolean);
  const chain = await prisma.territory.findMany({
    where: { id: { in: chainIds } },
    select: { id: true, code: true, level: true, nameKk: true, nameRu: true, nameEn: true },
  });
  const breadcrumb = chainIds
    .map((id) => chain.find((t) => t.id === id))
    .filter((t) => t !== undefined)
    .map((t) => ({
      code: t.code,
      level: t.level as Crumb["level"],
      name: { kk: t.nameKk, ru: t.nameRu, en: t.nameEn },
    }));
  const years = (
    await prisma.$queryRaw<
      { year: number }[]
    >`SELECT DISTINCT year FROM "DataValue" WHERE "organizationId" = ${org.id} ORDER BY year`
  ).map((r) => Number(r.year));
  if (requestedYear !== null && !years.includes(requestedYear)) throw new AppError("notFound");
  const provisional = await preliminaryYears(years);
  const year = requestedYear ?? defaultYear(years, provisional) ?? null;
  const facts =
    year === null
      ? []
      : await prisma.dataValue.findMany({
          where: { organizationId: org.id, year },
          select: { formCode: true, indicator: true, rowKey: true, value: true },
        });
  const fact = (formCode: string, indicator: string, rowKey = "") =>
    facts.find((f) => f.formCode === formCode && f.indicator === indicator && f.rowKey === rowKey)?.value ?? null;

  const contingent = GRADES.map((g) => {
    const total = fact("D-1", "grades.total", `g${g}`);
    const girls = fact("D-1", "grades.girls", `g${g}`);
    return {
      grade: g,
      total: shown(total),
      girls: shown(girls),
      boys: shown(total !== null && girls !== null ? total - girls : null),
      kazakh: shown(fact("D-1", "grades.kazakh", `g${g}`)),
    };
  }).filter((r) => r.total.value !== null);
  applySuppression([
    ...contingent.flatMap((r) => [
      { figure: r.girls, persons: true, groups: crossGroups([`g${r.grade}`, "F"]) },
      { figure: r.boys, persons: true, groups: crossGroups([`g${r.grade}`, "M"]) },
    ]),
    ...contingent.map((r) => ({ figure: r.total, persons: true, groups: ["totals"] })),
    ...contingent.map((r) => ({ figure: r.kazakh, persons: true, groups: ["kazakh"] })),
  ]);
  const students = shown(
    fact("D-1", "summary.students_total") ??
      (contingent.length ? contingent.reduce((s, r) => s + (r.total.value ?? 0), 0) : null),
  );
  const teachers = shown(fact("D-3", "staff.teachers_total"));
  const classes = shown(fact("D-1", "summary.classes_total"));
  applySuppression([students, teachers].map((figure) => ({ figure, persons: true, groups: [] })));
  const staff = QUALIFICATIONS.map((q) => ({ qualification: q, teachers: shown(fact("D-3", `staff.${q}`)) })).filter(
    (r) => r.teachers.value !== null,
  );
  applySuppression(staff.map((r) => ({ figure: r.teachers, persons: true, groups: ["qualification"] })));
  const higherEducation = shown(fact("D-3", "staff.higher_education"));
  applySuppression([{ figure: higherEducation, persons: true, groups: [] }]);

  return {
    organization: {
      bin: org.bin,
      name: { kk: org.nameKk, ru: org.nameRu, en: org.nameEn },
      kind: { kk: org.kind.nameKk, ru: org.kind.nameRu, en: org.kind.nameEn },
      language: org.language ? { kk: org.language.nameKk, ru: org.language.nameRu, en: org.language.nameEn } : null,
      isUrban: org.isUrban,
      address: org.address,
      status: org.status,
      reportsTo: org.reportsTo
        ? { kk: org.reportsTo.nameKk, ru: org.reportsTo.nameRu, en: org.reportsTo.nameEn }
        : null,
    },
    breadcrumb,
    years,
    provisional,
    year,
    contingent,
    summary: {
      students,
      classes,
      avgClassSize: ratio(students, classes),
      teachers,
      pupilsPerTeacher: ratio(students, teachers),
      shifts: fact("D-1", "summary.shifts"),
    },
    staff,
    staffExtra: { higherEducation, vacancies: fact("D-3", "staff.vacancies") },
    passport: {
      capacity: fact("P-1", "general.capacity"),
      area: fact("P-1", "general.area"),
      computers: fact("P-1", "general.computers"),
      internetSpeed: fact("P-1", "general.internet_speed"),
      founded: fact("P-1", "general.founded"),
    },
    timeliness: await timeliness(org.id, org.kind.code, now),
  };
}

/** The organisation's record of handing reports over: every period of a published list it owes, newest first. */
async function timeliness(organizationId: string, kindCode: string, now: Date): Promise<TimelinessRow[]> {
  const periods = await prisma.reportingPeriod.findMany({
    where: {
      startsOn: { lte: now },
      form: {
        formList: { status: "PUBLISHED" },
        OR: [{ orgKinds: { has: kindCode } }, { addressees: { some: { organizationId } } }],
      },
    },
    select: {
      id: true,
      label: true,
      dueDate: true,
      deadlineAt: true,
      form: { select: { code: true, nameKk: true, nameRu: true, nameEn: true, formList: { select: { year: true } } } },
    },
    orderBy: [{ dueDate: "desc" }, { id: "asc" }],
  });
  const submissions = await prisma.submission.findMany({
    where: { organizationId, periodId: { in: periods.map((p) => p.id) }, supersededAt: null },
    select: { periodId: true, status: true, submittedAt: true, late: true, revision: true },
    orderBy: { revision: "desc" },
  });
  const latest = new Map<string, (typeof submissions)[number]>();
  for (const s of submissions) if (!latest.has(s.periodId)) latest.set(s.periodId, s);
  const handed = new Set(["SUBMITTED", "APPROVED_DISTRICT", "APPROVED_REGION", "ACCEPTED"]);
  return periods.map((p) => {
    const s = latest.get(p.id);
    const done = s && handed.has(s.status) && s.submittedAt;
    return {
      periodId: p.id,
      form: { code: p.form.code, name: { kk: p.form.nameKk, ru: p.form.nameRu, en: p.form.nameEn } },
      label: p.label,
      year: p.form.formList.year,
      dueDate: p.dueDate.toISOString().slice(0, 10),
      submittedAt: done ? s.submittedAt!.toISOString() : null,
      state: done ? (s.late ? "late" : "onTime") : "notYet",
      accepted: s?.status === "ACCEPTED",
    };
  });
}

// ───────────────────────── Completeness board ─────────────────────────

export interface BoardPeriod {
  id: string;
  label: string;
  year: number;
  form: { code: string; name: LocalizedText };
  /** YYYY-MM-DD */
  dueDate: string;
  deadlinePassed: boolean;
}

export interface BoardLine {
  code: string | null;
  name: LocalizedText | null;
  obliged: number;
  onTime: number;
  late: number;
  notYet: number;
}

export interface CompletenessBoard {
  periods: BoardPeriod[];
  period: BoardPeriod | null;
  territory: Crumb | null;
  lines: BoardLine[];
  total: BoardLine;
}

/**
 * For a period of a published list: by region (or by district of one region), how many obliged
 * organisations handed over on time, late, or not yet. Counts of organisations, not persons.
 */
export async function completenessBoard(
  periodId: string | null,
  regionCode: string | null,
  now = new Date(),
): Promise<CompletenessBoard> {
  const all = await prisma.reportingPeriod.findMany({
    where: { form: { formList: { status: "PUBLISHED" } }, startsOn: { lte: now } },
    select: {
      id: true,
      label: true,
      dueDate: true,
      deadlineAt: true,
      form: {
        select: {
          id: true,
          code: true,
          nameKk: true,
          nameRu: true,
          nameEn: true,
          orgKinds: true,
          formList: { select: { year: true } },
        },
      },
    },
    orderBy: [{ dueDate: "desc" }, { id: "asc" }],
  });
  const periods: BoardPeriod[] = all.map((p) => ({
    id: p.id,
    label: p.label,
    year: p.form.formList.year,
    form: { code: p.form.code, name: { kk: p.form.nameKk, ru: p.form.nameRu, en: p.form.nameEn } },
    dueDate: p.dueDate.toISOString().slice(0, 10),
    deadlinePassed: p.deadlineAt.getTime() < now.getTime(),
  }));
  const chosen = periodId
    ? all.find((p) => p.id === periodId)
    : (all.find((p) => p.deadlineAt.getTime() < now.getTime()) ?? all[0]);
  if (periodId && !chosen) throw new AppError("notFound");
  const empty: BoardLine = { code: null, name: null, obliged: 0, onTime: 0, late: 0, notYet: 0 };
  if (!chosen) return { periods, period: null, territory: null, lines: [], total: empty };
  let region: { id: string; code: string; path: string; nameKk: string; nameRu: string; nameEn: string } | null = null;
  if (regionCode) {
    region = await prisma.territory.findFirst({
      where: { code: regionCode, level: "REGION" },
      select: { id: true, code: true, path: true, nameKk: true, nameRu: true, nameEn: true },
    });
    if (!region) throw new AppError("notFound");
  }
  const kinds = chosen.form.orgKinds;
  const kindSql = kinds.length
    ? Prisma.sql`o."kindId" IN (SELECT ci.id FROM "ClassifierItem" ci JOIN "Classifier" c ON c.id = ci."classifierId" WHERE c.code = 'ORG_KIND' AND ci.code IN (${Prisma.join(kinds)}))`
    : Prisma.sql`FALSE`;
  const level = region ? 4 : 3;
  const rows = await prisma.$queryRaw<{ unit: string; obliged: number; onTime: number; late: number }[]>`
    SELECT split_part(t.path, '/', ${level}) AS unit,
           COUNT(*)::int AS obliged,
           COUNT(s.id) FILTER (WHERE NOT s.late)::int AS "onTime",
           COUNT(s.id) FILTER (WHERE s.late)::int AS late
    FROM "Organization" o
    JOIN "Territory" t ON t.id = o."territoryId"
    LEFT JOIN LATERAL (
      SELECT s.id, s.late FROM "Submission" s
      WHERE s."organizationId" = o.id AND s."periodId" = ${chosen.id} AND s."supersededAt" IS NULL
        AND s.status IN ('SUBMITTED', 'APPROVED_DISTRICT', 'APPROVED_REGION', 'ACCEPTED')
      ORDER BY s.revision DESC LIMIT 1
    ) s ON TRUE
    WHERE o.status = 'ACTIVE' AND ${region ? Prisma.sql`t.path LIKE ${likePrefix(region.path)}` : Prisma.sql`TRUE`}
      AND (${kindSql} OR EXISTS (SELECT 1 FROM "FormAddressee" fa WHERE fa."formId" = ${chosen.form.id} AND fa."organizationId" = o.id))
    GROUP BY 1`;
  const units = await prisma.territory.findMany({
    where: region ? { parentId: region.id } : { level: "REGION" },
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: { code: "asc" },
  });
  const lines: BoardLine[] = units
    .map((u) => {
      const r = rows.find((x) => x.unit === u.id);
      const obliged = Number(r?.obliged ?? 0);
      const onTime = Number(r?.onTime ?? 0);
      const late = Number(r?.late ?? 0);
      return {
        code: u.code,
        name: { kk: u.nameKk, ru: u.nameRu, en: u.nameEn },
        obliged,
        onTime,
        late,
        notYet: obliged - onTime - late,
      };
    })
    .filter((l) => l.obliged > 0);
  // Organisations directly at the region (or republic) level count in the total only.
  const total = rows.reduce(
    (acc, r) => ({
      ...acc,
      obliged: acc.obliged + Number(r.obliged),
      onTime: acc.onTime + Number(r.onTime),
      late: acc.late + Number(r.late),
    }),
    { ...empty },
  );
  total.notYet = total.obliged - total.onTime - total.late;
  const period = periods.find((p) => p.id === chosen.id)!;
  return {
    periods,
    period,
    territory: region
      ? { code: region.code, level: "REGION", name: { kk: region.nameKk, ru: region.nameRu, en: region.nameEn } }
      : null,
    lines,
    total,
  };
}
