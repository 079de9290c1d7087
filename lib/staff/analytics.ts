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
import { QUALIFICATION_CATEGORIES } from "./rules";
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

export async function staffAggregates(scope: Scope, now = new Date()) {
  const today = almatyDate(now);
  const employed: Prisma.EmployeeWhereInput = {
    appointments: { some: { AND: [inForce(today), { organization: organizationWhere(scope) }] } },
  };
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

export const cachedVacancyCounts = cached(vacancyCounts, ["vacancies:counts:1"], {
  tags: [TAGS.vacancies],
  revalidate: 300,
});
