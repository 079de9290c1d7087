/**
 * Custom attributes of organisations (issue 27): the definition form's schema and the one zod schema of
 * the values built from the definitions, used by the registry's organisation form (server side) and its
 * tests. Pure module. Values are kept in `Organization.attributes` by code: text and dates as strings,
 * numbers as numbers, yes/no as booleans, a classifier item as its code; an empty value is not stored.
 */
import { z } from "zod";

export const ATTRIBUTE_TYPES = ["TEXT", "NUMBER", "BOOLEAN", "DATE", "CHOICE"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/**
 * The records that carry custom attributes, each in its own `attributes` column: organisations, people of the
 * registry, staff appointments and classes of the e-diary. `orgKinds` limits a definition to the records of
 * organisations of those kinds (the organisation itself, the appointment's or the class's organisation, the
 * person's organisation).
 */
export const ATTRIBUTE_RECORDS = ["ORGANIZATION", "PERSON", "APPOINTMENT", "CLASS"] as const;
export type AttributeRecord = (typeof ATTRIBUTE_RECORDS)[number];

/** Records whose attributes are personal data: never public, whatever the definition says. */
export const PERSONAL_RECORDS: readonly AttributeRecord[] = ["PERSON", "APPOINTMENT"];

/** The organisation's built-in fields (and the list's parameters): an attribute code may not be one of them. */
export const BUILT_IN_FIELDS = [
  "id",
  "bin",
  "name",
  "nameKk",
  "nameRu",
  "nameEn",
  "kind",
  "kindId",
  "territory",
  "territoryId",
  "reportsTo",
  "reportsToId",
  "language",
  "languageId",
  "status",
  "isUrban",
  "address",
  "attributes",
  "version",
  "createdAt",
  "updatedAt",
  "q",
  "page",
  "pageSize",
  "sort",
  "dir",
] as const;

const builtIn = new Set<string>(BUILT_IN_FIELDS.map((f) => f.toLowerCase()));

/** The prefix of an attribute's form field and list filter: `attr_<code>`. */
export const ATTRIBUTE_FIELD_PREFIX = "attr_";

export interface AttributeDefinitionLike {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  type: AttributeType;
  /** The record kind the values belong to (organisations when not given). */
  record?: AttributeRecord;
  min: number | null;
  max: number | null;
  classifierCode: string | null;
  required: boolean;
  orgKinds: string[];
  public: boolean;
}

export type AttributeValue = string | number | boolean;
export type AttributeValues = Record<string, AttributeValue>;

const name = z.string().trim().min(1).max(200);
const optionalNumber = z
  .string()
  .trim()
  .max(30)
  .optional()
  .refine((v) => !v || Number.isFinite(Number(v.replace(",", "."))), "attribute.notNumber")
  .transform((v) => (v ? Number(v.replace(",", ".")) : null));

/** The prefix of the definition form's kind checkboxes: `kind_<CODE>`. */
export const KIND_FIELD_PREFIX = "kind_";

/** The definition form: code and type are fixed once created (values are stored under the code). */
export const attributeDefinitionInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || "orgKinds" in raw) return raw;
    const record = raw as Record<string, unknown>;
    const kinds = Object.keys(record)
      .filter((k) => k.startsWith(KIND_FIELD_PREFIX) && record[k] === "on")
      .map((k) => k.slice(KIND_FIELD_PREFIX.length));
    return { ...record, orgKinds: kinds };
  },
  z
    .object({
      id: z.string().trim().max(40).optional(),
      version: z.coerce.number().int().min(1).optional(),
      code: z
        .string()
        .trim()
        .min(2)
        .max(40)
        .regex(/^[a-z][a-zA-Z0-9]*$/, "attribute.codeFormat")
        .refine((c) => !builtIn.has(c.toLowerCase()), "attribute.codeBuiltIn"),
      nameKk: name,
      nameRu: name,
      nameEn: name,
      type: z.enum(ATTRIBUTE_TYPES),
      record: z.enum(ATTRIBUTE_RECORDS).default("ORGANIZATION"),
      min: optionalNumber,
      max: optionalNumber,
      classifierCode: z
        .string()
        .trim()
        .max(40)
        .optional()
        .transform((v) => (v ? v : null)),
      required: z
        .string()
        .optional()
        .transform((v) => v === "on"),
      public: z
        .string()
        .optional()
        .transform((v) => v === "on"),
      /** Kind codes separated by commas (the form's checkboxes are joined by the schema below). */
      orgKinds: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .transform((v) =>
          [...new Set((Array.isArray(v) ? v : (v ?? "").split(",")).map((s) => s.trim()).filter(Boolean))].sort(),
        ),
    })
    .superRefine((input, ctx) => {
      if (input.type === "NUMBER" && input.min !== null && input.max !== null && input.min > input.max)
        ctx.addIssue({ code: "custom", path: ["max"], message: "attribute.rangeInverted" });
      if (input.type !== "NUMBER" && (input.min !== null || input.max !== null))
        ctx.addIssue({ code: "custom", path: ["min"], message: "attribute.rangeOnlyNumber" });
      if (input.public && PERSONAL_RECORDS.includes(input.record))
        ctx.addIssue({ code: "custom", path: ["public"], message: "attribute.personalNotPublic" });
      if (input.type === "CHOICE" && !input.classifierCode)
        ctx.addIssue({ code: "custom", path: ["classifierCode"], message: "attribute.classifierRequired" });
    })
    .transform((input) => ({ ...input, classifierCode: input.type === "CHOICE" ? input.classifierCode : null })),
);
export type AttributeDefinitionInput = z.output<typeof attributeDefinitionInput>;

/** Whether a definition applies to an organisation of this kind. */
export function appliesTo(def: Pick<AttributeDefinitionLike, "orgKinds">, kindCode: string | null | undefined) {
  return def.orgKinds.length === 0 || (kindCode != null && def.orgKinds.includes(kindCode));
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The schema of one attribute's value as a form sends it (a string, empty when not given), giving the value
 * to store or null. Message keys are under `errors.attribute.`.
 */
export function attributeValueSchema(def: AttributeDefinitionLike, choices: readonly string[] = []) {
  const text = z
    .union([z.string(), z.number(), z.boolean(), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined ? "" : String(v).trim()));
  const value = text.transform((raw, ctx): AttributeValue | null => {
    if (raw === "") {
      if (def.required) ctx.addIssue({ code: "custom", message: "attribute.required" });
      return null;
    }
    switch (def.type) {
      case "TEXT":
        if (raw.length > 500) ctx.addIssue({ code: "custom", message: "attribute.tooLong" });
        return raw;
      case "NUMBER": {
        const n = Number(raw.replace(",", "."));
        if (!Number.isFinite(n) || !/^-?\d+([.,]\d+)?$/.test(raw)) {
          ctx.addIssue({ code: "custom", message: "attribute.notNumber" });
          return null;
        }
        if ((def.min !== null && n < def.min) || (def.max !== null && n > def.max))
          ctx.addIssue({ code: "custom", message: "attribute.outOfRange" });
        return n;
      }
      case "BOOLEAN":
        if (raw === "yes" || raw === "true") return true;
        if (raw === "no" || raw === "false") return false;
        ctx.addIssue({ code: "custom", message: "attribute.notBoolean" });
        return null;
      case "DATE":
        if (!isCalendarDate(raw)) ctx.addIssue({ code: "custom", message: "attribute.notDate" });
        return raw;
      case "CHOICE":
        if (!choices.includes(raw)) ctx.addIssue({ code: "custom", message: "attribute.notChoice" });
        return raw;
    }
  });
  return value;
}

/**
 * The one schema of an organisation's attribute values, built from the definitions that apply to it:
 * an object by attribute code whose output keeps only the given values.
 */
export function attributesSchema(defs: readonly AttributeDefinitionLike[], choices: Record<string, readonly string[]>) {
  return z
    .object(Object.fromEntries(defs.map((d) => [d.code, attributeValueSchema(d, choices[d.code] ?? [])])))
    .transform((values) => {
      const out: AttributeValues = {};
      for (const [code, v] of Object.entries(values))
        if (v !== null && v !== undefined) out[code] = v as AttributeValue;
      return out;
    });
}

/** The attribute values a form sent, as `attr_<code>` fields. */
export function attributeFormValues(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input))
    if (k.startsWith(ATTRIBUTE_FIELD_PREFIX) && typeof v === "string") out[k.slice(ATTRIBUTE_FIELD_PREFIX.length)] = v;
  return out;
}

/**
 * The custom attributes' raw values by code, from the `attr_<code>` fields; absent when the form sent none
 * (the stored values are then kept). Checked by the service against the schema built from the definitions.
 */
export const attributesField = z.record(z.string(), z.string().max(1000)).optional();

/** Collects the `attr_<code>` fields of a form into `attributes` (undefined when there are none). */
export function withAttributes<S extends z.ZodType>(schema: S) {
  return z.preprocess((raw) => {
    if (!raw || typeof raw !== "object" || "attributes" in raw) return raw;
    const record = raw as Record<string, unknown>;
    if (!Object.keys(record).some((k) => k.startsWith(ATTRIBUTE_FIELD_PREFIX))) return raw;
    return { ...record, attributes: attributeFormValues(record) };
  }, schema);
}

/** A stored value as the form shows it. */
export function formValueOf(value: AttributeValue | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}
