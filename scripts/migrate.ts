import { migrate } from "../lib/db/migrate";
import { openForCli, run } from "./cli";

await run(async () => {
  const db = openForCli();
  try {
    const applied = await migrate(db.raw);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await db.close();
  }
});
