import type { SearchDocument } from "../types";

/**
 * How a module's rows reach the search index. `source` names it in the outbox; a document id is always
 * "<type>:<source id>:<language>", so every document of one row is removed with the prefix of `prefix(id)`.
 * Later modules (publications, forums) add an indexer here and enqueue their changes; nothing else changes.
 */
export interface Indexer {
  source: string;
  /** The documents of these rows; rows that no longer exist (or are no longer indexable) give none. */
  load(ids: readonly string[]): Promise<SearchDocument[]>;
  /** Every document, in batches (full reindex). */
  all(): AsyncIterable<SearchDocument[]>;
  /** Prefix of every document id of one row. */
  prefix(id: string): string;
}

export const BATCH = 500;
