/**
 * `npm run archive:restore -- --in FILE.tar.gz`: restores an archive into an EMPTY database (a new
 * DATA_DIR, or an empty PostgreSQL database in DATABASE_URL). Every checksum, size and row count is
 * verified before anything is written; a damaged or incomplete archive, or a database holding data, is
 * refused (a stored file must also hash to the sha256 it is named by). The stored files go back into the
 * file store (FILES_DIR, default DATA_DIR/files). Afterwards run `npm run databank:refresh` if the data
 * bank summary is needed at once.
 */
import { readFileSync } from "node:fs";
import { restoreArchive, restoreFiles } from "../lib/archive/archive";
import { filesDir } from "../lib/files/store";
import { flags, openForCli, run } from "./cli";

await run(async () => {
  const input = flags().in;
  if (typeof input !== "string") throw new Error("Give the archive file: --in FILE.tar.gz");
  const data = readFileSync(input);
  const db = openForCli();
  try {
    const started = Date.now();
    const result = await restoreArchive(db.raw, data);
    // the stored files (letter files, publication attachments) go back into the file store, each checked
    // against the sha256 it is named by
    const files = await restoreFiles(data, filesDir());
    console.log(
      `${input}: restored ${result.tables} tables, ${result.rows} rows, ${files} files in ${Date.now() - started} ms${result.appliedAfter.length ? `; then applied ${result.appliedAfter.join(", ")}` : ""}`,
    );
  } finally {
    await db.close();
  }
});
