import { z } from "zod";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_PAGE_SIZE = 100;

export interface ListParams<S extends string> {
  page: number;
  pageSize: number;
  sort: S;
  dir: "asc" | "desc";
  q: string;
  filters: Record<string, string>;
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads list state from the URL (page, pageSize, sort, dir, q and named filters). Lists are links, so any
 * value a person could type is tolerated: unknown or malformed values fall back to the defaults.
 */
export function parseListParams<const S extends string>(
  searchParams: SearchParams,
  options: { sortable: readonly S[]; defaultSort: S; defaultDir?: "asc" | "desc"; filters?: readonly string[] },
): ListParams<S> {
  const one = (key: string) => {
    const v = searchParams[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const int = (key: string, fallback: number, max: number) => {
    const parsed = z.coerce
      .number()
      .int()
      .min(1)
      .max(max)
      .safeParse(one(key) || undefined);
    return parsed.success ? parsed.data : fallback;
  };
  const sort = (options.sortable as readonly string[]).includes(one("sort")) ? (one("sort") as S) : options.defaultSort;
  const dir = one("dir") === "desc" ? "desc" : one("dir") === "asc" ? "asc" : (options.defaultDir ?? "asc");
  const pageSize = (PAGE_SIZES as readonly number[]).includes(int("pageSize", 25, MAX_PAGE_SIZE))
    ? int("pageSize", 25, MAX_PAGE_SIZE)
    : 25;
  const filters: Record<string, string> = {};
  for (const f of options.filters ?? []) if (one(f)) filters[f] = one(f).slice(0, 200);
  return { page: int("page", 1, 100_000), pageSize, sort, dir, q: one("q").trim().slice(0, 200), filters };
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
