/**
 * Pure rules of the letter registers (R31): the registration number format, the overdue rule (in
 * Asia/Almaty days), the status transitions a person may make, and the file kinds a letter accepts.
 */
import { dayOf } from "../diary/dates";
import { almatyDate } from "../time";
import type { FileKind } from "../files/sniff";

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
  return {
    direction: m[1] === NUMBER_PREFIX.INCOMING ? "INCOMING" : "OUTGOING",
    year: Number(m[2]),
    sequence: Number(m[3]),
  };
}

/** The register year of a registration instant: the calendar year in Asia/Almaty. */
export function registerYear(instant: Date): number {
  return Number(almatyDate(instant).slice(0, 4));
}

/**
 * A letter is overdue when it has a due date, that Asia/Almaty day has passed (the due day itself is still
 * in time), and it is still open (not answered, closed or cancelled).
 */
export function isOverdue(letter: { dueDate: Date | null; status: Status }, now: Date): boolean {
  if (!letter.dueDate) return false;
  if (!(OPEN_STATUSES as readonly string[]).includes(letter.status)) return false;
  return dayOf(letter.dueDate) < almatyDate(now);
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

/** Kinds a letter's file may be (checked from its bytes by the file store, lib/files), and its size limit. */
export const LETTER_FILE_KINDS = ["pdf", "png", "jpeg", "docx"] as const satisfies readonly FileKind[];
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
