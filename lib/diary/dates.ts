/**
 * Calendar dates of the diary as "YYYY-MM-DD" strings (school days are Asia/Almaty days; the Almaty date of
 * an instant is `almatyDate` in lib/time). Pure.
 */

/** A "YYYY-MM-DD" date as the UTC midnight that a `@db.Date` column stores. */
export function dateValue(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The "YYYY-MM-DD" of a `@db.Date` value. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(dateValue(day).getTime() + days * 86_400_000));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: string): number {
  const d = dateValue(day).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Monday of the week of a day. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - weekday(day));
}

export function isDay(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dateValue(value).getTime()) && dayOf(dateValue(value)) === value
  );
}

/** Every day from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
