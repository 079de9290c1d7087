/** Input of the personnel registry's actions and route handlers (one schema per boundary). */
import { z } from "zod";
import { attributesField, withAttributes } from "../registry/attribute-schemas";
import { isDay } from "../diary/dates";
import { iinField } from "../registry/schemas";
import {
  containsContact,
  COURSE_FORMATS,
  EMPLOYMENT_KINDS,
  MAX_COURSE_HOURS,
  MAX_SEATS,
  END_REASONS,
  MAX_WEEKLY_HOURS,
  QUALIFICATION_CATEGORIES,
  validRate,
} from "./rules";

/** A parsed shape where fields that may be undefined are also optional (services are called from tests too). */
type Loose<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: T[K];
};

const id = z.string().trim().min(1, "validation.required").max(60);
const optionalId = z
  .string()
  .trim()
  .max(60)
  .optional()
  .transform((v) => v || undefined);
const day = z.string().trim().refine(isDay, "staff.date");
const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isDay(v), "staff.date");
const name = (required: boolean) =>
  z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => !required || v !== undefined, "validation.required");
const rate = z.coerce.number("staff.rate").refine(validRate, "staff.rate");
const hours = z.coerce
  .number("staff.hours")
  .int("staff.hours")
  .min(0, "staff.hours")
  .max(MAX_WEEKLY_HOURS, "staff.hoursMax");

/** Subjects come from checkboxes named `subject:<classifier item id>`; tests may pass `subjects` directly. */
function withSubjects(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const values = raw as Record<string, unknown>;
  if (Array.isArray(values.subjects)) return values;
  const subjects = Object.keys(values)
    .filter((k) => k.startsWith("subject:") && values[k])
    .map((k) => k.slice("subject:".length));
  return { ...values, subjects };
}

const subjects = z.array(z.string().trim().min(1).max(60)).max(10).default([]);

const terms = {
  positionId: id,
  kind: z.enum(EMPLOYMENT_KINDS),
  rate,
  weeklyHours: hours,
  subjects,
};

/** A hire: the person by IIN (names needed only when the IIN is not in the registry yet) and the appointment. */
export const hireInput = z.preprocess(
  withSubjects,
  withAttributes(
    z
      .object({
        organizationId: id,
        iin: iinField,
        lastName: name(false),
        firstName: name(false),
        middleName: name(false),
        ...terms,
        startDate: day,
        endDate: optionalDay,
        vacancyId: optionalId,
        /** The appointment's custom attributes (`attr_<code>` fields), checked against the definitions. */
        attributes: attributesField,
      })
      .superRefine((v, ctx) => {
        if (v.endDate && v.endDate < v.startDate)
          ctx.addIssue({ code: "custom", path: ["endDate"], message: "staff.endBeforeStart" });
      }),
  ),
);
export type HireInput = Loose<z.output<typeof hireInput>>;

export const endInput = z.object({
  id,
  endDate: day,
  endReason: z.enum(END_REASONS),
  version: z.coerce.number().int().min(1),
});
export type EndInput = z.output<typeof endInput>;

/** A transfer: the appointment ends the day before `startDate` and a new one starts then (same person). */
export const transferInput = z.preprocess(
  withSubjects,
  z.object({
    id,
    version: z.coerce.number().int().min(1),
    organizationId: id,
    ...terms,
    startDate: day,
  }),
);
export type TransferInput = Loose<z.output<typeof transferInput>>;

export const awardInput = z
  .object({
    employeeId: id,
    category: z.enum(QUALIFICATION_CATEGORIES),
    awardedOn: day,
    expiresOn: optionalDay,
    decisionNumber: z.string().trim().min(1, "validation.required").max(60),
  })
  .superRefine((v, ctx) => {
    if (v.expiresOn && v.expiresOn <= v.awardedOn)
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "staff.expiryBeforeAward" });
  });
export type AwardInput = Loose<z.output<typeof awardInput>>;

/** The public text of a vacancy holds no phone number and no e-mail address. */
const publicText = z
  .string()
  .trim()
  .min(10, "validation.required")
  .max(2000)
  .superRefine((v, ctx) => {
    const found = containsContact(v);
    if (found) ctx.addIssue({ code: "custom", message: `staff.vacancyContact.${found}` });
  });

export const vacancyInput = z.object({
  organizationId: id,
  positionId: id,
  subjectId: optionalId,
  languageId: optionalId,
  weeklyHours: hours,
  startDate: day,
  description: publicText,
});
export type VacancyInput = Loose<z.output<typeof vacancyInput>>;

export const vacancyWithdraw = z.object({ id });
export type VacancyWithdraw = z.output<typeof vacancyWithdraw>;

/** The public list's filters (region, district, subject) and page. */
export const vacancyQuery = z.object({
  region: z.string().trim().max(60).optional().catch(undefined),
  district: z.string().trim().max(60).optional().catch(undefined),
  subject: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type VacancyQuery = z.output<typeof vacancyQuery>;

export function vacancyQueryOf(params: Record<string, string | string[] | undefined>): VacancyQuery {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v) || undefined;
  };
  return vacancyQuery.parse({
    region: one("region"),
    district: one("district"),
    subject: one("subject"),
    page: one("page"),
  });
}

/** A teacher's application for attestation: the category applied for (only the next one is accepted). */
export const attestationApply = z.object({ category: z.enum(QUALIFICATION_CATEGORIES, "validation.invalidOption") });
export type AttestationApply = z.output<typeof attestationApply>;

/** The commission's result: awarded with the decision's number and date, or refused with a reason. */
export const attestationDecide = z
  .object({
    id,
    decision: z.enum(["award", "refuse"], "validation.invalidOption"),
    decisionNumber: z
      .string()
      .trim()
      .max(60)
      .optional()
      .transform((v) => v || undefined),
    awardedOn: optionalDay,
    reason: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "award") {
      if (!v.decisionNumber) ctx.addIssue({ code: "custom", path: ["decisionNumber"], message: "validation.required" });
      if (!v.awardedOn) ctx.addIssue({ code: "custom", path: ["awardedOn"], message: "validation.required" });
    } else if (!v.reason || v.reason.length < 3)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "staff.attestation.reasonRequired" });
  });
export type AttestationDecide = Loose<z.output<typeof attestationDecide>>;

/** The commission queue's tab and page. */
export const attestationQuery = z.object({
  status: z.enum(["open", "decided"]).catch("open").default("open"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AttestationQuery = z.output<typeof attestationQuery>;

const localName = z.string().trim().min(2, "validation.required").max(200);

/** A course provider: its names, and optionally the organisation whose admin records completions. */
export const providerInput = z.object({
  nameKk: localName,
  nameRu: localName,
  nameEn: localName,
  organizationId: optionalId,
});
export type ProviderInput = Loose<z.output<typeof providerInput>>;

/** A course of a provider: names, hours (1 … MAX_COURSE_HOURS) and format. */
export const courseInput = z
  .object({
    providerId: id,
    nameKk: localName,
    nameRu: localName,
    nameEn: localName,
    hours: z.coerce
      .number("staff.courses.hours")
      .int("staff.courses.hours")
      .min(1, "staff.courses.hours")
      .max(MAX_COURSE_HOURS, "staff.courses.hours"),
    format: z.enum(COURSE_FORMATS, "validation.invalidOption"),
    /** A run of the course that takes applications: its days, places and the position it is for. */
    startsOn: optionalDay,
    endsOn: optionalDay,
    seats: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : undefined))
      .refine((v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= MAX_SEATS), "staff.courses.seats"),
    audienceId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "staff.endBeforeStart" });
    if (v.seats !== undefined && !v.startsOn)
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "staff.courses.startsRequired" });
  });
export type CourseInput = Loose<z.output<typeof courseInput>>;

/** A completion: the course, the employee, the day and the hours counted (more than 0). */
export const completionInput = z.object({
  courseId: id,
  employeeId: id,
  completedOn: day,
  hours: z.coerce
    .number("staff.courses.hours")
    .int("staff.courses.hours")
    .min(1, "staff.courses.hours")
    .max(MAX_COURSE_HOURS, "staff.courses.hours"),
});
export type CompletionInput = z.output<typeof completionInput>;

/** A teacher applies for a course (their own record). */
export const courseApply = z.object({ courseId: id });
export type CourseApply = z.output<typeof courseApply>;

/** The school admin approves an application or refuses it with a reason the teacher reads. */
export const courseDecide = z
  .object({
    id,
    decision: z.enum(["approve", "refuse"], "validation.invalidOption"),
    reason: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "refuse" && (!v.reason || v.reason.length < 3))
      ctx.addIssue({ code: "custom", path: ["reason"], message: "staff.applications.reasonRequired" });
  });
export type CourseDecide = Loose<z.output<typeof courseDecide>>;

/** The provider marks whether an approved applicant attended. */
export const courseAttendance = z.object({ id, attended: z.enum(["yes", "no"], "validation.invalidOption") });
export type CourseAttendance = z.output<typeof courseAttendance>;

/** The provider records that an approved applicant who attended completed the course (the course's hours). */
export const courseComplete = z.object({ id, completedOn: day });
export type CourseComplete = z.output<typeof courseComplete>;
