/**
 * The data bank's catalogue (R8, R33): the statistical indicators that the public pages, the open data API
 * and the pivot offer, each mapped onto facts of the reporting forms (DataValue rows of accepted
 * submissions), the dimensions they can be broken down by, and the measures.
 *
 * Pure module (no database): the query engine, the zod schemas and the pages share it.
 */
import { z } from "zod";

export const INDICATORS = [
  "students",
  "studentsKazakh",
  "classes",
  "teachers",
  "teachersHigherEducation",
  "vacancies",
  "schoolCapacity",
  "schoolEnrolment",
  "overcrowdedSchools",
  "threeShiftSchools",
  "emergencySchools",
  "schoolComputers",
  "schoolsWithInternet",
  "schoolsWithGym",
  "budgetSpent",
  "spendingPerPupil",
] as const;
export type Indicator = (typeof INDICATORS)[number];

export const DIMENSIONS = [
  "region",
  "district",
  "organization",
  "orgKind",
  "language",
  "area",
  "year",
  "sex",
  "grade",
  "qualification",
  "indicator",
  /** A yes/no or classifier custom attribute of organisations, named by the `attribute` parameter (pivot only). */
  "attribute",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const MEASURES = ["sum", "avg", "min", "max", "count"] as const;
export type Measure = (typeof MEASURES)[number];

export const indicatorEnum = z.enum(INDICATORS);
export const dimensionEnum = z.enum(DIMENSIONS);

/** The dimensions of the open data API (custom attributes are the staff pivot's only). */
export const OPEN_DIMENSIONS = DIMENSIONS.filter((d) => d !== "attribute");
export const openDimensionEnum = z.enum(OPEN_DIMENSIONS as [Exclude<Dimension, "attribute">]);
export const measureEnum = z.enum(MEASURES);

export const SEXES = ["F", "M"] as const;
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const QUALIFICATIONS = ["master", "researcher", "expert", "moderator", "no_category"] as const;
export const AREAS = ["urban", "rural"] as const;

/** Breakdowns that only some indicators have; the others are properties of the organisation or the year. */
export const SPLIT_DIMENSIONS = ["sex", "grade", "qualification"] as const;
export type SplitDimension = (typeof SPLIT_DIMENSIONS)[number];

/**
 * One fact of a form that makes up an indicator, with the values of the split dimensions it carries.
 * `weight` lets a figure be derived: boys = total − girls (weights +1 and −1 of the same sex).
 */
export interface FactComponent {
  formCode: string;
  fact: string;
  sex: "F" | "M" | null;
  qualification: string | null;
  weight: 1 | -1;
}

/**
 * How an indicator aggregates over time: a stock is a count on a date (pupils, classes, teachers on the
 * reporting day) and is never added across years; a flow happens during the year (admissions, graduates)
 * and a sum over years means something.
 */
export type TimeAggregation = "stock" | "flow";

export interface IndicatorSpec {
  /** Counts of persons: suppressed below the threshold on public outputs. */
  persons: boolean;
  time: TimeAggregation;
  /** The table rows of the fact are grades ("g1"…"g11"). */
  byGrade: boolean;
  splits: readonly SplitDimension[];
  components: readonly FactComponent[];
}

const D1 = "D-1";
/** The organisation passport's facts (PassportFact; lib/databank/passport-facts.ts), a second source beside the forms. */
const PASSPORT = "PASSPORT";
const D3 = "D-3";
const c = (formCode: string, fact: string, extra: Partial<FactComponent> = {}): FactComponent => ({
  formCode,
  fact,
  sex: null,
  qualification: null,
  weight: 1,
  ...extra,
});

function passportFact(fact: string): IndicatorSpec {
  return { persons: false, time: "stock", byGrade: false, splits: [], components: [c(PASSPORT, fact)] };
}

export const CATALOGUE: Record<Indicator, IndicatorSpec> = {
  students: {
    persons: true,
    time: "stock",
    byGrade: true,
    splits: ["grade", "sex"],
    components: [
      c(D1, "grades.girls", { sex: "F" }),
      c(D1, "grades.total", { sex: "M" }),
      c(D1, "grades.girls", { sex: "M", weight: -1 }),
    ],
  },
  studentsKazakh: {
    persons: true,
    time: "stock",
    byGrade: true,
    splits: ["grade"],
    components: [c(D1, "grades.kazakh")],
  },
  classes: { persons: false, time: "stock", byGrade: false, splits: [], components: [c(D1, "summary.classes_total")] },
  teachers: {
    persons: true,
    time: "stock",
    byGrade: false,
    splits: ["qualification"],
    components: QUALIFICATIONS.map((q) => c(D3, `staff.${q}`, { qualification: q })),
  },
  teachersHigherEducation: {
    persons: true,
    time: "stock",
    byGrade: false,
    splits: [],
    components: [c(D3, "staff.higher_education")],
  },
  vacancies: { persons: false, time: "stock", byGrade: false, splits: [], components: [c(D3, "staff.vacancies")] },
  // From the organisation passport (counts of schools are 1/0 facts per school: their sum is the count).
  schoolCapacity: passportFact("capacity"),
  schoolEnrolment: { ...passportFact("enrolment"), persons: true },
  overcrowdedSchools: passportFact("overcrowded"),
  threeShiftSchools: passportFact("threeShift"),
  emergencySchools: passportFact("emergency"),
  schoolComputers: passportFact("computers"),
  schoolsWithInternet: passportFact("internet"),
  schoolsWithGym: passportFact("gym"),
  budgetSpent: { ...passportFact("spent"), time: "flow" },
  spendingPerPupil: passportFact("spendingPerPupil"),
};

/** The split dimensions that every one of the indicators has (a pivot may only use those). */
export function splitsOf(indicators: readonly Indicator[]): Set<SplitDimension> {
  const out = new Set<SplitDimension>(SPLIT_DIMENSIONS);
  for (const i of indicators) for (const s of SPLIT_DIMENSIONS) if (!CATALOGUE[i].splits.includes(s)) out.delete(s);
  return out;
}

/** Whether any of the indicators is a stock (its figures of several years must not be added together). */
export function hasStock(indicators: readonly Indicator[]): boolean {
  return indicators.some((i) => CATALOGUE[i].time === "stock");
}

/** The forms whose facts make up the indicators (their reporting periods decide whether a year is final). */
export function formsOf(indicators: readonly Indicator[]): string[] {
  return [...new Set(indicators.flatMap((i) => CATALOGUE[i].components.map((c) => c.formCode)))].sort();
}

/** Small-cell threshold: a public figure computed from fewer persons is shown as "<5". */
export const SUPPRESSION_THRESHOLD = 5;
/** The largest page of the open data API and the pivot. */
export const MAX_LIMIT = 5000;
