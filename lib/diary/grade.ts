/**
 * Term grade under criteria-based assessment (Kazakhstan secondary school).
 *
 * Pure module: no I/O, safe on server and client.
 *
 * Components
 * ----------
 * - formative ("ФО"): marks 1–10; percent = average mark / 10 × 100.
 * - sor ("СОР", summative assessment for a section): percent =
 *   Σ points / Σ maxPoints × 100 over all SOR results of the term.
 * - soch ("СОЧ", summative assessment for the term): same formula.
 * Default weights: formative 25 %, sor 25 %, soch 50 % (configurable; must be
 * non-negative and sum to 100).
 *
 * Absent components
 * -----------------
 * A component is absent when it has no entries (no marks / no results). Its
 * weight is redistributed among the present components in proportion to their
 * own weights: effectiveWeight = weight / Σ(weights of present components) ×
 * 100. The result is then `partial: true` and `missing` lists the absent
 * components that carry a positive weight (an absent component with weight 0
 * changes nothing and is not reported). When no component with a positive
 * weight is present the function returns null.
 *
 * Rounding and grade
 * ------------------
 * total = Σ effectiveWeight × percent / 100 (unrounded, 0..100).
 * - `roundedPercent`: total rounded half-up to one decimal, for display.
 * - The grade uses the total rounded half-up to an integer (official rule),
 *   computed from the unrounded total (never from `roundedPercent`):
 *   85–100 → 5, 65–84 → 4, 40–64 → 3, 0–39 → 2.
 *   So 84.5 → 85 → 5, 84.4 → 84 → 4, 64.5 → 65 → 4, 39.5 → 40 → 3.
 * Both roundings add ROUNDING_EPSILON (1e-9 percent) before flooring so that
 * binary floating-point noise (e.g. 84.49999999999999 for a true 84.5) cannot
 * move a value across a threshold.
 */
import { z } from "zod";

export type ComponentKind = "formative" | "sor" | "soch";
export const COMPONENT_KINDS: readonly ComponentKind[] = ["formative", "sor", "soch"];

export const markSchema = z.number().int().min(1).max(10);

export const summativeResultSchema = z
  .object({
    points: z.number().min(0),
    maxPoints: z.number().positive(),
  })
  .refine((r) => r.points <= r.maxPoints, { message: "points must not exceed maxPoints", path: ["points"] });

export const gradeWeightsSchema = z
  .object({
    formative: z.number().min(0),
    sor: z.number().min(0),
    soch: z.number().min(0),
  })
  .refine((w) => Math.abs(w.formative + w.sor + w.soch - 100) <= 1e-9, {
    message: "weights must sum to 100",
    path: [],
  });

export const termGradeInputSchema = z.object({
  formative: z.array(markSchema).default([]),
  sor: z.array(summativeResultSchema).default([]),
  soch: z.array(summativeResultSchema).default([]),
  weights: gradeWeightsSchema.optional(),
});

export type SummativeResult = z.infer<typeof summativeResultSchema>;
export type GradeWeights = z.infer<typeof gradeWeightsSchema>;
export type TermGradeInput = z.input<typeof termGradeInputSchema>;

export const DEFAULT_WEIGHTS: Readonly<GradeWeights> = Object.freeze({ formative: 25, sor: 25, soch: 50 });

export const ROUNDING_EPSILON = 1e-9;

export type Grade = 2 | 3 | 4 | 5;

export interface GradeComponent {
  kind: ComponentKind;
  /** Component percent 0..100 (unrounded), null when absent. */
  percent: number | null;
  /** Configured weight, percent. */
  weight: number;
  /** Weight after redistribution, percent (0 when absent). */
  effectiveWeight: number;
}

/**
 * Structured formula for the UI, e.g. rendered as
 * "25% × 80% + 25% × 70% + 50% × 90% = 82.5% → 4".
 * Display values are rounded half-up to one decimal.
 */
export interface GradeExplanation {
  /** Present components in fixed order (formative, sor, soch). */
  terms: { kind: ComponentKind; weight: number; percent: number }[];
  /** Total percent rounded to one decimal (= roundedPercent). */
  total: number;
  /** Integer percent the grade thresholds were applied to. */
  gradingPercent: number;
  grade: Grade;
}

export interface TermGradeResult {
  /** Unrounded total percent. */
  percent: number;
  /** One decimal, half-up (display only). */
  roundedPercent: number;
  grade: Grade;
  /** All three components, fixed order. */
  components: GradeComponent[];
  partial: boolean;
  /** Absent components with a positive weight, fixed order. */
  missing: ComponentKind[];
  explanation: GradeExplanation;
}

export interface GradeInputIssue {
  /** Dotted path, e.g. "sor.0.points"; "" for the whole input. */
  path: string;
  message: string;
}

export class GradeInputError extends Error {
  readonly code = "invalid_grade_input" as const;
  readonly issues: readonly GradeInputIssue[];

  constructor(issues: readonly GradeInputIssue[]) {
    super(`invalid_grade_input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
    this.name = "GradeInputError";
    this.issues = issues;
  }
}

/** Half-up rounding to `decimals` places, tolerant of binary floating-point noise. */
export function roundHalfUp(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 0.5 + ROUNDING_EPSILON * factor) / factor;
}

/** Grade for an integer (already rounded) percent: 85+ → 5, 65+ → 4, 40+ → 3, else 2. */
export function gradeForRoundedPercent(rounded: number): Grade {
  if (rounded >= 85) return 5;
  if (rounded >= 65) return 4;
  if (rounded >= 40) return 3;
  return 2;
}

/** Grade for an unrounded total percent (rounds half-up to an integer first). */
export function gradeFromPercent(percent: number): Grade {
  return gradeForRoundedPercent(roundHalfUp(percent));
}

function summativePercent(results: readonly SummativeResult[]): number | null {
  if (results.length === 0) return null;
  let points = 0;
  let max = 0;
  for (const r of results) {
    points += r.points;
    max += r.maxPoints;
  }
  // points × 100 / max is exact more often than points / max × 100.
  return (points * 100) / max;
}

function formativePercent(marks: readonly number[]): number | null {
  if (marks.length === 0) return null;
  let sum = 0;
  for (const mark of marks) sum += mark;
  // average / 10 × 100 = sum × 10 / count
  return (sum * 10) / marks.length;
}

/** Validates input; throws GradeInputError. */
export function parseTermGradeInput(input: TermGradeInput): z.output<typeof termGradeInputSchema> {
  const parsed = termGradeInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new GradeInputError(
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    );
  }
  return parsed.data;
}

/**
 * Computes the term grade. Returns null when no weighted component is
 * present. Throws GradeInputError on invalid input.
 */
export function computeTermGrade(input: TermGradeInput): TermGradeResult | null {
  const data = parseTermGradeInput(input);
  const weights = data.weights ?? DEFAULT_WEIGHTS;

  const percents: Record<ComponentKind, number | null> = {
    formative: formativePercent(data.formative),
    sor: summativePercent(data.sor),
    soch: summativePercent(data.soch),
  };

  let presentWeight = 0;
  for (const kind of COMPONENT_KINDS) if (percents[kind] !== null) presentWeight += weights[kind];
  if (presentWeight <= 0) return null;

  const components: GradeComponent[] = COMPONENT_KINDS.map((kind) => ({
    kind,
    percent: percents[kind],
    weight: weights[kind],
    // Σ weights = 100, so with every component present effectiveWeight === weight exactly.
    effectiveWeight: percents[kind] === null ? 0 : (weights[kind] * 100) / presentWeight,
  }));

  let weighted = 0;
  for (const c of components) if (c.percent !== null) weighted += c.effectiveWeight * c.percent;
  const percent = Math.min(100, Math.max(0, weighted / 100));

  const roundedPercent = roundHalfUp(percent, 1);
  const gradingPercent = roundHalfUp(percent);
  const grade = gradeForRoundedPercent(gradingPercent);
  const missing = COMPONENT_KINDS.filter((kind) => percents[kind] === null && weights[kind] > 0);

  return {
    percent,
    roundedPercent,
    grade,
    components,
    partial: missing.length > 0,
    missing,
    explanation: {
      terms: components
        .filter((c) => c.percent !== null)
        .map((c) => ({ kind: c.kind, weight: roundHalfUp(c.effectiveWeight, 1), percent: roundHalfUp(c.percent!, 1) })),
      total: roundedPercent,
      gradingPercent,
      grade,
    },
  };
}
