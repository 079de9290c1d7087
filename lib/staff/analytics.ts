/**
 * Staff analytics for the authorities (issue 24): over the employees with an appointment in force at an
 * organisation of the viewer's scope — counts by qualification category and by age band, the categories that
 * expire within DUE_MONTHS months — and the open vacancies by subject; and, for the public statistics pages,
 * the count of open vacancies per territory under a region or district (no personal data: counts only).
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { organizationWhere, type Scope } from "../auth/scope";
import { cached, TAGS } from "../cache";
import { dateValue } from "../diary/dates";
import { almatyDate } from "../time";
import { NAMED } from "../names";
import { suppress } from "../databank/suppression";
import { SUPPRESSION_THRESHOLD } from "../databank/catalogue";
import { COURSE_HOURS_POLICY, QUALIFICATION_CATEGORIES } from "./rules";
import { dueLimit, inForce } from "./staff";

/** Age bands (whole years on today): under 30, 30–39, 40–49, 50–59, 60 and over. */
export const AGE_BANDS = [
  { key: "under30", from: 0, to: 29 },
  { key: "30to39", from: 30, to: 39 },
  { key: "40to49", from: 40, to: 49 },
  { key: "50to59", from: 50, to: 59 },
  { key: "60plus", from: 60, to: 200 },
] as const;

/** The birth dates of a band: born after `today − (to + 1) years` and on or before `today − from years`. */
function bornWhere(today: string, from: number, to: number): Prisma.DateTimeFilter {
  const shift = (years: number) =>
    dateValue(`${Number(today.slice(0, 4)) - years}${today.slice(4).replace("02-29", "02-28")}`);
  return { gt: shift(to + 1), lte: shift(from) };
}

export const SEXES = ["FEMALE", "MALE"] as const;

/** Weekly teaching hours of the appointments in force: none, part of a rate, the 18-hour rate, above it. */
export const WORKLOAD_BANDS = [
  { key: "none", from: 0, to: 0 },
  { key: "1to9", from: 1, to: 9 },
  { key: "10to17", from: 10, to: 17 },
  { key: "18", from: 18, to: 18 },
  { key: "19to27", from: 19, to: 27 },
  { key: "28plus", from: 28, to: 1000 },
] as const;

export async function staffAggregates(scope: Scope, now = new Date()) {
  const today = almatyDate(now);
  const employed: Prisma.EmployeeWhereInput = {
    appointments: { some: { AND: [inForce(today), { organization: organizationWhere(scope) }] } },
  };
  const inScope: Prisma.AppointmentWhereInput = { AND: [inForce(today), { organization: organizationWhere(scope) }] };
  const [sexes, education, workload] = await Promise.all([
    Promise.all(SEXES.map((sex) => prisma.employee.count({ where: { AND: [employed, { person: { sex } }] } }))),
    Promise.all(
      [true, false].map((higher) => prisma.employee.count({ where: { AND: [employed, { higherEducation: higher }] } })),
    ),
    Promise.all(
      WORKLOAD_BANDS.map((b) =>
        prisma.appointment.count({ where: { AND: [inScope, { weeklyHours: { gte: b.from, lte: b.to } }] } }),
      ),
    ),
  ]);
  const [byCategory, ages, expiring, vacancies] = await Promise.all([
    prisma.employee.groupBy({ by: ["category"], where: employed, _count: { _all: true } }),
    Promise.all(
      AGE_BANDS.map((b) =>
        prisma.employee.count({
          where: { AND: [employed, { person: { birthDate: bornWhere(today, b.from, b.to) } }] },
        }),
      ),
    ),
    prisma.employee.count({
      where: { AND: [employed, { categoryExpiresOn: { gte: dateValue(today), lte: dateValue(dueLimit(now)) } }] },
    }),
    prisma.vacancy.groupBy({
      by: ["subjectId"],
      where: { status: "OPEN", organization: organizationWhere(scope) },
      _count: { _all: true },
    }),
  ]);
  const subjects = await prisma.classifierItem.findMany({
    where: { id: { in: vacancies.map((v) => v.subjectId).filter((s): s is string => !!s) } },
    select: NAMED,
  });
  return {
    categories: QUALIFICATION_CATEGORIES.map((c) => ({
      category: c,
      count: byCategory.find((r) => r.category === c)?._count._all ?? 0,
    })),
    ages: AGE_BANDS.map((b, i) => ({ band: b.key, count: ages[i]! })),
    expiring,
    sexes: SEXES.map((sex, i) => ({ sex, count: sexes[i]! })),
    education: [
      { key: "higher" as const, count: education[0]! },
      { key: "other" as const, count: education[1]! },
    ],
    workload: WORKLOAD_BANDS.map((b, i) => ({ band: b.key, count: workload[i]! })),
    vacancies: vacancies
      .map((v) => ({ subject: subjects.find((s) => s.id === v.subjectId) ?? null, count: v._count._all }))
      .sort((a, b) => b.count - a.count),
  };
}

/**
 * Open vacancies per territory directly under the territory of `code` (a region's districts, or the district
 * itself), for the public statistics page: names and counts only.
 */
export async function vacancyCounts(code: string) {
  const territory = await prisma.territory.findUnique({
    where: { code },
    select: { id: true, path: true, level: true },
  });
  if (!territory) return [];
  const children = await prisma.territory.findMany({
    where: { parentId: territory.id },
    select: { ...NAMED, path: true },
    orderBy: { code: "asc" },
  });
  const areas = children.length
    ? children
    : [
        {
          ...(await prisma.territory.findUniqueOrThrow({ where: { id: territory.id }, select: NAMED })),
          path: territory.path,
        },
      ];
  const counts = await Promise.all(
    areas.map((a) =>
      prisma.vacancy.count({
        where: { status: "OPEN", organization: { territory: { path: { startsWith: a.path } } } },
      }),
    ),
  );
  return areas.map((a, i) => ({ id: a.id, nameKk: a.nameKk, nameRu: a.nameRu, nameEn: a.nameEn, count: counts[i]! }));
}

/**
 * The public table of open vacancies per territory under the small-cell rule of the public statistics
 * (lib/databank/suppression.ts): a count from 1 to SUPPRESSION_THRESHOLD − 1 is not published (null), and
 * since the total is published, a second cell is hidden when only one would be (complementary suppression).
 * A handful of vacancies in a small district points at a named school's post, so they count as persons here.
 */
export async function publicVacancyCounts(code: string) {
  const rows = await vacancyCounts(code);
  const hidden = suppress(rows.map((r) => ({ value: r.count, persons: true, groups: ["total"] })));
  const total = rows.reduce((s, r) => s + r.count, 0);
  return {
    rows: rows.map((r, i) => ({ ...r, count: hidden[i] ? null : r.count })),
    total: total > 0 && total < SUPPRESSION_THRESHOLD ? null : total,
  };
}

export const cachedVacancyCounts = cached(publicVacancyCounts, ["vacancies:counts:2"], {
  tags: [TAGS.vacancies],
  revalidate: 300,
});

export interface HoursPolicyRow {
  id: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  /** Teachers (appointments in force as teachers) of the area. */
  teachers: number;
  /** Of them, those with at least COURSE_HOURS_POLICY.hours course hours within the last .years years. */
  meeting: number;
}

/**
 * The hours policy "N hours within M years" per area of the viewer's scope: the regions for the republic, the
 * districts of a region, the district itself, the organisations of an organisation scope; each with the
 * number of teachers and of those who meet the policy (one query over the areas, the scope in its WHERE).
 */
export async function hoursPolicyShares(scope: Scope, now = new Date()): Promise<HoursPolicyRow[]> {
  const today = almatyDate(now);
  const from = `${Number(today.slice(0, 4)) - COURSE_HOURS_POLICY.years}${today.slice(4).replace("02-29", "02-28")}`;
  type Area = { id: string; nameKk: string; nameRu: string; nameEn: string; path: string | null; org: string | null };
  let areas: Area[];
  if (scope.all || scope.territoryPaths.length) {
    const roots = scope.all
      ? await prisma.territory.findMany({ where: { parentId: null }, select: { id: true, path: true } })
      : await prisma.territory.findMany({
          where: { path: { in: scope.territoryPaths } },
          select: { id: true, path: true },
        });
    const children = await prisma.territory.findMany({
      where: { parentId: { in: roots.map((r) => r.id) } },
      select: { ...NAMED, path: true },
      orderBy: { code: "asc" },
    });
    const childless = roots.filter((r) => !children.some((c) => c.path.startsWith(r.path)));
    const own = childless.length
      ? await prisma.territory.findMany({
          where: { id: { in: childless.map((r) => r.id) } },
          select: { ...NAMED, path: true },
        })
      : [];
    areas = [...children, ...own].map((t) => ({ ...t, org: null }));
  } else areas = [];
  if (!scope.all && scope.organizationIds.length) {
    const orgs = await prisma.organization.findMany({ where: { id: { in: scope.organizationIds } }, select: NAMED });
    areas.push(...orgs.map((o) => ({ ...o, path: null, org: o.id })));
  }
  if (!areas.length) return [];
  const rows = await prisma.$queryRaw<{ area: string; teachers: number; meeting: number }[]>`
    WITH areas AS (
      SELECT * FROM unnest(${areas.map((a) => a.id)}::text[], ${areas.map((a) => a.path)}::text[],
                           ${areas.map((a) => a.org)}::text[]) AS x(id, path, org)
    ),
    staff AS (
      SELECT DISTINCT ar.id AS area, a."employeeId"
      FROM "Appointment" a
      JOIN "ClassifierItem" p ON p.id = a."positionId" AND p.code = 'TEACHER'
      JOIN "Organization" o ON o.id = a."organizationId"
      JOIN "Territory" t ON t.id = o."territoryId"
      JOIN areas ar ON (ar.org IS NOT NULL AND o.id = ar.org) OR (ar.org IS NULL AND t.path LIKE ar.path || '%')
      WHERE a."startDate" <= ${today}::date AND (a."endDate" IS NULL OR a."endDate" >= ${today}::date)
    ),
    hours AS (
      SELECT c."employeeId", SUM(c.hours) AS hours
      FROM "CourseCompletion" c
      WHERE c."completedOn" >= ${from}::date AND c."employeeId" IN (SELECT "employeeId" FROM staff)
      GROUP BY c."employeeId"
    )
    SELECT s.area, COUNT(*)::int AS teachers, COUNT(*) FILTER (WHERE h.hours >= ${COURSE_HOURS_POLICY.hours})::int AS meeting
    FROM staff s LEFT JOIN hours h ON h."employeeId" = s."employeeId"
    GROUP BY s.area`;
  return areas.map((a) => {
    const row = rows.find((r) => r.area === a.id);
    return {
      id: a.id,
      nameKk: a.nameKk,
      nameRu: a.nameRu,
      nameEn: a.nameEn,
      teachers: Number(row?.teachers ?? 0),
      meeting: Number(row?.meeting ?? 0),
    };
  });
}
