import { rmSync } from "node:fs";
import { env, pgliteDir } from "../lib/env";
import { migrate } from "../lib/db/migrate";
import { SCALES, seed, type Scale } from "../prisma/seed";
import { flags, openForCli, run } from "./cli";

/** Drops everything and seeds again (`--scale tiny|demo|national`, default demo). */
await run(async () => {
  const scale = (flags().scale ?? "demo") as Scale;
  if (!(scale in SCALES)) throw new Error(`Unknown scale "${String(scale)}".`);
  const e = env();
  if (!e.DATABASE_URL) {
    const db = openForCli(); // takes the lock: refuses while the server runs
    await db.close();
    rmSync(pgliteDir(), { recursive: true, force: true });
  }
  const db = openForCli();
  try {
    if (db.kind === "postgres") await db.raw.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await migrate(db.raw);
    await seed(db.prisma, scale, (line) => console.log(`  ${line}`));
    console.log(`Database reset and seeded (${scale}).`);
  } finally {
    await db.close();
  }
});
