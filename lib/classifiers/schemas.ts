import { z } from "zod";
import { nameText, versionField } from "../registry/schemas";

export const CLASSIFIER_CODE = /^[A-Z0-9_]{1,32}$/;

/** A date field "YYYY-MM-DD" (empty: not given) as a UTC midnight Date, the way @db.Date columns hold it. */
const dateField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "classifier.date" });
      return z.NEVER;
    }
    return date;
  });

const itemFields = z.object({
  nameKk: nameText,
  nameRu: nameText,
  nameEn: nameText,
  sortOrder: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(0).max(1_000_000).default(0),
  ),
  validFrom: dateField,
  validTo: dateField,
});

/** validTo, when given, is not before validFrom. */
function validRange<T extends { validFrom: Date | null; validTo: Date | null }>(
  value: T,
  ctx: z.core.$RefinementCtx<T>,
) {
  if (value.validFrom && value.validTo && value.validTo < value.validFrom) {
    ctx.addIssue({ code: "custom", path: ["validTo"], message: "classifier.validRange" });
  }
}

export const classifierItemCreate = itemFields
  .extend({
    classifier: z.string().min(1),
    code: z.string().trim().regex(CLASSIFIER_CODE, "classifier.codeFormat"),
  })
  .superRefine(validRange);

/** An item's code is its stable identifier: it is set once and not changed afterwards. */
export const classifierItemUpdate = itemFields
  .extend({
    id: z.string().min(1),
    version: versionField,
  })
  .superRefine(validRange);

export type ClassifierItemCreate = z.output<typeof classifierItemCreate>;
export type ClassifierItemUpdate = z.output<typeof classifierItemUpdate>;
