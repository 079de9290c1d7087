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

/** Grade of a fact row ("g7" → 7), 0 when the indicator has no grades. */
export const GRADE_SQL = Prisma.sql`CASE WHEN m.by_grade AND dv."rowKey" ~ '^g[0-9]+$' THEN substring(dv."rowKey" from 2)::int ELSE 0 END`;

/** Escapes a LIKE prefix. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
