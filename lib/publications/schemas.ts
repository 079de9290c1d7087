import { z } from "zod";
import { CONTENT_LANGUAGES, MAX_BODY, PUBLICATION_TYPES, parseGrades, parseKeywords } from "./constants";

/** One schema for the author's form: grades and keywords arrive as text and leave as lists. */
export const draftSchema = z.object({
  id: z
    .string()
    .max(100)
    .optional()
    .transform((v) => v || null),
  type: z.enum(PUBLICATION_TYPES),
  language: z.enum(CONTENT_LANGUAGES),
  title: z.string().trim().min(3).max(300),
  summary: z.string().trim().max(1000).default(""),
  body: z.string().trim().min(1).max(MAX_BODY),
  subjectCode: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null),
  grades: z
    .string()
    .max(100)
    .default("")
    .transform((v, ctx) => {
      const g = parseGrades(v);
      if (!g) ctx.addIssue({ code: "custom", message: "publications.grades" });
      return g ?? [];
    }),
  keywords: z.string().max(600).default("").transform(parseKeywords),
  translationOfId: z
    .string()
    .max(100)
    .optional()
    .transform((v) => v || null),
  /** The version the form was opened on (an existing draft's optimistic lock). */
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  intent: z.enum(["save", "submit"]).default("save"),
});

/** A moment from <input type="datetime-local"> read as Almaty time (UTC+5), or an ISO string with a zone. */
export function parsePublishAt(value: string | undefined): Date | null {
  if (!value) return null;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return new Date(`${value}:00+05:00`);
  return new Date(value);
}
