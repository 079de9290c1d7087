/**
 * Input schemas of the reporting-process administration: a process with up to four level rows (a row left
 * empty is skipped), and the assignment of a process to a form, an organisation kind or one organisation.
 * Pure module: used by the server actions and their tests.
 */
import { z } from "zod";
import { processProblems, REVIEW_LEVELS, type ProcessLevel, type ReviewLevel } from "./process";

/** Level rows the form offers. */
export const LEVEL_ROWS = 4;

const idField = z.string().trim().min(1).max(40);
const name = z.string().trim().min(1).max(200);

const levelRows = Object.fromEntries(
  Array.from({ length: LEVEL_ROWS }, (_, i) => [
    [`level${i}`, z.union([z.literal(""), z.enum(REVIEW_LEVELS as [ReviewLevel, ...ReviewLevel[]])]).optional()],
    [`days${i}`, z.string().trim().max(4).optional()],
  ]).flat(),
) as Record<string, z.ZodOptional<z.ZodType<string>>>;

/** The filled level rows in order, with their row index (for the error's field). */
export function levelsOf(input: Record<string, unknown>): { row: number; level: ProcessLevel }[] {
  const out: { row: number; level: ProcessLevel }[] = [];
  for (let i = 0; i < LEVEL_ROWS; i++) {
    const level = input[`level${i}`];
    if (!level) continue;
    const days = String(input[`days${i}`] ?? "").trim();
    out.push({ row: i, level: { level: level as ReviewLevel, days: /^\d{1,4}$/.test(days) ? Number(days) : NaN } });
  }
  return out;
}

export const processInput = z
  .object({
    id: idField.optional(),
    version: z.coerce.number().int().min(1).optional(),
    code: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .regex(/^[a-z0-9][a-z0-9-]*$/, "reportingProcess.code"),
    nameKk: name,
    nameRu: name,
    nameEn: name,
    onLate: z.enum(["NOTIFY", "PASS_THROUGH"]),
    returnTo: z.enum(["ORGANIZATION", "PREVIOUS_LEVEL"]),
    ...levelRows,
  })
  .superRefine((input, ctx) => {
    const rows = levelsOf(input);
    for (const p of processProblems(rows.map((r) => r.level)))
      ctx.addIssue({
        code: "custom",
        path: [p.index === null ? "level0" : `${p.problem === "days" ? "days" : "level"}${rows[p.index]!.row}`],
        message: `reportingProcess.${p.problem}`,
      });
  })
  .transform((input) => ({ ...input, levels: levelsOf(input).map((r) => r.level) }));
export type ProcessInput = z.output<typeof processInput>;

export const ASSIGN_TARGETS = ["form", "kind", "organization"] as const;

export const assignInput = z
  .object({
    /** Empty: back to the standard process (a form) or no rule of its own (a kind, an organisation). */
    processId: z.string().trim().max(40),
    target: z.enum(ASSIGN_TARGETS),
    formId: z.string().trim().max(40).optional(),
    orgKind: z.string().trim().max(40).optional(),
    bin: z.string().trim().max(12).optional(),
  })
  .superRefine((input, ctx) => {
    const field = input.target === "form" ? "formId" : input.target === "kind" ? "orgKind" : "bin";
    if (!input[field]) ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
  });
export type AssignInput = z.output<typeof assignInput>;
