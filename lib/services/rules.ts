/**
 * Pure rules of the electronic services: the first-grade admission age, the preschool queue's age rule and
 * order, the admission years open for applications, certificate numbers and verification codes, initials, time limits.
 */

/** Age in whole years on a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type AdmissionAge = "ok" | "tooYoung" | "tooOld";

/**
 * First grade takes children who are 6 by 1 September of the admission year; a child who is already 8 on
 * that day is past first-grade age (placed by the school into the grade that fits instead).
 */
export function admissionAge(birthDate: string, admissionYear: number): AdmissionAge {
  const age = ageOn(birthDate, `${admissionYear}-09-01`);
  if (age < 6) return "tooYoung";
  if (age >= 8) return "tooOld";
  return "ok";
}

/** Admission years a parent may apply for on a day: the school year under way and the next one. */
export function admissionYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  const current = today.slice(5) >= "09-01" ? year : year - 1;
  return [current, current + 1];
}

/** Number prefixes: certificates of study, and professional development course certificates (lib/staff/courses.ts). */
const PREFIX = { STUDY_CERTIFICATE: "SC", COURSE_CERTIFICATE: "PD" } as const;

/** "SC-2026-000123": kind, year of issue and the database sequence value. */
export function certificateNumber(seq: number, year: number, kind: keyof typeof PREFIX = "STUDY_CERTIFICATE"): string {
  return `${PREFIX[kind]}-${year}-${String(seq).padStart(6, "0")}`;
}

export const NUMBER_PATTERN = /^[A-Z]{2}-\d{4}-\d{6,}$/;

// Crockford's base32: no I, L, O, U, so a code read aloud or typed is not mistaken.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Eight random symbols (40 bits) shown as "ABCD-EFGH"; `bytes` must hold at least 8 random bytes. */
export function verificationCode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += ALPHABET[bytes[i]! % 32];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A verification code as typed: upper case, look-alike letters mapped (O→0, I/L→1), the dash restored. */
function normaliseCode(input: string): string | null {
  const compact = input.replace(/-/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (compact.length !== 8 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/**
 * Normalises what someone typed: the verification code alone, or the number followed by the code
 * ("SC-2026-000123 ABCD-EFGH"). The sequential number alone is never enough (numbers can be counted through):
 * it gives `{ numberOnly }`, which is refused with a request for the code. Null when it is neither.
 */
export function normaliseQuery(input: string): { code: string; number?: string } | { numberOnly: string } | null {
  const s = input.trim().toUpperCase();
  const withNumber = /^([A-Z]{2}-\d{4}-\d{6,})(?:[\s/,;:]+(.*))?$/.exec(s);
  if (withNumber) {
    const number = withNumber[1]!;
    const rest = (withNumber[2] ?? "").replace(/\s+/g, "");
    if (!rest) return { numberOnly: number };
    const code = normaliseCode(rest);
    return code ? { number, code } : null;
  }
  const code = normaliseCode(s.replace(/\s+/g, ""));
  return code ? { code } : null;
}

/** "А. Е. О." — the only trace of the holder's name the public verification page shows. */
export function initials(person: { firstName: string; middleName?: string | null; lastName: string }): string {
  return [person.firstName, person.middleName, person.lastName]
    .filter((p): p is string => !!p && p.trim().length > 0)
    .map((p) => `${p.trim()[0]!.toUpperCase()}.`)
    .join(" ");
}

/** The processing deadline: the time limit in calendar days after submission. */
export function dueAt(submittedAt: Date, timeLimitDays: number): Date {
  return new Date(submittedAt.getTime() + timeLimitDays * 86_400_000);
}

/** Statuses of an application still being processed (the others close it). */
export const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "RELEASED", "OFFERED", "DECLINED"] as const;

/** A preschool application in these statuses holds its place in the district queue. */
export const QUEUE_STATUSES = ["SUBMITTED", "OFFERED", "DECLINED"] as const;

/**
 * Staff see "overdue" for an open application past its deadline. A preschool application waiting in the
 * queue has no deadline (it waits for a place); an offered place has the parent's answer as its deadline.
 */
export function isOverdue(application: { status: string; dueAt: Date; kind?: string }, now: Date): boolean {
  if (application.kind === "PRESCHOOL" && application.status !== "OFFERED") return false;
  return (
    (OPEN_STATUSES as readonly string[]).includes(application.status) && application.dueAt.getTime() < now.getTime()
  );
}

export type PreschoolAge = "ok" | "notBorn" | "tooOld";

/** Children join the kindergarten queue from birth until their 6th birthday (at 6 the school year begins). */
export const PRESCHOOL_MAX_AGE = 6;

/** The preschool queue's age rule on the day of application. */
export function preschoolAge(birthDate: string, today: string): PreschoolAge {
  if (birthDate > today) return "notBorn";
  return ageOn(birthDate, today) >= PRESCHOOL_MAX_AGE ? "tooOld" : "ok";
}

export interface QueueEntry {
  id: string;
  /** Priority category: a higher one comes first. */
  priority: number;
  createdAt: Date;
}

/**
 * The district queue's order: priority category (higher first), then submission time, then id (so equal
 * times still give one order). Returns the position (1-based) of each application.
 */
export function queuePositions(entries: readonly QueueEntry[]): Map<string, number> {
  const sorted = [...entries].sort(
    (a, b) =>
      b.priority - a.priority ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return new Map(sorted.map((e, i) => [e.id, i + 1]));
}
