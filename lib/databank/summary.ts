/**
 * The precomputed summary of the data bank for the public pages (DatabankSummary): per year and territory
 * (republic, region, district), every indicator in total and by grade, sex, grade × sex, qualification and
 * language of instruction, with the number of organisations behind each figure.
 *
 * Refreshed in the transaction that accepts a report (only the organisation's region is recomputed from the
 * facts; the republic is the sum of its regions), and in full by the seed, when a period is closed and by
 * `refreshSummary(db, year)` for maintenance. Public pages read it through tagged caches (./public.ts).
 */
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { INDICATORS } from "./catalogue";
import { factsFrom, GRADE_SQL, likePrefix, mappingCte } from "./sql";

type Db = PrismaClient | Prisma.TransactionClient;

/** Recomputes the summary of a year: everywhere, or one region (and then the republic) when given. */
export async function refreshSummary(db: Db, year: number, regionId?: string): Promise<void> {
  const republic = await db.territory.findFirst({ where: { level: "REPUBLIC" }, select: { id: true, path: true } });
  if (!republic) return;
  let regionFilter = Prisma.sql`TRUE`;
  if (regionId) {
    const region = await db.territory.findUnique({ where: { id: regionId }, select: { id: true, path: true } });
    if (!region) return;
    regionFilter = Prisma.sql`t.path LIKE ${likePrefix(region.path)}`;
    await db.$executeRaw`DELETE FROM "DatabankSummary" s USING "Territory" t WHERE s."territoryId" = t.id AND s.year = ${year} AND t.path LIKE ${likePrefix(region.path)}`;
  } else {
    await db.$executeRaw`DELETE FROM "DatabankSummary" WHERE year = ${year} AND level <> 'REPUBLIC'`;
  }
  await db.$executeRaw`DELETE FROM "DatabankSummary" WHERE year = ${year} AND level = 'REPUBLIC'`;
  // Organisation-level cells first (boys = total − girls needs the components of one organisation
  // together), then region and district rows over the wanted breakdowns.
  await db.$executeRaw`
    INSERT INTO "DatabankSummary" (year, "territoryId", level, indicator, grade, sex, qualification, language, value, organizations)
    WITH ${mappingCte(INDICATORS)},
    cells AS (
      SELECT dv."organizationId" AS org, m.ind, ${GRADE_SQL} AS grade, COALESCE(m.sex, '') AS sex, COALESCE(m.qual, '') AS qual,
             SUM(dv.value * m.weight) AS v
      FROM ${factsFrom(INDICATORS)}
      JOIN m ON m.form_code = dv."formCode" AND m.fact = dv.indicator
      WHERE dv.year = ${year}
      GROUP BY 1, 2, 3, 4, 5
    ),
    x AS (
      SELECT c.*, split_part(t.path, '/', 3) AS reg, split_part(t.path, '/', 4) AS dis, COALESCE(l.code, '') AS lang
      FROM cells c
      JOIN "Organization" o ON o.id = c.org
      JOIN "Territory" t ON t.id = o."territoryId"
      LEFT JOIN "ClassifierItem" l ON l.id = o."languageId"
      WHERE ${regionFilter}
    ),
    y AS (
      SELECT reg AS terr, 'REGION' AS lvl, org, ind, grade, sex, qual, lang, v FROM x WHERE reg <> ''
      UNION ALL
      SELECT dis, 'DISTRICT', org, ind, grade, sex, qual, lang, v FROM x WHERE dis <> ''
    )
    SELECT ${year}, terr, lvl::"TerritoryLevel", ind, COALESCE(grade, 0), COALESCE(sex, ''), COALESCE(qual, ''), COALESCE(lang, ''),
           SUM(v)::float8, COUNT(DISTINCT org)::int
    FROM y
    GROUP BY GROUPING SETS ((terr, lvl, ind), (terr, lvl, ind, grade), (terr, lvl, ind, sex), (terr, lvl, ind, grade, sex), (terr, lvl, ind, qual), (terr, lvl, ind, lang))
    HAVING (GROUPING(grade) = 1 OR grade <> 0) AND (GROUPING(sex) = 1 OR sex <> '') AND (GROUPING(qual) = 1 OR qual <> '') AND (GROUPING(lang) = 1 OR lang <> '')`;
  // The republic: the sum of its regions (every reporting organisation lies in a region).
  await db.$executeRaw`
    INSERT INTO "DatabankSummary" (year, "territoryId", level, indicator, grade, sex, qualification, language, value, organizations)
    SELECT ${year}, ${republic.id}, 'REPUBLIC'::"TerritoryLevel", indicator, grade, sex, qualification, language, SUM(value), SUM(organizations)::int
    FROM "DatabankSummary"
    WHERE year = ${year} AND level = 'REGION'
    GROUP BY indicator, grade, sex, qualification, language`;
}

/** Recomputes the summary of every year that has facts (seed, maintenance). */
export async function refreshAllSummaries(db: Db): Promise<number[]> {
  const years = (
    await db.$queryRaw<
      { year: number }[]
    >`SELECT year FROM "DataValue" UNION SELECT year FROM "PassportFact" ORDER BY year`
  ).map((r) => Number(r.year));
  await db.$executeRaw`DELETE FROM "DatabankSummary"`;
  for (const year of years) await refreshSummary(db, year);
  return years;
}
