/**
 * Reporting deadline rule (order No. 1037, §11).
 *
 * A due date that falls on a weekend or a public holiday of the Republic of
 * Kazakhstan moves to the end of the next working day. A report is on time if
 * it is submitted no later than 23:59:59.999 of the effective deadline day,
 * Almaty time.
 *
 * Calendar model (five-day working week, Monday to Friday):
 *
 * 1. Public holidays come from `date-holidays` for country "KZ", entries of
 *    type "public" only. The library's own "substitute day" entries are
 *    ignored and recomputed here (see 2), because the library places each
 *    substitute on a fixed weekday and can collide with another holiday: for
 *    Nauryz 2026 (21 Sat, 22 Sun, 23 Mon) it yields 23 and 24 March, while
 *    the official calendar gives 24 and 25 March.
 * 2. Substitute days off (Law "On holidays", Labour Code art. 85): when a
 *    holiday falls on a Saturday or Sunday, the next working day becomes a
 *    day off. Holidays are processed in date order and each substitute takes
 *    the first Monday-Friday date that is not a holiday, not an earlier
 *    substitute and not a transferred day off. Religious holidays (Orthodox
 *    Christmas on 7 January, Kurban Ait) get no substitute; the library
 *    encodes exactly this in its rules ("... if saturday then next monday"),
 *    which is what `substitutable` is derived from.
 * 3. Overrides (`holiday-overrides.json`, or `options.overrides`), applied
 *    last, carry the government's yearly transfers and data corrections:
 *    - "day-off": an extra non-working weekday (a transferred rest day);
 *    - "working-day": a Saturday or Sunday made a working day;
 *    - "not-holiday": a date the library lists as a public holiday that is
 *      not observed that year; the day reverts to its ordinary status and no
 *      substitute day is generated for it.
 *
 * Time zone: Almaty time is taken as a fixed UTC+05:00. Kazakhstan moved to a
 * single UTC+5 zone on 2024-03-01; before that Almaty used UTC+6, so instants
 * computed for due dates before March 2024 are one hour later than the
 * historical local midnight. Reporting periods handled by the system start
 * after the change, so no time zone database is consulted.
 */
import Holidays from "date-holidays";
import { z } from "zod";
import overridesFile from "./holiday-overrides.json" with { type: "json" };

/** Fixed offset of Almaty time from UTC, in minutes (UTC+05:00). */
export const ALMATY_UTC_OFFSET_MINUTES = 5 * 60;

/** Safety limit: no real calendar has this many non-working days in a row. */
const MAX_SHIFT_DAYS = 31;

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export type OverrideKind = "day-off" | "working-day" | "not-holiday";

export interface HolidayOverride {
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  kind: OverrideKind;
  note?: string | undefined;
}

export interface CalendarOptions {
  /**
   * Transfers and corrections to use instead of `holiday-overrides.json`.
   * Pass `[]` to rely on the library data alone. The array is validated on
   * first use and results are cached per array, so do not mutate it later.
   */
  overrides?: readonly HolidayOverride[];
}

export interface EffectiveDeadline {
  /** The effective deadline day, YYYY-MM-DD. */
  date: string;
  /** End of that day (23:59:59.999 at UTC+05:00) as a UTC instant. */
  endsAt: Date;
  /** True when the due date was not a working day and the deadline moved. */
  moved: boolean;
  /** One entry per skipped non-working day, present only when moved. */
  reason?: string[];
}

export interface DayStatus {
  date: string;
  weekday: (typeof WEEKDAY_NAMES)[number];
  working: boolean;
  /** Why the day is non-working (or why a weekend day is working). Empty for ordinary weekdays. */
  reasons: string[];
}

// ---------------------------------------------------------------------------
// Plain calendar-date helpers (dates are YYYY-MM-DD strings, computed in UTC
// so that the host time zone never matters).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  return toUtcMs(value) !== null;
}

function requireDate(date: string, what = "date"): number {
  const ms = typeof date === "string" ? toUtcMs(date) : null;
  if (ms === null) throw new RangeError(`Invalid ${what} "${String(date)}": expected a calendar date YYYY-MM-DD`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return fromUtcMs(requireDate(date) + days * MS_PER_DAY);
}

function weekdayOf(date: string): number {
  return new Date(requireDate(date)).getUTCDay();
}

function isWeekend(date: string): boolean {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
}

/** End of the given day in Almaty time (23:59:59.999 at UTC+05:00) as a UTC instant. */
export function endOfAlmatyDay(date: string): Date {
  const ms = requireDate(date);
  return new Date(ms + MS_PER_DAY - 1 - ALMATY_UTC_OFFSET_MINUTES * 60 * 1000);
}

// ---------------------------------------------------------------------------
// Overrides

const overrideSchema = z
  .object({
    date: z.string().refine(isIsoDate, "expected a calendar date YYYY-MM-DD"),
    kind: z.enum(["day-off", "working-day", "not-holiday"]),
    note: z.string().optional(),
  })
  .superRefine((o, ctx) => {
    if (!isIsoDate(o.date)) return;
    const weekend = isWeekend(o.date);
    if (o.kind === "day-off" && weekend) {
      ctx.addIssue({ code: "custom", path: ["date"], message: `"day-off" ${o.date} is already a weekend day` });
    }
    if (o.kind === "working-day" && !weekend) {
      ctx.addIssue({ code: "custom", path: ["date"], message: `"working-day" ${o.date} must be a Saturday or Sunday` });
    }
  });

const overridesSchema = z.array(overrideSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((o, i) => {
    if (seen.has(o.date))
      ctx.addIssue({ code: "custom", path: [i, "date"], message: `duplicate override for ${o.date}` });
    seen.add(o.date);
  });
});

/**
 * Validates override entries (shape, real dates, "day-off" on a weekday,
 * "working-day" on a weekend, one entry per date). Throws on invalid input.
 */
export function parseHolidayOverrides(data: unknown): HolidayOverride[] {
  const result = overridesSchema.safeParse(data);
  if (!result.success) throw new Error(`Invalid holiday overrides:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Contents of holiday-overrides.json, validated when this module loads. */
export const DEFAULT_HOLIDAY_OVERRIDES: readonly HolidayOverride[] = Object.freeze(
  parseHolidayOverrides(overridesFile),
);

// ---------------------------------------------------------------------------
// Holidays from date-holidays

interface LibraryHoliday {
  date: string;
  names: string[];
  /** False for religious holidays, which get no substitute day off. */
  substitutable: boolean;
}

let holidaysInstance: Holidays | null = null;
const libraryCache = new Map<number, LibraryHoliday[]>();

/** The library encodes the weekend-substitution rule in the rule text. */
const SUBSTITUTION_RULE = /\bif\b.*\bthen\s+next\b/i;

function libraryHolidays(year: number): LibraryHoliday[] {
  const cached = libraryCache.get(year);
  if (cached) return cached;
  holidaysInstance ??= new Holidays("KZ", { languages: ["en"] });
  const byDate = new Map<string, LibraryHoliday>();
  for (const h of holidaysInstance.getHolidays(year) || []) {
    if (h.type !== "public" || h.substitute) continue;
    // `h.date` is local to the country ("2026-05-27 00:00:00 -0600" for
    // Islamic dates); the first ten characters are the calendar date.
    const date = h.date.slice(0, 10);
    const entry = byDate.get(date) ?? { date, names: [], substitutable: false };
    if (!entry.names.includes(h.name)) entry.names.push(h.name);
    entry.substitutable ||= SUBSTITUTION_RULE.test(h.rule);
    byDate.set(date, entry);
  }
  const list = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  libraryCache.set(year, list);
  return list;
}

// ---------------------------------------------------------------------------
// Calendar with substitutes and overrides

interface YearCalendar {
  holidays: Map<string, string[]>;
  /** Substitute date -> descriptions of the holidays it replaces. */
  substitutes: Map<string, string[]>;
}

interface OverrideContext {
  byDate: Map<string, HolidayOverride>;
  calendars: Map<number, YearCalendar>;
}

const contexts = new WeakMap<readonly HolidayOverride[], OverrideContext>();

function contextFor(options?: CalendarOptions): OverrideContext {
  const overrides = options?.overrides ?? DEFAULT_HOLIDAY_OVERRIDES;
  let ctx = contexts.get(overrides);
  if (!ctx) {
    const valid = overrides === DEFAULT_HOLIDAY_OVERRIDES ? overrides : parseHolidayOverrides(overrides);
    ctx = { byDate: new Map(valid.map((o) => [o.date, o])), calendars: new Map() };
    contexts.set(overrides, ctx);
  }
  return ctx;
}

function calendarFor(year: number, ctx: OverrideContext): YearCalendar {
  const cached = ctx.calendars.get(year);
  if (cached) return cached;

  // Include the previous year so that a late-December substitute spilling
  // into January is still found.
  const holidays = new Map<string, string[]>();
  const base: LibraryHoliday[] = [];
  for (const h of [...libraryHolidays(year - 1), ...libraryHolidays(year)]) {
    if (ctx.byDate.get(h.date)?.kind === "not-holiday") continue;
    if (holidays.has(h.date)) continue;
    holidays.set(h.date, h.names);
    base.push(h);
  }

  const substitutes = new Map<string, string[]>();
  for (const h of base) {
    if (!h.substitutable || !isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || holidays.has(d) || substitutes.has(d) || ctx.byDate.get(d)?.kind === "day-off") {
      d = addDays(d, 1);
    }
    substitutes.set(
      d,
      h.names.map((n) => `${n} on ${h.date}`),
    );
  }

  const calendar = { holidays, substitutes };
  ctx.calendars.set(year, calendar);
  return calendar;
}

/** Full status of one calendar day, with human-readable reasons. */
export function describeDay(date: string, options?: CalendarOptions): DayStatus {
  const ms = requireDate(date);
  const ctx = contextFor(options);
  const calendar = calendarFor(new Date(ms).getUTCFullYear(), ctx);
  const wd = new Date(ms).getUTCDay();
  const weekday = WEEKDAY_NAMES[wd]!;
  const override = ctx.byDate.get(date);
  const note = override?.note ? ` (${override.note})` : "";

  if (override?.kind === "working-day") {
    return { date, weekday, working: true, reasons: [`transferred working day${note}`] };
  }

  const reasons: string[] = [];
  if (override?.kind === "day-off") reasons.push(`transferred day off${note}`);
  const holiday = calendar.holidays.get(date);
  if (holiday) reasons.push(`public holiday: ${holiday.join(", ")}`);
  const substitute = calendar.substitutes.get(date);
  if (substitute) reasons.push(`day off in place of ${substitute.join(", ")}`);
  if (wd === 0 || wd === 6) reasons.push("weekend");
  return { date, weekday, working: reasons.length === 0, reasons };
}

/** True when `date` (YYYY-MM-DD) is a working day in Kazakhstan (five-day week). */
export function isWorkingDay(date: string, options?: CalendarOptions): boolean {
  return describeDay(date, options).working;
}

/**
 * The deadline actually in force for a due date: the due date itself if it is
 * a working day, otherwise the next working day. `endsAt` is the end of that
 * day in Almaty time.
 */
export function effectiveDeadline(dueDate: string, options?: CalendarOptions): EffectiveDeadline {
  requireDate(dueDate, "due date");
  const reason: string[] = [];
  let date = dueDate;
  for (let i = 0; i <= MAX_SHIFT_DAYS; i++) {
    const status = describeDay(date, options);
    if (status.working) {
      const result: EffectiveDeadline = { date, endsAt: endOfAlmatyDay(date), moved: date !== dueDate };
      if (result.moved) result.reason = reason;
      return result;
    }
    reason.push(`${date} (${status.weekday}): ${status.reasons.join("; ")}`);
    date = addDays(date, 1);
  }
  throw new Error(`No working day within ${MAX_SHIFT_DAYS} days after ${dueDate}`);
}

/** True when a submission made at `submittedAt` is after the effective deadline of `dueDate`. */
export function isLate(submittedAt: Date, dueDate: string, options?: CalendarOptions): boolean {
  const t = submittedAt instanceof Date ? submittedAt.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError("Invalid submission time");
  return t > effectiveDeadline(dueDate, options).endsAt.getTime();
}
