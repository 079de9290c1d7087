/**
 * The personal-data guard of forum posts and publication comments: a text holding an IIN (12 digits with a
 * valid check digit and birth date, lib/identity) or a Kazakh mobile number is held for a moderator. People
 * write both in groups — "1503 0359 8764", "150303-598764", "15.03.03.598764", "+7 (701) 123-45-67",
 * "8 701 123 45 67" — so the text is cut into runs of digit groups joined by one to three separators, and
 * every span of whole groups with the right number of digits is tested. A group is never split: a longer
 * number written without separators (an account, a 13-digit code) is not read as an IIN.
 */
import { parseIin } from "../identity";

/** Digit groups joined by spaces, dots, dashes or brackets (one to three between groups), with a leading "+". */
const RUN = /\+?\d+(?:[ \u00a0\t.\-\u2010-\u2015()/]{1,3}\d+)*/g;

/** Each span of consecutive whole groups of a run whose digits add up to `length`, with the text before it. */
function* spans(text: string, length: number): Generator<{ digits: string; plus: boolean }> {
  for (const run of text.matchAll(RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)];
    for (let i = 0; i < groups.length; i++) {
      let digits = "";
      for (let j = i; j < groups.length && digits.length < length; j++) {
        digits += groups[j]![0];
        if (digits.length === length) {
          const start = run.index + groups[i]!.index;
          yield { digits, plus: text[start - 1] === "+" };
        }
      }
    }
  }
}

/** Whether a text contains an IIN with a valid check digit, written whole or in groups. */
export function containsIin(text: string): boolean {
  for (const { digits } of spans(text, 12)) if (parseIin(digits).ok) return true;
  return false;
}

/** A mobile operator's code, 7xx: the 71x and 72x codes are the regions' landlines (a school's public number). */
const MOBILE = /^7[03-9]\d{8}$/;

/**
 * Whether a text contains a Kazakh mobile number: +7 7xx xxx xx xx or 8 7xx xxx xx xx, with any grouping.
 */
export function containsPhone(text: string): boolean {
  for (const { digits, plus } of spans(text, 11)) {
    const national = digits.slice(1);
    if (digits[0] === "8" && !plus && MOBILE.test(national)) return true;
    if (digits[0] === "7" && plus && MOBILE.test(national)) return true;
  }
  return false;
}

/** Whether a text holds personal data that keeps it from the public until a moderator looks. */
export function containsPersonalData(text: string): boolean {
  return containsIin(text) || containsPhone(text);
}
