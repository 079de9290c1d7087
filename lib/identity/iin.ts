import { idNumberProblem } from "./checksum";

export type IinSex = "MALE" | "FEMALE";

export interface IinFacts {
  birthDate: string; // YYYY-MM-DD
  sex: IinSex;
}

export type IinProblem = "format" | "checksum" | "century" | "birthDate";

/**
 * Reads an IIN: YYMMDD, then the 7th digit gives the century and sex (1/2: 1800s, 3/4: 1900s, 5/6: 2000s;
 * odd male, even female), then a serial and the check digit.
 */
export function parseIin(iin: string): { ok: true; facts: IinFacts } | { ok: false; problem: IinProblem } {
  const problem = idNumberProblem(iin);
  if (problem) return { ok: false, problem };
  const c = Number(iin[6]);
  if (c < 1 || c > 6) return { ok: false, problem: "century" };
  const century = c <= 2 ? 1800 : c <= 4 ? 1900 : 2000;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, problem: "birthDate" };
  }
  return {
    ok: true,
    facts: { birthDate: date.toISOString().slice(0, 10), sex: c % 2 === 1 ? "MALE" : "FEMALE" },
  };
}

/** The first 7 digits of an IIN for a birth date and sex (serial and check digit follow). */
export function iinPrefix(birthDate: string, sex: IinSex): string {
  const [y, m, d] = birthDate.split("-");
  const year = Number(y);
  const base = year >= 2000 ? 5 : year >= 1900 ? 3 : 1;
  return `${y!.slice(2)}${m}${d}${base + (sex === "FEMALE" ? 1 : 0)}`;
}
