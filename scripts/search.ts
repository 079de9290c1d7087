/**
 * Search index maintenance (stop the server first on the embedded database):
 *   npm run search:sync      apply the changes waiting in the outbox
 *   npm run search:reindex   rebuild the whole index (shadow copy, then swap), with progress
 *   npm run search:setup     create the index and apply its settings (Meilisearch; on PostgreSQL the migration does it)
 */
import { useDatabase, closeDatabase } from "../lib/db";
import { searchEngine } from "../lib/search/engine";
import { reindexAll, syncAll } from "../lib/search/outbox";
import { openForCli, run } from "./cli";

const command = process.argv[2];

await run(async () => {
  if (!["sync", "reindex", "setup"].includes(command ?? ""))
    throw new Error("Usage: tsx scripts/search.ts sync|reindex|setup");
  const meili = Boolean(process.env.MEILISEARCH_HOST);
  if (!(command === "setup" && meili)) useDatabase(openForCli());
  try {
    const engine = searchEngine();
    console.log(`Search engine: ${engine.name}`);
    if (command === "setup") {
      await engine.ensureSchema();
      console.log("Index and settings are in place.");
    } else if (command === "sync") {
      const r = await syncAll(engine, console.log);
      console.log(`Outbox: ${r.indexed} changes indexed, ${r.failed} failed (kept for retry).`);
    } else {
      const started = Date.now();
      let last = 0;
      const n = await reindexAll(engine, (written) => {
        if (written - last >= 1000 || written < 1000) {
          process.stdout.write(`\r  ${written} documents…`);
          last = written;
        }
      });
      console.log(`\rReindexed: ${n} documents in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  } finally {
    await closeDatabase();
  }
});
