/** Input of the e-diary's actions and route handlers (one schema per boundary). */
import { z } from "zod";
import { attributesField, withAttributes } from "../registry/attribute-schemas";

const id = z.string().trim().min(1).max(60);
const reason = z.string().trim().max(500).optional();

/** One journal cell or lesson edit; a null value clears the cell. */
export const journalChange = z.discriminatedUnion("type", [
  z.object({ type: z.literal("mark"), lessonId: id, studentId: id, value: z.number().int().nullable(), reason }),
  z.object({
    type: z.literal("attendance"),
    lessonId: id,
    studentId: id,
    status: z.enum(["ABSENT", "LATE", "EXCUSED"]).nullable(),
    reason,
  }),
  z.object({
    type: z.literal("result"),
    assessmentId: id,
    studentId: id,
    points: z.number().finite().nullable(),
    reason,
  }),
  z.object({
    type: z.literal("lesson"),
    lessonId: id,
    topic: z.string().trim().max(500),
    homework: z.string().trim().max(2000),
  }),
]);
export type JournalChange = z.output<typeof journalChange>;

export const journalKey = z.object({ classGroupId: id, subjectId: id, termId: id });
export type JournalKey = z.output<typeof journalKey>;

export const journalSave = journalKey.extend({ changes: z.array(journalChange).min(1).max(500) });
export type JournalSave = z.output<typeof journalSave>;

/** Form-encoded variant for the action factory: the batch travels as JSON text. */
export const journalSaveForm = journalKey.extend({
  changes: z
    .string()
    .max(200_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "validation.invalidFormat" });
        return z.NEVER;
      }
    })
    .pipe(z.array(journalChange).min(1).max(500)),
});

export const assessmentCreate = journalKey.extend({
  kind: z.enum(["SOR", "SOCH"]),
  maxPoints: z.coerce.number().int().min(1, "diary.maxPoints").max(100, "diary.maxPoints"),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "diary.date"),
  title: z.string().trim().max(200).optional(),
});
export type AssessmentCreate = z.output<typeof assessmentCreate>;

export const exportFormat = z.enum(["json", "csv", "xlsx"]);

// ───────── school set-up ─────────

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "diary.date");
const optionalId = z
  .string()
  .trim()
  .max(60)
  .optional()
  .transform((v) => v || undefined);

export const yearCreate = z.object({ organizationId: id, startYear: z.coerce.number().int().min(2000).max(2100) });
export const termUpdate = z.object({ termId: id, startDate: day, endDate: day });
export const classCreate = withAttributes(
  z.object({
    academicYearId: id,
    grade: z.coerce.number().int("diary.grade").min(1, "diary.grade").max(11, "diary.grade"),
    letter: z
      .string()
      .trim()
      .regex(/^\p{L}{1,3}$/u, "diary.letter"),
    languageId: optionalId,
    homeroomTeacherId: optionalId,
    /** The class's custom attributes (`attr_<code>` fields), checked against the definitions of classes. */
    attributes: attributesField,
  }),
);
export const assignmentCreate = z.object({ classGroupId: id, subjectId: id, teacherId: id });
/** The largest XLSX file the import takes (the form sends it base64-encoded). */
export const XLSX_MAX_BYTES = 512 * 1024;

export const studentImport = z
  .object({
    classGroupId: id,
    csv: z.string().max(500_000).default(""),
    xlsx: z
      .string()
      .max(Math.ceil(XLSX_MAX_BYTES / 3) * 4, "diary.import.xlsxTooLarge")
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "diary.import.badXlsx")
      .default(""),
  })
  .refine((v) => v.csv.trim() !== "" || v.xlsx !== "", { message: "diary.import.empty", path: ["csv"] });

// ───────── teacher–parent messages ─────────

const body = z.string().trim().min(1).max(2000);
export const threadStart = z.object({ classGroupId: id, studentId: optionalId, body });
export const threadReply = z.object({ threadId: id, body });
export const familyThreadStart = z.object({ studentId: id, body });

// ───────── timetable ─────────

/** The timetable form: `slot.<weekday>.<period>` → subject id ("" for a free period). */
export const timetableSave = z
  .object({ classGroupId: id })
  .catchall(z.string().max(60))
  .transform((v) => ({
    classGroupId: v.classGroupId,
    slots: Object.entries(v).flatMap(([k, subjectId]) => {
      const m = /^slot\.(\d)\.(\d)$/.exec(k);
      return m && subjectId ? [{ weekday: Number(m[1]), period: Number(m[2]), subjectId }] : [];
    }),
  }));
export const lessonsGenerate = z.object({ classGroupId: id, termId: id });

// ───────── ministry: term-grade weights ─────────

const weight = z.coerce.number().int().min(0).max(100);
export const weightsSave = z.object({
  schoolYear: z
    .string()
    .regex(/^(\d{4})\/(\d{4})$/, "diary.schoolYear")
    .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, "diary.schoolYear"),
  formative: weight,
  sor: weight,
  soch: weight,
});

export const guardianLink = z.object({
  organizationId: id,
  iin: z
    .string()
    .trim()
    .regex(/^\d{12}$/, "iin.format"),
  login: z.string().trim().min(1).max(64),
  relation: z.string().trim().max(40).optional(),
});
