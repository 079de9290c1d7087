import { migrate } from "../lib/db/migrate";
import { SCALES, isEmpty, seed, type Scale } from "../prisma/seed";
import { realAccounts } from "../lib/production/start";
import { flags, openForCli, run } from "./cli";

await run(async () => {
  const scale = (flags().scale ?? "demo") as Scale;
  if (!(scale in SCALES)) throw new Error(`Unknown scale "${String(scale)}": use ${Object.keys(SCALES).join(", ")}.`);
  const db = openForCli();
  try {
    await migrate(db.raw);
    if (!(await isEmpty(db.prisma))) throw new Error("The database already has data: run `npm run db:reset` first.");
    const real = await realAccounts(db.prisma);
    if (real.length)
      throw new Error(`The database holds real accounts (${real.join(", ")}): demo data is never written beside them.`);
    const started = Date.now();
    await seed(db.prisma, scale, (line) => console.log(`  ${line}`));
    console.log(`Seeded (${scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
});
