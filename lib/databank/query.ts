/**
 * The query engine of the data bank (R33): accepted values (DataValue) joined to the organisation and its
 * territory, grouped by any of the catalogue's dimensions, with one measure.
 *
 * Two steps in one SQL statement: the facts are first summed per organisation (so that derived figures such
 * as boys = total − girls, and a school's total over grades, are whole), then the organisation-level figures
 * are aggregated by the requested dimensions — sum, average, minimum, maximum or count of organisations.
 * The viewer's scope goes into the WHERE (a district administrator's query cannot reach another district);
 * a filter naming a territory or organisation outside the scope is refused.
 */
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { territoryWhere, type Scope } from "../auth/scope";
import { classifierItems } from "../classifiers/queries";
import type { LocalizedText } from "../reporting/definition";
import { INDICATORS, formsOf, hasStock, type Dimension, type Indicator } from "./catalogue";
import { DatabankParamError, type StatsQuery } from "./params";
import { factsFrom, GRADE_SQL, likePrefix, mappingCte } from "./sql";

export interface StatsCell {
  /** Dimension → value (territory code, BIN, classifier code, year, "F"/"M", grade, qualification, indicator). */
  key: Partial<Record<Dimension, string>>;
  value: number;
  /** Organisations whose values make up the figure. */
  organizations: number;
}

export interface StatsResult {
  indicators: Indicator[];
  dimensions: Dimension[];
  measure: StatsQuery["measure"];
  /** The years the figures cover. */
  years: number[];
  /** Those of `years` whose reporting periods are still open: preliminary figures that may change. */
  preliminary: number[];
  cells: StatsCell[];
  /** More cells matched than the limit. */
  truncated: boolean;
  /** Names of the values of the dimensions that come from the registry (territories, organisations, classifiers). */
  labels: Partial<Record<Dimension, Record<string, LocalizedText>>>;
  /** District code → region code; BIN → [district code, region code]: the lines one level up (suppression). */
  parents: Record<string, string[]>;
}

const DIMENSION_SQL: Record<Exclude<Dimension, "indicator" | "attribute">, Prisma.Sql> = {
  region: Prisma.sql`split_part(t.path, '/', 3)`,
  district: Prisma.sql`split_part(t.path, '/', 4)`,
  organization: Prisma.sql`o.id`,
  orgKind: Prisma.sql`k.code`,
  language: Prisma.sql`COALESCE(l.code, '')`,
  area: Prisma.sql`CASE WHEN o."isUrban" THEN 'urban' ELSE 'rural' END`,
  year: Prisma.sql`c.year::text`,
  sex: Prisma.sql`c.sex`,
  grade: Prisma.sql`c.grade::text`,
  qualification: Prisma.sql`c.qual`,
};

const MEASURE_SQL = {
  sum: Prisma.sql`SUM(c.v)`,
  avg: Prisma.sql`AVG(c.v)`,
  min: Prisma.sql`MIN(c.v)`,
  max: Prisma.sql`MAX(c.v)`,
  count: Prisma.sql`COUNT(DISTINCT c.org)`,
};

/** Years that have accepted values of the indicators (the summary has a row per year and indicator). */
export async function yearsWithData(indicators: readonly Indicator[] = INDICATORS): Promise<number[]> {
  const rows = await prisma.$queryRaw<
    { year: number }[]
  >`SELECT DISTINCT year FROM "DatabankSummary" WHERE indicator IN (${Prisma.join([...indicators])}) ORDER BY year`;
  return rows.map((r) => Number(r.year));
}

/**
 * Years some of whose reporting periods (of the forms that make up the indicators) are not closed yet: their
 * figures are preliminary — reports are still being accepted — and they are never a default.
 */
export async function preliminaryYears(
  years: readonly number[],
  indicators: readonly Indicator[] = INDICATORS,
): Promise<number[]> {
  if (!years.length) return [];
  const open = await prisma.reportingPeriod.findMany({
    where: { closedAt: null, form: { code: { in: formsOf(indicators) }, formList: { year: { in: [...years] } } } },
    select: { form: { select: { formList: { select: { year: true } } } } },
  });
  return [...new Set(open.map((p) => p.form.formList.year))].sort((a, b) => a - b);
}

/** The default year: the last complete one, or the last one when no year is complete yet. */
export function defaultYear(years: readonly number[], preliminary: readonly number[]): number | undefined {
  return years.filter((y) => !preliminary.includes(y)).at(-1) ?? years.at(-1);
}

function scopeSql(scope: Scope): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  const parts: Prisma.Sql[] = scope.territoryPaths.map((p) => Prisma.sql`t.path LIKE ${likePrefix(p)}`);
  if (scope.organizationIds.length) parts.push(Prisma.sql`o.id IN (${Prisma.join(scope.organizationIds)})`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/** Runs a query within a scope (public callers pass `{ all: true }`). */
export async function runStats(
  scope: Scope,
  query: StatsQuery,
  options: { route?: "auto" | "facts" } = {},
): Promise<StatsResult> {
  const { indicators, dimensions, measure, filters } = query;
  const available = await yearsWithData(indicators);
  const openYears = await preliminaryYears(available, indicators);
  let years: number[];
  if (filters.year?.length) {
    const missing = filters.year.find((y) => !available.includes(y));
    if (missing !== undefined)
      throw new DatabankParamError("yearWithoutData", { value: missing, available: available.join(", ") });
    years = [...filters.year].sort((a, b) => a - b);
  } else if (dimensions.includes("year")) years = available;
  else {
    const year = defaultYear(available, openYears);
    years = year === undefined ? [] : [year];
  }
  // A stock (pupils on the reporting day) added over several years means nothing.
  if (years.length > 1 && !dimensions.includes("year") && hasStock(indicators))
    throw new DatabankParamError("stockAcrossYears", { indicators: indicators.join(", ") });
  const preliminary = years.filter((y) => openYears.includes(y));
  if (!years.length)
    return {
      indicators,
      dimensions,
      measure,
      years,
      preliminary,
      cells: [],
      truncated: false,
      labels: {},
      parents: {},
    };

  // Filters on the organisation and its territory.
  const where: Prisma.Sql[] = [scopeSql(scope)];
  let filterTerritories: { code: string; path: string }[] = [];
  if (filters.territory?.length) {
    const found = await prisma.territory.findMany({
      where: { code: { in: filters.territory } },
      select: { code: true, path: true },
    });
    const unknown = filters.territory.find((c) => !found.some((t) => t.code === c));
    if (unknown) throw new DatabankParamError("unknownTerritory", { value: unknown });
    for (const t of found) {
      const inside = scope.all || scope.territoryPaths.some((p) => t.path.startsWith(p));
      // An organisation-scoped viewer may still name the territory of their organisation.
      if (!inside && !scope.all && !scope.organizationIds.length)
        throw new DatabankParamError("outOfScope", { value: t.code });
    }
    where.push(
      Prisma.sql`(${Prisma.join(
        found.map((t) => Prisma.sql`t.path LIKE ${likePrefix(t.path)}`),
        " OR ",
      )})`,
    );
    filterTerritories = found;
  }
  if (options.route !== "facts") {
    const viaSummary = await fromSummary(scope, query, years, filterTerritories);
    if (viaSummary) return { ...viaSummary, preliminary };
  }
  if (filters.organization?.length) {
    const found = await prisma.organization.findMany({
      where: { bin: { in: filters.organization } },
      select: { id: true, bin: true, territory: { select: { path: true } } },
    });
    const unknown = filters.organization.find((b) => !found.some((o) => o.bin === b));
    if (unknown) throw new DatabankParamError("unknownOrganization", { value: unknown });
    for (const o of found) {
      const inside =
        scope.all ||
        scope.organizationIds.includes(o.id) ||
        scope.territoryPaths.some((p) => o.territory.path.startsWith(p));
      if (!inside) throw new DatabankParamError("outOfScope", { value: o.bin });
    }
    where.push(Prisma.sql`o.id IN (${Prisma.join(found.map((o) => o.id))})`);
  }
  if (filters.orgKind?.length)
    where.push(
      Prisma.sql`o."kindId" IN (SELECT ci.id FROM "ClassifierItem" ci JOIN "Classifier" cl ON cl.id = ci."classifierId" WHERE cl.code = 'ORG_KIND' AND ci.code IN (${Prisma.join(filters.orgKind)}))`,
    );
  if (filters.language?.length)
    where.push(
      Prisma.sql`o."languageId" IN (SELECT ci.id FROM "ClassifierItem" ci JOIN "Classifier" cl ON cl.id = ci."classifierId" WHERE cl.code = 'LANGUAGE' AND ci.code IN (${Prisma.join(filters.language)}))`,
    );
  if (filters.area?.length === 1)
    where.push(filters.area[0] === "urban" ? Prisma.sql`o."isUrban"` : Prisma.sql`NOT o."isUrban"`);

  // Filters on the facts.
  const factWhere: Prisma.Sql[] = [Prisma.sql`dv.year IN (${Prisma.join(years)})`];
  if (filters.sex?.length) factWhere.push(Prisma.sql`m.sex IN (${Prisma.join(filters.sex)})`);
  if (filters.qualification?.length) factWhere.push(Prisma.sql`m.qual IN (${Prisma.join(filters.qualification)})`);
  if (filters.grade?.length) factWhere.push(Prisma.sql`(${GRADE_SQL}) IN (${Prisma.join(filters.grade)})`);

  const split = (d: Dimension) => dimensions.includes(d);
  const cellCols = [
    Prisma.sql`dv."organizationId" AS org`,
    Prisma.sql`dv.year`,
    Prisma.sql`m.ind`,
    split("grade") ? Prisma.sql`${GRADE_SQL} AS grade` : Prisma.sql`0 AS grade`,
    split("sex") ? Prisma.sql`COALESCE(m.sex, '') AS sex` : Prisma.sql`'' AS sex`,
    split("qualification") ? Prisma.sql`COALESCE(m.qual, '') AS qual` : Prisma.sql`'' AS qual`,
  ];
  // The split columns (4–6) are constants unless their dimension is asked for.
  const cellGroupBy = Prisma.join(
    [
      Prisma.raw("1"),
      Prisma.raw("2"),
      Prisma.raw("3"),
      ...(split("grade") ? [Prisma.raw("4")] : []),
      ...(split("sex") ? [Prisma.raw("5")] : []),
      ...(split("qualification") ? [Prisma.raw("6")] : []),
    ],
    ", ",
  );

  // A custom attribute of organisations (yes/no or classifier item): its stored value as text, '' when not given.
  const attribute = dimensions.includes("attribute") ? await attributeDimension(query.attribute) : null;
  const outer = dimensions.map((d) =>
    d === "indicator"
      ? Prisma.sql`c.ind`
      : d === "attribute"
        ? Prisma.sql`COALESCE(o.attributes ->> ${attribute!.code}, '')`
        : DIMENSION_SQL[d],
  );
  const { select, groupBy, orderBy } = groupClauses(outer);

  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    WITH ${mappingCte(indicators)},
    cells AS (
      SELECT ${Prisma.join(cellCols, ", ")}, SUM(dv.value * m.weight) AS v
      FROM ${factsFrom(indicators)}
      JOIN m ON m.form_code = dv."formCode" AND m.fact = dv.indicator
      JOIN "Organization" o ON o.id = dv."organizationId"
      JOIN "Territory" t ON t.id = o."territoryId"
      WHERE ${Prisma.join(factWhere, " AND ")} AND ${Prisma.join(where, " AND ")}
      GROUP BY ${cellGroupBy}
    )
    SELECT ${select} (${MEASURE_SQL[measure]})::float8 AS value, COUNT(DISTINCT c.org)::int AS organizations
    FROM cells c
    JOIN "Organization" o ON o.id = c.org
    JOIN "Territory" t ON t.id = o."territoryId"
    JOIN "ClassifierItem" k ON k.id = o."kindId"
    LEFT JOIN "ClassifierItem" l ON l.id = o."languageId"
    ${groupBy}
    ${orderBy}
    LIMIT ${query.limit + 1}`;

  const truncated = rows.length > query.limit;
  const raw = rows.slice(0, query.limit).map((r) => ({
    key: Object.fromEntries(dimensions.map((d, i) => [d, String(r[`d${i}`] ?? "")])) as Partial<
      Record<Dimension, string>
    >,
    value: Math.round(Number(r.value) * 100) / 100,
    organizations: Number(r.organizations),
  }));
  const resolved = await resolveKeys(raw, dimensions);
  if (attribute) resolved.labels.attribute = attribute.labels;
  return { indicators, dimensions, measure, years, preliminary, truncated, ...resolved };
}

/**
 * The custom attribute a pivot splits by: a yes/no or classifier attribute of organisations, with the names
 * of its values ("true"/"false", or the classifier's item codes). Any other code is refused.
 */
async function attributeDimension(code: string | undefined) {
  const def = code
    ? await prisma.attributeDefinition.findFirst({
        where: { code, record: "ORGANIZATION", type: { in: ["BOOLEAN", "CHOICE"] } },
      })
    : null;
  if (!def) throw new DatabankParamError("unknownAttribute", { value: code ?? "" });
  const labels: Record<string, LocalizedText> = {};
  if (def.type === "CHOICE" && def.classifierCode) {
    const items = await prisma.classifierItem.findMany({
      where: { classifier: { code: def.classifierCode } },
      select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    });
    for (const i of items) labels[i.code] = { kk: i.nameKk, ru: i.nameRu, en: i.nameEn };
  }
  return { code: def.code, type: def.type, name: { kk: def.nameKk, ru: def.nameRu, en: def.nameEn }, labels };
}

/** The custom attributes a pivot may split by: yes/no and classifier attributes of organisations. */
export async function pivotAttributes() {
  return prisma.attributeDefinition.findMany({
    where: { record: "ORGANIZATION", type: { in: ["BOOLEAN", "CHOICE"] } },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
}

/** Replaces internal ids by public codes (territory code, BIN) and collects the names of the values. */
async function resolveKeys(
  cells: StatsCell[],
  dimensions: Dimension[],
): Promise<Pick<StatsResult, "cells" | "labels" | "parents">> {
  const labels: StatsResult["labels"] = {};
  const parents: Record<string, string[]> = {};
  const territoryIds = new Set<string>();
  const orgIds = new Set<string>();
  for (const c of cells) {
    if (c.key.region) territoryIds.add(c.key.region);
    if (c.key.district) territoryIds.add(c.key.district);
    if (c.key.organization) orgIds.add(c.key.organization);
  }
  const orgs = orgIds.size
    ? await prisma.organization.findMany({
        where: { id: { in: [...orgIds] } },
        select: {
          id: true,
          bin: true,
          nameKk: true,
          nameRu: true,
          nameEn: true,
          territory: { select: { path: true } },
        },
      })
    : [];
  for (const o of orgs) for (const id of o.territory.path.split("/").filter(Boolean).slice(1)) territoryIds.add(id);
  const territories = territoryIds.size
    ? await prisma.territory.findMany({
        where: { id: { in: [...territoryIds] } },
        select: { id: true, code: true, path: true, nameKk: true, nameRu: true, nameEn: true },
      })
    : [];
  const tById = new Map(territories.map((t) => [t.id, t]));
  const codeOf = (id: string) => tById.get(id)?.code ?? "";
  const oById = new Map(orgs.map((o) => [o.id, o]));
  const needs = (d: Dimension) => dimensions.includes(d);
  if (needs("region") || needs("district")) {
    for (const t of territories) {
      const entry = { kk: t.nameKk, ru: t.nameRu, en: t.nameEn };
      const level = t.path.split("/").filter(Boolean).length;
      if (level === 2) (labels.region ??= {})[t.code] = entry;
      if (level === 3) {
        (labels.district ??= {})[t.code] = entry;
        parents[t.code] = [codeOf(t.path.split("/").filter(Boolean)[1]!)];
      }
    }
  }
  if (needs("organization")) {
    labels.organization = {};
    for (const o of orgs) {
      labels.organization[o.bin] = { kk: o.nameKk, ru: o.nameRu, en: o.nameEn };
      parents[o.bin] = o.territory.path.split("/").filter(Boolean).slice(1).reverse().map(codeOf);
    }
  }
  for (const dim of ["orgKind", "language"] as const) {
    if (!needs(dim)) continue;
    const items = await prisma.classifierItem.findMany({
      where: { classifier: { code: dim === "orgKind" ? "ORG_KIND" : "LANGUAGE" } },
      select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    });
    labels[dim] = Object.fromEntries(items.map((i) => [i.code, { kk: i.nameKk, ru: i.nameRu, en: i.nameEn }]));
  }
  const out = cells.map((c) => {
    const key = { ...c.key };
    if (key.region !== undefined) key.region = codeOf(key.region);
    if (key.district !== undefined) key.district = key.district ? codeOf(key.district) : "";
    if (key.organization !== undefined) key.organization = oById.get(key.organization)?.bin ?? "";
    return { ...c, key };
  });
  return { cells: out, labels, parents };
}

const SUMMARY_DIMENSIONS = new Set<Dimension>([
  "region",
  "district",
  "year",
  "sex",
  "grade",
  "qualification",
  "language",
  "indicator",
]);
const SUMMARY_FILTERS = new Set<string>(["year", "territory", "sex", "grade", "qualification", "language"]);
const depth = (path: string) => path.split("/").filter(Boolean).length;

/**
 * Answers from the precomputed summary (DatabankSummary) when it holds exactly the figures asked for:
 * the whole republic's scope, sum / average / count, dimensions and filters among territory, year and the
 * breakdowns the summary keeps (grade × sex, qualification, or language). Otherwise null: the facts are
 * aggregated. Gives the same figures as the fact route (checked by the tests).
 */
async function fromSummary(
  scope: Scope,
  query: StatsQuery,
  years: number[],
  territories: { code: string; path: string }[],
): Promise<StatsResult | null> {
  const { dimensions, filters, measure, indicators } = query;
  if (measure === "min" || measure === "max") return null;
  // A scope of whole districts is a union of district rows; any other partial scope takes the facts.
  const districtScope =
    !scope.all &&
    !scope.organizationIds.length &&
    scope.territoryPaths.length > 0 &&
    scope.territoryPaths.every((p) => depth(p) === 3);
  if (!scope.all && !districtScope) return null;
  if (!dimensions.every((d) => SUMMARY_DIMENSIONS.has(d))) return null;
  const used = (Object.keys(filters) as (keyof typeof filters)[]).filter((k) => filters[k]?.length);
  if (!used.every((k) => SUMMARY_FILTERS.has(k))) return null;
  // Several years added together: organisations would be counted once per year.
  if (years.length > 1 && !dimensions.includes("year")) return null;
  const splits = new Set(
    ["grade", "sex", "qualification", "language"].filter(
      (d) => dimensions.includes(d as Dimension) || used.includes(d as keyof typeof filters),
    ),
  );
  const gradeSex = [...splits].every((d) => d === "grade" || d === "sex");
  if (!gradeSex && splits.size > 1) return null;
  // Several values of a breakdown added together: organisations would be counted once per value.
  if (
    (["grade", "sex", "qualification", "language"] as const).some(
      (d) => (filters[d]?.length ?? 0) > 1 && !dimensions.includes(d),
    )
  )
    return null;
  const level = dimensions.includes("district") ? 3 : dimensions.includes("region") ? 2 : null;
  if (territories.length > 1) return null;
  const territory = territories[0];
  if (territory && level !== null && depth(territory.path) > level) return null;

  const where: Prisma.Sql[] = [
    Prisma.sql`s.year IN (${Prisma.join(years)})`,
    Prisma.sql`s.indicator IN (${Prisma.join([...indicators])})`,
  ];
  if (!scope.all) {
    // District rows inside the scope, added up to whatever level is asked for.
    if (territory && depth(territory.path) > 3) return null;
    where.push(Prisma.sql`s.level = 'DISTRICT'`);
    where.push(
      Prisma.sql`(${Prisma.join(
        scope.territoryPaths.map((p) => Prisma.sql`t.path LIKE ${likePrefix(p)}`),
        " OR ",
      )})`,
    );
    if (territory) where.push(Prisma.sql`t.path LIKE ${likePrefix(territory.path)}`);
  } else if (level === 3) where.push(Prisma.sql`s.level = 'DISTRICT'`);
  else if (level === 2) where.push(Prisma.sql`s.level = 'REGION'`);
  else if (territory) where.push(Prisma.sql`t.path = ${territory.path}`);
  else where.push(Prisma.sql`s.level = 'REPUBLIC'`);
  if (scope.all && territory && level !== null) where.push(Prisma.sql`t.path LIKE ${likePrefix(territory.path)}`);
  where.push(splits.has("grade") ? Prisma.sql`s.grade <> 0` : Prisma.sql`s.grade = 0`);
  where.push(splits.has("sex") ? Prisma.sql`s.sex <> ''` : Prisma.sql`s.sex = ''`);
  where.push(splits.has("qualification") ? Prisma.sql`s.qualification <> ''` : Prisma.sql`s.qualification = ''`);
  where.push(splits.has("language") ? Prisma.sql`s.language <> ''` : Prisma.sql`s.language = ''`);
  if (filters.grade?.length) where.push(Prisma.sql`s.grade IN (${Prisma.join(filters.grade)})`);
  if (filters.sex?.length) where.push(Prisma.sql`s.sex IN (${Prisma.join(filters.sex)})`);
  if (filters.qualification?.length) where.push(Prisma.sql`s.qualification IN (${Prisma.join(filters.qualification)})`);
  if (filters.language?.length) where.push(Prisma.sql`s.language IN (${Prisma.join(filters.language)})`);

  const expr: Record<string, Prisma.Sql> = {
    region: Prisma.sql`split_part(t.path, '/', 3)`,
    district: Prisma.sql`split_part(t.path, '/', 4)`,
    year: Prisma.sql`s.year::text`,
    sex: Prisma.sql`s.sex`,
    grade: Prisma.sql`s.grade::text`,
    qualification: Prisma.sql`s.qualification`,
    language: Prisma.sql`s.language`,
    indicator: Prisma.sql`s.indicator`,
  };
  const outer = dimensions.map((d) => expr[d]!);
  const { select, groupBy, orderBy } = groupClauses(outer);
  const value =
    measure === "sum"
      ? Prisma.sql`SUM(s.value)`
      : measure === "count"
        ? Prisma.sql`SUM(s.organizations)`
        : Prisma.sql`SUM(s.value) / NULLIF(SUM(s.organizations), 0)`;
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT ${select} (${value})::float8 AS value, SUM(s.organizations)::int AS organizations
    FROM "DatabankSummary" s
    JOIN "Territory" t ON t.id = s."territoryId"
    WHERE ${Prisma.join(where, " AND ")}
    ${groupBy}
    ${orderBy}
    LIMIT ${query.limit + 1}`;
  const truncated = rows.length > query.limit;
  const raw = rows.slice(0, query.limit).map((r) => ({
    key: Object.fromEntries(dimensions.map((d, i) => [d, String(r[`d${i}`] ?? "")])) as Partial<
      Record<Dimension, string>
    >,
    value: Math.round(Number(r.value) * 100) / 100,
    organizations: Number(r.organizations),
  }));
  return {
    indicators,
    dimensions,
    measure,
    years,
    preliminary: [],
    truncated,
    ...(await resolveKeys(raw, dimensions)),
  };
}

/** Organisation kinds a pivot may be filtered by (the data bank's scope of R8). */
const PIVOT_KINDS = ["SCHOOL", "PRESCHOOL", "COLLEGE", "UNIVERSITY", "ADDITIONAL"] as const;

/** What the pivot's filters offer: regions and districts inside the viewer's scope, organisation kinds, languages. */
export async function pivotFilterOptions(scope: Scope) {
  const [territories, kinds, languages] = await Promise.all([
    prisma.territory.findMany({
      where: { AND: [territoryWhere(scope), { level: { in: ["REGION", "DISTRICT"] } }] },
      select: { code: true, level: true, nameKk: true, nameRu: true, nameEn: true },
      orderBy: { code: "asc" },
    }),
    classifierItems("ORG_KIND", PIVOT_KINDS),
    classifierItems("LANGUAGE"),
  ]);
  return { territories, kinds, languages };
}

/**
 * The outer SELECT list (`d0, d1, …`), GROUP BY and ORDER BY of a table grouped by the given expressions,
 * in their order; all empty for a single total.
 */
function groupClauses(outer: Prisma.Sql[]) {
  if (!outer.length) return { select: Prisma.empty, groupBy: Prisma.empty, orderBy: Prisma.empty };
  const positions = Prisma.join(
    outer.map((_, i) => Prisma.raw(String(i + 1))),
    ", ",
  );
  return {
    select: Prisma.sql`${Prisma.join(
      outer.map((e, i) => Prisma.sql`${e} AS ${Prisma.raw(`d${i}`)}`),
      ", ",
    )},`,
    groupBy: Prisma.sql`GROUP BY ${positions}`,
    orderBy: Prisma.sql`ORDER BY ${positions}`,
  };
}
