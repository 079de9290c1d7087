/**
 * The central archive (R26): a consistent snapshot of the whole database as one `.tar.gz`, and its restore
 * into an empty database.
 *
 *   manifest.json              format, creation time, migration level, every part with sha256 and size,
 *                              every table with its row count and content hash
 *   tables/<Table>.jsonl       one JSON object per row (row_to_json), every table of the schema
 *   packages/<id>.json|.sig    the original bytes and detached signature of every stored data package
 *   files/ab/cdef…             every blob of the file store (lib/files: FILES_DIR, default DATA_DIR/files),
 *                              named by its sha256 — letter files and publication attachments alike
 *
 * Tables are read from the database catalogue, so tables added by any module are archived without a change
 * here. The export reads everything in one REPEATABLE READ transaction (on PGlite the database is held for
 * its duration). The restore verifies the whole archive — every checksum, size and row count, and that
 * every stored file hashes to the sha256 it is named by — before it writes anything, migrates the empty
 * database to the archive's migration level, loads every table in one transaction (foreign keys dropped
 * and re-created, so they are checked again at the end), compares each table's content hash with the
 * manifest, then applies the newer migrations of this code.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { gunzipSync, createGzip } from "node:zlib";
import type { RawSql } from "../db/driver";
import { FileSystemBlobStore } from "../files/store";
import { loadMigrations, migrate, type Migration } from "../db/migrate";
import { readTar, tarWriter } from "./tar";

export const ARCHIVE_FORMAT = "eiso.archive/1";
const MIGRATIONS_TABLE = "_prisma_migrations";
const FETCH = 5000;

export interface ManifestPart {
  path: string;
  sha256: string;
  size: number;
}

export interface ManifestTable {
  name: string;
  rows: number;
  /** md5 of the sorted row texts: the restore must reproduce it. */
  contentHash: string;
  part: string;
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  createdAt: string;
  database: "pglite" | "postgres";
  migrations: { name: string; checksum: string }[];
  migrationLevel: string | null;
  tables: ManifestTable[];
  parts: ManifestPart[];
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the current schema (except the migration log), by name. */
export async function listTables(raw: RawSql): Promise<string[]> {
  const rows = await raw.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  return rows.map((r) => r.name).filter((n) => n !== MIGRATIONS_TABLE);
}

/** Row count and content hash of every table: the equality proof of a restore. */
export async function tableHashes(raw: RawSql): Promise<Record<string, { rows: number; hash: string }>> {
  await raw.exec("SET TIME ZONE 'UTC'");
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const name of await listTables(raw)) out[name] = await tableHash(raw, name);
  return out;
}

async function tableHash(raw: RawSql, name: string) {
  const [r] = await raw.query<{ n: number; h: string }>(
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(j, E'\\n' ORDER BY j), '')) AS h FROM (SELECT row_to_json(t)::text AS j FROM ${quote(name)} t) s`,
  );
  return { rows: Number(r!.n), hash: r!.h };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** How far an export is: the phase and the items of that phase done (tables, packages, stored files). */
export interface ExportProgress {
  phase: "tables" | "packages" | "files" | "finishing";
  done: number;
  total: number;
}

export interface ExportResult {
  manifest: Manifest;
  size: number;
  sha256: string;
}

/** Writes a consistent snapshot of the database (and `filesDir`, when given and present) to `out`. */
export async function exportArchive(
  raw: RawSql,
  kind: Manifest["database"],
  out: string,
  options: { filesDir?: string; onProgress?: (progress: ExportProgress) => void } = {},
): Promise<ExportResult> {
  const progress = options.onProgress ?? (() => {});
  const tar = tarWriter();
  const gzip = createGzip({ level: 6 });
  const whole = createHash("sha256");
  let size = 0;
  gzip.on("data", (chunk: Buffer) => {
    whole.update(chunk);
    size += chunk.length;
  });
  const written = pipeline(tar.stream, gzip, createWriteStream(out));
  // a failed write stops the tar stream, so that a waiting `add` fails too
  written.catch((error: unknown) => tar.stream.destroy(error as Error));
  const parts: ManifestPart[] = [];
  const add = async (path: string, content: Buffer) => {
    parts.push({ path, sha256: sha256(content), size: content.length });
    await tar.add(path, content);
  };
  const now = Date.now();
  const tables: ManifestTable[] = [];
  let migrations: { name: string; checksum: string }[] = [];

  await raw.transaction(
    async (tx) => {
      await tx.exec("SET LOCAL TIME ZONE 'UTC'");
      migrations = await tx.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM ${quote(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      const names = await listTables(tx);
      progress({ phase: "tables", done: 0, total: names.length });
      for (const name of names) {
        const lines: string[] = [];
        await tx.exec(
          `DECLARE archive_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(name)} t`,
        );
        for (;;) {
          const rows = await tx.query<{ j: string }>(`FETCH ${FETCH} FROM archive_rows`);
          for (const r of rows) lines.push(r.j);
          if (rows.length < FETCH) break;
        }
        await tx.exec("CLOSE archive_rows");
        const part = `tables/${name}.jsonl`;
        const { hash } = await tableHash(tx, name);
        tables.push({ name, rows: lines.length, contentHash: hash, part });
        await add(part, Buffer.from(lines.length ? `${lines.join("\n")}\n` : ""));
        progress({ phase: "tables", done: tables.length, total: names.length });
      }
      // The original packages as files, readable without the database.
      const hasPackages = tables.some((t) => t.name === "DataPackage");
      if (hasPackages) {
        const packages = tables.find((t) => t.name === "DataPackage")!.rows;
        let written = 0;
        progress({ phase: "packages", done: 0, total: packages });
        await tx.exec(
          `DECLARE archive_packages NO SCROLL CURSOR FOR SELECT id, bytes, signature FROM "DataPackage" ORDER BY id`,
        );
        for (;;) {
          const rows = await tx.query<{ id: string; bytes: Uint8Array; signature: string }>(
            `FETCH 500 FROM archive_packages`,
          );
          for (const r of rows) {
            await add(`packages/${r.id}.json`, Buffer.from(r.bytes));
            await add(`packages/${r.id}.sig`, Buffer.from(`${r.signature}\n`));
          }
          written += rows.length;
          progress({ phase: "packages", done: written, total: packages });
          if (rows.length < 500) break;
        }
        await tx.exec("CLOSE archive_packages");
      }
    },
    { readOnly: true },
  );
  if (options.filesDir) {
    // only blobs (named by their hash); temporary files of uploads in progress are not part of the store
    const files = listFiles(options.filesDir).filter((path) =>
      blobSha(`files/${relative(options.filesDir!, path).split(sep).join("/")}`),
    );
    progress({ phase: "files", done: 0, total: files.length });
    for (const [i, path] of files.entries()) {
      const name = relative(options.filesDir, path).split(sep).join("/");
      const content = readFileSync(path);
      if (sha256(content) !== blobSha(`files/${name}`))
        throw new Error(`stored file ${name} does not hash to its name: the file store is damaged`);
      await add(`files/${name}`, content);
      if ((i + 1) % 100 === 0 || i + 1 === files.length) progress({ phase: "files", done: i + 1, total: files.length });
    }
  }
  progress({ phase: "finishing", done: 0, total: 1 });
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    createdAt: new Date(now).toISOString(),
    database: kind,
    migrations,
    migrationLevel: migrations.at(-1)?.name ?? null,
    tables,
    parts,
  };
  await tar.add("manifest.json", Buffer.from(JSON.stringify(manifest, null, 2)));
  tar.finish();
  await written;
  return { manifest, size, sha256: whole.digest("hex") };
}

/** Why an archive is refused; `code` is a key under `errors.archive.`. */
export class ArchiveRefused extends Error {
  constructor(
    readonly code:
      | "damaged"
      | "noManifest"
      | "badManifest"
      | "checksum"
      | "missingPart"
      | "extraPart"
      | "rowCount"
      | "migrations"
      | "notEmpty"
      | "contentHash",
    detail: string,
  ) {
    super(`archive refused (${code}): ${detail}`);
    this.name = "ArchiveRefused";
  }
}

export interface VerifiedArchive {
  manifest: Manifest;
  files: Map<string, Buffer>;
}

/** Reads and verifies a whole archive: gzip and tar intact, the manifest, every part's checksum, size and row count. */
export function verifyArchive(data: Buffer): VerifiedArchive {
  let files: Map<string, Buffer>;
  try {
    files = readTar(gunzipSync(data));
  } catch (error) {
    throw new ArchiveRefused("damaged", (error as Error).message);
  }
  const manifestBytes = files.get("manifest.json");
  if (!manifestBytes) throw new ArchiveRefused("noManifest", "manifest.json is missing");
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString("utf8")) as Manifest;
  } catch {
    throw new ArchiveRefused("badManifest", "manifest.json is not JSON");
  }
  if (
    manifest.format !== ARCHIVE_FORMAT ||
    !Array.isArray(manifest.parts) ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.migrations)
  ) {
    throw new ArchiveRefused("badManifest", "not an archive manifest of this format");
  }
  const listed = new Set<string>();
  for (const part of manifest.parts) {
    const content = files.get(part.path);
    if (!content) throw new ArchiveRefused("missingPart", part.path);
    if (content.length !== part.size || sha256(content) !== part.sha256)
      throw new ArchiveRefused("checksum", part.path);
    listed.add(part.path);
  }
  for (const path of files.keys())
    if (path !== "manifest.json" && !listed.has(path)) throw new ArchiveRefused("extraPart", path);
  // a stored file is named by its sha256: the name must be a blob path and the content must hash to it
  for (const [path, content] of files) {
    if (!path.startsWith("files/")) continue;
    const sha = blobSha(path);
    if (!sha) throw new ArchiveRefused("badManifest", `${path} is not a stored file's name`);
    if (sha256(content) !== sha) throw new ArchiveRefused("checksum", `${path} does not hash to its name`);
  }
  for (const table of manifest.tables) {
    const content = files.get(table.part);
    if (!content || !listed.has(table.part)) throw new ArchiveRefused("missingPart", table.part);
    const lines = content.length ? content.toString("utf8").split("\n").length - 1 : 0;
    if (lines !== table.rows) throw new ArchiveRefused("rowCount", table.name);
  }
  return { manifest, files };
}

/** The sha256 a `files/ab/cdef…` part is named by (null: not a blob path of the file store). */
function blobSha(path: string): string | null {
  const m = /^files\/([0-9a-f]{2})\/([0-9a-f]{62})$/.exec(path);
  return m ? m[1]! + m[2]! : null;
}

/**
 * Puts the stored files of a verified archive (`files/ab/cdef…`) back into the file store at `filesDir`
 * (lib/files' `filesDir()` in the tools). `verifyArchive` has checked every file before: its path must be
 * a blob path and its content must hash to the sha256 it is named by — otherwise the archive is refused
 * (by `restoreArchive` too, before the database is touched). Files already in the store are kept.
 * Returns how many files were written.
 */
export async function restoreFiles(data: Buffer, filesDir: string): Promise<number> {
  const { files } = verifyArchive(data);
  const blobs: [string, Buffer][] = [];
  for (const [path, content] of files) {
    const sha = blobSha(path);
    if (sha) blobs.push([sha, content]);
  }
  const store = new FileSystemBlobStore(filesDir);
  let written = 0;
  for (const [sha, content] of blobs) {
    const temp = join(await store.tempDir(), `.upload-restore-${randomBytes(8).toString("hex")}`);
    await writeFile(temp, content, { flag: "wx" });
    if (await store.commit(temp, sha)) written++;
  }
  return written;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  appliedAfter: string[];
}

/**
 * Restores a verified archive into an empty database (no rows in any table; tables may be absent). Refuses
 * before writing anything when the archive is damaged, its migrations are not those of this code, or the
 * database holds data.
 */
export async function restoreArchive(
  raw: RawSql,
  data: Buffer,
  migrations: Migration[] = loadMigrations(),
): Promise<RestoreResult> {
  const { manifest, files } = verifyArchive(data);
  const known = new Map(migrations.map((m) => [m.name, m.checksum]));
  for (const [i, m] of manifest.migrations.entries()) {
    if (known.get(m.name) !== m.checksum || migrations[i]?.name !== m.name)
      throw new ArchiveRefused("migrations", `${m.name} is not a migration of this version`);
  }
  for (const name of await listTables(raw)) {
    const [r] = await raw.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(name)}) AS any`);
    if (r!.any) throw new ArchiveRefused("notEmpty", `table ${name} has rows`);
  }
  await migrate(raw, migrations.slice(0, manifest.migrations.length));
  const existing = new Set(await listTables(raw));
  for (const t of manifest.tables)
    if (!existing.has(t.name))
      throw new ArchiveRefused("migrations", `table ${t.name} does not exist at the archive's migration level`);

  let rows = 0;
  await raw.transaction(async (tx) => {
    await tx.exec("SET LOCAL TIME ZONE 'UTC'");
    const fks = await tx.query<{ tbl: string; name: string; def: string }>(
      `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE k.contype = 'f' AND n.nspname = current_schema()`,
    );
    for (const fk of fks) await tx.exec(`ALTER TABLE ${quote(fk.tbl)} DROP CONSTRAINT ${quote(fk.name)}`);
    // The database was empty before migrating: any row now is reference data a migration inserted (service
    // definitions, the search state), which the archive holds as well.
    for (const t of manifest.tables) await tx.exec(`DELETE FROM ${quote(t.name)}`);
    for (const t of manifest.tables) {
      await tx.exec(`ALTER TABLE ${quote(t.name)} DISABLE TRIGGER USER`);
      const columns = await tx.query<{ c: string }>(
        `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [t.name],
      );
      const list = columns.map((c) => quote(c.c)).join(", ");
      const lines = files.get(t.part)!.toString("utf8").split("\n");
      lines.pop();
      for (let i = 0; i < lines.length; i += 2000) {
        const batch = `[${lines.slice(i, i + 2000).join(",")}]`;
        await tx.query(
          `INSERT INTO ${quote(t.name)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quote(t.name)}, $1::json)`,
          [batch],
        );
      }
      await tx.exec(`ALTER TABLE ${quote(t.name)} ENABLE TRIGGER USER`);
      rows += lines.length;
    }
    for (const fk of fks) await tx.exec(`ALTER TABLE ${quote(fk.tbl)} ADD CONSTRAINT ${quote(fk.name)} ${fk.def}`);
    // Sequences continue after the restored rows.
    const serials = await tx.query<{ tbl: string; col: string; seq: string }>(
      `SELECT table_name AS tbl, column_name AS col, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
       FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      if (!s.seq) continue;
      await tx.query(`SELECT setval($1, COALESCE((SELECT max(${quote(s.col)}) FROM ${quote(s.tbl)}), 0) + 1, false)`, [
        s.seq,
      ]);
    }
    for (const t of manifest.tables) {
      const { rows: n, hash } = await tableHash(tx, t.name);
      if (n !== t.rows || hash !== t.contentHash) throw new ArchiveRefused("contentHash", t.name);
    }
  });
  const appliedAfter = await migrate(raw, migrations);
  return { tables: manifest.tables.length, rows, appliedAfter };
}

/** Size of a file in bytes (for reports). */
export function fileSize(path: string): number {
  return statSync(path).size;
}
