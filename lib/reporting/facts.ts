/**
 * Data bank facts of a report (R8): one row per numeric value, indicator `section.field` or
 * `section.column`, with the table row key ("" for plain fields). Pure module: the acceptance service,
 * the seed and the benchmark use it alike.
 */
import { NUMERIC_TYPES, valueSlots, type FormDefinition } from "./definition";

export interface FactRow {
  indicator: string;
  rowKey: string;
  value: number;
}

export function factRows(def: FormDefinition, values: Record<string, unknown>): FactRow[] {
  const numeric = new Set<string>(NUMERIC_TYPES);
  const rows: FactRow[] = [];
  for (const slot of valueSlots(def)) {
    if (!numeric.has(slot.type)) continue;
    const raw = values[slot.key];
    const value =
      typeof raw === "number"
        ? raw
        : typeof raw === "string" && raw.trim() !== ""
          ? Number(raw.replace(",", "."))
          : Number.NaN;
    if (Number.isFinite(value)) rows.push({ indicator: slot.indicator, rowKey: slot.rowKey, value });
  }
  return rows;
}
