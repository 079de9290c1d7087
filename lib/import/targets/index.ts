/** The import targets by name: what a source can be imported into. */
import { organizationsTarget } from "./organizations";
import { pupilsTarget } from "./pupils";
import type { ImportTarget } from "./types";

export type { Outcome, RowResult, ImportTarget } from "./types";

export const TARGETS = {
  organizations: organizationsTarget,
  pupils: pupilsTarget,
} satisfies Record<string, ImportTarget<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type ImportTargetName = keyof typeof TARGETS;
export const TARGET_NAMES = Object.keys(TARGETS) as ImportTargetName[];
