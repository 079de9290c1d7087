import { forumPostSource, forumThreadSource } from "../../forums/search";
import type { Indexer } from "./types";

/** Forum threads (title + opening post) and replies; only visible content, with the category's audience. */
export const forumThreadIndexer: Indexer = forumThreadSource;
export const forumPostIndexer: Indexer = forumPostSource;
