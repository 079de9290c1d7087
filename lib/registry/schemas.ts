import { z } from "zod";
import { binProblem, parseIin } from "../identity";
import { attributesField, withAttributes } from "./attribute-schemas";

/** Empty form fields mean "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

export const nameText = z.string().trim().min(2).max(300);

export const binField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = binProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: `bin.${problem}` });
  });

export const iinField = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const parsed = parseIin(v);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: `iin.${parsed.problem}` });
  });

export const versionField = z.coerce.number().int().min(1);

const organizationFields = z.object({
  bin: binField,
  nameKk: nameText,
  nameRu: nameText,
  nameEn: nameText,
  kindId: z.string().min(1, "organization.kind"),
  territoryId: z.string().min(1, "territory.unknown"),
  reportsToId: optionalText(40),
  languageId: optionalText(40),
  status: z.enum(["ACTIVE", "SUSPENDED", "CLOSED"]),
  isUrban: z
    .string()
    .optional()
    .transform((v) => v === "on"),
  address: optionalText(500),
  /**
   * The custom attributes' raw values by code, from the `attr_<code>` fields; absent when the form sent none
   * (the stored values are then kept). Checked by the service against the schema built from the definitions.
   */
  attributes: attributesField,
});

export const organizationInput = withAttributes(organizationFields);

export const organizationUpdate = withAttributes(
  organizationFields.extend({ id: z.string().min(1), version: versionField }),
);

export type OrganizationInput = z.output<typeof organizationInput>;

/** A KATO-style territory code: nine digits. */
export const territoryCodeField = z
  .string()
  .trim()
  .regex(/^\d{9}$/, "territory.codeFormat");

const territoryNames = {
  code: territoryCodeField,
  nameKk: nameText,
  nameRu: nameText,
  nameEn: nameText,
};

/** A new territory: the republic is never created, every other level hangs under a parent. */
export const territoryInput = z.object({
  ...territoryNames,
  level: z.enum(["REGION", "DISTRICT", "SETTLEMENT"]),
  parentId: z.string().trim().min(1, "territory.unknown").max(40),
});

/**
 * An edited territory: code and names. The parent (and so the level) is fixed after creation; a parent
 * sent along is only compared with the current one.
 */
export const territoryUpdate = z.object({
  ...territoryNames,
  id: z.string().min(1),
  version: versionField,
  parentId: optionalText(40),
});

export type TerritoryInput = z.output<typeof territoryInput>;
export type TerritoryUpdate = z.output<typeof territoryUpdate>;

/** A calendar date typed as YYYY-MM-DD; empty means "not given". */
export const optionalDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isCalendarDate(v), "validation.invalidFormat")
  .transform((v) => (v ? v : null));

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const personName = z.string().trim().min(1).max(100);

/**
 * A person. Birth date and sex may be left empty (they are then taken from the IIN); when given they must
 * agree with it — the service checks that and names the expected date.
 */
const personFields = z.object({
  iin: iinField,
  lastName: personName,
  firstName: personName,
  middleName: optionalText(100),
  birthDate: optionalDate,
  sex: z
    .enum(["MALE", "FEMALE", ""])
    .optional()
    .transform((v) => (v ? v : null)),
  organizationId: optionalText(40),
  /** The person's custom attributes (`attr_<code>` fields), checked against the definitions of people. */
  attributes: attributesField,
});

export const personInput = withAttributes(personFields);

export const personUpdate = withAttributes(personFields.extend({ id: z.string().min(1), version: versionField }));

export type PersonInput = z.output<typeof personInput>;
export type PersonUpdate = z.output<typeof personUpdate>;
