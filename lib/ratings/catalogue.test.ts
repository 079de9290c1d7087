import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { RATING_CATALOGUE, databankIndicatorsOf, ratioValue, type RatingIndicatorSpec } from "./catalogue";
import { sensitivity, type Method } from "./compute";
import { round, runRating } from "./runner";

const totals = (entries: Record<string, number>) => new Map(Object.entries(entries));
const ratio = (code: keyof typeof RATING_CATALOGUE) => RATING_CATALOGUE[code] as RatingIndicatorSpec;

describe("rating indicators from the data bank", () => {
  it("computes ratios from the totals of an entity", () => {
    // 1,200 pupils, 80 teachers → 15 pupils per teacher
    expect(ratioValue(ratio("pupilsPerTeacher"), totals({ "students|": 1200, "teachers|": 80 }))).toBe(15);
    // 60 of 80 teachers with higher education → 75 %
    expect(ratioValue(ratio("higherEducationShare"), totals({ "teachersHigherEducation|": 60, "teachers|": 80 }))).toBe(
      75,
    );
    // highest categories: master 4 + researcher 6 + expert 10 of 80 → 25 %
    expect(
      ratioValue(
        ratio("highestCategoryShare"),
        totals({
          "teachers|master": 4,
          "teachers|researcher": 6,
          "teachers|expert": 10,
          "teachers|moderator": 30,
          "teachers|": 80,
        }),
      ),
    ).toBe(25);
    // vacancies 20 of (80 teachers + 20 vacancies) → 20 %
    expect(ratioValue(ratio("vacancyRate"), totals({ "vacancies|": 20, "teachers|": 80 }))).toBe(20);
  });

  it("gives null when the denominator is missing or zero", () => {
    expect(ratioValue(ratio("pupilsPerTeacher"), totals({ "students|": 1200 }))).toBeNull();
    expect(ratioValue(ratio("pupilsPerTeacher"), totals({ "students|": 1200, "teachers|": 0 }))).toBeNull();
    // a reported denominator with no numerator counts the numerator as 0
    expect(ratioValue(ratio("higherEducationShare"), totals({ "teachers|": 10 }))).toBe(0);
  });

  it("lists the data bank indicators a method needs", () => {
    expect(databankIndicatorsOf(["pupilsPerTeacher", "vacancyRate"]).sort()).toEqual([
      "students",
      "teachers",
      "vacancies",
    ]);
    expect(databankIndicatorsOf(["reportingTimeliness"])).toEqual([]);
  });
});

describe("runRating refusals (localised AppErrors)", () => {
  const rows = [
    { entityId: "A", values: { x: 1, y: 2 } },
    { entityId: "B", values: { x: 3, y: 1 } },
    { entityId: "C", values: { x: 2, y: 5 } },
  ];
  const method = (weights: number[], aggregation: Method["aggregation"] = "arithmetic"): Method => ({
    aggregation,
    indicators: weights.map((weight, i) => ({
      code: ["x", "y"][i]!,
      weight,
      direction: "higher",
      normalisation: "minmax",
      missing: "exclude-entity",
    })),
  });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    }
    throw new Error("expected a refusal");
  };

  it("refuses zero indicators, bad weights, an indicator without data and negatives under geometric", () => {
    expect(refusal(() => runRating(method([]), rows)).fieldErrors).toEqual({ indicators: "ratings.noIndicators" });
    expect(refusal(() => runRating(method([60, 30]), rows)).fieldErrors).toEqual({ weights: "ratings.weightsSum" });
    expect(refusal(() => runRating(method([120, -20]), rows)).fieldErrors).toEqual({ weights: "ratings.weightsSum" });
    const noY = rows.map((r) => ({ entityId: r.entityId, values: { x: r.values.x, y: null } }));
    const noData = refusal(() => runRating(method([50, 50]), noY));
    expect([noData.fieldErrors, noData.params]).toEqual([{ indicators: "ratings.noData" }, { indicator: "y" }]);
    const negative = [...rows, { entityId: "D", values: { x: -1, y: 1 } }];
    expect(refusal(() => runRating(method([50, 50], "geometric"), negative)).fieldErrors).toEqual({
      indicators: "ratings.negativeGeometric",
    });
    expect(runRating(method([50, 50]), negative)).toHaveLength(4);
  });

  it("returns ranks, rounded scores, the snapshot and the sensitivity interval of every entity", () => {
    // x: A 0, B 1, C 0.5; y: A 0.25, B 0, C 1 → scores A 0.125, B 0.5, C 0.75
    const entries = runRating(method([50, 50]), [...rows, { entityId: "Z", values: { x: null, y: 1 } }], {
      draws: 50,
      spread: 0.2,
      seed: 1,
      robustWidth: 2,
    });
    expect(entries.map((e) => [e.entityId, e.rank, e.score])).toEqual([
      ["C", 1, 0.75],
      ["B", 2, 0.5],
      ["A", 3, 0.125],
      ["Z", null, null],
    ]);
    expect(entries[3]!.inputs).toEqual({ x: null, y: 1 });
    const s = sensitivity(method([50, 50]), rows, { draws: 50, seed: 1 });
    for (const e of entries.slice(0, 3)) {
      const x = s.entities.find((y) => y.entityId === e.entityId)!;
      expect([e.p5, e.p95, e.minRank, e.maxRank, e.robust]).toEqual([x.p5, x.p95, x.minRank, x.maxRank, x.robust]);
    }
    expect(round(1 / 3)).toBe(0.333333333333);
    expect(round(null)).toBeNull();
  });
});
