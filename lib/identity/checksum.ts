/**
 * Kazakhstan's 12-digit identification numbers: IIN (individuals) and BIN (legal entities) share one
 * check digit: weights 1…11 mod 11; when that gives 10, weights 3…11,1,2; when that gives 10 again the
 * number is not valid (such numbers are never issued).
 */
const FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first 11 digits, or null when no valid number can end them. */
export function checkDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) % 11;
  const a = sum(FIRST);
  if (a !== 10) return a;
  const b = sum(SECOND);
  return b === 10 ? null : b;
}

export type IdNumberProblem = "format" | "checksum";

/** Checks the shape (12 digits) and the check digit. */
export function idNumberProblem(value: string): IdNumberProblem | null {
  if (!/^\d{12}$/.test(value)) return "format";
  const expected = checkDigit(value.slice(0, 11));
  return expected !== null && expected === Number(value[11]) ? null : "checksum";
}

/** Completes 11 digits with their check digit (null when those 11 digits cannot be completed). */
export function withCheckDigit(first11: string): string | null {
  const d = checkDigit(first11);
  return d === null ? null : first11 + d;
}
