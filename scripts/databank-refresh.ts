/**
 * Rebuilds the organisation passports' facts of the current year (PassportFact), then the data bank's
 * precomputed summary (DatabankSummary) from the accepted facts and the passports', every year (or one:
 * `--year 2025`). Acceptance keeps it current; run this after loading facts by other means (an
 * archive restore, a migration of an existing database). Stop the server first on the embedded database.
 *
 *   npm run databank:refresh [-- --year 2025]
 */
import { useDatabase, closeDatabase, prisma } from "../lib/db";
import { refreshAllSummaries, refreshSummary } from "../lib/databank/summary";
import { rebuildPassportFacts } from "../lib/databank/passport-facts";
import { flags, openForCli, run } from "./cli";

await run(async () => {
  const f = flags();
  useDatabase(openForCli());
  try {
    const facts = await rebuildPassportFacts(prisma);
    console.log(`Passport facts of this year rebuilt: ${facts}.`);
    if (typeof f.year === "string") {
      if (!/^\d{4}$/.test(f.year)) throw new Error(`--year: not a year: ${f.year}`);
      await refreshSummary(prisma, Number(f.year));
      console.log(`Data bank summary of ${f.year} rebuilt.`);
    } else {
      const years = await refreshAllSummaries(prisma);
      console.log(`Data bank summary rebuilt: ${years.join(", ") || "no accepted facts"}.`);
    }
  } finally {
    await closeDatabase();
  }
});
