/**
 * The prefill of statistical forms (issues 24 and 25), its pure part: the measures each source offers, the
 * parameters they take (validated with zod, so a mapping stored as data cannot hold a query the code does not
 * understand), and the counting of the staff registry's rows. Shared by the service, the seed and the tests.
 */
import { z } from "zod";
import { QUALIFICATION_CATEGORIES } from "../staff/rules";

export const PREFILL_SOURCES = ["STAFF", "PASSPORT"] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/**
 * Staff measures: `employees` counts the persons with an appointment in force at the organisation on the
 * reference date (a person with two appointments there counts once), filtered by the parameters; `vacancies`
 * counts the organisation's vacancies open on that date.
 */
export const STAFF_MEASURES = ["employees", "vacancies"] as const;
/** Passport measures: the confirmed buildings in force and the profile in force on the reference date. */
export const PASSPORT_MEASURES = [
  "capacity",
  "buildings",
  "oldestYearBuilt",
  "gym",
  "assemblyHall",
  "library",
  "canteenSeats",
  "scienceRooms",
  "computerRooms",
  "boardingPlaces",
  "enrolment",
  "shifts",
  "computers",
  "boards",
  "internet",
  "internetMbps",
  "wifiClassrooms",
  "buses",
  "pupilsCarried",
] as const;
export type StaffMeasure = (typeof STAFF_MEASURES)[number];
export type PassportMeasure = (typeof PASSPORT_MEASURES)[number];

export const staffParams = z
  .object({
    /** POSITION classifier codes (any position when absent). */
    positions: z
      .array(z.string().regex(/^[A-Z0-9_]{1,32}$/))
      .max(20)
      .optional(),
    category: z.enum(QUALIFICATION_CATEGORIES).optional(),
    sex: z.enum(["MALE", "FEMALE"]).optional(),
    /** Age in full years on the reference date, both ends inclusive. */
    ageFrom: z.number().int().min(0).max(120).optional(),
    ageTo: z.number().int().min(0).max(120).optional(),
    /** MAIN: has a main job there; PART_TIME: only part-time there. */
    kind: z.enum(["MAIN", "PART_TIME"]).optional(),
    higherEducation: z.boolean().optional(),
  })
  .strict();
export type StaffParams = z.infer<typeof staffParams>;

export const mappingSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("STAFF"),
    cellKey: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,2}$/),
    measure: z.enum(STAFF_MEASURES),
    params: staffParams.default({}),
  }),
  z.object({
    source: z.literal("PASSPORT"),
    cellKey: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,2}$/),
    measure: z.enum(PASSPORT_MEASURES),
    params: z.object({}).strict().default({}),
  }),
]);
export type Mapping = z.infer<typeof mappingSchema>;

/** One person's appointments at the organisation in force on the reference date, as the count reads them. */
export interface StaffRow {
  employeeId: string;
  positionCode: string;
  kind: "MAIN" | "PART_TIME";
  category: string;
  higherEducation: boolean;
  sex: "MALE" | "FEMALE";
  birthDate: string;
}

/** Full years between a birth date and a day ("YYYY-MM-DD"). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Persons counted by a staff `employees` query over the rows in force on `day`. */
export function countEmployees(rows: StaffRow[], params: StaffParams, day: string): number {
  const byPerson = new Map<string, StaffRow[]>();
  for (const r of rows) {
    if (params.positions && !params.positions.includes(r.positionCode)) continue;
    byPerson.set(r.employeeId, [...(byPerson.get(r.employeeId) ?? []), r]);
  }
  let n = 0;
  for (const list of byPerson.values()) {
    const p = list[0]!;
    const main = list.some((r) => r.kind === "MAIN");
    if (params.kind === "MAIN" && !main) continue;
    if (params.kind === "PART_TIME" && main) continue;
    if (params.category && p.category !== params.category) continue;
    if (params.sex && p.sex !== params.sex) continue;
    if (params.higherEducation !== undefined && p.higherEducation !== params.higherEducation) continue;
    const age = ageOn(p.birthDate, day);
    if (params.ageFrom !== undefined && age < params.ageFrom) continue;
    if (params.ageTo !== undefined && age > params.ageTo) continue;
    n++;
  }
  return n;
}

/** What a draft records of its last prefill: when, the reference date, and each cell's figure and source. */
export interface PrefillRecord {
  at: string;
  referenceDate: string;
  cells: Record<string, { source: PrefillSource; value: number | boolean }>;
}

export const prefillRecordSchema = z.object({
  at: z.string(),
  referenceDate: z.string(),
  cells: z.record(z.string(), z.object({ source: z.enum(PREFILL_SOURCES), value: z.union([z.number(), z.boolean()]) })),
});

/** The stored record of a draft, or null when it has none (or an unreadable one). */
export function readPrefillRecord(raw: unknown): PrefillRecord | null {
  const parsed = prefillRecordSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The ministry's form for a mapping (parameters as JSON text, checked against the measure by the service). */
export const mappingSave = z.object({
  formCode: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-./]{0,23}$/u, "reporting.form.codeFormat"),
  cellKey: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,2}$/, "reporting.prefill.cellKey"),
  source: z.enum(PREFILL_SOURCES),
  measure: z.string().trim().min(1).max(40),
  params: z.string().trim().max(2000).optional(),
});
export type MappingSave = z.output<typeof mappingSave>;

export const mappingDelete = z.object({ id: z.string().trim().min(1).max(40) });

/** Every measure with its source, for the ministry's form. */
export const ALL_MEASURES = [
  ...STAFF_MEASURES.map((m) => ({ source: "STAFF" as const, measure: m })),
  ...PASSPORT_MEASURES.map((m) => ({ source: "PASSPORT" as const, measure: m })),
];

/**
 * The figures of a new prefill merged into a draft's values, keeping what the organisation has changed: a
 * cell keeps its value when it holds one that is not the figure the last prefill wrote there (typed by the
 * school, or edited after a prefill); an empty cell, or one still holding the last prefill's figure, takes
 * the new figure. Returns the merged values and the keys kept.
 */
export function mergePrefill<V>(
  current: Record<string, V>,
  previous: PrefillRecord | null,
  record: PrefillRecord,
): { values: Record<string, V | number | boolean>; kept: string[] } {
  const values: Record<string, V | number | boolean> = { ...current };
  const kept: string[] = [];
  for (const [key, cell] of Object.entries(record.cells)) {
    const value = current[key] as unknown;
    const empty = value === undefined || value === null || value === "";
    if (!empty && previous?.cells[key]?.value !== value) {
      if (value !== cell.value) kept.push(key);
      continue;
    }
    values[key] = cell.value;
  }
  return { values, kept };
}
