/**
 * The archive's tar: written with tar-stream (ustar; a name too long for the header's name and prefix
 * fields goes into a pax header), read back by `readTar`, which checks every header's checksum and refuses
 * a truncated archive. Regular files only.
 */
import { pack, type Pack } from "tar-stream";

const BLOCK = 512;

export interface TarWriter {
  /** The tar bytes, to pipe into gzip or a file. */
  stream: Pack;
  /** Adds one file; resolves once its bytes are taken by the stream (so a slow reader holds the writer back). */
  add(name: string, content: Buffer, mtime?: Date): Promise<void>;
  /** Writes the end-of-archive marker and ends the stream. */
  finish(): void;
}

export function tarWriter(): TarWriter {
  const stream = pack();
  return {
    stream,
    add: (name, content, mtime = new Date()) =>
      new Promise<void>((resolve, reject) => {
        stream.entry({ name, size: content.length, mtime, mode: 0o644, type: "file" }, content, (error) =>
          error ? reject(error) : resolve(),
        );
      }),
    finish: () => {
      stream.finalize();
    },
  };
}

/** A whole tar of `files` in memory, in their order. */
export async function packTar(files: Iterable<[string, Buffer]>): Promise<Buffer> {
  const tar = tarWriter();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    tar.stream.on("data", (chunk) => chunks.push(chunk as Buffer));
    tar.stream.on("end", resolve);
    tar.stream.on("error", reject);
  });
  for (const [name, content] of files) await tar.add(name, content);
  tar.finish();
  await done;
  return Buffer.concat(chunks);
}

/** The `path` record of a pax extended header ("<length> path=<name>\n" records). */
function paxPath(data: Buffer): string | null {
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    const length = parseInt(data.subarray(offset, space).toString("ascii"), 10);
    if (space < 0 || !(length > 0)) return null;
    const record = data.subarray(space + 1, offset + length - 1).toString("utf8");
    if (record.startsWith("path=")) return record.slice(5);
    offset += length;
  }
  return null;
}

/** Reads every regular file of a tar; throws on a damaged header or a truncated entry. */
export function readTar(data: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  let paxName: string | null = null;
  for (;;) {
    if (offset + BLOCK > data.length) throw new Error("truncated archive (no end marker)");
    const h = data.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    const stored = parseInt(h.subarray(148, 156).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    if (stored !== sum) throw new Error(`damaged tar header at byte ${offset}`);
    const cstr = (a: number, b: number) => h.subarray(a, b).toString("utf8").replace(/\0.*$/s, "");
    const prefix = cstr(345, 500);
    const name = paxName ?? (prefix ? `${prefix}/${cstr(0, 100)}` : cstr(0, 100));
    paxName = null;
    const size = parseInt(cstr(124, 136).trim() || "0", 8);
    const type = String.fromCharCode(h[156]!);
    offset += BLOCK;
    if (offset + size > data.length) throw new Error(`truncated archive in ${name}`);
    if (type === "x") paxName = paxPath(data.subarray(offset, offset + size));
    else if (type === "0" || type === "\0") {
      if (files.has(name)) throw new Error(`duplicate entry ${name}`);
      files.set(name, data.subarray(offset, offset + size));
    }
    offset += size + ((BLOCK - (size % BLOCK)) % BLOCK);
  }
  return files;
}
