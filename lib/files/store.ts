/**
 * Content-addressed file store. An upload is streamed into a temporary file inside the store's directory
 * while its sha256 is computed and its size checked (the limit stops the stream as soon as it is passed);
 * then its type is checked from its bytes and it is renamed atomically to `files/ab/cdef…` (the hash). Any
 * failure deletes the temporary file, so a refused upload leaves nothing behind. The same bytes uploaded
 * twice are stored once.
 *
 * `BlobStore` is the port: the filesystem adapter is the embedded default; an S3-compatible adapter would
 * implement the same four methods (see docs/files.md).
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, stat, unlink, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../errors";
import { env } from "../env";
import { fileTypeFromFile } from "file-type";
import {
  FILE_KINDS,
  ZIP_TAIL_BYTES,
  claimedKind,
  detectedKind,
  officeKind,
  safeFileName,
  zipEntryNames,
  type FileKind,
} from "./sniff";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const TEMP_PREFIX = ".upload-";

/** Where stored files live; an object-store adapter implements the same port. */
export interface BlobStore {
  /** A directory on the local disk for temporary upload files (same filesystem as the store, for rename). */
  tempDir(): Promise<string>;
  /** Moves a checked temporary file in under its hash; false when the same content was already there. */
  commit(tempPath: string, sha256: string): Promise<boolean>;
  read(sha256: string): Promise<Readable | null>;
  remove(sha256: string): Promise<void>;
}

const SHA = /^[0-9a-f]{64}$/;

export class FileSystemBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, blobPath(sha256));
  }

  async tempDir(): Promise<string> {
    await mkdir(this.root, { recursive: true });
    return this.root;
  }

  async commit(tempPath: string, sha256: string): Promise<boolean> {
    const target = this.pathOf(sha256);
    if (await exists(target)) {
      await unlink(tempPath).catch(() => {});
      return false;
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(tempPath, target);
    return true;
  }

  async read(sha256: string): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    return (await exists(path)) ? createReadStream(path) : null;
  }

  async remove(sha256: string): Promise<void> {
    await unlink(this.pathOf(sha256)).catch(() => {});
  }

  /** Temporary files left in the store's directory (none, unless a process was killed mid-upload). */
  async temporaryFiles(): Promise<string[]> {
    if (!(await exists(this.root))) return [];
    return (await readdir(this.root)).filter((f) => f.startsWith(TEMP_PREFIX));
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

let store: BlobStore | undefined;

/** The directory of the stored files: `${DATA_DIR}/files`, or FILES_DIR when set (also used by the archive). */
export function filesDir(): string {
  return env().FILES_DIR ?? join(env().DATA_DIR, "files");
}

/** The blob path of a sha256 relative to the files directory (`ab/cdef…`), the layout of every adapter. */
export function blobPath(sha256: string): string {
  if (!SHA.test(sha256)) throw new AppError("notFound");
  return join(sha256.slice(0, 2), sha256.slice(2));
}

/** The configured store (see `filesDir`). */
export function blobStore(): BlobStore {
  store ??= new FileSystemBlobStore(filesDir());
  return store;
}

/** Tests and tools point the store elsewhere. */
export function useBlobStore(next: BlobStore): void {
  store = next;
}

export interface StoredUpload {
  sha256: string;
  size: number;
  kind: FileKind;
  mimeType: string;
  fileName: string;
  /** False when the same bytes were already stored. */
  created: boolean;
}

export interface UploadOptions {
  fileName: string;
  maxBytes?: number;
  /** Kinds accepted here (default: all known kinds). */
  accept?: readonly FileKind[];
}

type Source = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Readable;

/** Streams an upload into the store; refuses (and leaves nothing) when too large or not what it claims. */
export async function storeUpload(
  source: Source,
  options: UploadOptions,
  target: BlobStore = blobStore(),
): Promise<StoredUpload> {
  const fileName = safeFileName(options.fileName);
  const claimed = claimedKind(fileName);
  const accept = options.accept ?? (Object.keys(FILE_KINDS) as FileKind[]);
  if (!claimed || !accept.includes(claimed))
    throw new AppError("validation", { file: "files.typeNotAllowed" }, { types: accept.join(", ") });
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  const dir = await target.tempDir();
  const temp = join(dir, `${TEMP_PREFIX}${randomBytes(12).toString("hex")}`);
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > max)
        return done(new AppError("validation", { file: "files.tooLarge" }, { max: Math.round(max / 1024 / 1024) }));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  let committed = false;
  try {
    const input =
      source instanceof Readable
        ? source
        : isWebStream(source)
          ? Readable.fromWeb(source as import("node:stream/web").ReadableStream<Uint8Array>)
          : Readable.from(source as AsyncIterable<Uint8Array>);
    await pipeline(input, meter, createWriteStream(temp, { flags: "wx" }));
    if (size === 0) throw new AppError("validation", { file: "files.empty" });
    const kind = await sniffFile(temp, size);
    if (kind !== claimed)
      throw new AppError("validation", { file: "files.contentMismatch" }, { claimed: claimed.toUpperCase() });
    const sha256 = hash.digest("hex");
    const created = await target.commit(temp, sha256);
    committed = true;
    return { sha256, size, kind, mimeType: FILE_KINDS[kind].mime, fileName, created };
  } finally {
    if (!committed) await unlink(temp).catch(() => {});
  }
}

function isWebStream(source: Source): boolean {
  return typeof (source as ReadableStream).getReader === "function";
}

/** The kind of a whole file on disk (file-type reads its head; for zips, the tail with the central directory is read). */
export async function sniffFile(path: string, size: number): Promise<FileKind | null> {
  const first = detectedKind(await fileTypeFromFile(path));
  if (first !== "zip") return first;
  const handle = await open(path, "r");
  try {
    const length = Math.min(ZIP_TAIL_BYTES, size);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    const names = zipEntryNames(tail, size);
    return names ? officeKind(names) : null;
  } finally {
    await handle.close();
  }
}
