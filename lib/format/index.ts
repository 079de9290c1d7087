/**
 * The one way to write dates, times and numbers for people: dates and times from `lib/time` (Almaty zone,
 * fixed patterns), numbers here. Everything is written from fixed rules rather than the runtime's locale
 * data, so the server and any browser (with or without Kazakh locale data) produce the same text and a page
 * never changes after it loads. Pure: usable on the server and in the browser.
 */
export {
  almatyDate,
  almatyHourOfUtc,
  formatClock,
  formatDate,
  formatDateTime,
  formatDay,
  formatDayLong,
  formatDayMonth,
  formatWeekday,
} from "../time";

export interface NumberOptions {
  /** Digits after the decimal mark at least (0 by default). */
  minimumFractionDigits?: number;
  /** Digits after the decimal mark at most (the minimum, or 0, by default). */
  maximumFractionDigits?: number;
}

/** The separators a language writes numbers with: "12 345,6" (kk, ru; no-break space) or "12,345.6" (en). */
function separators(locale: string): { group: string; decimal: string } {
  return locale.slice(0, 2).toLowerCase() === "en" ? { group: ",", decimal: "." } : { group: "\u00a0", decimal: "," };
}

/**
 * A number the way the reader's language writes it: "0,786" and "23 818" in Kazakh and Russian, "0.786" and
 * "23,818" in English; rounded half away from zero to `maximumFractionDigits`, trailing zeros kept down to
 * `minimumFractionDigits`. Not finite values are written as "—".
 */
export function formatNumber(value: number, locale: string, options: NumberOptions = {}): string {
  if (!Number.isFinite(value)) return "—";
  const min = options.minimumFractionDigits ?? 0;
  const max = Math.max(min, options.maximumFractionDigits ?? min);
  const factor = 10 ** max;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [digits = "0", decimals = ""] = rounded.toFixed(max).split(".");
  let fraction = decimals;
  while (fraction.length > min && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
  const { group, decimal } = separators(locale);
  const whole = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = value < 0 && rounded !== 0;
  return `${negative ? "-" : ""}${whole}${fraction ? `${decimal}${fraction}` : ""}`;
}

/** A percentage, "84,5 %" / "84.5%" (one decimal at most unless told otherwise). */
export function formatPercent(value: number, locale: string, options: NumberOptions = { maximumFractionDigits: 1 }) {
  const n = formatNumber(value, locale, options);
  return locale.slice(0, 2).toLowerCase() === "en" ? `${n}%` : `${n}\u00a0%`;
}
