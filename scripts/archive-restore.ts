/**
 * `npm run archive:restore -- --in FILE.tar.gz`: restores an archive into an EMPTY database (a new
 * DATA_DIR, or an empty PostgreSQL database in DATABASE_URL). Every checksum, size and row count is
 * verified before anything is written; a damaged or incomplete archive, or a database holding data, is
 * refused. Afterwards run `npm run databank:refresh` if the data bank summary is needed at once.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { restoreArchive, restoreFiles } from "../lib/archive/archive";
import { env } from "../lib/env";
import { flags, openForCli, run } from "./cli";

await run(async () => {
  const input = flags().in;
  if (typeof input !== "string") throw new Error("Give the archive file: --in FILE.tar.gz");
  const data = readFileSync(input);
  const db = openForCli();
  try {
    const started = Date.now();
    const result = await restoreArchive(db.raw, data);
    // the stored files (letter attachments and the like) go back under DATA_DIR/files
    const files = restoreFiles(data, join(env().DATA_DIR, "files"));
    console.log(`${input}: restored ${result.tables} tables, ${result.rows} rows, ${files} files in ${Date.now() - started} ms${result.appliedAfter.length ? `; then applied ${result.appliedAfter.join(", ")}` : ""}`);
  } finally {
    await db.close();
  }
});
