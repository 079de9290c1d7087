/** Input of the letter registers' actions and route handlers (one schema per boundary). */
import { z } from "zod";
import { isDay } from "../diary/dates";
import { DIRECTIONS, STATUSES } from "./rules";

/** A parsed shape where fields that may be undefined are also optional (services are called from tests too). */
type Loose<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: T[K];
};

const id = z.string().trim().min(1).max(60);
const optionalId = z
  .string()
  .trim()
  .max(60)
  .optional()
  .transform((v) => v || undefined);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);
const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isDay(v), "letters.date");

const fields = {
  letterDate: optionalDay,
  letterNumber: optionalText(60),
  correspondent: z.string().trim().min(1, "validation.required").max(300),
  subject: z.string().trim().min(1, "validation.required").max(1000),
  note: optionalText(2000),
  executorId: optionalId,
  dueDate: optionalDay,
};

export const letterRegister = z.object({
  organizationId: id,
  direction: z.enum(DIRECTIONS),
  replyToId: optionalId,
  ...fields,
});
export type LetterRegister = Loose<z.output<typeof letterRegister>>;

export const letterUpdate = z.object({ id, version: z.coerce.number().int().min(1), ...fields });
export type LetterUpdate = Loose<z.output<typeof letterUpdate>>;

export const letterStatus = z.object({
  id,
  version: z.coerce.number().int().min(1),
  status: z.enum(STATUSES),
  reason: optionalText(500),
});
export type LetterStatusChange = Loose<z.output<typeof letterStatus>>;

export const SORTS = ["number", "registeredAt", "dueDate", "correspondent"] as const;

/** The register's list state (also the CSV export's query). */
export const letterQuery = z.object({
  direction: z.enum(DIRECTIONS).catch("INCOMING"),
  q: z.string().trim().max(200).catch(""),
  status: z.enum(STATUSES).optional().catch(undefined),
  overdue: z.boolean().catch(false),
  organizationId: optionalId.catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  sort: z.enum(SORTS).catch("number"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
});
export type LetterQuery = z.output<typeof letterQuery>;

/** Reads the list state from URL parameters (anything malformed falls back to the default). */
export function letterQueryOf(params: Record<string, string | string[] | undefined>): LetterQuery {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  return letterQuery.parse({
    direction: one("direction"),
    q: one("q") ?? "",
    status: one("status"),
    overdue: one("overdue") === "1",
    organizationId: one("organizationId"),
    year: one("year"),
    sort: one("sort"),
    dir: one("dir"),
  });
}
