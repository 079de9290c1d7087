import { dictionaryIndexer } from "./dictionary";
import { forumPostIndexer, forumThreadIndexer } from "./forums";
import { organizationIndexer } from "./organizations";
import { pagesIndexer } from "./pages";
import { publicationIndexer } from "./publications";
import { statisticsIndexer } from "./statistics";
import type { Indexer } from "./types";

/** Every indexer; a new module adds its own here. */
export const INDEXERS: readonly Indexer[] = [
  pagesIndexer,
  statisticsIndexer,
  organizationIndexer,
  dictionaryIndexer,
  forumThreadIndexer,
  forumPostIndexer,
  publicationIndexer,
];

export function indexerFor(source: string): Indexer | undefined {
  return INDEXERS.find((i) => i.source === source);
}

export type { Indexer } from "./types";
