/**
 * Mapping a source's columns to a target's fields: each field takes a column (or a constant) through a
 * transform — trim, case, a date (`dd.mm.yyyy`, `yyyy-mm-dd` or an Excel serial day), a number with a
 * decimal comma, one part of a full name (surname, name, patronymic) — and suggestions come from the column
 * names in kk/ru/en. A mapping is plain data (zod-validated), so it can be saved as a named profile and used
 * again for the next file of the same shape. Everything here is pure.
 */
import { z } from "zod";
import { normalizeText } from "../text";

export const TRANSFORMS = ["none", "upper", "lower", "date", "decimal", "surname", "name", "patronymic"] as const;
export type Transform = (typeof TRANSFORMS)[number];

/** One field's source: a column of the file (by its header name) or a constant, and a transform. */
export const fieldMapping = z
  .object({
    column: z.string().trim().max(200).optional(),
    constant: z.string().trim().max(500).optional(),
    transform: z.enum(TRANSFORMS).default("none"),
  })
  .refine((m) => !(m.column && m.constant), { message: "import.columnOrConstant" });
export type FieldMapping = z.output<typeof fieldMapping>;

/** A mapping: target field → its source. Fields left out are unmapped. */
export const mappingSchema = z.record(z.string().max(60), fieldMapping);
export type Mapping = z.output<typeof mappingSchema>;

/** A field of an import target: its name (a message key under `import.fields`), whether it is required, the words that suggest it. */
export interface TargetField {
  name: string;
  required: boolean;
  /** Column names (kk, ru, en; compared normalised) that suggest this field, best first. */
  synonyms: readonly string[];
  /** The transform a suggestion sets. */
  transform?: Transform;
  /** A part of a person's name: a full-name column ("ФИО", "Аты-жөні") is suggested with this splitting transform. */
  namePart?: "surname" | "name" | "patronymic";
}

/** Column names of a full name in one column. */
export const FULL_NAME_COLUMNS = ["Аты-жөні", "Толық аты-жөні", "ТАӘ", "ФИО", "Ф.И.О.", "Full name"] as const;

/** The fields of `fields` that are required but have neither a column nor a constant. */
export function unmappedRequired(fields: readonly TargetField[], mapping: Mapping): string[] {
  return fields.filter((f) => f.required && !mapping[f.name]?.column && !mapping[f.name]?.constant).map((f) => f.name);
}

/** Column names compared without case, punctuation, look-alike Latin letters or the difference between "ё" and "е". */
function key(name: string): string {
  return normalizeText(name.replace(/[_.]/g, " ")).replace(/ё/g, "е");
}

/**
 * A suggested mapping for the columns: a column whose name is one of a field's synonyms goes to that field;
 * each column is used at most once, and a full-name column ("ФИО", "Аты-жөні") is suggested for surname,
 * name and patronymic at once with the splitting transforms.
 */
export function suggestMapping(columns: readonly string[], fields: readonly TargetField[]): Mapping {
  const byKey = new Map(columns.map((c) => [key(c), c]));
  const used = new Set<string>();
  const mapping: Mapping = {};
  for (const field of fields) {
    const column = field.synonyms.map((s) => byKey.get(key(s))).find((c) => c !== undefined && !used.has(c));
    if (column) {
      mapping[field.name] = { column, transform: field.transform ?? "none" };
      used.add(column);
      continue;
    }
    if (field.namePart) {
      const full = FULL_NAME_COLUMNS.map((s) => byKey.get(key(s))).find((c) => c !== undefined);
      if (full) mapping[field.name] = { column: full, transform: field.namePart };
    }
  }
  return mapping;
}

/** Days from 1899-12-30 (the spreadsheet epoch, counting Lotus's false 29 February 1900) to a calendar date. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function calendarDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A date as yyyy-mm-dd from dd.mm.yyyy (or / -), yyyy-mm-dd, or an Excel serial day; null when it is none of them. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return calendarDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{1,7}(\.\d+)?$/.test(t)) return excelSerialDate(Number(t));
  return null;
}

/** A number written with a decimal comma or point, spaces as thousands separators; null when it is not one. */
export function parseDecimal(text: string): string | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!/^[-+]?\d+([.,]\d+)?$/.test(t)) return null;
  return String(Number(t.replace(",", ".")));
}

/** A full name "Surname Name Patronymic" (any extra words belong to the patronymic, e.g. "Серік ұлы"). */
export function splitFullName(text: string): { surname: string; name: string; patronymic: string } {
  const [surname = "", name = "", ...rest] = text.trim().split(/\s+/).filter(Boolean);
  return { surname, name, patronymic: rest.join(" ") };
}

/** The outcome of a transform: the value, or the key of the problem (`import.transform.<name>`). */
export type Transformed = { ok: true; value: string } | { ok: false; problem: string };

/** Applies a transform to a cell's text (always trimmed; an empty cell stays empty). */
export function applyTransform(text: string, transform: Transform): Transformed {
  const value = text.trim();
  if (value === "") return { ok: true, value };
  switch (transform) {
    case "none":
      return { ok: true, value };
    case "upper":
      return { ok: true, value: value.toLocaleUpperCase("kk") };
    case "lower":
      return { ok: true, value: value.toLocaleLowerCase("kk") };
    case "date": {
      const date = parseDate(value);
      return date ? { ok: true, value: date } : { ok: false, problem: "import.transform.date" };
    }
    case "decimal": {
      const number = parseDecimal(value);
      return number !== null ? { ok: true, value: number } : { ok: false, problem: "import.transform.decimal" };
    }
    case "surname":
      return { ok: true, value: splitFullName(value).surname };
    case "name":
      return { ok: true, value: splitFullName(value).name };
    case "patronymic":
      return { ok: true, value: splitFullName(value).patronymic };
  }
}

/**
 * One row's values for the mapped fields: each field's column (by header position) or constant through its
 * transform. Problems are returned by field (message keys); unmapped fields are absent.
 */
export function mapRow(
  columns: readonly string[],
  cells: readonly string[],
  mapping: Mapping,
): { values: Record<string, string>; problems: Record<string, string> } {
  const values: Record<string, string> = {};
  const problems: Record<string, string> = {};
  for (const [field, m] of Object.entries(mapping)) {
    let text: string;
    if (m.constant) text = m.constant;
    else if (m.column) {
      const index = columns.indexOf(m.column);
      if (index < 0) continue;
      text = cells[index] ?? "";
    } else continue;
    const out = applyTransform(text, m.transform);
    if (out.ok) values[field] = out.value;
    else problems[field] = out.problem;
  }
  return { values, problems };
}
