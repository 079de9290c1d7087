/**
 * `npm run archive:export -- --out FILE.tar.gz`: a consistent snapshot of the whole database (every table
 * as JSON lines, the original data packages, the stored files of lib/files — FILES_DIR, default DATA_DIR/files) with a manifest of row counts,
 * sha256 of every part and the migration level. On the embedded database stop the server first (or start
 * the export from the admin page of the running server).
 */
import { filesDir } from "../lib/files/store";
import { exportArchive } from "../lib/archive/archive";
import { flags, openForCli, run } from "./cli";

await run(async () => {
  const out = flags().out;
  if (typeof out !== "string") throw new Error("Give the archive file: --out FILE.tar.gz");
  const db = openForCli();
  try {
    const started = Date.now();
    const result = await exportArchive(db.raw, db.kind, out, { filesDir: filesDir() });
    const rows = result.manifest.tables.reduce((s, t) => s + t.rows, 0);
    console.log(
      `${out}: ${result.manifest.tables.length} tables, ${rows} rows, ${result.manifest.parts.length} parts, ${result.size} bytes, sha256 ${result.sha256}, migration ${result.manifest.migrationLevel}, ${Date.now() - started} ms`,
    );
  } finally {
    await db.close();
  }
});
