/**
 * The guard in front of every parser of zip-based uploads (XLSX, DOCX, PPTX, zip): before a library such as
 * ExcelJS opens the file — it has no limit of its own — the zip's central directory is read and its entry
 * count and declared sizes are checked, then every entry is inflated once into nothing, counting bytes, so a
 * directory that understates its sizes (or entries that overlap one compressed stream) cannot get past the
 * cap either. The count stops at the first byte over the cap, so a zip bomb costs at most the cap's worth of
 * inflating, never its full expansion, and nothing of it is kept in memory.
 */
import { createInflateRaw } from "node:zlib";
import { AppError } from "../errors";

export interface ZipLimits {
  /** Entries the directory may list. */
  maxEntries: number;
  /** Bytes all entries may expand to together. */
  maxTotalBytes: number;
}

/** Spreadsheets uploaded to be read (report templates, student lists): a few parts of a few megabytes. */
export const SPREADSHEET_LIMITS: ZipLimits = { maxEntries: 200, maxTotalBytes: 32 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A zip over the limits: 413 with the localised reason. */
function tooLarge(limits: ZipLimits, field: string): AppError {
  return new AppError(
    "validation",
    { [field]: "files.zipTooLarge" },
    { max: Math.round(limits.maxTotalBytes / 1024 / 1024), entries: limits.maxEntries },
    { status: 413 },
  );
}

/** Not a zip this guard can vouch for (damaged, zip64, encrypted, an unknown method): 415. */
function unreadable(field: string): AppError {
  return new AppError("validation", { [field]: "files.zipUnreadable" }, {}, { status: 415 });
}

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * The entries of the central directory, refused when it lists more than `maxEntries` or declares more than
 * `maxTotalBytes` in all (both known before a byte is inflated).
 */
export function centralDirectory(bytes: Uint8Array, limits: ZipLimits, field = "file"): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable(field);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // 0xFFFF / 0xFFFFFFFF announce zip64 records; an upload we read is never that large
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw unreadable(field);
  if (count > limits.maxEntries) throw tooLarge(limits, field);
  if (offset + size > end) throw unreadable(field);
  const entries: Entry[] = [];
  let declared = 0;
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) throw unreadable(field);
    const entry: Entry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff)
      throw unreadable(field);
    declared += entry.size;
    if (declared > limits.maxTotalBytes) throw tooLarge(limits, field);
    entries.push(entry);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** Bytes a raw deflate stream expands to, or null as soon as it passes `limit` (the rest is never inflated). */
function inflatedSize(data: Uint8Array, limit: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        settle(() => resolve(null));
        inflate.destroy();
      }
    });
    inflate.on("end", () => settle(() => resolve(total)));
    inflate.on("error", (error) => settle(() => reject(error)));
    inflate.end(data);
  });
}

/**
 * Checks a zip-based upload against the limits before anything parses it: throws a localised 413 when it
 * lists too many entries or expands (as declared, or as actually inflated) past the cap, a 415 when it is
 * not a readable zip (the error names `field`, "file" unless told). The bytes are not changed.
 */
export async function assertZipWithinLimits(bytes: Uint8Array, limits: ZipLimits, field = "file"): Promise<void> {
  const entries = centralDirectory(bytes, limits, field);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = limits.maxTotalBytes;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw unreadable(field); // encrypted
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw unreadable(field);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + entry.compressedSize > bytes.length) throw unreadable(field);
    const data = bytes.subarray(start, start + entry.compressedSize);
    // inflated no further than the entry's declared size (within the budget): a directory that understates
    // an entry is caught one byte past what it declared
    const limit = Math.min(budget, entry.size);
    let actual: number | null;
    if (entry.method === 0) actual = data.length <= limit ? data.length : null;
    else if (entry.method === 8)
      actual = await inflatedSize(data, limit).catch(() => Promise.reject(unreadable(field)));
    else throw unreadable(field);
    if (actual === null) throw tooLarge(limits, field);
    if (actual !== entry.size) throw unreadable(field);
    budget -= actual;
  }
}

/** Whether the bytes start like a zip (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
