/** The import targets by name: what a source can be imported into. */
import { attendanceTarget } from "./attendance";
import { budgetLinesTarget } from "./budget-lines";
import { classifierItemsTarget } from "./classifier-items";
import { marksTarget } from "./marks";
import { organizationsTarget } from "./organizations";
import { pupilsTarget } from "./pupils";
import type { ImportTarget } from "./types";

export type { Outcome, RowResult, ImportTarget, RollbackResult, StoredRow, Written } from "./types";

export const TARGETS = {
  organizations: organizationsTarget,
  pupils: pupilsTarget,
  classifierItems: classifierItemsTarget,
  marks: marksTarget,
  attendance: attendanceTarget,
  budgetLines: budgetLinesTarget,
} satisfies Record<string, ImportTarget<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type ImportTargetName = keyof typeof TARGETS;
export const TARGET_NAMES = Object.keys(TARGETS) as [ImportTargetName, ...ImportTargetName[]];

/** A target by name, through the interface every target implements (what the dry run and the run call). */
export function targetOf(name: ImportTargetName): ImportTarget<unknown> {
  return TARGETS[name] as ImportTarget<unknown>;
}
