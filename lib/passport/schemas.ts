/** Input of the passport's actions and route handlers (one schema per boundary). */
import { z } from "zod";
import { isDay } from "../diary/dates";
import {
  almatyYear,
  BUDGET_SOURCES,
  budgetYears,
  CONDITIONS,
  EXPENSE_LINES,
  INTERNET_TYPES,
  LISTS,
  OWNERSHIPS,
} from "./rules";

/** A parsed shape where fields that may be undefined are also optional (services are called from tests too). */
type Loose<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: T[K];
};

const id = z.string().trim().min(1).max(60);
const count = (max = 100_000) => z.coerce.number().int("passport.whole").min(0).max(max);
const flag = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** An inspection document is named by its number, or a file name of a PDF or scanned image. */
const DOC = /^(?:[\p{L}\d][\p{L}\d\s./№#-]{0,79}|[^/\\]{1,120}\.(?:pdf|jpe?g|png))$/iu;
const FILE_LIKE = /\.[a-z0-9]{2,5}$/i;

export const buildingSave = z.object({
  organizationId: id,
  /** Empty for a new building. */
  number: z.coerce.number().int().min(1).max(50).optional().catch(undefined),
  address: z.string().trim().min(1, "validation.required").max(300),
  yearBuilt: z.coerce
    .number()
    .int("passport.whole")
    .min(1800, "passport.yearBuilt")
    .refine((y) => y <= almatyYear(), "passport.yearBuiltFuture"),
  capacity: z.coerce.number().int("passport.whole").min(1, "passport.capacityPositive").max(20_000),
  floors: z.coerce.number().int("passport.whole").min(1, "passport.floorsPositive").max(40),
  ownership: z.enum(OWNERSHIPS),
  condition: z.enum(CONDITIONS),
  inspectedOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isDay(v), "passport.date"),
  inspectionDoc: optionalText(120).refine(
    (v) => v === undefined || (DOC.test(v) && (!FILE_LIKE.test(v) || /\.(pdf|jpe?g|png)$/i.test(v))),
    "passport.inspectionDocType",
  ),
  accessible: flag,
  gym: flag,
  assemblyHall: flag,
  library: flag,
  canteenSeats: count(5000),
  scienceRooms: count(200),
  computerRooms: count(200),
  boardingPlaces: count(5000),
});
export type BuildingSave = Loose<z.output<typeof buildingSave>>;

export const profileSave = z
  .object({
    organizationId: id,
    enrolment: count(20_000),
    shifts: z.coerce.number().int().min(1).max(3),
    shift1Pupils: count(20_000),
    shift2Pupils: count(20_000).default(0),
    shift3Pupils: count(20_000).default(0),
    shift1Classes: count(1000),
    shift2Classes: count(1000).default(0),
    shift3Classes: count(1000).default(0),
    computers: count(20_000),
    computersAge: count(50),
    boards: count(5000),
    internet: z.enum(INTERNET_TYPES),
    internetMbps: count(100_000),
    wifiClassrooms: flag,
    buses: count(500),
    pupilsCarried: count(20_000),
  })
  .superRefine((v, ctx) => {
    for (const n of [2, 3] as const)
      if (n > v.shifts && (v[`shift${n}Pupils`] > 0 || v[`shift${n}Classes`] > 0))
        ctx.addIssue({ code: "custom", path: [`shift${n}Pupils`], message: "passport.shiftUnused" });
    if (v.shift1Pupils + v.shift2Pupils + v.shift3Pupils !== v.enrolment)
      ctx.addIssue({ code: "custom", path: ["shift1Pupils"], message: "passport.shiftSplit" });
    if (v.internet === "NONE" && v.internetMbps > 0)
      ctx.addIssue({ code: "custom", path: ["internetMbps"], message: "passport.speedWithoutInternet" });
    if (v.pupilsCarried > 0 && v.buses === 0)
      ctx.addIssue({ code: "custom", path: ["buses"], message: "passport.busesNeeded" });
  });
export type ProfileSave = Loose<z.output<typeof profileSave>>;

const money = z.coerce.number("passport.amount").min(0, "passport.amount").max(1e12, "passport.amount");

export const budgetLineSave = z
  .object({
    organizationId: id,
    year: z.coerce
      .number()
      .int()
      .refine((y) => budgetYears().includes(y), "passport.budgetYear"),
    source: z.enum(BUDGET_SOURCES),
    expense: z.enum(EXPENSE_LINES),
    quarter: z.coerce.number().int().min(1).max(4),
    planned: money,
    spent: money.default(0),
    comment: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.spent > v.planned && !v.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: "passport.overspendComment" });
  });
export type BudgetLineSave = Loose<z.output<typeof budgetLineSave>>;

export const changeDecision = z.object({
  id,
  /** What is decided: a building's capacity or condition, or a budget line. */
  kind: z.enum(["building", "budget"]).default("building"),
  decision: z.enum(["CONFIRMED", "REJECTED"]),
  note: optionalText(500),
});
export type ChangeDecision = Omit<Loose<z.output<typeof changeDecision>>, "kind"> & { kind?: "building" | "budget" };

/** The authorities' territory list state (also the export's query). */
export const listQuery = z.object({
  list: z.enum(LISTS).catch("overcrowded"),
  territory: z.string().trim().max(60).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  q: z.string().trim().max(200).catch(""),
});
export type ListQuery = z.output<typeof listQuery>;

export function listQueryOf(params: Record<string, string | string[] | undefined>): ListQuery {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  return listQuery.parse({ list: one("list"), territory: one("territory"), year: one("year"), q: one("q") ?? "" });
}
