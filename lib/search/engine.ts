/**
 * The engine of this process: Meilisearch when MEILISEARCH_HOST is set, otherwise PostgreSQL full-text in
 * the portal's own database.
 */
import { database, readDatabase } from "../db";
import type { Database } from "../db/driver";
import { env } from "../env";
import { databaseBuildingFlag, MeiliSearchEngine } from "./meili";
import { PgSearchEngine } from "./pg";
import type { SearchEngine } from "./types";

const holder = globalThis as unknown as { __eisoSearch?: { db: Database | null; engine: SearchEngine } };

export function searchEngine(): SearchEngine {
  const e = env();
  if (e.MEILISEARCH_HOST) {
    if (!holder.__eisoSearch || holder.__eisoSearch.db !== null)
      holder.__eisoSearch = {
        db: null,
        engine: new MeiliSearchEngine(e.MEILISEARCH_HOST, e.MEILISEARCH_API_KEY, databaseBuildingFlag(database().raw)),
      };
    return holder.__eisoSearch.engine;
  }
  const db = database();
  if (holder.__eisoSearch?.db !== db)
    holder.__eisoSearch = {
      db,
      // searches read from the replica for anonymous requests (readDatabase), indexing writes to the primary
      engine: new PgSearchEngine(db.raw, db.kind, () => readDatabase().raw),
    };
  return holder.__eisoSearch.engine;
}
