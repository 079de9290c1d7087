/**
 * Dates and times of the portal: stored in UTC, counted and shown in Kazakhstan's time (Asia/Almaty). All of
 * it goes through Intl with the zone's rules, so past instants get the offset they had then (UTC+6 until
 * March 2024, UTC+5 since). Pure: usable on the server and in the browser.
 *
 * Without a locale the forms are numeric and the same in every language ("2026-11-23 14:05"), for tables,
 * logs and exports; with a locale (kk, ru, en) they are written the way that language writes dates, from
 * fixed patterns and our own month names, so the server and every browser write the same text whatever
 * locale data the runtime has (only the zone's rules come from Intl, and every runtime has those).
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

/**
 * The words of dates, kept here rather than taken from the runtime's locale data: a browser without Kazakh
 * data would otherwise write a different date than the server did (and React would redraw the page).
 */
const MONTHS_SHORT = {
  kk: ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."],
  ru: ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
} as const;

/** Month names as a day's date uses them (Russian in the genitive: "24 ноября"). */
const MONTHS_LONG = {
  kk: [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
  ],
  ru: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
} as const;

/** Weekdays from Sunday (as `Date#getUTCDay` counts them). */
const WEEKDAYS = {
  kk: ["жексенбі", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі"],
  ru: ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
} as const;

const WEEKDAYS_SHORT = {
  kk: ["жс", "дс", "сс", "ср", "бс", "жм", "сб"],
  ru: ["вс", "пн", "вт", "ср", "чт", "пт", "сб"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
} as const;

type Lang = keyof typeof MONTHS_SHORT;

/** The portal's language for a locale tag ("kk", "ru-KZ" → "ru"); anything else is written as Kazakh. */
function lang(locale: string): Lang {
  const base = locale.slice(0, 2).toLowerCase();
  return base === "ru" || base === "en" ? base : "kk";
}

interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** "24 нояб. 2026 г." / "2026 ж. 24 қар." / "Nov 24, 2026": one date style per language. */
function writeDate({ year, month, day }: DayParts, locale: string): string {
  const l = lang(locale);
  const mon = MONTHS_SHORT[l][month - 1];
  if (l === "kk") return `${year} ж. ${day} ${mon}`;
  if (l === "ru") return `${day} ${mon} ${year} г.`;
  return `${mon} ${day}, ${year}`;
}

const numberParts = (p: Record<WallPart, string>): DayParts => ({
  year: Number(p.year),
  month: Number(p.month),
  day: Number(p.day),
});

/** A calendar day "YYYY-MM-DD" as its parts (RangeError when it is not one). */
function dayParts(day: string): DayParts & { weekday: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`Not a calendar day: ${day}`);
  const [year, month, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
  return { year, month, day: d, weekday };
}

/** A calendar day "YYYY-MM-DD" (no time zone involved) in the language's date style: "2026 ж. 24 қар.". */
export function formatDay(day: string, locale: string): string {
  return writeDate(dayParts(day), locale);
}

/** A calendar day as day and month in digits, "24.11" (kk, ru) or "11/24" (en): for narrow columns. */
export function formatDayMonth(day: string, locale: string): string {
  const p = dayParts(day);
  const dd = String(p.day).padStart(2, "0");
  const mm = String(p.month).padStart(2, "0");
  return lang(locale) === "en" ? `${mm}/${dd}` : `${dd}.${mm}`;
}

/** A calendar day with its weekday, for headings of days: "24 қараша, дүйсенбі", "понедельник, 24 ноября". */
export function formatDayLong(day: string, locale: string): string {
  const p = dayParts(day);
  const l = lang(locale);
  const weekday = WEEKDAYS[l][p.weekday];
  const month = MONTHS_LONG[l][p.month - 1];
  if (l === "kk") return `${p.day} ${month}, ${weekday}`;
  if (l === "ru") return `${weekday}, ${p.day} ${month}`;
  return `${weekday}, ${month} ${p.day}`;
}

/** The short weekday of a calendar day: "дс", "пн", "Mon". */
export function formatWeekday(day: string, locale: string): string {
  return WEEKDAYS_SHORT[lang(locale)][dayParts(day).weekday]!;
}

/** The Almaty wall-clock time of an instant, "14:05" (the same in every language, 24-hour clock). */
export function formatClock(instant: Date, withSeconds = false): string {
  const p = wallParts(instant);
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
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
  return locale ? writeDate(numberParts(wallParts(date)), locale) : almatyDate(date);
}

/** Date and time of an instant in Almaty: "2026-11-23 14:05:09", or in the locale's way ("Nov 23, 2026, 14:05"). */
export function formatDateTime(date: Date, locale?: string): string {
  const p = wallParts(date);
  if (locale) return `${writeDate(numberParts(p), locale)}, ${p.hour}:${p.minute}`;
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

/** The Almaty hour (0–23) of a UTC hour of the day, at the zone's offset of `at` (now by default). */
export function almatyHourOfUtc(hourUtc: number, at: Date = new Date()): number {
  const shift = Number(wallParts(at).hour) - at.getUTCHours();
  return (((hourUtc + shift) % 24) + 24) % 24;
}

/** The UTC hour (0–23) of an Almaty hour of the day, at the zone's offset of `at` (now by default). */
export function utcHourOfAlmaty(hour: number, at: Date = new Date()): number {
  const shift = Number(wallParts(at).hour) - at.getUTCHours();
  return (((hour - shift) % 24) + 24) % 24;
}
