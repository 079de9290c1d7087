import "server-only";
/**
 * The data cache of public reads, in one place: the tags, one way to cache a read (`cached`) and one way to
 * expire a tag after a change (`expire`). Only what is the same for every reader goes through it — nothing
 * personal. Reads are bounded in time as well, so that changes made elsewhere (another instance, an import
 * while the server was stopped, a publication scheduled for later) show within `revalidate` seconds.
 *
 * Built on `unstable_cache`: `"use cache"` with `cacheTag`/`cacheLife` needs `cacheComponents`, which this
 * application does not turn on (see docs/architecture.md).
 */
import { revalidateTag, unstable_cache, updateTag } from "next/cache";

/** Tags of the cached public reads; the actions that change what a tag covers expire it. */
export const TAGS = {
  /** Accepted statistics: territory pages, organisation reports, the completeness board, the open data API. */
  databank: "databank",
  /** Dictionary entries, lookups, thematic lists and the word of the day. */
  dictionary: "dictionary",
  /** Published publications, their authors, filters and visible comments. */
  publications: "publications",
  /** Organisation passports as the public school card shows them. */
  passport: "passport",
  /** Published rating methods, ratings and entity cards. */
  ratings: "ratings",
  /** Open vacancies on the public list. */
  vacancies: "vacancies",
  /** Forum categories and thread lists as a reader without a session sees them. */
  forums: "forums",
  /** Public custom attributes of organisations on the public card (definitions and values). */
  attributes: "attributes",
  /** Published dashboards (their widgets also read the data bank: they carry the `databank` tag too). */
  dashboards: "dashboards",
} as const;

export type CacheTag = (typeof TAGS)[keyof typeof TAGS];

export interface CacheOptions {
  tags: readonly CacheTag[];
  /** Seconds after which an entry is refreshed on the next read. */
  revalidate: number;
}

/**
 * `fn` cached in the shared data cache under `keyParts` and the arguments of each call (they must be
 * serialisable). Bump the version in `keyParts` when the shape of the result changes. Outside a request (tests,
 * scripts, jobs) there is no data cache: `fn` is called as it is.
 */
export function cached<Args extends unknown[], Result>(
  fn: (...args: Args) => Promise<Result>,
  keyParts: string[],
  options: CacheOptions,
): (...args: Args) => Promise<Result> {
  const read = unstable_cache(fn, keyParts, { tags: [...options.tags], revalidate: options.revalidate });
  return async (...args: Args) => {
    try {
      return await read(...args);
    } catch (error) {
      // thrown before `fn` runs when no request (and so no data cache) is around
      if (error instanceof Error && error.message.startsWith(NO_CACHE)) return fn(...args);
      throw error;
    }
  };
}

/** How the framework says that a cached read was made outside a request. */
const NO_CACHE = "Invariant: incrementalCache missing";

/**
 * After a change has committed: in a server action the acting user sees it at once (`updateTag`); elsewhere
 * in a request (route handlers) other readers get fresh data on their next read. Outside a request (tests,
 * scripts) nothing is cached, so there is nothing to expire.
 */
export function expire(tag: CacheTag): void {
  try {
    updateTag(tag);
  } catch {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch {
      // not in a request: nothing cached here
    }
  }
}
