import "server-only";
/**
 * The open data API (`GET /api/v1/stats`): parameters → engine → suppression → JSON or CSV. Kept apart from
 * the route handler so tests call it directly. Bad parameters give a 400 in the shared error shape
 * `{ error: { code, message } }` with a message naming the parameter; never a 500 or a silent empty result.
 */
import { createTranslator } from "use-intl/core";
import { isLocale, routing, type Locale } from "@/i18n/routing";
import { loadMessages } from "@/i18n/messages";
import { localName } from "../names";
import type { Dimension } from "./catalogue";
import { toCsv } from "../csv";
import { toXlsx, XLSX_TYPE } from "../csv/xlsx";
import { DatabankParamError, parseApiParams, type StatsQuery } from "./params";
import { publicStats, type PublicCell } from "./public";
import type { StatsResult } from "./query";
import { SUPPRESSED } from "./suppression";

export interface ApiAnswer {
  status: number;
  contentType: string;
  body: string | Buffer;
  /** Public and identical for everyone (shared caches may keep it); errors are not cached. */
  cacheable: boolean;
}

export function translatorFor(locale: Locale, namespace: string) {
  return createTranslator({
    locale,
    messages: loadMessages(locale) as never,
    namespace: namespace as never,
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}

type Run = (query: StatsQuery) => Promise<{ result: StatsResult; cells: PublicCell[] }>;

/** Name of a dimension value in a locale (registry names, or the catalogue's messages). */
export function valueName(
  result: Pick<StatsResult, "labels">,
  dimension: Dimension,
  value: string,
  locale: Locale,
  t: (key: string, values?: Record<string, string | number>) => string,
): string {
  const fromRegistry = result.labels[dimension]?.[value];
  if (fromRegistry)
    return localName({ nameKk: fromRegistry.kk, nameRu: fromRegistry.ru, nameEn: fromRegistry.en }, locale);
  switch (dimension) {
    case "sex":
      return t(`sex.${value}`);
    case "area":
      return t(`area.${value}`);
    case "qualification":
      return t(`qualification.${value}`);
    case "indicator":
      return t(`indicator.${value}`);
    case "grade":
      return t("gradeValue", { grade: value });
    case "attribute":
      return value === "true" ? t("attributeValue.yes") : value === "false" ? t("attributeValue.no") : value;
    default:
      return value;
  }
}

export async function statsApi(url: URL, run: Run = publicStats): Promise<ApiAnswer> {
  const requested = url.searchParams.get("locale");
  const locale: Locale = isLocale(requested) ? requested : routing.defaultLocale;
  try {
    const { query, format } = parseApiParams(url.searchParams);
    const { result, cells } = await run(query);
    const t = translatorFor(locale, "databank");
    const isPreliminary = (c: PublicCell) =>
      c.key.year !== undefined
        ? result.preliminary.includes(Number(c.key.year))
        : result.years.some((y) => result.preliminary.includes(y));
    const named = (c: PublicCell) => {
      const row: Record<string, string | number | boolean | null> = {};
      for (const d of result.dimensions) {
        row[d] = c.key[d] ?? "";
        if (d !== "year") row[`${d}Name`] = valueName(result, d, c.key[d] ?? "", locale, t);
      }
      return row;
    };
    if (format === "csv" || format === "xlsx") {
      // A preliminary year (its reports still being accepted) is marked in a last column, only when one is shown.
      const marked = result.preliminary.length > 0;
      const keys = result.dimensions.flatMap((d) => (d === "year" ? [d] : [d, `${d}Name`]));
      const header = [...keys, "value", "organizations", ...(marked ? ["preliminary"] : [])];
      // XLSX: years and figures as numbers (a suppressed figure stays the text "<5"); CSV: all as written.
      const typed = format === "xlsx";
      const lines = cells.map((c) => {
        const row = named(c);
        return [
          ...keys.map((h) => (typed && h === "year" ? Number(row[h]) : String(row[h] ?? ""))),
          c.suppressed ? SUPPRESSED : typed ? c.value : String(c.value ?? ""),
          typed ? c.organizations : String(c.organizations),
          ...(marked ? [typed ? isPreliminary(c) : String(isPreliminary(c))] : []),
        ];
      });
      if (typed)
        return {
          status: 200,
          contentType: XLSX_TYPE,
          body: await toXlsx([header, ...lines], { sheet: "stats" }),
          cacheable: true,
        };
      return { status: 200, contentType: "text/csv; charset=utf-8", body: toCsv([header, ...lines]), cacheable: true };
    }
    const body = {
      indicators: result.indicators,
      dimensions: result.dimensions,
      measure: result.measure,
      years: result.years,
      preliminary: result.preliminary,
      ...(result.preliminary.length
        ? { preliminaryNote: t("preliminaryYears", { years: result.preliminary.join(", ") }) }
        : {}),
      count: cells.length,
      truncated: result.truncated,
      suppression: { threshold: SUPPRESSED, note: t("api.suppressionNote", { shown: SUPPRESSED }) },
      cells: cells.map((c) => ({
        ...named(c),
        value: c.value,
        suppressed: c.suppressed,
        organizations: c.organizations,
        preliminary: isPreliminary(c),
      })),
    };
    return { status: 200, contentType: "application/json; charset=utf-8", body: JSON.stringify(body), cacheable: true };
  } catch (error) {
    if (error instanceof DatabankParamError) {
      const t = translatorFor(locale, "databank.errors");
      return {
        status: 400,
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify({ error: { code: "badRequest", message: t(error.reason, error.params) } }),
        cacheable: false,
      };
    }
    throw error;
  }
}
