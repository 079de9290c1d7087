/**
 * The structure of a statistical form version (R32): sections of plain fields or fixed tables (rows ×
 * columns), per-field bounds, and cross-field rules in the expression language of ./expression.ts.
 *
 * Value keys: a plain field is `section.field`; a table cell is `section.row.column`. Rules reference these
 * keys; a plain field may also be named by its bare key when that key is unique across the form
 * ("girls <= total"), and a table column over all rows with a wildcard: `sum(grades.*.total)`.
 *
 * Pure module: used by the designer (validation at design time), the data entry page, the CSV/XLSX import
 * and data packages alike.
 */
import { z } from "zod";
import { evaluate, namesMatch, referencedNames, validateExpression, type Ast, type ResolvedValue } from "./expression";

export const FIELD_TYPES = ["integer", "decimal", "percentage", "text", "date", "choice", "boolean"] as const;
export const NUMERIC_TYPES = ["integer", "decimal", "percentage"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const key = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "reporting.keyFormat");
export const localizedText = z.object({
  kk: z.string().trim().min(1).max(500),
  ru: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
export type LocalizedText = z.infer<typeof localizedText>;

const bounds = {
  required: z.boolean().default(false),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
};

export const fieldSchema = z.object({
  key,
  label: localizedText,
  type: z.enum(FIELD_TYPES),
  /** Classifier code whose items are the choices (type "choice"). */
  classifier: z
    .string()
    .regex(/^[A-Z0-9_]{1,32}$/)
    .optional(),
  ...bounds,
});

export const columnSchema = z.object({ key, label: localizedText, type: z.enum(NUMERIC_TYPES), ...bounds });
export const rowSchema = z.object({ key, label: localizedText });

export const sectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fields"), key, title: localizedText, fields: z.array(fieldSchema).min(1).max(200) }),
  z.object({
    kind: z.literal("table"),
    key,
    title: localizedText,
    rows: z.array(rowSchema).min(1).max(100),
    columns: z.array(columnSchema).min(1).max(30),
  }),
]);

export const ruleSchema = z.object({
  expression: z.string().trim().min(1).max(1000),
  severity: z.enum(["error", "warning"]),
  message: localizedText,
});

export type Field = z.infer<typeof fieldSchema>;
export type Column = z.infer<typeof columnSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Rule = z.infer<typeof ruleSchema>;

export interface ValueSlot {
  key: string;
  section: Section;
  type: FieldType;
  required: boolean;
  min?: number;
  max?: number;
  classifier?: string;
  /** Row key for table cells, "" for plain fields; indicator is `section.field` or `section.column`. */
  rowKey: string;
  indicator: string;
}

/** Every value slot of a definition, in display order. */
export function valueSlots(def: { sections: Section[] }): ValueSlot[] {
  const out: ValueSlot[] = [];
  for (const s of def.sections) {
    if (s.kind === "fields") {
      for (const f of s.fields) {
        out.push({
          key: `${s.key}.${f.key}`,
          section: s,
          type: f.type,
          required: f.required,
          min: f.min,
          max: f.max,
          classifier: f.classifier,
          rowKey: "",
          indicator: `${s.key}.${f.key}`,
        });
      }
    } else {
      for (const r of s.rows) {
        for (const c of s.columns) {
          out.push({
            key: `${s.key}.${r.key}.${c.key}`,
            section: s,
            type: c.type,
            required: c.required,
            min: c.min,
            max: c.max,
            rowKey: r.key,
            indicator: `${s.key}.${c.key}`,
          });
        }
      }
    }
  }
  return out;
}

/** Bare field keys that are unique across the form, mapped to their full keys. */
function bareNames(def: { sections: Section[] }): Map<string, string> {
  const counts = new Map<string, string[]>();
  for (const s of def.sections) {
    if (s.kind !== "fields") continue;
    for (const f of s.fields) counts.set(f.key, [...(counts.get(f.key) ?? []), `${s.key}.${f.key}`]);
  }
  return new Map([...counts].filter(([, full]) => full.length === 1).map(([k, full]) => [k, full[0]!]));
}

/** Names a rule may reference: full keys, unique bare keys, and `section.*.column` for table columns. */
export function knownNames(def: { sections: Section[] }): Set<string> {
  const names = new Set(valueSlots(def).map((s) => s.key));
  for (const bare of bareNames(def).keys()) names.add(bare);
  for (const s of def.sections) if (s.kind === "table") for (const c of s.columns) names.add(`${s.key}.*.${c.key}`);
  return names;
}

/** A definition checked as a whole: unique keys, sane bounds, choices with a classifier, valid rules. */
export const definitionSchema = z
  .object({ sections: z.array(sectionSchema).min(1).max(50), rules: z.array(ruleSchema).max(200).default([]) })
  .superRefine((def, ctx) => {
    const sectionKeys = new Set<string>();
    def.sections.forEach((s, i) => {
      if (sectionKeys.has(s.key))
        ctx.addIssue({ code: "custom", path: ["sections", i, "key"], message: "reporting.duplicateKey" });
      sectionKeys.add(s.key);
      const inner =
        s.kind === "fields" ? s.fields : [...s.rows, ...s.columns.map((c) => ({ ...c, key: `col:${c.key}` }))];
      const seen = new Set<string>();
      inner.forEach((item, j) => {
        if (seen.has(item.key))
          ctx.addIssue({ code: "custom", path: ["sections", i, "items", j], message: "reporting.duplicateKey" });
        seen.add(item.key);
      });
      const fields = s.kind === "fields" ? s.fields : s.columns;
      fields.forEach((f, j) => {
        if (f.min !== undefined && f.max !== undefined && f.min > f.max)
          ctx.addIssue({ code: "custom", path: ["sections", i, "fields", j, "min"], message: "reporting.minAboveMax" });
        if (f.type === "choice" && !(f as { classifier?: string }).classifier)
          ctx.addIssue({
            code: "custom",
            path: ["sections", i, "fields", j, "classifier"],
            message: "reporting.choiceNeedsClassifier",
          });
      });
    });
    const names = knownNames(def);
    def.rules.forEach((r, i) => {
      const result = validateExpression(r.expression, names, { expect: "boolean" });
      if (!result.ok) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "expression"],
          message: `reporting.expression.${result.error.code}`,
          params: { position: result.error.position },
        });
      }
    });
  });

export type FormDefinition = z.output<typeof definitionSchema>;

export type Scalar = number | string | boolean | null;

export interface ValueProblem {
  key: string;
  /** Key under `errors.` — reporting.value.* */
  code: string;
  params?: Record<string, string | number>;
}

export interface RuleOutcome {
  index: number;
  severity: "error" | "warning";
  /** false: violated; null: not applicable (a value is missing). */
  passed: boolean | null;
  message: LocalizedText;
  /** A violated warning without a comment blocks submission. */
  needsComment: boolean;
  /** The cells the rule reads (wildcards expanded, at most 30) with their values: shown and highlighted. */
  cells: { key: string; value: Scalar | null }[];
}

export interface CheckResult {
  values: Record<string, Scalar>;
  problems: ValueProblem[];
  rules: RuleOutcome[];
  /** True when nothing blocks submission. */
  submittable: boolean;
}

/** Parses one raw value (from a form, CSV or a data package) for a slot; `undefined` when empty. */
export function coerceValue(
  slot: ValueSlot,
  raw: unknown,
): { value: Scalar } | { problem: string; params?: Record<string, string | number> } {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { value: null };
  const text = typeof raw === "string" ? raw.trim() : raw;
  switch (slot.type) {
    case "integer":
    case "decimal":
    case "percentage": {
      const n =
        typeof text === "number"
          ? text
          : /^[-+]?\d+([.,]\d+)?$/.test(String(text))
            ? Number(String(text).replace(",", "."))
            : Number.NaN;
      if (!Number.isFinite(n)) return { problem: "reporting.value.notNumber" };
      if (slot.type === "integer" && !Number.isInteger(n)) return { problem: "reporting.value.notInteger" };
      const min = slot.min ?? (slot.type === "percentage" ? 0 : undefined);
      const max = slot.max ?? (slot.type === "percentage" ? 100 : undefined);
      if (min !== undefined && n < min) return { problem: "reporting.value.belowMin", params: { min } };
      if (max !== undefined && n > max) return { problem: "reporting.value.aboveMax", params: { max } };
      return { value: n };
    }
    case "boolean": {
      const s = String(text).toLowerCase();
      if (["true", "1", "yes", "иә", "да", "on"].includes(s)) return { value: true };
      if (["false", "0", "no", "жоқ", "нет", "off"].includes(s)) return { value: false };
      return { problem: "reporting.value.notBoolean" };
    }
    case "date": {
      const s = String(text);
      const d = new Date(`${s}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s)
        return { problem: "reporting.value.notDate" };
      return { value: s };
    }
    case "choice":
    case "text": {
      const s = String(text);
      if (s.length > 2000) return { problem: "reporting.value.tooLong", params: { max: 2000 } };
      return { value: s };
    }
  }
}

/**
 * Checks values against a definition: types and bounds per slot, then the cross-field rules. In "draft"
 * mode missing required values are allowed (autosave); in "submit" mode they are problems, error rules
 * block, and violated warning rules need a comment. `choices` lists the allowed codes per classifier.
 */
export function checkValues(
  def: FormDefinition,
  raw: Record<string, unknown>,
  options: { mode: "draft" | "submit"; comments?: Record<string, string>; choices?: Record<string, readonly string[]> },
): CheckResult {
  const slots = valueSlots(def);
  const values: Record<string, Scalar> = {};
  const problems: ValueProblem[] = [];
  const known = new Set(slots.map((s) => s.key));
  for (const k of Object.keys(raw)) if (!known.has(k)) problems.push({ key: k, code: "reporting.value.unknownField" });
  for (const slot of slots) {
    const result = coerceValue(slot, raw[slot.key]);
    if ("problem" in result) {
      problems.push({ key: slot.key, code: result.problem, params: result.params });
      continue;
    }
    if (result.value === null) {
      if (options.mode === "submit" && slot.required)
        problems.push({ key: slot.key, code: "reporting.value.required" });
      continue;
    }
    if (
      slot.type === "choice" &&
      slot.classifier &&
      options.choices?.[slot.classifier] &&
      !options.choices[slot.classifier]!.includes(String(result.value))
    ) {
      problems.push({ key: slot.key, code: "reporting.value.notChoice" });
      continue;
    }
    values[slot.key] = result.value;
  }
  const rules = evaluateRules(def, values, options.comments ?? {});
  const blocking = rules.some((r) => (r.severity === "error" && r.passed === false) || r.needsComment);
  return { values, problems, rules, submittable: problems.length === 0 && !blocking };
}

const astCache = new WeakMap<FormDefinition, Ast[]>();

function rulesAst(def: FormDefinition): Ast[] {
  let asts = astCache.get(def);
  if (!asts) {
    const names = knownNames(def);
    asts = def.rules.map((r) => {
      const result = validateExpression(r.expression, names, { expect: "boolean" });
      if (!result.ok) throw result.error;
      return result.ast;
    });
    astCache.set(def, asts);
  }
  return asts;
}

export function evaluateRules(
  def: FormDefinition,
  values: Record<string, Scalar>,
  comments: Record<string, string>,
): RuleOutcome[] {
  const bare = bareNames(def);
  const numeric = (v: Scalar | undefined): number | null =>
    typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : null;
  const resolve = (name: string): ResolvedValue => {
    const full = values[name] !== undefined || !bare.has(name) ? name : bare.get(name)!;
    if (!full.includes("*")) return numeric(values[full]);
    const pattern = new RegExp(
      `^${full
        .split(".")
        .map((s) => (s === "*" ? "[^.]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("\\.")}$`,
    );
    return Object.entries(values)
      .filter(([k]) => pattern.test(k))
      .map(([, v]) => numeric(v))
      .filter((v): v is number => v !== null);
  };
  const slotKeys = valueSlots(def).map((s) => s.key);
  const cellsOf = (ast: Ast) => {
    const keys = new Set<string>();
    for (const name of referencedNames(ast)) {
      const full = bare.get(name) ?? name;
      for (const key of full.includes("*") ? slotKeys.filter((k) => namesMatch(full, k)) : [full]) keys.add(key);
    }
    return [...keys].slice(0, 30).map((key) => ({ key, value: values[key] ?? null }));
  };
  return rulesAst(def).map((ast, index) => {
    const rule = def.rules[index]!;
    const result = evaluate(ast, resolve);
    const passed = result === null ? null : Boolean(result);
    const needsComment = rule.severity === "warning" && passed === false && !(comments[String(index)] ?? "").trim();
    return { index, severity: rule.severity, passed, message: rule.message, needsComment, cells: cellsOf(ast) };
  });
}
