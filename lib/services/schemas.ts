/** Input of the electronic services' actions and route handlers (one schema per boundary). */
import { z } from "zod";

const id = z.string().trim().min(1).max(60);
const name = z.string().trim().min(1, "validation.required").max(100);
/** Free text one may leave empty: an empty answer is no answer. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** The child an application is for (first grade, kindergarten). */
const child = {
  childIin: z
    .string()
    .trim()
    .regex(/^\d{12}$/, "services.iinFormat"),
  childLastName: name,
  childFirstName: name,
  childMiddleName: optionalText(100),
};

export const LANGUAGES = ["kk", "ru", "en"] as const;

export const firstGradeApply = z.object({
  ...child,
  organizationId: id,
  admissionYear: z.coerce.number().int().min(2000).max(2100),
});
export type FirstGradeApply = Omit<z.output<typeof firstGradeApply>, "childMiddleName"> & { childMiddleName?: string };

export const certificateRequest = z.object({ studentId: id, language: z.enum(LANGUAGES) });
export type CertificateRequest = z.output<typeof certificateRequest>;

export const applicationRef = z.object({ applicationId: id, version: z.coerce.number().int().min(1) });

export const applicationAccept = applicationRef.extend({ classGroupId: id });

/** A refusal or a request for more information needs its reason written out. */
export const applicationReason = applicationRef.extend({
  reason: z.string().trim().min(5, "services.reasonRequired").max(1000),
});

export const applicationAnswer = applicationRef.extend({
  note: z.string().trim().min(1, "validation.required").max(1000),
});

export const verifyQuery = z.object({ q: z.string().trim().min(1).max(40) });

export const transferApply = z.object({
  studentId: id,
  targetOrganizationId: id,
  targetGrade: z.coerce.number().int().min(1).max(12),
  note: optionalText(1000),
});
export type TransferApply = Omit<z.output<typeof transferApply>, "note"> & { note?: string };

export const transferAccept = applicationAccept;

export const preschoolApply = z
  .object({
    ...child,
    territoryId: id,
    // Up to three preferred kindergartens, one select each (an empty choice is none).
    preferred1: z.string().trim().max(60).optional(),
    preferred2: z.string().trim().max(60).optional(),
    preferred3: z.string().trim().max(60).optional(),
    priority: z.coerce.number().int().min(0).max(1).default(0),
  })
  .transform(({ preferred1, preferred2, preferred3, ...rest }) => ({
    ...rest,
    preferredOrganizationIds: [...new Set([preferred1, preferred2, preferred3].filter((v): v is string => !!v))],
  }));
export type PreschoolApply = Omit<z.output<typeof preschoolApply>, "childMiddleName"> & { childMiddleName?: string };

export const placeOffer = applicationRef.extend({ organizationId: id });

export const offerAnswer = applicationRef.extend({ accept: z.enum(["yes", "no"]).transform((v) => v === "yes") });
