/**
 * The organisation passport as a second source of facts of the data bank (issue 25): capacity, enrolment,
 * overcrowding, shifts, building condition, computers, internet, gym and the confirmed spending of the year,
 * one `PassportFact` row per organisation, year and fact. The catalogue maps indicators onto them with the
 * pseudo form code PASSPORT (./catalogue.ts), and the query engine and the summary read them beside the
 * accepted reports' DataValue (./sql.ts `factsFrom`).
 *
 * The passport is a document of the present: its facts are those of the current year (Almaty), rebuilt from
 * the confirmed buildings and the profile in force, with the year's confirmed budget. Rebuilt for one
 * organisation whenever a passport change counts (a confirmed capacity or condition, a new profile, a
 * confirmed budget line), and for everyone by the seed and the data bank's refresh script. No "server-only":
 * the seed and the scripts run outside Next.
 */
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { almatyDate } from "../time";
import { refreshSummary } from "./summary";
import { PASSPORT_SOURCE } from "./sql";

type Db = PrismaClient | Prisma.TransactionClient;

export { PASSPORT_SOURCE };

export const PASSPORT_FACTS = [
  "capacity",
  "enrolment",
  "overcrowded",
  "threeShift",
  "emergency",
  "computers",
  "internet",
  "gym",
  "spent",
  "spendingPerPupil",
] as const;
export type PassportFactCode = (typeof PASSPORT_FACTS)[number];

export const passportYear = (now = new Date()) => Number(almatyDate(now).slice(0, 4));

/**
 * Rebuilds the passport facts of a year (the current one by default): of the organisations given, or of all.
 * Only organisations with a profile in force have facts; a fact the passport cannot give (capacity without a
 * confirmed building, spending without a confirmed budget) is left out.
 */
export async function rebuildPassportFacts(
  db: Db,
  options: { organizationIds?: string[]; year?: number } = {},
): Promise<number> {
  const year = options.year ?? passportYear();
  const ids = options.organizationIds;
  if (ids && !ids.length) return 0;
  const only = ids ? Prisma.sql`AND "organizationId" IN (${Prisma.join(ids)})` : Prisma.empty;
  await db.$executeRaw`DELETE FROM "PassportFact" WHERE year = ${year} ${only}`;
  return db.$executeRaw`
    INSERT INTO "PassportFact" ("organizationId", year, fact, value)
    WITH p AS (
      SELECT "organizationId" AS org, enrolment::float8 AS enrolment, shifts, computers::float8 AS computers, internet::text AS internet
      FROM "PassportProfile" WHERE "validTo" IS NULL ${only}
    ),
    b AS (
      SELECT "organizationId" AS org, SUM(capacity)::float8 AS capacity, BOOL_OR(gym) AS gym,
             BOOL_OR(condition = 'EMERGENCY') AS emergency
      FROM "PassportBuilding" WHERE status = 'CONFIRMED' AND "validTo" IS NULL ${only} GROUP BY 1
    ),
    f AS (
      SELECT "organizationId" AS org, SUM("confirmedSpent")::float8 AS spent
      FROM "BudgetLine" WHERE "confirmedSpent" IS NOT NULL AND year = ${year} ${only} GROUP BY 1
    ),
    x AS (
      SELECT p.*, b.capacity, b.gym, b.emergency, f.spent
      FROM p LEFT JOIN b ON b.org = p.org LEFT JOIN f ON f.org = p.org
    )
    SELECT x.org, ${year}, v.fact, v.value
    FROM x CROSS JOIN LATERAL (VALUES
      ('capacity', x.capacity),
      ('enrolment', x.enrolment),
      ('overcrowded', CASE WHEN x.capacity IS NULL THEN NULL WHEN x.enrolment > x.capacity THEN 1 ELSE 0 END::float8),
      ('threeShift', CASE WHEN x.shifts >= 3 THEN 1 ELSE 0 END::float8),
      ('emergency', CASE WHEN x.emergency IS NULL THEN NULL WHEN x.emergency THEN 1 ELSE 0 END::float8),
      ('computers', x.computers),
      ('internet', CASE WHEN x.internet = 'NONE' THEN 0 ELSE 1 END::float8),
      ('gym', CASE WHEN x.gym THEN 1 ELSE 0 END::float8),
      ('spent', x.spent),
      ('spendingPerPupil', CASE WHEN x.enrolment > 0 THEN round((x.spent / x.enrolment)::numeric)::float8 END)
    ) AS v(fact, value)
    WHERE v.value IS NOT NULL`;
}

/**
 * After a passport change of an organisation has counted: its facts of the current year, then the summary
 * of that year for its region (the public pages and the pivot read both). Runs in the caller's transaction.
 */
export async function refreshPassportOf(db: Db, organizationId: string, now = new Date()): Promise<void> {
  const year = passportYear(now);
  await rebuildPassportFacts(db, { organizationIds: [organizationId], year });
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { territory: { select: { path: true } } },
  });
  const regionId = org?.territory.path.split("/").filter(Boolean)[1];
  await refreshSummary(db, year, regionId);
}
