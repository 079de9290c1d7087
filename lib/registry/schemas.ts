import { z } from "zod";
import { binProblem, parseIin } from "../identity";

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

export const organizationInput = z.object({
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
});

export const organizationUpdate = organizationInput.extend({ id: z.string().min(1), version: versionField });

export type OrganizationInput = z.output<typeof organizationInput>;
