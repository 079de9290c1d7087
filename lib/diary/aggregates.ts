/**
 * Aggregates of the e-diary for education authorities (district, region, ministry): per organisation and per
 * territory in the viewer's scope, the attendance rate of the current school year (lessons held × students
 * enrolled, absences without excuse) and the quality of confirmed term grades (share of 4 and 5). No
 * personal data; cells with fewer than SMALL_CELL students are suppressed so that no child can be singled out.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { authorizeViewer } from "../auth/access";
import { organizationWhere, type Viewer } from "../auth/scope";
import { dateValue } from "./dates";
import { almatyDate } from "../time";
import { NAMED } from "../names";

export const SMALL_CELL = 10;

export interface AggregateRow {
  id: string;
  name: { nameKk: string; nameRu: string; nameEn: string };
  students: number;
  /** null when suppressed or nothing held yet */
  attendanceRate: number | null;
  quality: number | null;
  grades: number;
  suppressed: boolean;
}

export async function diaryAggregates(
  viewer: Viewer,
  now = new Date(),
): Promise<{ organizations: AggregateRow[]; territories: AggregateRow[] }> {
  const { scope } = authorizeViewer(viewer, "diary.aggregates");
  return aggregate(organizationWhere(scope), now);
}

/**
 * The public figures of the e-diary for a territory (its materialised path): attendance rate and quality of
 * the current school year over every school in the subtree, or null when fewer than SMALL_CELL students are
 * enrolled there (or no school keeps its diary here). Public statistics show this; it names no one.
 */
export async function publicDiaryFigures(territoryPath: string, now = new Date()): Promise<AggregateRow | null> {
  const { organizations } = await aggregate({ territory: { path: { startsWith: territoryPath } } }, now, true);
  const total = organizations[0];
  return total && !total.suppressed ? total : null;
}

/** Per organisation and per territory (or, with `whole`, one row for all of them) within `where`. */
async function aggregate(
  where: Prisma.OrganizationWhereInput,
  now: Date,
  whole = false,
): Promise<{ organizations: AggregateRow[]; territories: AggregateRow[] }> {
  const today = almatyDate(now);
  const orgs = await prisma.organization.findMany({
    where: {
      AND: [
        where,
        { academicYears: { some: { startDate: { lte: dateValue(today) }, endDate: { gte: dateValue(today) } } } },
      ],
    },
    select: {
      id: true,
      nameKk: true,
      nameRu: true,
      nameEn: true,
      territory: { select: NAMED },
    },
    take: 20_000,
  });
  const ids = orgs.map((o) => o.id);
  if (!ids.length) return { organizations: [], territories: [] };
  const years = await prisma.academicYear.findMany({
    where: { organizationId: { in: ids }, startDate: { lte: dateValue(today) }, endDate: { gte: dateValue(today) } },
    select: { id: true, startDate: true },
  });
  const yearIds = years.map((y) => y.id);
  const [enrolments, lessons, absences, grades] = await Promise.all([
    prisma.classEnrolment.groupBy({
      by: ["classGroupId", "organizationId"],
      where: { academicYearId: { in: yearIds }, endedOn: null },
      _count: { _all: true },
    }),
    prisma.lesson.groupBy({
      by: ["classGroupId"],
      where: {
        organizationId: { in: ids },
        date: { lte: dateValue(today) },
        classGroup: { academicYearId: { in: yearIds } },
      },
      _count: { _all: true },
    }),
    prisma.attendance.groupBy({
      by: ["organizationId"],
      where: {
        organizationId: { in: ids },
        status: "ABSENT",
        lesson: { date: { lte: dateValue(today) }, classGroup: { academicYearId: { in: yearIds } } },
      },
      _count: { _all: true },
    }),
    prisma.termGrade.groupBy({
      by: ["organizationId", "grade"],
      where: { organizationId: { in: ids }, term: { academicYearId: { in: yearIds } } },
      _count: { _all: true },
    }),
  ]);
  const held = new Map(lessons.map((l) => [l.classGroupId, l._count._all]));
  const acc = new Map<string, { students: number; possible: number; absent: number; grades: number; good: number }>();
  const of = (id: string) => {
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { students: 0, possible: 0, absent: 0, grades: 0, good: 0 }));
    return a;
  };
  for (const e of enrolments) {
    const a = of(e.organizationId);
    a.students += e._count._all;
    a.possible += e._count._all * (held.get(e.classGroupId) ?? 0);
  }
  for (const x of absences) of(x.organizationId).absent += x._count._all;
  for (const g of grades) {
    const a = of(g.organizationId);
    a.grades += g._count._all;
    if (g.grade >= 4) a.good += g._count._all;
  }
  const row = (
    id: string,
    name: AggregateRow["name"],
    a: { students: number; possible: number; absent: number; grades: number; good: number },
  ): AggregateRow => {
    const suppressed = a.students < SMALL_CELL;
    return {
      id,
      name,
      students: suppressed ? 0 : a.students,
      attendanceRate: suppressed || !a.possible ? null : ((a.possible - a.absent) / a.possible) * 100,
      quality: suppressed || !a.grades ? null : (a.good / a.grades) * 100,
      grades: suppressed ? 0 : a.grades,
      suppressed,
    };
  };
  if (whole) {
    const all = { students: 0, possible: 0, absent: 0, grades: 0, good: 0 };
    for (const a of acc.values())
      for (const k of ["students", "possible", "absent", "grades", "good"] as const) all[k] += a[k];
    return { organizations: [row("all", { nameKk: "", nameRu: "", nameEn: "" }, all)], territories: [] };
  }
  const byTerritory = new Map<
    string,
    { name: AggregateRow["name"]; students: number; possible: number; absent: number; grades: number; good: number }
  >();
  const organizations = orgs.map((o) => {
    const a = acc.get(o.id) ?? { students: 0, possible: 0, absent: 0, grades: 0, good: 0 };
    const t = byTerritory.get(o.territory.id) ?? {
      name: { nameKk: o.territory.nameKk, nameRu: o.territory.nameRu, nameEn: o.territory.nameEn },
      students: 0,
      possible: 0,
      absent: 0,
      grades: 0,
      good: 0,
    };
    for (const k of ["students", "possible", "absent", "grades", "good"] as const) t[k] += a[k];
    byTerritory.set(o.territory.id, t);
    return row(o.id, { nameKk: o.nameKk, nameRu: o.nameRu, nameEn: o.nameEn }, a);
  });
  const territories = [...byTerritory].map(([id, t]) => row(id, t.name, t));
  return {
    organizations: organizations.sort((a, b) => a.name.nameKk.localeCompare(b.name.nameKk)),
    territories: territories.sort((a, b) => a.name.nameKk.localeCompare(b.name.nameKk)),
  };
}

/** The ministry sets the term-grade weights of a school year ("2026/2027"): non-negative, summing to 100. */
export async function setWeights(
  viewer: Viewer,
  input: { schoolYear: string; formative: number; sor: number; soch: number },
): Promise<void> {
  authorizeViewer(viewer, "diary.weights");
  if (input.formative + input.sor + input.soch !== 100) throw new AppError("validation", { soch: "diary.weightsSum" });
  const data = { formative: input.formative, sor: input.sor, soch: input.soch, updatedById: viewer.userId };
  await prisma.gradeWeights.upsert({
    where: { schoolYear: input.schoolYear },
    create: { schoolYear: input.schoolYear, ...data },
    update: data,
  });
}

export async function listWeights(): Promise<{ schoolYear: string; formative: number; sor: number; soch: number }[]> {
  return prisma.gradeWeights.findMany({
    orderBy: { schoolYear: "desc" },
    select: { schoolYear: true, formative: true, sor: true, soch: true },
  });
}
