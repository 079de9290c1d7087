import { z } from "zod";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE = 100_000;

export interface ListParams<S extends string> {
  page: number;
  pageSize: number;
  sort: S;
  dir: "asc" | "desc";
  q: string;
  filters: Record<string, string>;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first of repeated values (`?a=1&a=2`), or "" when absent. */
const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? "", z.string());

/** A page number from the URL: a whole number from 1; anything else is page 1. */
export const pageSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v) || undefined,
  z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
);

const pageSizeSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v) || undefined,
  z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE),
);

/** The page number of a list that has no other parameters (`?page=`). */
export function parsePage(searchParams: SearchParams): number {
  return pageSchema.parse(searchParams.page);
}

/** How many pages `total` rows fill, at least one. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The page numbers shown: the first, the last, the current one and its neighbours; `null` marks a gap. Few
 * enough to fit a 360 px wide screen.
 */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of shown) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last > 1) out.push(null);
    out.push(p);
  }
  return out;
}

/**
 * Reads list state from the URL (page, pageSize, sort, dir, q and named filters). Lists are links, so any
 * value a person could type is tolerated: unknown or malformed values fall back to the defaults.
 */
export function parseListParams<const S extends string>(
  searchParams: SearchParams,
  options: { sortable: readonly S[]; defaultSort: S; defaultDir?: "asc" | "desc"; filters?: readonly string[] },
): ListParams<S> {
  const schema = z.object({
    page: pageSchema,
    pageSize: pageSizeSchema,
    sort: one.pipe(z.enum(options.sortable as readonly [S, ...S[]]).catch(options.defaultSort)),
    dir: one.pipe(z.enum(["asc", "desc"]).catch(options.defaultDir ?? "asc")),
    q: one.transform((q) => q.trim().slice(0, 200)),
  });
  const filters: Record<string, string> = {};
  for (const f of options.filters ?? []) {
    const value = one.parse(searchParams[f]);
    if (value) filters[f] = value.slice(0, 200);
  }
  return { ...schema.parse(searchParams), filters };
}

/** skip/take for a page. */
export function pageWindow(params: { page: number; pageSize: number }) {
  return { skip: (params.page - 1) * params.pageSize, take: params.pageSize };
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}
