/**
 * The dry run of an import: every row of a source mapped to a target's fields, validated with the same zod
 * schemas and rules as the target's form (check digits, references, the importer's scope) and classified
 * as new, update (with the fields that would change), unchanged, duplicate within the file or invalid (with
 * a message key saying why). Rows are read as a stream and classified in batches; nothing is written.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { toCsv } from "../csv";
import { authorizeViewer } from "../auth/access";
import type { Scope, Viewer } from "../auth/scope";
import { mapRow, unmappedRequired, type Mapping } from "./mapping";
import type { SourceRow } from "./reader";
import { TARGETS, type ImportTarget, type ImportTargetName, type RowResult } from "./targets";

export type { RowResult, Outcome } from "./targets";

export const BATCH_SIZE = 500;

export interface DryRunInput {
  target: ImportTargetName;
  columns: readonly string[];
  rows: AsyncIterable<SourceRow>;
  mapping: Mapping;
}

export interface DryRunReport {
  counts: Record<RowResult["outcome"], number>;
  /** The rows' results, as many as `KeepOptions` asks for (all by default). */
  results: RowResult[];
}

/**
 * Which results a dry run keeps in memory: by default every one (tests, small sources); a run or a large
 * source keeps none or the first `limit` (without what they would write), so memory does not grow with
 * the source — every result still goes to `onBatch`.
 */
export interface KeepOptions {
  limit?: number;
  /** Whether unchanged rows are kept (the wizard shows only the others). */
  unchanged?: boolean;
}

/** The importer's scope for a target: the target form's permission (403 without it). */
export function importScope(viewer: Viewer | null, target: ImportTargetName): { viewer: Viewer; scope: Scope } {
  return authorizeViewer(viewer, TARGETS[target].permission);
}

/** Refuses a mapping that leaves a required field without a column or constant, or names a column the source lacks. */
export function checkMapping(target: ImportTargetName, columns: readonly string[], mapping: Mapping): void {
  const fieldErrors: Record<string, string> = {};
  for (const field of unmappedRequired(TARGETS[target].fields, mapping))
    fieldErrors[`mapping.${field}`] = "import.unmapped";
  for (const [field, m] of Object.entries(mapping)) {
    if (!TARGETS[target].fields.some((f) => f.name === field)) fieldErrors[`mapping.${field}`] = "import.unknownField";
    else if (m.column && !columns.includes(m.column)) fieldErrors[`mapping.${field}`] = "import.unknownColumn";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", fieldErrors);
}

/**
 * Classifies every row of the source; calls `onBatch` after each batch (progress). The scope limits what
 * the rows may touch: a row about something outside it is invalid, never shown with what the registry holds.
 */
export async function classifyRows(
  viewer: Viewer,
  scope: Scope,
  input: DryRunInput,
  onBatch?: (results: RowResult[]) => Promise<void> | void,
  keep: KeepOptions = {},
): Promise<DryRunReport> {
  const limit = keep.limit ?? Infinity;
  checkMapping(input.target, input.columns, input.mapping);
  const target = TARGETS[input.target] as ImportTarget<unknown>;
  const context = await target.prepare(prisma, scope);
  const counts: DryRunReport["counts"] = { new: 0, update: 0, unchanged: 0, duplicate: 0, invalid: 0 };
  const results: RowResult[] = [];
  const seen = new Set<string>();
  let batch: { line: number; values: Record<string, string> }[] = [];
  const pending: RowResult[] = [];

  const flush = async () => {
    const classified = await target.classify(prisma, context, scope, batch);
    const done = [...pending, ...classified].sort((a, b) => a.line - b.line);
    for (const r of done) {
      counts[r.outcome]++;
      if (results.length >= limit || (keep.unchanged === false && r.outcome === "unchanged")) continue;
      if (limit === Infinity) results.push(r);
      else {
        const { data: _written, ...shown } = r;
        results.push(shown);
      }
    }
    batch = [];
    pending.length = 0;
    await onBatch?.(done);
  };

  for await (const row of input.rows) {
    if (!row.cells.some((c) => c.trim() !== "")) continue;
    const { values, problems } = mapRow(input.columns, row.cells, input.mapping);
    const key = target.keyOf(values);
    const problem = Object.entries(problems)[0];
    if (problem)
      pending.push({ line: row.line, key, outcome: "invalid", changes: [], field: problem[0], reason: problem[1] });
    else if (key && seen.has(key))
      pending.push({ line: row.line, key, outcome: "duplicate", changes: [], reason: "import.duplicateInFile" });
    else {
      if (key) seen.add(key);
      batch.push({ line: row.line, values });
    }
    if (batch.length + pending.length >= BATCH_SIZE) await flush();
  }
  if (batch.length || pending.length) await flush();
  void viewer;
  return { counts, results };
}

/** A dry run: the viewer's scope for the target, then every row classified; nothing is written. */
export async function dryRun(viewer: Viewer | null, input: DryRunInput): Promise<DryRunReport> {
  const { viewer: v, scope } = importScope(viewer, input.target);
  return classifyRows(v, scope, input);
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The report's header line (with the byte order mark spreadsheet programs need to read UTF-8). */
export function reportCsvHead(t: Translate): string {
  return toCsv([[t("line"), t("key"), t("outcome"), t("changes"), t("field"), t("reason")]]);
}

/** Report lines of some rows (no header, no byte order mark): a report can be written a batch at a time. */
export function reportCsvLines(results: readonly RowResult[], t: Translate): string {
  if (!results.length) return "";
  return toCsv(
    results.map((r) => [
      r.line,
      r.key,
      t(`outcomes.${r.outcome}`),
      r.changes.join(" "),
      r.field ?? "",
      r.reason ? t(`reasons.${r.reason}`, r.params) : "",
    ]),
  ).replace(/^\uFEFF/, "");
}

/** The report as CSV for the person to fix the source: line, key, outcome, changing fields, field, reason (localised). */
export function reportCsv(results: readonly RowResult[], t: Translate): string {
  return reportCsvHead(t) + reportCsvLines(results, t);
}
