/**
 * SQL building blocks shared by the query engine, the summary refresh and the benchmark: the catalogue as
 * a VALUES list joined to the fact table, and the organisation-level cells every aggregate starts from.
 * No "server-only" here: the seed and the benchmark run outside Next.
 */
import { Prisma } from "../generated/prisma/client";
import { CATALOGUE, type Indicator } from "./catalogue";

/** `m(form_code, fact, ind, sex, qual, weight, by_grade)`: the facts making up the indicators. */
export function mappingCte(indicators: readonly Indicator[]): Prisma.Sql {
  const rows = indicators.flatMap((ind) =>
    CATALOGUE[ind].components.map(
      (c) =>
        Prisma.sql`(${c.formCode}::text, ${c.fact}::text, ${ind}::text, ${c.sex}::text, ${c.qualification}::text, ${c.weight}::int, ${CATALOGUE[ind].byGrade}::boolean)`,
    ),
  );
  return Prisma.sql`m(form_code, fact, ind, sex, qual, weight, by_grade) AS (VALUES ${Prisma.join(rows)})`;
}

/** The pseudo form code of the organisation passport's facts (PassportFact, lib/databank/passport-facts.ts). */
export const PASSPORT_SOURCE = "PASSPORT";

/**
 * The fact table as `dv` for the indicators: the accepted reports' values (DataValue), the passport's
 * facts (PassportFact, as form code PASSPORT with no row key), or both.
 */
export function factsFrom(indicators: readonly Indicator[]): Prisma.Sql {
  const forms = new Set(indicators.flatMap((i) => CATALOGUE[i].components.map((c) => c.formCode)));
  const passport = forms.has(PASSPORT_SOURCE);
  if (!passport) return Prisma.sql`"DataValue" dv`;
  const facts = Prisma.sql`SELECT "organizationId", year, ${PASSPORT_SOURCE}::text AS "formCode", fact AS indicator, ''::text AS "rowKey", value FROM "PassportFact"`;
  if (forms.size === 1) return Prisma.sql`(${facts}) dv`;
  return Prisma.sql`(SELECT "organizationId", year, "formCode", indicator, "rowKey", value FROM "DataValue" UNION ALL ${facts}) dv`;
}

/** Grade of a fact row ("g7" → 7), 0 when the indicator has no grades. */
export const GRADE_SQL = Prisma.sql`CASE WHEN m.by_grade AND dv."rowKey" ~ '^g[0-9]+$' THEN substring(dv."rowKey" from 2)::int ELSE 0 END`;

/** Escapes a LIKE prefix. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
