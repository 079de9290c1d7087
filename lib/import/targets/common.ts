import type { z } from "zod";
import type { RowResult } from "./types";

/** The message key (under `errors.`) and parameters of a zod issue: the schema's own key, or one by the issue's code. */
export function issueReason(issue: z.core.$ZodIssue): { reason: string; params?: Record<string, number> } {
  if (issue.message && /^[a-z]+\.[A-Za-z.]+$/.test(issue.message)) return { reason: issue.message };
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1
        ? { reason: "validation.required" }
        : { reason: "validation.tooShort", params: { min: Number(issue.minimum) } };
    case "too_big":
      return { reason: "validation.tooLong", params: { max: Number(issue.maximum) } };
    case "invalid_value":
      return { reason: "validation.invalidOption" };
    default:
      return { reason: "validation.invalidFormat" };
  }
}

const YES = new Set(["1", "true", "yes", "y", "иә", "ия", "да", "қала", "город", "городская", "urban", "+"]);
const NO = new Set(["0", "false", "no", "n", "жоқ", "нет", "ауыл", "село", "сельская", "rural", "-"]);

/** A yes/no cell in kk/ru/en (for urban: town or village); null when it is neither. */
export function yesNo(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/**
 * The outcome of a row whose record exists (`id`, its values now in `current`): unchanged, or an update of the
 * mapped fields whose values differ, with their new values (and the `extra` data its write needs).
 */
export function existingRow(
  row: { line: number; key: string; mapped: ReadonlySet<string>; data: Record<string, unknown> },
  id: string,
  current: Record<string, unknown>,
  fields: readonly string[],
  extra: Record<string, unknown> = {},
): RowResult {
  const changes = fields.filter((f) => row.mapped.has(f) && (row.data[f] ?? null) !== (current[f] ?? null));
  if (!changes.length) return { line: row.line, key: row.key, outcome: "unchanged", changes: [], id };
  return {
    line: row.line,
    key: row.key,
    outcome: "update",
    changes,
    id,
    data: { ...Object.fromEntries(changes.map((f) => [f, row.data[f] ?? null])), ...extra },
  };
}
