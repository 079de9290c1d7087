import { describe, expect, it } from "vitest";
import {
  GradeInputError,
  computeTermGrade,
  gradeFromPercent,
  markSchema,
  roundHalfUp,
  summativeResultSchema,
  type TermGradeInput,
  type TermGradeResult,
} from "./grade";

function compute(input: TermGradeInput): TermGradeResult {
  const result = computeTermGrade(input);
  if (result === null) throw new Error("expected a result");
  return result;
}

function render(result: TermGradeResult): string {
  const { terms, total, grade } = result.explanation;
  return `${terms.map((t) => `${t.weight}% × ${t.percent}%`).join(" + ")} = ${total}% → ${grade}`;
}

function inputError(input: unknown): GradeInputError {
  try {
    computeTermGrade(input as TermGradeInput);
  } catch (error) {
    expect(error).toBeInstanceOf(GradeInputError);
    return error as GradeInputError;
  }
  throw new Error("expected a GradeInputError");
}

// formative 8, 9, 7, 8 → average 32/4 = 8 → 80 %
// SOR 7/10 and 13/20 → 20/30 = 66.667 %
// SOCH 27/30 → 90 %
const full: TermGradeInput = {
  formative: [8, 9, 7, 8],
  sor: [
    { points: 7, maxPoints: 10 },
    { points: 13, maxPoints: 20 },
  ],
  soch: [{ points: 27, maxPoints: 30 }],
};

describe("computeTermGrade", () => {
  it("computes the normal case", () => {
    // 25 % × 80 + 25 % × 66.667 + 50 % × 90 = 20 + 16.667 + 45 = 81.667 → 81.7 (display), 82 → 4
    const result = compute(full);
    expect(result.percent).toBeCloseTo(81.6667, 4);
    expect(result.roundedPercent).toBe(81.7);
    expect(result.grade).toBe(4);
    expect(result.partial).toBe(false);
    expect(result.missing).toEqual([]);
    expect(result.components).toHaveLength(3);
    expect(result.components[0]).toEqual({ kind: "formative", percent: 80, weight: 25, effectiveWeight: 25 });
    expect(result.components[1]!.kind).toBe("sor");
    expect(result.components[1]!.percent).toBeCloseTo(66.6667, 4);
    expect(result.components[2]).toEqual({ kind: "soch", percent: 90, weight: 50, effectiveWeight: 50 });
    expect(result.explanation).toEqual({
      terms: [
        { kind: "formative", weight: 25, percent: 80 },
        { kind: "sor", weight: 25, percent: 66.7 },
        { kind: "soch", weight: 50, percent: 90 },
      ],
      total: 81.7,
      gradingPercent: 82,
      grade: 4,
    });
    expect(render(result)).toBe("25% × 80% + 25% × 66.7% + 50% × 90% = 81.7% → 4");
  });

  it("redistributes the weight when there is no СОЧ yet", () => {
    // present weights 25 + 25 = 50 → effective 50 % each
    // 50 % × 80 + 50 % × 66.667 = 40 + 33.333 = 73.333 → 73.3, 73 → 4
    const result = compute({ formative: full.formative, sor: full.sor });
    expect(result.partial).toBe(true);
    expect(result.missing).toEqual(["soch"]);
    expect(result.percent).toBeCloseTo(73.3333, 4);
    expect(result.roundedPercent).toBe(73.3);
    expect(result.grade).toBe(4);
    expect(result.components.map((c) => c.effectiveWeight)).toEqual([50, 50, 0]);
    expect(result.components[2]).toEqual({ kind: "soch", percent: null, weight: 50, effectiveWeight: 0 });
    expect(render(result)).toBe("50% × 80% + 50% × 66.7% = 73.3% → 4");
  });

  it("redistributes the weight when there are no formative marks", () => {
    // present weights 25 + 50 = 75 → SOR 25/75 = 33.333 %, SOCH 50/75 = 66.667 %
    // 33.333 % × 66.667 + 66.667 % × 90 = 22.222 + 60 = 82.222 → 82.2, 82 → 4
    const result = compute({ formative: [], sor: full.sor, soch: full.soch });
    expect(result.partial).toBe(true);
    expect(result.missing).toEqual(["formative"]);
    expect(result.percent).toBeCloseTo(82.2222, 4);
    expect(result.roundedPercent).toBe(82.2);
    expect(result.grade).toBe(4);
    expect(result.components[1]!.effectiveWeight).toBeCloseTo(33.3333, 4);
    expect(result.components[2]!.effectiveWeight).toBeCloseTo(66.6667, 4);
    expect(render(result)).toBe("33.3% × 66.7% + 66.7% × 90% = 82.2% → 4");
  });

  it("uses a single present component at 100 %", () => {
    // only SOCH 27/30 = 90 % → 90 → 5
    const result = compute({ soch: full.soch });
    expect(result.missing).toEqual(["formative", "sor"]);
    expect(result.components[2]!.effectiveWeight).toBe(100);
    expect(result.percent).toBe(90);
    expect(result.grade).toBe(5);
  });

  it("returns null when nothing is present", () => {
    expect(computeTermGrade({})).toBeNull();
    expect(computeTermGrade({ formative: [], sor: [], soch: [] })).toBeNull();
    // only a zero-weight component is present
    expect(computeTermGrade({ formative: [10], weights: { formative: 0, sor: 0, soch: 100 } })).toBeNull();
  });

  describe("rounding: integer half-up before thresholds", () => {
    it("84.5 → 85 → 5", () => {
      // 25 % × 100 + 25 % × 70 + 50 % × 84 = 25 + 17.5 + 42 = 84.5
      const result = compute({
        formative: [10, 10],
        sor: [{ points: 7, maxPoints: 10 }],
        soch: [{ points: 21, maxPoints: 25 }],
      });
      expect(result.percent).toBe(84.5);
      expect(result.roundedPercent).toBe(84.5);
      expect(result.explanation.gradingPercent).toBe(85);
      expect(result.grade).toBe(5);
      expect(render(result)).toBe("25% × 100% + 25% × 70% + 50% × 84% = 84.5% → 5");
    });

    it("84.4 → 84 → 4", () => {
      // 25 % × 100 + 25 % × 70 + 50 % × 83.8 = 25 + 17.5 + 41.9 = 84.4
      const result = compute({
        formative: [10],
        sor: [{ points: 7, maxPoints: 10 }],
        soch: [{ points: 419, maxPoints: 500 }],
      });
      expect(result.percent).toBeCloseTo(84.4, 10);
      expect(result.roundedPercent).toBe(84.4);
      expect(result.explanation.gradingPercent).toBe(84);
      expect(result.grade).toBe(4);
    });

    it("64.5 → 65 → 4", () => {
      // 25 % × 60 + 25 % × 60 + 50 % × 69 = 15 + 15 + 34.5 = 64.5
      const result = compute({
        formative: [6, 6],
        sor: [{ points: 6, maxPoints: 10 }],
        soch: [{ points: 69, maxPoints: 100 }],
      });
      expect(result.percent).toBe(64.5);
      expect(result.explanation.gradingPercent).toBe(65);
      expect(result.grade).toBe(4);
    });

    it("39.5 → 40 → 3", () => {
      // 25 % × 40 + 25 % × 40 + 50 % × 39 = 10 + 10 + 19.5 = 39.5
      const result = compute({
        formative: [4],
        sor: [{ points: 4, maxPoints: 10 }],
        soch: [{ points: 39, maxPoints: 100 }],
      });
      expect(result.percent).toBe(39.5);
      expect(result.explanation.gradingPercent).toBe(40);
      expect(result.grade).toBe(3);
    });

    it("100 → 5", () => {
      const result = compute({
        formative: [10, 10, 10],
        sor: [{ points: 20, maxPoints: 20 }],
        soch: [{ points: 30, maxPoints: 30 }],
      });
      expect(result.percent).toBe(100);
      expect(result.roundedPercent).toBe(100);
      expect(result.grade).toBe(5);
    });

    it("all-minimum input → 2", () => {
      // 25 % × 10 + 25 % × 0 + 50 % × 0 = 2.5 → 3 → 2
      const result = compute({
        formative: [1],
        sor: [{ points: 0, maxPoints: 10 }],
        soch: [{ points: 0, maxPoints: 20 }],
      });
      expect(result.percent).toBe(2.5);
      expect(result.grade).toBe(2);
    });

    it("is robust to floating-point noise just below .5", () => {
      expect(roundHalfUp(84.49999999999999)).toBe(85);
      expect(roundHalfUp(84.4999)).toBe(84);
      expect(roundHalfUp(84.45, 1)).toBe(84.5);
      expect(roundHalfUp(81.66666, 1)).toBe(81.7);
      expect(gradeFromPercent(84.5)).toBe(5);
      expect(gradeFromPercent(84.49)).toBe(4);
      expect(gradeFromPercent(64.49)).toBe(3);
      expect(gradeFromPercent(39.49)).toBe(2);
      expect(gradeFromPercent(0)).toBe(2);
    });
  });

  it("supports custom weights", () => {
    // 30 % × 80 + 30 % × 66.667 + 40 % × 90 = 24 + 20 + 36 = 80 → 4
    const result = compute({ ...full, weights: { formative: 30, sor: 30, soch: 40 } });
    expect(result.percent).toBeCloseTo(80, 10);
    expect(result.roundedPercent).toBe(80);
    expect(result.grade).toBe(4);
    expect(result.components.map((c) => c.weight)).toEqual([30, 30, 40]);
    expect(render(result)).toBe("30% × 80% + 30% × 66.7% + 40% × 90% = 80% → 4");
  });

  it("does not report a zero-weight absent component as missing", () => {
    // weights 50/50/0, no СОЧ: 50 % × 80 + 50 % × 66.667 = 73.333
    const result = compute({ formative: full.formative, sor: full.sor, weights: { formative: 50, sor: 50, soch: 0 } });
    expect(result.partial).toBe(false);
    expect(result.missing).toEqual([]);
    expect(result.percent).toBeCloseTo(73.3333, 4);
  });
});

describe("validation", () => {
  it("exports schemas", () => {
    expect(markSchema.safeParse(1).success).toBe(true);
    expect(markSchema.safeParse(10).success).toBe(true);
    expect(markSchema.safeParse(0).success).toBe(false);
    expect(markSchema.safeParse(11).success).toBe(false);
    expect(markSchema.safeParse(7.5).success).toBe(false);
    expect(summativeResultSchema.safeParse({ points: 0, maxPoints: 5 }).success).toBe(true);
    expect(summativeResultSchema.safeParse({ points: 5, maxPoints: 5 }).success).toBe(true);
    expect(summativeResultSchema.safeParse({ points: 6, maxPoints: 5 }).success).toBe(false);
    expect(summativeResultSchema.safeParse({ points: 0, maxPoints: 0 }).success).toBe(false);
  });

  it("rejects invalid marks", () => {
    for (const mark of [0, 11, 7.5, -1, Number.NaN, Number.POSITIVE_INFINITY, "8"]) {
      const error = inputError({ formative: [8, mark] });
      expect(error.code).toBe("invalid_grade_input");
      expect(error.issues[0]!.path).toBe("formative.1");
    }
  });

  it("rejects invalid summative results", () => {
    expect(inputError({ sor: [{ points: 11, maxPoints: 10 }] }).issues[0]!.path).toBe("sor.0.points");
    expect(inputError({ sor: [{ points: -1, maxPoints: 10 }] }).issues[0]!.path).toBe("sor.0.points");
    expect(inputError({ soch: [{ points: 0, maxPoints: 0 }] }).issues[0]!.path).toBe("soch.0.maxPoints");
    expect(inputError({ soch: [{ points: 1 }] }).issues[0]!.path).toBe("soch.0.maxPoints");
  });

  it("rejects weights that do not sum to 100 or are negative", () => {
    expect(inputError({ ...full, weights: { formative: 25, sor: 25, soch: 40 } }).issues[0]!.path).toBe("weights");
    expect(inputError({ ...full, weights: { formative: 0.25, sor: 0.25, soch: 0.5 } }).code).toBe(
      "invalid_grade_input",
    );
    expect(inputError({ ...full, weights: { formative: -10, sor: 60, soch: 50 } }).issues[0]!.path).toBe(
      "weights.formative",
    );
  });
});
