/**
 * Storage of letter files by content: `${DATA_DIR}/files/<first two hex digits>/<sha256>`. A file is streamed
 * to a temporary file while it is hashed and measured, its type is checked from its first bytes, and only
 * then renamed into place; a refused file leaves nothing behind. One small interface, so that a shared
 * file store can take its place later.
 */
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { env } from "../env";
import { AppError } from "../errors";
import { MAX_FILE_BYTES, sniffFileType, type FileKind } from "./rules";

export interface StoredFile {
  sha256: string;
  size: number;
  kind: FileKind;
}

export function filesDir(): string {
  return join(env().DATA_DIR, "files");
}

/** Where a stored file lives (the sha256 is checked, so the path never leaves the files directory). */
export function storedFilePath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError("notFound");
  return join(filesDir(), sha256.slice(0, 2), sha256);
}

/**
 * Streams a file into the store. Refused (and nothing kept): more than 20 MB (`letters.fileTooLarge`), an
 * empty file or a type other than PDF, PNG, JPEG or DOCX (`letters.fileType`).
 */
export async function storeFile(source: ReadableStream<Uint8Array>): Promise<StoredFile> {
  const tmpDir = join(env().DATA_DIR, "tmp");
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `letter-${randomUUID()}`);
  const hash = createHash("sha256");
  const out = createWriteStream(tmp);
  const head: number[] = [];
  let size = 0;
  try {
    const reader = source.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_FILE_BYTES) {
        await reader.cancel().catch(() => {});
        throw new AppError("validation", { file: "letters.fileTooLarge" }, { max: MAX_FILE_BYTES / 1024 / 1024 });
      }
      if (head.length < 512) head.push(...value.subarray(0, 512 - head.length));
      hash.update(value);
      if (!out.write(value)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const kind = size > 0 ? sniffFileType(Uint8Array.from(head)) : null;
    if (!kind) throw new AppError("validation", { file: "letters.fileType" });
    const sha256 = hash.digest("hex");
    const target = storedFilePath(sha256);
    await mkdir(join(filesDir(), sha256.slice(0, 2)), { recursive: true });
    if (existsSync(target)) await rm(tmp, { force: true });
    else await rename(tmp, target);
    return { sha256, size, kind };
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
}

/** A stored file as a web stream (for the download route). */
export function readStoredFile(sha256: string): ReadableStream<Uint8Array> {
  const path = storedFilePath(sha256);
  if (!existsSync(path)) throw new AppError("notFound");
  const stream = createReadStream(path);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stream.on("data", (chunk) => controller.enqueue(new Uint8Array(chunk as Buffer)));
      stream.on("end", () => controller.close());
      stream.on("error", (error) => controller.error(error));
    },
    cancel() {
      stream.destroy();
    },
  });
}
