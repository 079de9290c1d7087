/**
 * Pure rules of the letter registers (R31): the registration number format, the overdue rule (in
 * Asia/Almaty days), the status transitions a person may make, and the recognised file types.
 */
import { almatyDay, dayOf } from "../diary/dates";

export const DIRECTIONS = ["INCOMING", "OUTGOING"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const STATUSES = ["REGISTERED", "IN_PROGRESS", "ANSWERED", "CLOSED", "CANCELLED"] as const;
export type Status = (typeof STATUSES)[number];

/** Open letters still wait for work; only they can be overdue, answered or cancelled. */
export const OPEN_STATUSES = ["REGISTERED", "IN_PROGRESS"] as const satisfies readonly Status[];

/**
 * Register prefixes, in the state language whatever the interface language: a number is written on paper
 * once and must read the same everywhere.
 */
export const NUMBER_PREFIX: Record<Direction, string> = { INCOMING: "Кіріс", OUTGOING: "Шығыс" };

/** "Кіріс-2026/0001": register, year of registration, sequence in that register and year (4 digits or more). */
export function letterNumber(direction: Direction, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence ${sequence}`);
  return `${NUMBER_PREFIX[direction]}-${year}/${String(sequence).padStart(4, "0")}`;
}

export const NUMBER_PATTERN = /^(Кіріс|Шығыс)-(\d{4})\/(\d{4,})$/;

/** The parts of a registration number, or null when it is not one. */
export function parseLetterNumber(number: string): { direction: Direction; year: number; sequence: number } | null {
  const m = NUMBER_PATTERN.exec(number.trim());
  if (!m) return null;
  return { direction: m[1] === NUMBER_PREFIX.INCOMING ? "INCOMING" : "OUTGOING", year: Number(m[2]), sequence: Number(m[3]) };
}

/** The register year of a registration instant: the calendar year in Asia/Almaty. */
export function registerYear(instant: Date): number {
  return Number(almatyDay(instant).slice(0, 4));
}

/**
 * A letter is overdue when it has a due date, that Asia/Almaty day has passed (the due day itself is still
 * in time), and it is still open (not answered, closed or cancelled).
 */
export function isOverdue(letter: { dueDate: Date | null; status: Status }, now: Date): boolean {
  if (!letter.dueDate) return false;
  if (!(OPEN_STATUSES as readonly string[]).includes(letter.status)) return false;
  return dayOf(letter.dueDate) < almatyDay(now);
}

/** Status changes made by hand (ANSWERED also comes by itself when a reply is registered). */
const TRANSITIONS: Record<Status, readonly Status[]> = {
  REGISTERED: ["IN_PROGRESS", "ANSWERED", "CLOSED", "CANCELLED"],
  IN_PROGRESS: ["ANSWERED", "CLOSED", "CANCELLED"],
  ANSWERED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: ["IN_PROGRESS"],
  CANCELLED: [],
};

export function canMove(from: Status, to: Status, direction: Direction): boolean {
  if (to === "ANSWERED" && direction !== "INCOMING") return false;
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: Status, direction: Direction): Status[] {
  return TRANSITIONS[from].filter((to) => canMove(from, to, direction));
}

// ───────── files ─────────

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const FILE_TYPES = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
export type FileKind = keyof typeof FILE_TYPES;

/**
 * The type of a file from its first bytes (never from its name): PDF "%PDF-", PNG's signature, JPEG's SOI
 * marker, DOCX as a ZIP whose first entry is an OOXML part ([Content_Types].xml, _rels/ or word/).
 */
export function sniffFileType(head: Uint8Array): FileKind | null {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x50, 0x4b, 0x03, 0x04]) && head.length >= 30) {
    const nameLength = head[26]! | (head[27]! << 8);
    const name = new TextDecoder().decode(head.subarray(30, 30 + nameLength));
    if (name === "[Content_Types].xml" || name.startsWith("_rels/") || name.startsWith("word/") || name.startsWith("docProps/")) return "docx";
  }
  return null;
}

/** A file name safe to keep and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string, kind: FileKind): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return base || `letter.${kind === "jpeg" ? "jpg" : kind}`;
}
