/** A minimal ustar writer and reader (regular files only), so archives open with any `tar`. Pure. */

const BLOCK = 512;

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`Name too long for tar: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, "utf8");
  h.write("0000644\0", 100, 8, "ascii");
  h.write("0000000\0", 108, 8, "ascii");
  h.write("0000000\0", 116, 8, "ascii");
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124, 12, "ascii");
  h.write(
    `${Math.floor(mtime / 1000)
      .toString(8)
      .padStart(11, "0")}\0`,
    136,
    12,
    "ascii",
  );
  h.write("        ", 148, 8, "ascii");
  h.write("0", 156, 1, "ascii");
  h.write("ustar\0", 257, 6, "ascii");
  h.write("00", 263, 2, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return h;
}

/** The blocks of one file entry: header, content, padding. */
export function tarEntry(name: string, content: Buffer, mtime = Date.now()): Buffer[] {
  const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
  return [header(name, content.length, mtime), content, Buffer.alloc(pad, 0)];
}

/** The end-of-archive marker. */
export function tarEnd(): Buffer {
  return Buffer.alloc(BLOCK * 2, 0);
}

/** Reads every regular file of a tar; throws on a damaged header or a truncated entry. */
export function readTar(data: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
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
    const name = prefix ? `${prefix}/${cstr(0, 100)}` : cstr(0, 100);
    const size = parseInt(cstr(124, 136).trim() || "0", 8);
    const type = String.fromCharCode(h[156]!);
    offset += BLOCK;
    if (offset + size > data.length) throw new Error(`truncated archive in ${name}`);
    if (type === "0" || type === "\0") {
      if (files.has(name)) throw new Error(`duplicate entry ${name}`);
      files.set(name, data.subarray(offset, offset + size));
    }
    offset += size + ((BLOCK - (size % BLOCK)) % BLOCK);
  }
  return files;
}
