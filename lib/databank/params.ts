/**
 * URL parameters of the open data API (`/api/v1/stats`) and of the pivot page, parsed with the catalogue's
 * zod enums into a query for the engine. Anything unknown or out of range is refused with a specific reason
 * (a 400 with a message naming the parameter), never ignored: a typo must not silently give other figures.
 *
 * Pure module.
 */
import { z } from "zod";
import {
  AREAS,
  DIMENSIONS,
  OPEN_DIMENSIONS,
  GRADES,
  INDICATORS,
  MAX_LIMIT,
  MEASURES,
  QUALIFICATIONS,
  SEXES,
  SPLIT_DIMENSIONS,
  dimensionEnum,
  indicatorEnum,
  measureEnum,
  splitsOf,
  hasStock,
  type Dimension,
  type Indicator,
  type Measure,
} from "./catalogue";

export interface StatsFilters {
  year?: number[];
  /** Territory codes (region, district or the republic): the subtree of each. */
  territory?: string[];
  /** Organisation BINs. */
  organization?: string[];
  orgKind?: string[];
  language?: string[];
  area?: (typeof AREAS)[number][];
  sex?: (typeof SEXES)[number][];
  grade?: number[];
  qualification?: string[];
}

export const FILTERS = [
  "year",
  "territory",
  "organization",
  "orgKind",
  "language",
  "area",
  "sex",
  "grade",
  "qualification",
] as const;
export type FilterName = (typeof FILTERS)[number];

export interface StatsQuery {
  indicators: Indicator[];
  /** The code of the custom attribute of organisations the `attribute` dimension splits by. */
  attribute?: string;
  /** Grouping dimensions, in order (rows then columns for the pivot). */
  dimensions: Dimension[];
  measure: Measure;
  filters: StatsFilters;
  limit: number;
}

export type ParamErrorReason =
  | "unknownParameter"
  | "unknownIndicator"
  | "unknownDimension"
  | "unknownMeasure"
  | "badFormat"
  | "badLimit"
  | "limitTooHigh"
  | "badValue"
  | "duplicateDimension"
  | "tooManyDimensions"
  | "notApplicable"
  | "yearWithoutData"
  | "stockAcrossYears"
  | "unknownTerritory"
  | "unknownOrganization"
  | "unknownAttribute"
  | "outOfScope";

/** A refused parameter: a 400 in the shared error shape, message `databank.errors.<reason>`. */
export class DatabankParamError extends Error {
  constructor(
    readonly reason: ParamErrorReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(reason);
    this.name = "DatabankParamError";
  }
}

export const FORMATS = ["json", "csv", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];
export const DEFAULT_LIMIT = 1000;
export const MAX_DIMENSIONS = 4;

const API_PARAMS = new Set<string>(["indicator", "by", "measure", "format", "limit", "locale", ...FILTERS]);
const PIVOT_PARAMS = new Set<string>([
  "indicator",
  "rows",
  "cols",
  "measure",
  "chart",
  "view",
  "attribute",
  ...FILTERS,
]);

const code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const filterSchemas: Record<FilterName, z.ZodType> = {
  year: z.coerce.number().int().min(1990).max(2100),
  territory: z.string().regex(/^\d{9}$/),
  organization: z.string().regex(/^\d{12}$/),
  orgKind: code,
  language: code,
  area: z.enum(AREAS),
  sex: z.enum(SEXES),
  grade: z.coerce
    .number()
    .int()
    .refine((g) => (GRADES as readonly number[]).includes(g)),
  qualification: z.enum(QUALIFICATIONS),
};

/** All values of a parameter, repeated (`a=1&a=2`) or comma-separated (`a=1,2`), without empties. */
function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function dimensions(values: string[], name: string): Dimension[] {
  return values.map((v) => {
    const parsed = dimensionEnum.safeParse(v);
    if (!parsed.success)
      throw new DatabankParamError("unknownDimension", { param: name, value: v, allowed: DIMENSIONS.join(", ") });
    return parsed.data;
  });
}

export interface ParsedApiParams {
  query: StatsQuery;
  format: Format;
}

export interface ParsedPivotParams {
  query: StatsQuery;
  rows: Dimension[];
  columns: Dimension[];
  chart: "bar" | "line" | "none";
}

function common(params: URLSearchParams, allowed: Set<string>, dims: Dimension[], limit: number): StatsQuery {
  for (const name of new Set(params.keys()))
    if (!allowed.has(name)) throw new DatabankParamError("unknownParameter", { param: name });
  const indicatorValues = list(params, "indicator");
  const indicators: Indicator[] = (indicatorValues.length ? indicatorValues : ["students"]).map((v) => {
    const parsed = indicatorEnum.safeParse(v);
    if (!parsed.success) throw new DatabankParamError("unknownIndicator", { value: v, allowed: INDICATORS.join(", ") });
    return parsed.data;
  });
  const measureValue = params.get("measure") ?? "sum";
  const measure = measureEnum.safeParse(measureValue);
  if (!measure.success)
    throw new DatabankParamError("unknownMeasure", { value: measureValue, allowed: MEASURES.join(", ") });
  const seen = new Set<Dimension>();
  for (const d of dims) {
    if (seen.has(d)) throw new DatabankParamError("duplicateDimension", { value: d });
    seen.add(d);
  }
  if (dims.length > MAX_DIMENSIONS) throw new DatabankParamError("tooManyDimensions", { max: MAX_DIMENSIONS });
  const filters: StatsFilters = {};
  for (const name of FILTERS) {
    const values = list(params, name);
    if (!values.length) continue;
    const parsed = values.map((v) => {
      const r = filterSchemas[name].safeParse(v);
      if (!r.success) throw new DatabankParamError("badValue", { param: name, value: v });
      return r.data;
    });
    (filters as Record<string, unknown>)[name] = [...new Set(parsed)];
  }
  // Sex, grade and qualification exist only for some indicators: all chosen indicators must have them.
  const splits = splitsOf([...new Set(indicators)]);
  for (const s of SPLIT_DIMENSIONS) {
    if ((seen.has(s) || filters[s]) && !splits.has(s))
      throw new DatabankParamError("notApplicable", { value: s, indicators: indicators.join(", ") });
  }
  // The attribute dimension needs the attribute's code (checked against the definitions by the engine).
  const attribute = params.get("attribute") ?? "";
  if (attribute && !/^[a-z][a-zA-Z0-9]{1,39}$/.test(attribute))
    throw new DatabankParamError("badValue", { param: "attribute", value: attribute });
  if (seen.has("attribute") && !attribute) throw new DatabankParamError("unknownAttribute", { value: "" });
  return {
    indicators: [...new Set(indicators)],
    dimensions: dims,
    measure: measure.data,
    filters,
    limit,
    ...(seen.has("attribute") ? { attribute } : {}),
  };
}

function parseLimit(params: URLSearchParams): number {
  const raw = params.get("limit");
  if (raw === null) return DEFAULT_LIMIT;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1)
    throw new DatabankParamError("badLimit", { value: raw, max: MAX_LIMIT });
  if (Number(raw) > MAX_LIMIT) throw new DatabankParamError("limitTooHigh", { value: raw, max: MAX_LIMIT });
  return Number(raw);
}

/** `/api/v1/stats?indicator=students&by=region,sex&year=2025&format=csv` */
export function parseApiParams(params: URLSearchParams): ParsedApiParams {
  const formatValue = params.get("format") ?? "json";
  if (!(FORMATS as readonly string[]).includes(formatValue))
    throw new DatabankParamError("badFormat", { value: formatValue, allowed: FORMATS.join(", ") });
  const by = dimensions(list(params, "by"), "by");
  // Custom attributes are not part of the open data: the attribute dimension is the staff pivot's only.
  if (by.includes("attribute"))
    throw new DatabankParamError("unknownDimension", {
      param: "by",
      value: "attribute",
      allowed: OPEN_DIMENSIONS.join(", "),
    });
  // Several indicators are never added together: each gets its own cells.
  if (new Set(list(params, "indicator")).size > 1 && !by.includes("indicator")) by.push("indicator");
  const query = common(params, API_PARAMS, by, parseLimit(params));
  // Nor are several years of a stock (pupils on the reporting day): each year gets its own cells.
  if ((query.filters.year?.length ?? 0) > 1 && !by.includes("year") && hasStock(query.indicators)) {
    if (by.length >= MAX_DIMENSIONS) throw new DatabankParamError("tooManyDimensions", { max: MAX_DIMENSIONS });
    query.dimensions = [...by, "year"];
  }
  return { query, format: formatValue as Format };
}

/** The pivot page's URL: `rows`, `cols`, plus the same indicator, measure and filters. */
export function parsePivotParams(params: URLSearchParams): ParsedPivotParams {
  const rows = dimensions(list(params, "rows"), "rows");
  const columns = dimensions(list(params, "cols"), "cols");
  if (new Set(list(params, "indicator")).size > 1 && !rows.includes("indicator") && !columns.includes("indicator"))
    columns.push("indicator");
  const chartValue = params.get("chart") ?? "bar";
  const chart = chartValue === "line" || chartValue === "none" ? chartValue : "bar";
  let query = common(params, PIVOT_PARAMS, [...rows, ...columns], MAX_LIMIT);
  if (
    (query.filters.year?.length ?? 0) > 1 &&
    !rows.includes("year") &&
    !columns.includes("year") &&
    hasStock(query.indicators)
  ) {
    if (rows.length + columns.length >= MAX_DIMENSIONS)
      throw new DatabankParamError("tooManyDimensions", { max: MAX_DIMENSIONS });
    columns.push("year");
    query = { ...query, dimensions: [...rows, ...columns] };
  }
  return { query, rows, columns, chart };
}

/** The URL query of a pivot (inverse of parsePivotParams, stable order so links can be compared). */
export function pivotSearch(p: {
  indicators: readonly string[];
  attribute?: string;
  rows: readonly string[];
  columns: readonly string[];
  measure: string;
  filters: StatsFilters;
  chart?: string;
}): string {
  const sp = new URLSearchParams();
  sp.set("indicator", p.indicators.join(","));
  if (p.rows.length) sp.set("rows", p.rows.join(","));
  if (p.columns.length) sp.set("cols", p.columns.join(","));
  if (p.measure !== "sum") sp.set("measure", p.measure);
  if (p.attribute) sp.set("attribute", p.attribute);
  for (const name of FILTERS) {
    const values = p.filters[name];
    if (values?.length) sp.set(name, values.join(","));
  }
  if (p.chart && p.chart !== "bar") sp.set("chart", p.chart);
  return sp.toString();
}
