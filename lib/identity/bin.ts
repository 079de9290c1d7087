import { idNumberProblem } from "./checksum";

export type BinProblem = "format" | "checksum" | "registrationDate" | "entityType";

/**
 * Reads a BIN: YYMM of registration, the entity type (4 resident, 5 non-resident legal entity,
 * 6 joint individual entrepreneurship), the attribute (0 head office, 1 branch, 2 representation,
 * 3 peasant farm), a serial and the check digit.
 */
export function binProblem(bin: string): BinProblem | null {
  const problem = idNumberProblem(bin);
  if (problem) return problem;
  const month = Number(bin.slice(2, 4));
  if (month < 1 || month > 12) return "registrationDate";
  if (!["4", "5", "6"].includes(bin[4]!) || !["0", "1", "2", "3"].includes(bin[5]!)) return "entityType";
  return null;
}
