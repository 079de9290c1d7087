import { describe, it } from "vitest";
import { engineContract } from "./contract";
import { MeiliSearchEngine } from "./meili";

const host = process.env.MEILISEARCH_HOST;

if (host) {
  engineContract(
    "meilisearch",
    () => new MeiliSearchEngine(host, process.env.MEILISEARCH_API_KEY, `eiso_contract_${process.pid}`),
  );
} else {
  describe("search engine contract: meilisearch", () => {
    it.skip("skipped: MEILISEARCH_HOST is not set, so the Meilisearch contract tests did not run", () => undefined);
  });
  console.warn("⚠ Meilisearch contract tests skipped: set MEILISEARCH_HOST (and MEILISEARCH_API_KEY) to run them.");
}
