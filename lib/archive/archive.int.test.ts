/**
 * Disaster recovery: export, destroy the database, restore into an empty one, prove equality by row counts
 * and a content hash per table — on PGlite (a database directory deleted and created again) and on
 * PostgreSQL when TEST_DATABASE_URL is set (the schema dropped). Damaged archives are refused before
 * anything is written. The stored files of lib/files (a letter's file and a publication attachment) go
 * along and come back, each checked against the sha256 it is named by.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { database } from "@/lib/db";
import { openDatabase, type Database } from "@/lib/db/driver";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { FileSystemBlobStore, storeUpload } from "@/lib/files/store";
import { makeZip, samplePdf } from "@/tests/fixtures/zip-fixture";
import { testDatabaseUrl } from "@/tests/setup/integration";
import {
  ArchiveRefused,
  exportArchive,
  listTables,
  restoreArchive,
  restoreFiles,
  tableHashes,
  verifyArchive,
  type Manifest,
} from "./archive";
import { packTar, readTar } from "./tar";

const dir = mkdtempSync(join(tmpdir(), "eiso-archive-"));
const archive = join(dir, "archive.tar.gz");
/** The file store of the source (as FILES_DIR would point it) and the one the files are restored into. */
const files = new FileSystemBlobStore(join(dir, "files"));
const restored = new FileSystemBlobStore(join(dir, "restored-files"));
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The source database: a PGlite directory of its own, or the PostgreSQL test database. */
async function source(): Promise<Database> {
  if (testDatabaseUrl) return database();
  const db = openDatabase({ dir: join(dir, "pglite") });
  await migrate(db.raw);
  await seed(db.prisma, "tiny");
  return db;
}

/** Destroys the source database and opens an empty one in its place. */
async function destroyAndReopen(db: Database): Promise<Database> {
  if (testDatabaseUrl) {
    await db.raw.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    return db;
  }
  await db.close();
  rmSync(join(dir, "pglite"), { recursive: true, force: true });
  return openDatabase({ dir: join(dir, "pglite") });
}

/** Rewrites an archive with one part's content changed (the manifest untouched). */
async function tamper(data: Buffer, change: (files: Map<string, Buffer>) => void): Promise<Buffer> {
  const files = readTar(gunzipSync(data));
  change(files);
  return gzipSync(await packTar(files));
}

/** Rewrites an archive with a part changed and the manifest changed to match it (only the name can tell). */
function forge(data: Buffer, path: string, content: Buffer): Promise<Buffer> {
  return tamper(data, (f) => {
    const manifest = JSON.parse(f.get("manifest.json")!.toString("utf8")) as Manifest;
    manifest.parts = [
      ...manifest.parts.filter((p) => p.path !== path),
      { path, sha256: sha(content), size: content.length },
    ];
    f.set(path, content);
    f.delete("manifest.json");
    f.set("manifest.json", Buffer.from(JSON.stringify(manifest)));
  });
}

describe("archive", () => {
  let before: Record<string, { rows: number; hash: string }>;
  let data: Buffer;
  let target: Database;
  let letterSha = "";
  let attachmentSha = "";

  it("exports every table with row counts, checksums and the migration level", async () => {
    const db = await source();
    await db.prisma.dataPackage.deleteMany();
    const org = await db.prisma.organization.findFirstOrThrow({ select: { id: true } });
    const key = await db.prisma.packageKey.create({
      data: {
        organizationId: org.id,
        publicKey: "pem",
        fingerprint: "f".repeat(64),
        label: "k",
        validFrom: new Date(0),
        validTo: new Date("2099-01-01"),
      },
    });
    await db.prisma.dataPackage.create({
      data: {
        id: "00000000-0000-4000-8000-000000000001",
        organizationId: org.id,
        keyId: key.id,
        formCode: "P-1",
        year: 2026,
        periodLabel: "2026",
        bytes: Buffer.from('{"x":1}'),
        signature: "c2ln",
        sha256: "a".repeat(64),
        size: 7,
        sentAt: new Date(),
        receivedAt: new Date(),
        verdict: "REJECTED",
        receipt: { r: 1 },
        expiresAt: new Date("2031-01-01"),
      },
    });
    // a letter's file and a publication attachment, stored the way lib/letters and lib/publications do
    const user = await db.prisma.user.findFirstOrThrow({ select: { id: true } });
    const pdf = await storeUpload(Readable.from([samplePdf("letter")]), { fileName: "хат.pdf" }, files);
    const docx = await storeUpload(
      Readable.from([makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" })]),
      { fileName: "plan.docx" },
      files,
    );
    for (const f of [pdf, docx])
      await db.prisma.storedFile.upsert({
        where: { sha256: f.sha256 },
        create: { sha256: f.sha256, size: f.size, mimeType: f.mimeType, kind: f.kind },
        update: {},
      });
    await db.prisma.letter.create({
      data: {
        organizationId: org.id,
        direction: "INCOMING",
        year: 2026,
        sequence: 9001,
        number: "Кіріс-2026/9001",
        correspondent: "c",
        subject: "s",
        registeredById: user.id,
        fileSha256: pdf.sha256,
        fileName: pdf.fileName,
        fileType: pdf.mimeType,
        fileSize: pdf.size,
      },
    });
    const publication = await db.prisma.publication.create({
      data: { type: "LESSON_PLAN", language: "kk", title: "t", body: "b", html: "<p>b</p>", authorId: user.id },
    });
    await db.prisma.publicationAttachment.create({
      data: { publicationId: publication.id, sha256: docx.sha256, fileName: docx.fileName, uploadedById: user.id },
    });
    [letterSha, attachmentSha] = [pdf.sha256, docx.sha256];
    // a temporary file of an upload in progress is not a stored file
    writeFileSync(join(files.root, ".upload-unfinished"), "partial");
    before = await tableHashes(db.raw);
    const result = await exportArchive(db.raw, db.kind, archive, { filesDir: files.root });
    data = readFileSync(archive);
    expect(result.manifest.tables.map((t) => t.name).sort()).toEqual(Object.keys(before).sort());
    for (const t of result.manifest.tables) expect([t.name, t.rows]).toEqual([t.name, before[t.name]!.rows]);
    expect(before.Territory!.rows).toBeGreaterThan(10);
    expect(before.Submission!.rows).toBeGreaterThan(0);
    expect(result.manifest.migrationLevel).toMatch(/packages_archive|_/);
    expect(result.manifest.parts.map((p) => p.path)).toContain("packages/00000000-0000-4000-8000-000000000001.json");
    expect(verifyArchive(data).manifest.parts.length).toBe(result.manifest.parts.length);
    const fileParts = result.manifest.parts.map((p) => p.path).filter((p) => p.startsWith("files/"));
    expect(fileParts.sort()).toEqual(
      [letterSha, attachmentSha].map((h) => `files/${h.slice(0, 2)}/${h.slice(2)}`).sort(),
    );
    target = await destroyAndReopen(db);
    expect(await listTables(target.raw)).toEqual([]);
  });

  it("refuses a damaged or incomplete archive before writing anything", async () => {
    const cases: [string, Buffer, string][] = [
      [
        "one byte changed in a table",
        await tamper(data, (f) => {
          const part = f.get("tables/Territory.jsonl")!;
          const copy = Buffer.from(part);
          copy[10] = copy[10]! ^ 1;
          f.set("tables/Territory.jsonl", copy);
        }),
        "checksum",
      ],
      ["a part missing", await tamper(data, (f) => f.delete("tables/Organization.jsonl")), "missingPart"],
      ["an extra part", await tamper(data, (f) => f.set("tables/Extra.jsonl", Buffer.from("{}\n"))), "extraPart"],
      ["no manifest", await tamper(data, (f) => f.delete("manifest.json")), "noManifest"],
      // stored files are named by their sha256: a consistent manifest does not make other bytes acceptable
      [
        "a stored file that does not hash to its name",
        await forge(data, `files/${letterSha.slice(0, 2)}/${letterSha.slice(2)}`, samplePdf("other")),
        "checksum",
      ],
      [
        "a stored file under a name that is no sha256",
        await forge(data, "files/../../etc/cron.d/x", Buffer.from("x")),
        "badManifest",
      ],
      ["truncated file", data.subarray(0, Math.floor(data.length / 2)), "damaged"],
      [
        "one byte changed in the compressed file",
        Buffer.from(data.map((b, i) => (i === Math.floor(data.length / 3) ? b ^ 0xff : b))),
        "damaged",
      ],
    ];
    for (const [name, bytes, code] of cases) {
      const error = await restoreArchive(target.raw, bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect([name, error instanceof ArchiveRefused ? error.code : String(error)]).toEqual([name, code]);
      expect(await listTables(target.raw)).toEqual([]);
    }
  });

  it("restores into the empty database with equal row counts and content hashes", async () => {
    const result = await restoreArchive(target.raw, data);
    expect(result.tables).toBe(Object.keys(before).length);
    expect(await tableHashes(target.raw)).toEqual(before);
    // sequences continue after the restored rows; foreign keys are back in force
    const org = await target.prisma.organization.findFirstOrThrow({ select: { id: true } });
    await expect(
      target.prisma.dataPackage.create({
        data: {
          id: "00000000-0000-4000-8000-000000000002",
          organizationId: org.id,
          keyId: "missing",
          formCode: "x",
          year: 1,
          periodLabel: "x",
          bytes: Buffer.from(""),
          signature: "",
          sha256: "",
          size: 0,
          sentAt: new Date(),
          receivedAt: new Date(),
          verdict: "REJECTED",
          receipt: {},
          expiresAt: new Date(),
        },
      }),
    ).rejects.toThrow();
    // a second restore into the now non-empty database is refused
    const error = await restoreArchive(target.raw, data).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error instanceof ArchiveRefused && error.code).toBe("notEmpty");
    expect(await tableHashes(target.raw)).toEqual(before);
    // the stored files come back into the file store: every blob a restored row refers to, byte for byte
    expect(await restoreFiles(data, restored.root)).toBe(2);
    const rows = await target.prisma.storedFile.findMany({ select: { sha256: true } });
    const referenced = [
      (await target.prisma.letter.findFirstOrThrow({ where: { number: "Кіріс-2026/9001" } })).fileSha256!,
      (await target.prisma.publicationAttachment.findFirstOrThrow({ where: { sha256: attachmentSha } })).sha256,
    ];
    expect(referenced).toEqual([letterSha, attachmentSha]);
    for (const { sha256 } of rows) {
      const bytes = readFileSync(restored.pathOf(sha256));
      expect(sha(bytes)).toBe(sha256);
      expect(bytes).toEqual(readFileSync(files.pathOf(sha256)));
    }
    expect(rows.map((r) => r.sha256)).toEqual(expect.arrayContaining(referenced));
    expect(await restored.temporaryFiles()).toEqual([]);
    // files already in the store are kept, nothing is written twice
    expect(await restoreFiles(data, restored.root)).toBe(0);
    if (!testDatabaseUrl) await target.close();
    writeFileSync(join(dir, "done"), "");
  });
});
