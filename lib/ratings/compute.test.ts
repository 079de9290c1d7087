import { describe, expect, it } from "vitest";
import {
  GEOMETRIC_EPSILON,
  RatingError,
  competitionRanks,
  computeRating,
  erf,
  mulberry32,
  normaliseValues,
  normaliseWeights,
  sensitivity,
  standardNormalCdf,
  validateMethod,
  type Indicator,
  type Method,
  type RatingRow,
} from "./compute";

function indicator(code: string, weight: number, extra: Partial<Indicator> = {}): Indicator {
  return { code, weight, direction: "higher", normalisation: "minmax", missing: "exclude-entity", ...extra };
}

function expectCloseArray(actual: number[], expected: number[], digits = 6): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, digits));
}

function catchError(fn: () => unknown): RatingError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RatingError);
    return error as RatingError;
  }
  throw new Error("expected a RatingError");
}

/** Pseudo-random dataset (deterministic). */
function randomRows(entities: number, indicators: number, seed: number): RatingRow[] {
  const random = mulberry32(seed);
  return Array.from({ length: entities }, (_, i) => ({
    entityId: `E${String(i).padStart(5, "0")}`,
    values: Object.fromEntries(
      Array.from({ length: indicators }, (_, j) => [`i${j}`, Math.round(random() * 1000) / 10]),
    ),
  }));
}

function randomMethod(indicators: number, aggregation: Method["aggregation"] = "arithmetic"): Method {
  const normalisations = ["minmax", "zscore", "rank"] as const;
  return {
    aggregation,
    indicators: Array.from({ length: indicators }, (_, j) =>
      indicator(`i${j}`, 1 / indicators, {
        normalisation: normalisations[j % 3]!,
        direction: j % 4 === 3 ? "lower" : "higher",
      }),
    ),
  };
}

describe("erf / standard normal CDF", () => {
  it("matches reference values within the A&S 7.1.26 error bound", () => {
    expect(erf(0)).toBe(0);
    expect(erf(1)).toBeCloseTo(0.8427007929, 6);
    expect(erf(-1)).toBeCloseTo(-0.8427007929, 6);
    expect(standardNormalCdf(0)).toBe(0.5);
    expect(standardNormalCdf(1)).toBeCloseTo(0.8413447461, 6);
    expect(standardNormalCdf(-1.96)).toBeCloseTo(0.0249978951, 6);
    // Symmetry is exact because erf is implemented as an odd function.
    expect(standardNormalCdf(-0.7) + standardNormalCdf(0.7)).toBeCloseTo(1, 15);
  });
});

describe("normalisation", () => {
  it("min-max: (x - min) / (max - min)", () => {
    // min 10, max 50, range 40: (10-10)/40 = 0, (20-10)/40 = 0.25, (40-10)/40 = 0.75, (50-10)/40 = 1
    expect(normaliseValues([10, 20, 40, 50], "minmax")).toEqual([0, 0.25, 0.75, 1]);
    // lower is better: 1 - the above
    expect(normaliseValues([10, 20, 40, 50], "minmax", "lower")).toEqual([1, 0.75, 0.25, 0]);
  });

  it("min-max: all equal gives 1 for everyone, in both directions", () => {
    expect(normaliseValues([3, 3, 3], "minmax")).toEqual([1, 1, 1]);
    expect(normaliseValues([3, 3, 3], "minmax", "lower")).toEqual([1, 1, 1]);
  });

  it("z-score: population sd, mapped through Φ", () => {
    // values 2,4,4,4,5,5,7,9: mean = 40/8 = 5
    // squared deviations 9,1,1,1,0,0,4,16 → sum 32, population variance 32/8 = 4, sd = 2
    // z = -1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2
    // Φ(-1.5) = 0.0668072, Φ(-0.5) = 0.3085375, Φ(0) = 0.5, Φ(1) = 0.8413447, Φ(2) = 0.9772499
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    const expected = [0.0668072, 0.3085375, 0.3085375, 0.3085375, 0.5, 0.5, 0.8413447, 0.9772499];
    expectCloseArray(normaliseValues(values, "zscore"), expected);
    expectCloseArray(
      normaliseValues(values, "zscore", "lower"),
      expected.map((x) => 1 - x),
    );
  });

  it("z-score: all equal gives 0.5", () => {
    expect(normaliseValues([0.1, 0.1, 0.1], "zscore")).toEqual([0.5, 0.5, 0.5]);
  });

  it("rank: (n - rank) / (n - 1), rank 1 = largest, average ranks for ties", () => {
    // values 10, 30, 20, 30, 5 (n = 5)
    // descending: 30, 30 → positions 1,2 → average rank 1.5; 20 → 3; 10 → 4; 5 → 5
    // scores: 10 → (5-4)/4 = 0.25; 30 → (5-1.5)/4 = 0.875; 20 → (5-3)/4 = 0.5; 5 → (5-5)/4 = 0
    expect(normaliseValues([10, 30, 20, 30, 5], "rank")).toEqual([0.25, 0.875, 0.5, 0.875, 0]);
    expect(normaliseValues([10, 30, 20, 30, 5], "rank", "lower")).toEqual([0.75, 0.125, 0.5, 0.125, 1]);
    // all tied: average rank (n + 1) / 2 → 0.5; a single value scores 1
    expect(normaliseValues([7, 7, 7], "rank")).toEqual([0.5, 0.5, 0.5]);
    expect(normaliseValues([7], "rank")).toEqual([1]);
  });
});

describe("computeRating: worked example (5 regions × 3 indicators)", () => {
  // enrolment (%, higher better, min-max, weight 0.5)
  // dropout (%, lower better, min-max, weight 0.3)
  // olympiad winners (count, higher better, rank, weight 0.2)
  const method: Method = {
    aggregation: "arithmetic",
    indicators: [
      indicator("enrolment", 0.5),
      indicator("dropout", 0.3, { direction: "lower" }),
      indicator("olympiad", 0.2, { normalisation: "rank" }),
    ],
  };
  const rows: RatingRow[] = [
    { entityId: "R1", values: { enrolment: 90, dropout: 2, olympiad: 10 } },
    { entityId: "R2", values: { enrolment: 80, dropout: 4, olympiad: 30 } },
    { entityId: "R3", values: { enrolment: 70, dropout: 3, olympiad: 20 } },
    { entityId: "R4", values: { enrolment: 60, dropout: 6, olympiad: 30 } },
    { entityId: "R5", values: { enrolment: 100, dropout: 5, olympiad: 5 } },
  ];

  // enrolment: min 60, max 100, range 40
  //   R1 (90-60)/40 = 0.75, R2 0.5, R3 0.25, R4 0, R5 1
  // dropout: min 2, max 6, range 4; lower → 1 - (x-2)/4
  //   R1 1 - 0 = 1, R2 1 - 0.5 = 0.5, R3 1 - 0.25 = 0.75, R4 1 - 1 = 0, R5 1 - 0.75 = 0.25
  // olympiad (rank): 30,30 → avg rank 1.5; 20 → 3; 10 → 4; 5 → 5; score (5 - rank)/4
  //   R1 0.25, R2 0.875, R3 0.5, R4 0.875, R5 0
  // composite = 0.5·enrolment + 0.3·dropout + 0.2·olympiad
  //   R1 = 0.375 + 0.300 + 0.050 = 0.7250
  //   R2 = 0.250 + 0.150 + 0.175 = 0.5750
  //   R3 = 0.125 + 0.225 + 0.100 = 0.4500
  //   R4 = 0.000 + 0.000 + 0.175 = 0.1750
  //   R5 = 0.500 + 0.075 + 0.000 = 0.5750
  // ranks (competition): R1 1, R2 2, R5 2 (tie), R3 4, R4 5
  const expected = [
    { id: "R1", score: 0.725, rank: 1, normalised: [0.75, 1, 0.25] },
    { id: "R2", score: 0.575, rank: 2, normalised: [0.5, 0.5, 0.875] },
    { id: "R5", score: 0.575, rank: 2, normalised: [1, 0.25, 0] },
    { id: "R3", score: 0.45, rank: 4, normalised: [0.25, 0.75, 0.5] },
    { id: "R4", score: 0.175, rank: 5, normalised: [0, 0, 0.875] },
  ];

  it("produces the hand-computed scores, ranks and breakdown", () => {
    const result = computeRating(method, rows);
    expect(result.excluded).toEqual([]);
    expect(result.entities.map((e) => e.entityId)).toEqual(expected.map((e) => e.id));
    result.entities.forEach((entity, i) => {
      const exp = expected[i]!;
      expect(entity.score).toBeCloseTo(exp.score, 4);
      expect(entity.rank).toBe(exp.rank);
      expect(entity.indicators.map((x) => x.code)).toEqual(["enrolment", "dropout", "olympiad"]);
      expectCloseArray(
        entity.indicators.map((x) => x.normalised),
        exp.normalised,
        12,
      );
      expect(entity.indicators.map((x) => x.weight)).toEqual([0.5, 0.3, 0.2]);
      for (const x of entity.indicators) {
        expect(x.contribution).toBeCloseTo(x.weight * x.normalised, 12);
        expect(x.imputed).toBeNull();
      }
      const sum = entity.indicators.reduce((s, x) => s + x.contribution, 0);
      expect(sum).toBeCloseTo(entity.score, 12);
    });
    expect(result.entities[0]!.indicators.map((x) => x.raw)).toEqual([90, 2, 10]);
  });

  it("is independent of input row order and accepts percentage weights", () => {
    const shuffled = [rows[3]!, rows[0]!, rows[4]!, rows[2]!, rows[1]!];
    const percent: Method = {
      ...method,
      indicators: method.indicators.map((x) => ({ ...x, weight: x.weight * 100 })),
    };
    expect(computeRating(percent, shuffled)).toEqual(computeRating(method, rows));
  });
});

describe("ties", () => {
  it("uses competition ranking 1224", () => {
    expect(competitionRanks([0.9, 0.5, 0.5, 0.1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([0.5, 0.5, 0.5])).toEqual([1, 1, 1]);
  });

  it("treats scores within 1e-12 as equal", () => {
    expect(competitionRanks([0.5, 0.5 + 1e-13, 0.4])).toEqual([1, 1, 3]);
    expect(competitionRanks([0.5, 0.5 + 1e-9, 0.4])).toEqual([2, 1, 3]);
    // 0.1 + 0.2 !== 0.3 in floating point, but they tie
    expect(competitionRanks([0.1 + 0.2, 0.3])).toEqual([1, 1]);
  });

  it("orders tied entities by entityId", () => {
    const method: Method = { aggregation: "arithmetic", indicators: [indicator("x", 1)] };
    const result = computeRating(method, [
      { entityId: "b", values: { x: 1 } },
      { entityId: "c", values: { x: 2 } },
      { entityId: "a", values: { x: 1 } },
    ]);
    expect(result.entities.map((e) => [e.entityId, e.rank])).toEqual([
      ["c", 1],
      ["a", 2],
      ["b", 2],
    ]);
  });
});

describe("missing values", () => {
  it("exclude-entity removes the entity before normalisation", () => {
    const method: Method = { aggregation: "arithmetic", indicators: [indicator("x", 1)] };
    const result = computeRating(method, [
      { entityId: "A", values: { x: 1 } },
      { entityId: "B", values: { x: null } },
      { entityId: "C", values: { x: 3 } },
      { entityId: "D", values: {} },
    ]);
    expect(result.excluded).toEqual([
      { entityId: "B", missing: ["x"] },
      { entityId: "D", missing: ["x"] },
    ]);
    // A: (1-1)/(3-1) = 0, C: 1
    expect(result.entities.map((e) => [e.entityId, e.score, e.rank])).toEqual([
      ["C", 1, 1],
      ["A", 0, 2],
    ]);
  });

  it("zero gives a normalised 0 and stays out of the statistics", () => {
    const rows: RatingRow[] = [
      { entityId: "A", values: { x: 10 } },
      { entityId: "B", values: { x: null } },
      { entityId: "C", values: { x: 20 } },
      { entityId: "D", values: { x: 30 } },
    ];
    // observed 10, 20, 30 → min-max 0, 0.5, 1; B → 0
    const higher = computeRating(
      { aggregation: "arithmetic", indicators: [indicator("x", 1, { missing: "zero" })] },
      rows,
    );
    const byId = (r: typeof higher) => Object.fromEntries(r.entities.map((e) => [e.entityId, e]));
    expect(Object.fromEntries(higher.entities.map((e) => [e.entityId, e.score]))).toEqual({ A: 0, B: 0, C: 0.5, D: 1 });
    expect(byId(higher)["B"]!.indicators[0]).toMatchObject({ raw: null, imputed: "zero", normalised: 0 });
    expect(byId(higher)["B"]!.rank).toBe(3);
    // lower is better: observed → 1, 0.5, 0; the missing value is still 0 (worst)
    const lower = computeRating(
      { aggregation: "arithmetic", indicators: [indicator("x", 1, { missing: "zero", direction: "lower" })] },
      rows,
    );
    expect(Object.fromEntries(lower.entities.map((e) => [e.entityId, e.score]))).toEqual({ A: 1, B: 0, C: 0.5, D: 0 });
  });

  it("mean imputes the mean of observed values before normalisation", () => {
    const rows: RatingRow[] = [
      { entityId: "A", values: { x: 10, y: 10 } },
      { entityId: "B", values: { x: null, y: null } },
      { entityId: "C", values: { x: 20, y: 20 } },
      { entityId: "D", values: { x: 30, y: 30 } },
    ];
    const method: Method = {
      aggregation: "arithmetic",
      indicators: [
        indicator("x", 0.5, { missing: "mean" }),
        indicator("y", 0.5, { missing: "mean", normalisation: "zscore" }),
      ],
    };
    // x: mean of 10, 20, 30 = 20 → B imputed 20; min-max → A 0, B 0.5, C 0.5, D 1
    // y: values with imputation 10, 20, 20, 30: mean 20, population sd = √((100+0+0+100)/4) = √50
    //    z: A -10/√50 = -√2, B 0, C 0, D √2 → Φ(-√2) = 0.0786496, 0.5, 0.5, Φ(√2) = 0.9213504
    // composite: A 0.5·0 + 0.5·0.0786496 = 0.0393248; B = C = 0.5; D 0.5·1 + 0.5·0.9213504 = 0.9606752
    const result = computeRating(method, rows);
    const byId = Object.fromEntries(result.entities.map((e) => [e.entityId, e]));
    expect(byId["A"]!.score).toBeCloseTo(0.0393248, 6);
    expect(byId["B"]!.score).toBeCloseTo(0.5, 12);
    expect(byId["C"]!.score).toBeCloseTo(0.5, 12);
    expect(byId["D"]!.score).toBeCloseTo(0.9606752, 6);
    expect(byId["B"]!.indicators.map((x) => [x.raw, x.imputed])).toEqual([
      [null, "mean"],
      [null, "mean"],
    ]);
    expect(result.entities.map((e) => [e.entityId, e.rank])).toEqual([
      ["D", 1],
      ["B", 2],
      ["C", 2],
      ["A", 4],
    ]);
  });

  it("handles mixed policies and an indicator with no observed value", () => {
    const method: Method = {
      aggregation: "arithmetic",
      indicators: [indicator("x", 0.5), indicator("y", 0.5, { missing: "mean" })],
    };
    // y is never observed: every entity gets the same imputed value → min-max all-equal → 1
    const result = computeRating(method, [
      { entityId: "A", values: { x: 0, y: null } },
      { entityId: "B", values: { x: 4, y: null } },
      { entityId: "C", values: { x: null, y: 5 } },
    ]);
    expect(result.excluded).toEqual([{ entityId: "C", missing: ["x"] }]);
    expect(result.entities.map((e) => [e.entityId, e.score])).toEqual([
      ["B", 1],
      ["A", 0.5],
    ]);
  });
});

describe("geometric aggregation", () => {
  const rows: RatingRow[] = [
    { entityId: "E1", values: { x: 0, y: 10 } },
    { entityId: "E2", values: { x: 5, y: 5 } },
    { entityId: "E3", values: { x: 10, y: 0 } },
  ];
  const indicators = [indicator("x", 0.5), indicator("y", 0.5)];

  it("computes Π (x + ε)^w − ε and penalises unbalanced profiles", () => {
    expect(GEOMETRIC_EPSILON).toBe(0.01);
    // normalised: E1 (0, 1), E2 (0.5, 0.5), E3 (1, 0)
    // E1 = 0.01^0.5 · 1.01^0.5 − 0.01 = √0.0101 − 0.01 = 0.1004988 − 0.01 = 0.0904988
    // E2 = 0.51^0.5 · 0.51^0.5 − 0.01 = 0.51 − 0.01 = 0.5
    // E3 = same as E1 = 0.0904988
    const result = computeRating({ aggregation: "geometric", indicators }, rows);
    expect(result.entities.map((e) => [e.entityId, e.rank])).toEqual([
      ["E2", 1],
      ["E1", 2],
      ["E3", 2],
    ]);
    const byId = Object.fromEntries(result.entities.map((e) => [e.entityId, e]));
    expect(byId["E1"]!.score).toBeCloseTo(0.0904988, 6);
    expect(byId["E2"]!.score).toBeCloseTo(0.5, 12);
    expect(byId["E3"]!.score).toBeCloseTo(0.0904988, 6);
    // contributions are the factors (x + ε)^w: 0.01^0.5 = 0.1, 1.01^0.5 = 1.0049876
    expect(byId["E1"]!.indicators[0]!.contribution).toBeCloseTo(0.1, 12);
    expect(byId["E1"]!.indicators[1]!.contribution).toBeCloseTo(1.0049876, 6);
    const product = byId["E1"]!.indicators.reduce((p, x) => p * x.contribution, 1);
    expect(product - GEOMETRIC_EPSILON).toBeCloseTo(byId["E1"]!.score, 12);

    // the arithmetic mean cannot tell them apart: all 0.5
    const arithmetic = computeRating({ aggregation: "arithmetic", indicators }, rows);
    expect(arithmetic.entities.map((e) => e.rank)).toEqual([1, 1, 1]);
  });

  it("keeps scores in 0..1", () => {
    const result = computeRating({ aggregation: "geometric", indicators }, [
      { entityId: "lo", values: { x: 0, y: 0 } },
      { entityId: "hi", values: { x: 1, y: 1 } },
    ]);
    expect(result.entities[0]!.score).toBeCloseTo(1, 12);
    expect(result.entities[1]!.score).toBeGreaterThanOrEqual(0);
    expect(result.entities[1]!.score).toBeCloseTo(0, 12);
  });

  it("refuses negative raw values", () => {
    const negative: RatingRow[] = [...rows, { entityId: "E4", values: { x: -1, y: 3 } }];
    const error = catchError(() => computeRating({ aggregation: "geometric", indicators }, negative));
    expect(error.code).toBe("negative_value_geometric");
    expect(error.details).toEqual(["E4/x"]);
    expect(() => computeRating({ aggregation: "arithmetic", indicators }, negative)).not.toThrow();
    expect(catchError(() => sensitivity({ aggregation: "geometric", indicators }, negative)).code).toBe(
      "negative_value_geometric",
    );
  });
});

describe("validateMethod", () => {
  it("accepts a valid method", () => {
    expect(
      validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", 0.6), indicator("b", 0.4)] }),
    ).toEqual([]);
  });

  it("reports no_indicators", () => {
    expect(validateMethod({ aggregation: "arithmetic", indicators: [] })).toEqual(["no_indicators"]);
  });

  it("reports weights_sum with a 1e-6 tolerance", () => {
    expect(
      validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", 0.5), indicator("b", 0.4)] }),
    ).toEqual(["weights_sum"]);
    expect(
      validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", 0.5), indicator("b", 0.5 + 1e-7)] }),
    ).toEqual([]);
    expect(
      validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", 0.5), indicator("b", 0.5 + 1e-5)] }),
    ).toEqual(["weights_sum"]);
    expect(validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", NaN), indicator("b", 1)] })).toEqual(
      ["weights_sum"],
    );
  });

  it("accepts percentages through normaliseWeights", () => {
    const method: Method = {
      aggregation: "arithmetic",
      indicators: [indicator("a", 50), indicator("b", 30), indicator("c", 20)],
    };
    expect(validateMethod(method)).toEqual([]);
    expect(normaliseWeights(method).indicators.map((x) => x.weight)).toEqual([0.5, 0.3, 0.2]);
    const fractions: Method = { aggregation: "arithmetic", indicators: [indicator("a", 1)] };
    expect(normaliseWeights(fractions)).toBe(fractions);
  });

  it("reports duplicate_indicator and negative_weight", () => {
    expect(
      validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", 0.5), indicator("a", 0.5)] }),
    ).toEqual(["duplicate_indicator"]);
    expect(
      validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", 1.2), indicator("b", -0.2)] }),
    ).toEqual(["negative_weight"]);
    expect(
      validateMethod({ aggregation: "arithmetic", indicators: [indicator("a", 1), indicator("a", -0.5)] }),
    ).toEqual(["duplicate_indicator", "negative_weight", "weights_sum"]);
  });

  it("reports invalid_indicator for malformed runtime data", () => {
    const bad = {
      aggregation: "arithmetic",
      indicators: [{ ...indicator("a", 1), direction: "up" }],
    } as unknown as Method;
    expect(validateMethod(bad)).toEqual(["invalid_indicator"]);
  });

  it("makes computeRating throw invalid_method", () => {
    const error = catchError(() =>
      computeRating({ aggregation: "arithmetic", indicators: [indicator("a", 0.5)] }, [
        { entityId: "x", values: { a: 1 } },
      ]),
    );
    expect(error.code).toBe("invalid_method");
    expect(error.details).toEqual(["weights_sum"]);
  });
});

describe("input validation", () => {
  const method: Method = { aggregation: "arithmetic", indicators: [indicator("a", 1)] };

  it("rejects non-finite values and duplicate entities", () => {
    expect(catchError(() => computeRating(method, [{ entityId: "x", values: { a: NaN } }])).code).toBe("invalid_value");
    expect(catchError(() => computeRating(method, [{ entityId: "x", values: { a: Infinity } }])).details).toEqual([
      "x/a",
    ]);
    const duplicate = catchError(() =>
      computeRating(method, [
        { entityId: "x", values: { a: 1 } },
        { entityId: "x", values: { a: 2 } },
      ]),
    );
    expect(duplicate.code).toBe("duplicate_entity");
    expect(duplicate.details).toEqual(["x"]);
  });

  it("handles an empty data set", () => {
    expect(computeRating(method, [])).toEqual({ aggregation: "arithmetic", entities: [], excluded: [] });
  });
});

describe("sensitivity", () => {
  const method = randomMethod(4);
  const rows = randomRows(80, 4, 11);

  it("is reproducible with the same seed and differs with another seed", () => {
    const a = sensitivity(method, rows, { draws: 300, seed: 42 });
    const b = sensitivity(method, rows, { draws: 300, seed: 42 });
    const c = sensitivity(method, rows, { draws: 300, seed: 43 });
    expect(a).toEqual(b);
    expect(c.entities).not.toEqual(a.entities);
    expect(a.entities).toHaveLength(80);
    for (const e of a.entities) {
      expect(e.minRank).toBeLessThanOrEqual(e.p5);
      expect(e.p5).toBeLessThanOrEqual(e.p95);
      expect(e.p95).toBeLessThanOrEqual(e.maxRank);
      expect(e.minRank).toBeGreaterThanOrEqual(1);
      expect(e.maxRank).toBeLessThanOrEqual(80);
      expect(e.robust).toBe(e.p95 - e.p5 <= 2);
    }
    // with ±20 % weight noise some of the 80 close entities must move
    expect(a.entities.some((e) => !e.robust)).toBe(true);
  });

  it("base ranks equal computeRating ranks; spread 0 never changes ranks", () => {
    const rating = computeRating(method, rows);
    const result = sensitivity(method, rows, { draws: 20, spread: 0, seed: 5 });
    expect(result.entities.map((e) => [e.entityId, e.baseRank])).toEqual(
      rating.entities.map((e) => [e.entityId, e.rank]),
    );
    for (const e of result.entities) {
      expect([e.minRank, e.maxRank, e.p5, e.p95]).toEqual([e.baseRank, e.baseRank, e.baseRank, e.baseRank]);
      expect(e.robust).toBe(true);
    }
  });

  it("each draw ranks exactly like computeRating with the perturbed weights", () => {
    // Ties included: duplicate the profiles of a few entities.
    const tied: RatingRow[] = [
      ...rows.slice(0, 30),
      ...rows.slice(0, 5).map((row) => ({ entityId: `T${row.entityId}`, values: row.values })),
    ];
    for (const seed of [1, 2, 3, 99]) {
      const spread = 0.5;
      // Reproduce the draw: one uniform factor per indicator, in method order.
      const random = mulberry32(seed);
      const factors = method.indicators.map(() => 1 - spread + 2 * spread * random());
      const raw = method.indicators.map((x, j) => x.weight * factors[j]!);
      const sum = raw.reduce((s, w) => s + w, 0);
      const perturbed: Method = {
        ...method,
        indicators: method.indicators.map((x, j) => ({ ...x, weight: raw[j]! / sum })),
      };
      const expected = Object.fromEntries(computeRating(perturbed, tied).entities.map((e) => [e.entityId, e.rank]));
      const result = sensitivity(method, tied, { draws: 1, spread, seed });
      for (const e of result.entities) {
        expect([e.minRank, e.maxRank, e.p5, e.p95]).toEqual(Array(4).fill(expected[e.entityId]));
      }
    }
  });

  it("reports excluded entities and validates options", () => {
    const withMissing: RatingRow[] = [...rows.slice(0, 5), { entityId: "Z", values: { i0: null } }];
    const result = sensitivity(method, withMissing, { draws: 10 });
    expect(result.excluded).toEqual([{ entityId: "Z", missing: ["i0", "i1", "i2", "i3"] }]);
    expect(result.entities).toHaveLength(5);
    expect(catchError(() => sensitivity(method, rows, { draws: 0 })).details).toEqual(["draws"]);
    expect(catchError(() => sensitivity(method, rows, { draws: 1.5 })).details).toEqual(["draws"]);
    expect(catchError(() => sensitivity(method, rows, { spread: 1 })).details).toEqual(["spread"]);
    expect(catchError(() => sensitivity(method, rows, { spread: -0.1 })).details).toEqual(["spread"]);
    expect(catchError(() => sensitivity(method, rows, { seed: NaN })).details).toEqual(["seed"]);
  });

  it("works with geometric aggregation", () => {
    const geometric = randomMethod(4, "geometric");
    const a = sensitivity(geometric, rows, { draws: 50, seed: 8 });
    expect(a).toEqual(sensitivity(geometric, rows, { draws: 50, seed: 8 }));
    expect(a.entities.map((e) => e.baseRank)).toEqual(computeRating(geometric, rows).entities.map((e) => e.rank));
  });

  it("handles 2,000 entities × 10 indicators × 100 draws", () => {
    const result = sensitivity(randomMethod(10), randomRows(2000, 10, 3), { draws: 100, seed: 1 });
    expect(result.entities).toHaveLength(2000);
    expect(result.draws).toBe(100);
  });
});

describe("mulberry32", () => {
  it("is deterministic and in [0, 1)", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(124)()).not.toBe(mulberry32(123)());
  });
});
