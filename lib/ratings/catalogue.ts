/**
 * The indicators a rating method may use, each derived from the data bank (accepted statistical reports and
 * the organisation passport's confirmed facts), from the reporting workflow or the e-diary, with its source and the direction that usually applies. Definitions are in
 * messages/<locale>/ratings.json (`indicator.<code>.name` / `.definition` / `.source`).
 *
 * Pure module (no database): the runner, the forms, the method page and the API share it.
 */
import { z } from "zod";
import type { Indicator as DatabankIndicator } from "../databank/catalogue";
import type { Aggregation, Direction, MissingPolicy, Normalisation } from "./compute";

/** A sum of data bank indicators (optionally restricted to some teacher qualification categories). */
export interface Term {
  indicator: DatabankIndicator;
  qualifications?: readonly string[];
}

export interface RatingIndicatorSpec {
  /** value = scale × Σ numerator / Σ denominator (null when the denominator is 0 or nothing was reported). */
  kind: "ratio";
  numerator: readonly Term[];
  denominator: readonly Term[];
  scale: number;
  /** The direction a new method starts with. */
  direction: Direction;
  /** Forms the values come from. */
  forms: readonly string[];
}

export interface TimelinessSpec {
  /** Share of the accepted reports of the year that were handed in on time (reporting workflow). */
  kind: "timeliness";
  direction: Direction;
  forms: readonly string[];
}

export interface DiarySpec {
  /**
   * E-diary of the school year starting in the rating's year (lib/diary/aggregates.ts): attendance rate
   * (lessons held × pupils enrolled, less absences) or quality (share of 4 and 5 among term grades). An
   * entity with fewer than DIARY_SMALL_CELL pupils in the diary has no value (no child can be singled out).
   */
  kind: "diary";
  measure: "attendance" | "quality";
  direction: Direction;
  forms: readonly string[];
}

/** The e-diary's small-cell threshold (lib/diary/aggregates.ts SMALL_CELL). */
export const DIARY_SMALL_CELL = 10;

export const RATING_INDICATORS = [
  "pupilsPerTeacher",
  "higherEducationShare",
  "highestCategoryShare",
  "kazakhLanguageShare",
  "avgClassSize",
  "vacancyRate",
  "reportingTimeliness",
  "attendanceRate",
  "gradeQuality",
  "pupilsPerComputer",
  "capacityUse",
] as const;
export type RatingIndicatorCode = (typeof RATING_INDICATORS)[number];

export const RATING_CATALOGUE: Record<RatingIndicatorCode, RatingIndicatorSpec | TimelinessSpec | DiarySpec> = {
  pupilsPerTeacher: {
    kind: "ratio",
    numerator: [{ indicator: "students" }],
    denominator: [{ indicator: "teachers" }],
    scale: 1,
    direction: "lower",
    forms: ["D-1", "D-3"],
  },
  higherEducationShare: {
    kind: "ratio",
    numerator: [{ indicator: "teachersHigherEducation" }],
    denominator: [{ indicator: "teachers" }],
    scale: 100,
    direction: "higher",
    forms: ["D-3"],
  },
  highestCategoryShare: {
    kind: "ratio",
    numerator: [{ indicator: "teachers", qualifications: ["master", "researcher", "expert"] }],
    denominator: [{ indicator: "teachers" }],
    scale: 100,
    direction: "higher",
    forms: ["D-3"],
  },
  kazakhLanguageShare: {
    kind: "ratio",
    numerator: [{ indicator: "studentsKazakh" }],
    denominator: [{ indicator: "students" }],
    scale: 100,
    direction: "higher",
    forms: ["D-1"],
  },
  avgClassSize: {
    kind: "ratio",
    numerator: [{ indicator: "students" }],
    denominator: [{ indicator: "classes" }],
    scale: 1,
    direction: "lower",
    forms: ["D-1"],
  },
  vacancyRate: {
    kind: "ratio",
    numerator: [{ indicator: "vacancies" }],
    denominator: [{ indicator: "teachers" }, { indicator: "vacancies" }],
    scale: 100,
    direction: "lower",
    forms: ["D-3"],
  },
  reportingTimeliness: { kind: "timeliness", direction: "higher", forms: ["D-1", "D-3"] },
  // from the organisation passport (its facts of the current year in the data bank, confirmed figures only)
  pupilsPerComputer: {
    kind: "ratio",
    numerator: [{ indicator: "schoolEnrolment" }],
    denominator: [{ indicator: "schoolComputers" }],
    scale: 1,
    direction: "lower",
    forms: ["PASSPORT"],
  },
  capacityUse: {
    kind: "ratio",
    numerator: [{ indicator: "schoolEnrolment" }],
    denominator: [{ indicator: "schoolCapacity" }],
    scale: 100,
    direction: "lower",
    forms: ["PASSPORT"],
  },
  attendanceRate: { kind: "diary", measure: "attendance", direction: "higher", forms: [] },
  gradeQuality: { kind: "diary", measure: "quality", direction: "higher", forms: [] },
};

/** The data bank indicators the ratio indicators of a method need. */
export function databankIndicatorsOf(codes: readonly RatingIndicatorCode[]): DatabankIndicator[] {
  const out = new Set<DatabankIndicator>();
  for (const code of codes) {
    const spec = RATING_CATALOGUE[code];
    if (spec.kind === "ratio") for (const t of [...spec.numerator, ...spec.denominator]) out.add(t.indicator);
  }
  return [...out];
}

/** Sums of a ratio's terms from per-(indicator, qualification) totals of one entity; "" = all qualifications. */
export function ratioValue(spec: RatingIndicatorSpec, totals: ReadonlyMap<string, number>): number | null {
  const sum = (terms: readonly Term[]) => {
    let s = 0;
    let seen = false;
    for (const term of terms) {
      const keys = term.qualifications
        ? term.qualifications.map((q) => `${term.indicator}|${q}`)
        : [`${term.indicator}|`];
      for (const key of keys) {
        const v = totals.get(key);
        if (v !== undefined) {
          s += v;
          seen = true;
        }
      }
    }
    return seen ? s : null;
  };
  const den = sum(spec.denominator);
  if (den === null || den <= 0) return null;
  const num = sum(spec.numerator) ?? 0;
  return (spec.scale * num) / den;
}

export const LEVELS = ["REGION", "DISTRICT", "SCHOOL", "COLLEGE", "UNIVERSITY"] as const;
export type Level = (typeof LEVELS)[number];
/** The territory level a method of this rating level is defined over (its `territoryId`). */
export const LEVEL_PARENT: Record<Level, "REPUBLIC" | "REGION" | "DISTRICT"> = {
  REGION: "REPUBLIC",
  DISTRICT: "REGION",
  SCHOOL: "DISTRICT",
  COLLEGE: "REPUBLIC",
  UNIVERSITY: "REPUBLIC",
};
/** Organisation kind of the organisation levels. */
export const LEVEL_ORG_KIND: Partial<Record<Level, string>> = {
  SCHOOL: "SCHOOL",
  COLLEGE: "COLLEGE",
  UNIVERSITY: "UNIVERSITY",
};

export const AGGREGATIONS = ["arithmetic", "geometric"] as const satisfies readonly Aggregation[];
export const DIRECTIONS = ["higher", "lower"] as const satisfies readonly Direction[];
export const NORMALISATIONS = ["minmax", "zscore", "rank"] as const satisfies readonly Normalisation[];
export const MISSING_POLICIES = ["exclude-entity", "zero", "mean"] as const satisfies readonly MissingPolicy[];

/** One indicator of a stored method version (RatingMethodVersion.indicators). */
export const methodIndicatorSchema = z.object({
  code: z.enum(RATING_INDICATORS),
  direction: z.enum(DIRECTIONS),
  normalisation: z.enum(NORMALISATIONS),
  missing: z.enum(MISSING_POLICIES),
  /** Percent (summing to 100) or fractions (summing to 1). */
  weight: z.number().min(0).max(100),
});
export type MethodIndicator = z.infer<typeof methodIndicatorSchema>;
export const methodIndicatorsSchema = z.array(methodIndicatorSchema);

/** Sensitivity analysis of published ratings: 1,000 draws, each weight ±20 %, fixed seed. */
export const SENSITIVITY = { draws: 1000, spread: 0.2, seed: 20_260_917, robustWidth: 2 } as const;
