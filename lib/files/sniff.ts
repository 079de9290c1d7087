/**
 * What a file is, from its bytes (never from its name): PDF, PNG, JPEG, GIF and WebP as file-type detects
 * them, and the Office Open XML zip containers DOCX, PPTX and XLSX, told apart by the part names listed in
 * the zip's central directory ([Content_Types].xml plus word/, ppt/ or xl/ parts) — file-type reads the
 * content types instead, and calls a zip without them, or with unusual ones, just a zip. Anything else
 * (an .exe renamed .pdf, say) is refused by the store.
 */
import { fileTypeFromBuffer, type FileTypeResult } from "file-type";

export const FILE_KINDS = {
  pdf: { mime: "application/pdf", extensions: ["pdf"] },
  png: { mime: "image/png", extensions: ["png"] },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  gif: { mime: "image/gif", extensions: ["gif"] },
  webp: { mime: "image/webp", extensions: ["webp"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
} as const;

export type FileKind = keyof typeof FILE_KINDS;
export const IMAGE_KINDS: readonly FileKind[] = ["png", "jpeg", "gif", "webp"];

/** Bytes of the tail read to find a zip's central directory (end record + names of the parts). */
export const ZIP_TAIL_BYTES = 256 * 1024;

type DirectKind = Exclude<FileKind, "docx" | "pptx" | "xlsx">;

/** Our kinds among the formats file-type tells (an Illustrator file is a PDF, an animated PNG a PNG). */
const DETECTED: Record<string, DirectKind | "zip"> = {
  pdf: "pdf",
  ai: "pdf",
  png: "png",
  apng: "png",
  jpg: "jpeg",
  gif: "gif",
  webp: "webp",
  zip: "zip",
  docx: "zip",
  pptx: "zip",
  xlsx: "zip",
};

/** Our kind of what file-type detected; "zip" means the part names must tell which Office document it is. */
export function detectedKind(detected: FileTypeResult | undefined): DirectKind | "zip" | null {
  return (detected && DETECTED[detected.ext]) ?? null;
}

/** The kind of a whole file in memory. */
export async function sniffBuffer(bytes: Uint8Array): Promise<FileKind | null> {
  const kind = detectedKind(await fileTypeFromBuffer(bytes));
  if (kind !== "zip") return kind;
  const names = zipEntryNames(bytes, bytes.length);
  return names ? officeKind(names) : null;
}

/**
 * Names of the entries of a zip from its tail: finds the end-of-central-directory record, then walks the
 * central directory. Returns null when the tail does not hold a whole, consistent directory.
 */
export function zipEntryNames(tail: Uint8Array, fileSize: number): string[] | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const tailStart = fileSize - tail.length;
  // The end record is 22 bytes plus a comment of up to 65535 bytes; search backwards for its signature.
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    const size = view.getUint32(i + 12, true);
    const offset = view.getUint32(i + 16, true);
    if (offset + size > fileSize || offset < tailStart) return null;
    const names: string[] = [];
    let p = offset - tailStart;
    const decoder = new TextDecoder();
    for (let n = 0; n < entries; n++) {
      if (p + 46 > tail.length || view.getUint32(p, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      if (p + 46 + nameLength > tail.length) return null;
      names.push(decoder.decode(tail.subarray(p + 46, p + 46 + nameLength)));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/** Which Office Open XML document a zip is, from its part names (null: some other zip). */
export function officeKind(names: readonly string[]): "docx" | "pptx" | "xlsx" | null {
  if (!names.includes("[Content_Types].xml")) return null;
  if (names.includes("word/document.xml")) return "docx";
  if (names.includes("ppt/presentation.xml")) return "pptx";
  if (names.includes("xl/workbook.xml")) return "xlsx";
  return null;
}

/** The kind a file name claims by its extension (null: not an accepted extension). */
export function claimedKind(fileName: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext) return null;
  for (const [kind, info] of Object.entries(FILE_KINDS))
    if ((info.extensions as readonly string[]).includes(ext)) return kind as FileKind;
  return null;
}

/** A file name safe to store and to send in Content-Disposition (no paths, no control characters). */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, "")
    .trim()
    .slice(0, 200);
  return clean || "file";
}
