/**
 * Dates and times of the portal: stored in UTC, counted and shown in Kazakhstan's time (Asia/Almaty). All of
 * it goes through Intl with the zone's rules, so past instants get the offset they had then (UTC+6 until
 * March 2024, UTC+5 since). Pure: usable on the server and in the browser.
 *
 * Without a locale the forms are numeric and the same in every language ("2026-11-23 14:05"), for tables,
 * logs and exports; with a locale (kk, ru, en) they are written the way that language writes dates.
 */

export const ALMATY_TIME_ZONE = "Asia/Almaty";

const wallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: ALMATY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

type WallPart = "year" | "month" | "day" | "hour" | "minute" | "second";

/** The Almaty wall-clock fields of an instant (RangeError for an invalid date). */
function wallParts(date: Date): Record<WallPart, string> {
  return Object.fromEntries(wallClock.formatToParts(date).map((p) => [p.type, p.value])) as Record<WallPart, string>;
}

const localized = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale and style, in the Almaty zone. */
function localFormat(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = localized.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: ALMATY_TIME_ZONE,
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short", hourCycle: "h23" } : {}),
    });
    localized.set(key, format);
  }
  return format;
}

/** The Almaty calendar date of an instant (now by default), "2026-11-23": for keys, comparisons and URLs. */
export function almatyDate(instant: Date = new Date()): string {
  const p = wallParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as Almaty wall-clock time to the minute, "2026-11-24 10:30": for messages. */
export function almatyTime(instant: Date): string {
  const p = wallParts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The date of an instant in Almaty: "2026-11-23", or in the locale's way ("23 нояб. 2026 г."). */
export function formatDate(date: Date, locale?: string): string {
  return locale ? localFormat(locale, false).format(date) : almatyDate(date);
}

/** Date and time of an instant in Almaty: "2026-11-23 14:05:09", or in the locale's way ("Nov 23, 2026, 14:05"). */
export function formatDateTime(date: Date, locale?: string): string {
  if (locale) return localFormat(locale, true).format(date);
  const p = wallParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a day "YYYY-MM-DD" begins in Almaty (the zone's offset changed in the past), or null. */
export function almatyDayStart(day: string): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const midnightUtc = Date.UTC(y, mo - 1, d);
  const check = new Date(midnightUtc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const offset = (at: number) => {
    const p = wallParts(new Date(at));
    return (
      Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) -
      at
    );
  };
  let instant = midnightUtc - offset(midnightUtc);
  instant = midnightUtc - offset(instant);
  return new Date(instant);
}
