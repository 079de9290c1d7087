import { describe, it } from "vitest";
import { engineContract } from "./contract";
import { database } from "../db";
import { databaseBuildingFlag, MeiliSearchEngine } from "./meili";

const host = process.env.MEILISEARCH_HOST;

if (host) {
  engineContract(
    "meilisearch",
    () =>
      new MeiliSearchEngine(
        host,
        process.env.MEILISEARCH_API_KEY,
        databaseBuildingFlag(database().raw),
        `eiso_contract_${process.pid}`,
      ),
    (engine) => (engine as MeiliSearchEngine).dropIndexes(),
  );
} else {
  describe("search engine contract: meilisearch", () => {
    it.skip("skipped: MEILISEARCH_HOST is not set, so the Meilisearch contract tests did not run", () => undefined);
  });
  console.warn("⚠ Meilisearch contract tests skipped: set MEILISEARCH_HOST (and MEILISEARCH_API_KEY) to run them.");
}
