import "server-only";
/**
 * The search engine's answers, cached per query (words, filters, page, audience) while the index is unchanged.
 * The cache key holds the index's version, read with one small query from the database the search reads:
 * the outbox's sequence (a change was enqueued), its pending rows (a change went through to the index) and the
 * engines' state rows (a reindex switched generations). So an answer is never older than the index, whatever
 * instance changed it, and a popular query costs one lookup instead of a full-text search. While a backlog of
 * changes is being indexed (a reindex, a bulk import) answers change under every key, so they are not cached.
 */
import { cached } from "../cache";
import { publicReads } from "../db";
import { searchEngine } from "./engine";
import type { SearchQuery, SearchResult } from "./types";

/** Pending outbox rows from which the index counts as changing: answers are read from the engine directly. */
const BACKLOG = 1_000;

const cachedSearch = cached(
  (_version: string, query: SearchQuery) => searchEngine().search(query),
  ["search:query:1"],
  {
    tags: [],
    // the version decides freshness; this only bounds how long an unused answer is kept
    revalidate: 600,
  },
);

/** The version of the index as the readers' database sees it, or null while it is changing in bulk. */
export async function indexVersion(): Promise<string | null> {
  const [row] = await publicReads.$queryRaw<{ seq: bigint; pending: number; state: string | null }[]>`
    SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "SearchOutbox_id_seq") AS seq,
           (SELECT count(*)::int FROM (SELECT 1 FROM "SearchOutbox" LIMIT ${BACKLOG}::int) o) AS pending,
           (SELECT string_agg(concat_ws(':', id, active, building, extract(epoch FROM "reindexedAt")), ',' ORDER BY id)
              FROM "SearchState") AS state`;
  if (!row || row.pending >= BACKLOG) return null;
  return `${row.seq}:${row.pending}:${row.state ?? ""}`;
}

/** `searchEngine().search(query)`, answered from the cache while the index has not changed. */
export async function searchIndex(query: SearchQuery): Promise<SearchResult> {
  const version = await indexVersion();
  return version === null ? searchEngine().search(query) : cachedSearch(version, query);
}
