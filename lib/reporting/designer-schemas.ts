/**
 * Input schemas of the reporting design and entry actions (form lists, forms, periods, definitions,
 * drafts), and the mapping of definition problems to the paths the designer shows them at. Pure module:
 * used by server actions, services and the designer in the browser alike.
 */
import { z } from "zod";
import { definitionSchema } from "./definition";

export const PERIODICITIES = ["ANNUAL", "TERM", "MONTHLY", "ONE_OFF"] as const;

/** A real calendar date written YYYY-MM-DD (kept here so the designer's browser bundle needs no calendar). */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const isoDate = z
  .string()
  .trim()
  .refine((v) => isIsoDate(v), "reporting.date");

const idField = z.string().trim().min(1).max(40);
const versionField = z.coerce.number().int().min(1);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

// ───────────────────────── Form lists ─────────────────────────

export const formListInput = z.object({
  year: z.coerce.number().int().min(2000, "reporting.list.year").max(2100, "reporting.list.year"),
  orderNumber: z.string().trim().min(1).max(50),
  orderDate: isoDate,
});
export type FormListInput = z.output<typeof formListInput>;

export const formListUpdate = formListInput.omit({ year: true }).extend({ id: idField, version: versionField });
export type FormListUpdate = z.output<typeof formListUpdate>;

export const formListPublish = z.object({ id: idField, version: versionField });

// ───────────────────────── Forms ─────────────────────────

/** A form code as printed on the form: "D-1", "85-K", "1-ОШ". */
export const formCode = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-./]{0,23}$/u, "reporting.form.codeFormat");

const BIN = /^\d{12}$/;

/**
 * Form settings as the settings form posts them: one checkbox `orgKind_<CODE>` per organisation kind, and
 * the addressees of an ad-hoc request as BINs separated by spaces, commas or new lines.
 */
export const formInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
    const record = raw as Record<string, unknown>;
    const orgKinds = Array.isArray(record.orgKinds)
      ? record.orgKinds
      : Object.keys(record)
          .filter((k) => k.startsWith("orgKind_") && (record[k] === "on" || record[k] === true))
          .map((k) => k.slice("orgKind_".length));
    return { ...record, orgKinds };
  },
  z
    .object({
      code: formCode,
      nameKk: z.string().trim().min(2).max(300),
      nameRu: z.string().trim().min(2).max(300),
      nameEn: z.string().trim().min(2).max(300),
      periodicity: z.enum(PERIODICITIES),
      retentionYears: z.coerce.number().int().min(1, "reporting.form.retention").max(100, "reporting.form.retention"),
      adHoc: checkbox,
      orgKinds: z.array(z.string().regex(/^[A-Z0-9_]{1,32}$/)).max(50),
      addresseeBins: z
        .string()
        .max(130_000)
        .optional()
        .transform((v) => [...new Set((v ?? "").split(/[\s,;]+/).filter(Boolean))]),
    })
    .superRefine((v, ctx) => {
      if (v.addresseeBins.some((b) => !BIN.test(b)))
        ctx.addIssue({ code: "custom", path: ["addresseeBins"], message: "reporting.form.addresseeBin" });
      if (v.adHoc && v.addresseeBins.length === 0)
        ctx.addIssue({ code: "custom", path: ["addresseeBins"], message: "reporting.form.addresseesRequired" });
      if (!v.adHoc && v.orgKinds.length === 0)
        ctx.addIssue({ code: "custom", path: ["orgKinds"], message: "reporting.form.orgKindsRequired" });
      if (v.adHoc && v.periodicity !== "ONE_OFF")
        ctx.addIssue({ code: "custom", path: ["periodicity"], message: "reporting.form.adHocOneOff" });
    }),
);
export type FormInput = z.output<typeof formInput>;

export const formCreate = z.intersection(formInput, z.object({ formListId: idField }));
export const formUpdate = z.intersection(formInput, z.object({ id: idField, version: versionField }));

// ───────────────────────── Periods ─────────────────────────

export const periodInput = z
  .object({
    formId: idField,
    label: z.string().trim().min(1).max(60),
    startsOn: isoDate,
    endsOn: isoDate,
    dueDate: isoDate,
  })
  .superRefine((v, ctx) => {
    if (isIsoDate(v.startsOn) && isIsoDate(v.endsOn) && v.endsOn < v.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "reporting.period.endBeforeStart" });
    }
  });
export type PeriodInput = z.output<typeof periodInput>;

export const periodDelete = z.object({ id: idField });

// ───────────────────────── Definitions ─────────────────────────

const jsonText = (max: number) =>
  z
    .string()
    .max(max, "reporting.tooLarge")
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "badRequest" });
        return z.NEVER;
      }
    });

export const definitionSave = z.object({
  formId: idField,
  /** The form's optimistic version (every definition change bumps it). */
  formVersion: versionField,
  /** Number of the form version being edited. */
  number: z.coerce.number().int().min(1),
  definition: jsonText(1_000_000),
});

export const newVersionInput = z.object({ formId: idField, formVersion: versionField });

/**
 * One problem of a definition at the path of the designer input it belongs to: `sections.0.key`,
 * `sections.1.columns.2.min`, `rules.0.expression`…; `key` is a message key under `errors.`.
 */
export interface DefinitionIssue {
  path: string;
  key: string;
  params: Record<string, string | number>;
}

/** A message key under `errors.` for a zod issue (reporting.* keys as given, generic ones by code). */
function issueKey(issue: z.core.$ZodIssue, input: unknown): { key: string; params: Record<string, string | number> } {
  if (issue.message.startsWith("reporting.")) {
    const params = (issue as { params?: Record<string, string | number> }).params ?? {};
    return { key: issue.message, params };
  }
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? { key: "validation.required", params: {} }
          : { key: "validation.tooShort", params: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { key: "reporting.design.tooFew", params: { min: Number(issue.minimum) } };
      return { key: "validation.tooSmall", params: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "validation.tooLong", params: { max: Number(issue.maximum) } };
      if (issue.origin === "array") return { key: "reporting.design.tooMany", params: { max: Number(issue.maximum) } };
      return { key: "validation.tooBig", params: { max: Number(issue.maximum) } };
    case "invalid_value":
    case "invalid_union":
      return { key: "validation.invalidOption", params: {} };
    case "invalid_type":
      return input === undefined || input === null || input === ""
        ? { key: "validation.required", params: {} }
        : { key: "validation.invalidType", params: {} };
    default:
      return { key: "validation.invalidFormat", params: {} };
  }
}

/**
 * Where a definitionSchema issue is shown: the schema reports duplicate item keys as `items.j` over a
 * table's rows followed by its columns, and bounds of table columns as `fields.j`.
 */
function designerPath(raw: unknown, path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === "sections" && parts.length >= 4) {
    const section = (raw as { sections?: { kind?: string; rows?: unknown[]; fields?: unknown[] }[] } | null)
      ?.sections?.[Number(parts[1])];
    if (section?.kind === "table") {
      if (parts[2] === "items") {
        const j = Number(parts[3]);
        const rows = section.rows?.length ?? 0;
        return j < rows ? `sections.${parts[1]}.rows.${j}.key` : `sections.${parts[1]}.columns.${j - rows}.key`;
      }
      if (parts[2] === "fields") return ["sections", parts[1], "columns", ...parts.slice(3)].join(".");
    } else if (parts[2] === "items") {
      return `sections.${parts[1]}.fields.${parts[3]}.key`;
    }
  }
  return parts.join(".") || "definition";
}

/** Every problem of a definition as the designer shows it (empty when the definition is valid). */
export function definitionIssues(raw: unknown): DefinitionIssue[] {
  const parsed = definitionSchema.safeParse(raw);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: designerPath(raw, issue.path),
        ...issueKey(issue, valueAt(raw, issue.path)),
      }));
  // A choice field needs the classifier its values come from (also when the key is left out altogether).
  const sections = (raw as { sections?: unknown } | null)?.sections;
  if (Array.isArray(sections)) {
    sections.forEach((s: { kind?: unknown; fields?: unknown }, i) => {
      if (s?.kind !== "fields" || !Array.isArray(s.fields)) return;
      s.fields.forEach((f: { type?: unknown; classifier?: unknown }, j) => {
        const path = `sections.${i}.fields.${j}.classifier`;
        if (f?.type === "choice" && !f.classifier && !issues.some((x) => x.path === path))
          issues.push({ path, key: "reporting.choiceNeedsClassifier", params: {} });
      });
    });
  }
  return issues;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const part of path)
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[part] : undefined;
  return node;
}

// ───────────────────────── Entry ─────────────────────────

const scalar = z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]);

export const draftSave = z.object({
  periodId: idField,
  organizationId: idField,
  /** The submission's optimistic version; 0 when no draft exists yet. */
  version: z.coerce.number().int().min(0),
  values: jsonText(2_000_000).pipe(z.record(z.string().max(200), scalar)),
  comments: jsonText(200_000).pipe(
    z.record(z.string().regex(/^\d{1,3}$/), z.string().max(2000, "reporting.commentTooLong")),
  ),
});
export type DraftSave = z.output<typeof draftSave>;
