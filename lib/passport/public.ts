/**
 * The passport on the public school card (`/statistics/organizations/<BIN>`): only the versions in force,
 * nothing personal, figures about persons under the small-cell threshold hidden (with complementary cells
 * among the shifts, which add up to the enrolment), spending per pupil beside the district and region averages.
 */
import "server-only";
import { prisma } from "../db";
import { likePrefix } from "../databank/sql";
import { suppress } from "../databank/suppression";
import type { Figure } from "../databank/public";
import { cached, TAGS } from "../cache";
import { almatyYear, overcrowding, perPupil, worse, type Condition } from "./rules";

export interface CardBuilding {
  number: number;
  yearBuilt: number;
  age: number;
  floors: number;
  capacity: number;
  condition: Condition;
  accessible: boolean;
  gym: boolean;
  assemblyHall: boolean;
  library: boolean;
  canteenSeats: number;
  scienceRooms: number;
  computerRooms: number;
  boardingPlaces: number;
}

export interface PassportCard {
  buildings: CardBuilding[];
  capacity: number | null;
  enrolment: Figure;
  overcrowding: number | null;
  condition: Condition | null;
  shifts: { count: number; pupils: Figure[]; classes: number[] } | null;
  equipment: { computers: number; computersPerPupil: number | null; computersAge: number; boards: number } | null;
  connectivity: { internet: string; mbps: number; wifi: boolean } | null;
  transport: { buses: number; pupilsCarried: Figure } | null;
  budget: {
    year: number;
    planned: number;
    spent: number;
    bySource: { source: string; planned: number; spent: number }[];
    byExpense: { expense: string; planned: number; spent: number }[];
    perPupil: number | null;
    district: number | null;
    region: number | null;
  } | null;
}

/**
 * Spending per pupil across the schools of a district and of its region in a year (sum spent / sum enrolment),
 * in one pass over the region's budget lines.
 */
async function averagesPerPupil(
  districtPath: string,
  regionPath: string,
  year: number,
): Promise<{ district: number | null; region: number | null }> {
  const rows = await prisma.$queryRaw<
    { dSpent: number | null; dPupils: number | null; rSpent: number | null; rPupils: number | null }[]
  >`
    WITH f AS (
      SELECT bl."organizationId", t.path, SUM(bl."confirmedSpent")::float8 AS spent FROM "BudgetLine" bl
      JOIN "Organization" o ON o.id = bl."organizationId" JOIN "Territory" t ON t.id = o."territoryId"
      WHERE bl.year = ${year} AND bl."confirmedSpent" IS NOT NULL AND t.path LIKE ${likePrefix(regionPath)} GROUP BY bl."organizationId", t.path
    )
    SELECT SUM(f.spent) FILTER (WHERE f.path LIKE ${likePrefix(districtPath)})::float8 AS "dSpent",
      SUM(p.enrolment) FILTER (WHERE f.path LIKE ${likePrefix(districtPath)})::float8 AS "dPupils",
      SUM(f.spent)::float8 AS "rSpent", SUM(p.enrolment)::float8 AS "rPupils"
    FROM f JOIN "PassportProfile" p ON p."organizationId" = f."organizationId" AND p."validTo" IS NULL
    WHERE p.enrolment > 0`;
  const r = rows[0];
  return {
    district: perPupil(r?.dSpent ?? null, r?.dPupils ?? null),
    region: perPupil(r?.rSpent ?? null, r?.rPupils ?? null),
  };
}

/** The passport of an organisation by BIN for the public card; null without any passport. */
export async function passportCard(bin: string, now = new Date()): Promise<PassportCard | null> {
  const org = await prisma.organization.findUnique({
    where: { bin },
    select: { id: true, territory: { select: { path: true } } },
  });
  if (!org) return null;
  const [buildings, profile, budgetYear] = await Promise.all([
    prisma.passportBuilding.findMany({
      where: { organizationId: org.id, status: "CONFIRMED", validTo: null },
      orderBy: { number: "asc" },
    }),
    prisma.passportProfile.findFirst({ where: { organizationId: org.id, validTo: null } }),
    prisma.budgetLine.findFirst({
      where: { organizationId: org.id, year: { lte: almatyYear(now) }, confirmedSpent: { not: null } },
      orderBy: { year: "desc" },
      select: { year: true },
    }),
  ]);
  if (!buildings.length && !profile && !budgetYear) return null;
  const year = almatyYear(now);
  const capacity = buildings.length ? buildings.reduce((s, b) => s + b.capacity, 0) : null;
  const enrolmentValue = profile?.enrolment ?? null;

  // small cells: the enrolment, the pupils of each shift (adding up to it) and the pupils carried
  const shiftPupils = profile
    ? [profile.shift1Pupils, profile.shift2Pupils, profile.shift3Pupils].slice(0, profile.shifts)
    : [];
  const cells = [
    { value: enrolmentValue, persons: true, groups: [] as string[] },
    ...shiftPupils.map((v) => ({ value: v, persons: true, groups: profile!.shifts > 1 ? ["shifts"] : [] })),
    { value: profile?.pupilsCarried ?? null, persons: true, groups: [] as string[] },
  ];
  const hidden = suppress(cells);
  const fig = (i: number): Figure => ({ value: hidden[i] ? null : cells[i]!.value, hidden: hidden[i] !== null });
  const enrolment = fig(0);
  const visibleEnrolment = enrolment.hidden ? null : enrolmentValue;

  let budget: PassportCard["budget"] = null;
  if (budgetYear) {
    // the figures of each line's confirmed version (a correction counts once the district confirms it)
    const lines = (
      await prisma.budgetLine.findMany({
        where: { organizationId: org.id, year: budgetYear.year, confirmedSpent: { not: null } },
        select: { source: true, expense: true, confirmedPlanned: true, confirmedSpent: true },
      })
    ).map((l) => ({
      source: l.source,
      expense: l.expense,
      planned: l.confirmedPlanned ?? 0,
      spent: l.confirmedSpent ?? 0,
    }));
    const sum = <K extends "source" | "expense">(key: K) => {
      const m = new Map<string, { planned: number; spent: number }>();
      for (const l of lines) {
        const e = m.get(l[key]) ?? { planned: 0, spent: 0 };
        e.planned += l.planned;
        e.spent += l.spent;
        m.set(l[key], e);
      }
      return [...m.entries()];
    };
    const spent = lines.reduce((s, l) => s + l.spent, 0);
    const path = org.territory.path;
    const parts = path.split("/").filter(Boolean);
    const regionPath = parts.length >= 2 ? `/${parts.slice(0, 2).join("/")}/` : path;
    const { district, region } = await averagesPerPupil(path, regionPath, budgetYear.year);
    budget = {
      year: budgetYear.year,
      planned: lines.reduce((s, l) => s + l.planned, 0),
      spent,
      bySource: sum("source").map(([source, v]) => ({ source, ...v })),
      byExpense: sum("expense").map(([expense, v]) => ({ expense, ...v })),
      // per pupil only from a published enrolment
      perPupil: perPupil(spent, visibleEnrolment),
      district,
      region,
    };
  }

  return {
    buildings: buildings.map((b) => ({
      number: b.number,
      yearBuilt: b.yearBuilt,
      age: year - b.yearBuilt,
      floors: b.floors,
      capacity: b.capacity,
      condition: b.condition,
      accessible: b.accessible,
      gym: b.gym,
      assemblyHall: b.assemblyHall,
      library: b.library,
      canteenSeats: b.canteenSeats,
      scienceRooms: b.scienceRooms,
      computerRooms: b.computerRooms,
      boardingPlaces: b.boardingPlaces,
    })),
    capacity,
    enrolment,
    overcrowding: overcrowding(capacity, visibleEnrolment),
    condition: buildings.length ? buildings.map((b) => b.condition).reduce(worse) : null,
    shifts: profile
      ? {
          count: profile.shifts,
          pupils: shiftPupils.map((_, i) => fig(i + 1)),
          classes: [profile.shift1Classes, profile.shift2Classes, profile.shift3Classes].slice(0, profile.shifts),
        }
      : null,
    equipment: profile
      ? {
          computers: profile.computers,
          computersPerPupil:
            visibleEnrolment && visibleEnrolment > 0
              ? Math.round((profile.computers / visibleEnrolment) * 100) / 100
              : null,
          computersAge: profile.computersAge,
          boards: profile.boards,
        }
      : null,
    connectivity: profile
      ? { internet: profile.internet, mbps: profile.internetMbps, wifi: profile.wifiClassrooms }
      : null,
    transport: profile ? { buses: profile.buses, pupilsCarried: fig(cells.length - 1) } : null,
    budget,
  };
}

export const cachedPassportCard = cached((bin: string) => passportCard(bin), ["passport:card:1"], {
  tags: [TAGS.passport],
  revalidate: 600,
});
