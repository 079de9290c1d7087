import "server-only";
/**
 * Portal search for pages and route handlers. The caller's audience (public, their roles and permissions)
 * comes from the viewer loaded on the server; the request only brings the words and the filters.
 */
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { searchIndex } from "./cached";
import { audienceOf, MAX_QUERY_LENGTH, parseQuery } from "./query";
import { LANGUAGES, type SearchResult } from "./types";
import { PAGE_SIZE, searchParamsSchema, type SearchParams } from "./params";

export { MAX_PAGE, PAGE_SIZE, searchParamsSchema, type SearchParams } from "./params";

export type SearchHint = "empty" | "noResults";

export interface PortalSearch {
  query: string;
  truncated: boolean;
  hint?: SearchHint;
  page: number;
  pageSize: number;
  result: SearchResult;
}

const NOTHING: SearchResult = { total: 0, hits: [], facets: { type: {}, language: {}, region: {} } };

/** Reads URL parameters (first value of each), refusing unknown names and bad values with AppError("badRequest"). */
export function parseSearchParams(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): SearchParams {
  const entries =
    input instanceof URLSearchParams
      ? [...input.keys()].map((k) => [k, input.get(k)] as const)
      : Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const parsed = searchParamsSchema.safeParse(
    Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) throw new AppError("badRequest");
  return parsed.data;
}

export async function searchPortal(viewer: Viewer | null, params: SearchParams): Promise<PortalSearch> {
  const parsed = parseQuery(params.q);
  const base = { query: parsed.text, truncated: parsed.truncated, page: params.page, pageSize: PAGE_SIZE };
  if (!parsed.words.length) return { ...base, hint: "empty", result: NOTHING };
  const result = await searchIndex({
    q: parsed.text,
    audience: audienceOf(viewer),
    type: params.type,
    language: params.language,
    region: params.region,
    subject: params.subject,
    offset: (params.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    facets: true,
    highlight: true,
  });
  return { ...base, result, hint: result.total === 0 ? "noResults" : undefined };
}

export interface Suggestion {
  title: string;
  url: string;
  type: string;
}

/** Titles for the header box as the user types (no facets, no snippets); nothing for fewer than 2 letters. */
export async function suggest(viewer: Viewer | null, q: string, language?: string): Promise<Suggestion[]> {
  const text = [...q].slice(0, MAX_QUERY_LENGTH).join("");
  if (parseQuery(text).words.length === 0 || text.trim().length < 2) return [];
  const lang = LANGUAGES.find((l) => l === language);
  const run = (language?: (typeof LANGUAGES)[number]) =>
    searchIndex({ q: text, audience: audienceOf(viewer), language, limit: 8 });
  // documents in the reader's language first, then any language
  let { hits } = await run(lang);
  if (hits.length < 8 && lang) {
    const more = await run(undefined);
    const seen = new Set(hits.map((h) => h.url));
    hits = [...hits, ...more.hits.filter((h) => !seen.has(h.url))].slice(0, 8);
  }
  return hits.map((h) => ({ title: h.title, url: h.url, type: h.type }));
}

/** Names of the regions in a locale, by territory code (labels of the region facet). */
export async function regionNames(locale: string): Promise<Record<string, string>> {
  const { prisma } = await import("../db");
  const rows = await prisma.territory.findMany({
    where: { level: "REGION" },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true },
  });
  return Object.fromEntries(
    rows.map((r) => [r.code, locale === "ru" ? r.nameRu : locale === "en" ? r.nameEn : r.nameKk]),
  );
}
