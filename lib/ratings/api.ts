import "server-only";
/**
 * The public ratings API (`GET /api/v1/ratings`): the list of published ratings, or one rating with its
 * frozen inputs, normalised values, contributions and sensitivity intervals, as JSON or CSV.
 */
import type { z } from "zod";
import { localName } from "../names";
import { toCsv } from "../csv";
import { toXlsx } from "../csv/xlsx";
import type { Aggregation } from "./compute";
import type { PublishedMethod, RatingView } from "./public";
import type { ratingAnswer, ratingsListAnswer } from "./openapi";

/** The list of published ratings, as described by `ratingsListAnswer` (lib/ratings/openapi.ts). */
export function methodsBody(methods: PublishedMethod[], locale: string): z.output<typeof ratingsListAnswer> {
  return {
    ratings: methods.map((m) => ({
      method: m.code,
      level: m.level,
      name: localName(m, locale),
      territory: { code: m.territory.code, name: localName(m.territory, locale) },
      years: m.years,
    })),
  };
}

/** One rating, as described by `ratingAnswer` (lib/ratings/openapi.ts). */
export function ratingBody(view: RatingView, locale: string): z.output<typeof ratingAnswer> {
  return {
    method: view.method.code,
    level: view.method.level,
    name: localName(view.method, locale),
    territory: { code: view.method.territory.code, name: localName(view.method.territory, locale) },
    year: view.year,
    publishedAt: view.publishedAt,
    // stored aggregations are the method's, written through the same enum
    version: { ...view.version, aggregation: view.version.aggregation as Aggregation },
    sensitivity: view.sensitivity,
    entities: view.rows.map((r) => ({
      code: r.code,
      name: localName(r, locale),
      rank: r.rank,
      previousRank: r.previousRank,
      score: r.score,
      interval: { p5: r.p5, p95: r.p95, min: r.minRank, max: r.maxRank },
      robust: r.robust,
      inputs: r.inputs,
      normalised: Object.fromEntries(r.breakdown.map((b) => [b.code, b.normalised])),
      contributions: Object.fromEntries(r.breakdown.map((b) => [b.code, b.contribution])),
      imputed: Object.fromEntries(r.breakdown.filter((b) => b.imputed).map((b) => [b.code, b.imputed])),
    })),
  };
}

/** One line per entity: identity, result, sensitivity, then raw / normalised / contribution of every indicator. */
/** A rating as a table (header and a line per entity), for CSV and XLSX. */
export function ratingRows(view: RatingView, locale: string): (string | number | null)[][] {
  const codes = view.version.indicators.map((i) => i.code);
  const header = [
    "code",
    "name",
    "rank",
    "score",
    "p5",
    "p95",
    "min_rank",
    "max_rank",
    "robust",
    ...codes.flatMap((c) => [`${c}_raw`, `${c}_normalised`, `${c}_contribution`]),
  ];
  const cell = (v: number | boolean | null | undefined): number | string | null =>
    v === null || v === undefined ? null : typeof v === "boolean" ? String(v) : v;
  const lines = view.rows.map((r) => {
    const b = new Map(r.breakdown.map((x) => [x.code, x]));
    return [
      r.code,
      localName(r, locale),
      cell(r.rank),
      cell(r.score),
      cell(r.p5),
      cell(r.p95),
      cell(r.minRank),
      cell(r.maxRank),
      cell(r.robust),
      ...codes.flatMap((c) => [cell(r.inputs[c]), cell(b.get(c)?.normalised), cell(b.get(c)?.contribution)]),
    ];
  });
  return [header, ...lines];
}

export function ratingCsv(view: RatingView, locale: string): string {
  return toCsv(ratingRows(view, locale));
}

export function ratingXlsx(view: RatingView, locale: string): Promise<Buffer> {
  return toXlsx(ratingRows(view, locale), { sheet: `${view.method.code}-${view.year}` });
}
