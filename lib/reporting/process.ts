/**
 * Reporting processes (issue 27): the approval chain as data, and the one transition table of a report.
 *
 * A process is an ordered list of review levels (district, region, ministry — each with the days it has to
 * review), what happens when a level is late (an escalation notice; optionally the submission passes on
 * by itself, never past the last level) and where a return goes (to the organisation, or one level down).
 *
 * Which process a report goes through is decided when it is handed over (`resolveProcessId`): a listed
 * organisation's own process, else its kind's, else the one its form names, else the standard one. The
 * submission keeps that process (`Submission.processId`) until it is handed over again, so changing the
 * process of a form, of a kind or of an organisation applies to reports handed over afterwards; the ones
 * already in review finish the way they started.
 *
 * An organisation's chain is the process's levels that lie above it (`chainOf`): a district level only for
 * organisations inside a district, a region level for those inside a region, the ministry for everyone.
 * The statuses are those of the standard chain: the approval of the last level is acceptance, an approval
 * of the district or the region leaves APPROVED_DISTRICT or APPROVED_REGION, and the status a level acts on
 * is what the level before it leaves (SUBMITTED for the first). Every part of the portal reads the chain
 * from here: the transitions (workflow.ts), the reviewers' board and queue (review.ts), the reminders and
 * escalations (reminders.ts), the data-package hand-over (handover.ts) and the configuration pages.
 *
 * Pure: no database, so every transition of every process is unit-tested (process.test.ts).
 */
import type { ReportingLevel, SubmissionStatus } from "../generated/prisma/enums";

/** The levels above an organisation that act on its submissions. */
export type ReviewLevel = Exclude<ReportingLevel, "ORGANIZATION">;
export const REVIEW_LEVELS: readonly ReviewLevel[] = ["DISTRICT", "REGION", "MINISTRY"];

/** The id (and code) of the standard process, made by the migration that introduced processes. */
export const STANDARD_PROCESS_ID = "standard";

export type LateAction = "NOTIFY" | "PASS_THROUGH";
export type ReturnTo = "ORGANIZATION" | "PREVIOUS_LEVEL";

export interface ProcessLevel {
  level: ReviewLevel;
  days: number;
}

export interface ProcessDefinition {
  id: string;
  code: string;
  levels: ProcessLevel[];
  onLate: LateAction;
  returnTo: ReturnTo;
}

/** The standard process as the migration made it (the fallback when a process cannot be read). */
export const STANDARD_PROCESS: ProcessDefinition = {
  id: STANDARD_PROCESS_ID,
  code: STANDARD_PROCESS_ID,
  levels: [
    { level: "DISTRICT", days: 5 },
    { level: "REGION", days: 5 },
    { level: "MINISTRY", days: 10 },
  ],
  onLate: "NOTIFY",
  returnTo: "ORGANIZATION",
};

/** Height of a level in the territory tree. */
const RANK: Record<ReviewLevel, number> = { DISTRICT: 1, REGION: 2, MINISTRY: 3 };

/** The lowest review level that lies above an organisation of a territory level. */
const LOWEST_ABOVE: Record<string, number> = { SETTLEMENT: 1, DISTRICT: 1, REGION: 2, REPUBLIC: 3 };

/**
 * The chain of an organisation whose territory is of `territoryLevel`: the process's levels that lie above
 * it, in order. A process whose levels all lie below the organisation falls back to the ministry (a process
 * assigned to such organisations is refused, see `processProblems` and the assignment check).
 */
export function chainOf(process: Pick<ProcessDefinition, "levels">, territoryLevel: string): ReviewLevel[] {
  const lowest = LOWEST_ABOVE[territoryLevel] ?? RANK.MINISTRY;
  const chain = process.levels.map((l) => l.level).filter((level) => RANK[level] >= lowest);
  return chain.length ? chain : ["MINISTRY"];
}

/** True when every level of the process lies below organisations of `territoryLevel` (nobody above acts). */
export function coversNobodyAbove(process: Pick<ProcessDefinition, "levels">, territoryLevel: string): boolean {
  const lowest = LOWEST_ABOVE[territoryLevel] ?? RANK.MINISTRY;
  return !process.levels.some((l) => RANK[l.level] >= lowest);
}

/** The process of a report: the organisation's own, else its kind's, else its form's, else the standard one. */
export function resolveProcessId(candidates: {
  organization?: string | null;
  kind?: string | null;
  form?: string | null;
}): string {
  return candidates.organization ?? candidates.kind ?? candidates.form ?? STANDARD_PROCESS_ID;
}

// ───────────────────────── The transition table ─────────────────────────

const APPROVED: Record<Exclude<ReviewLevel, "MINISTRY">, SubmissionStatus> = {
  DISTRICT: "APPROVED_DISTRICT",
  REGION: "APPROVED_REGION",
};

/** The status a submission has after `level` approved it: acceptance at the last level of the chain. */
export function approvedStatus(level: ReviewLevel, chain: readonly ReviewLevel[]): SubmissionStatus {
  if (level === "MINISTRY" || chain.at(-1) === level) return "ACCEPTED";
  return APPROVED[level];
}

/** True when `level` is the chain's last: its approval is acceptance. */
export function isFinal(level: ReviewLevel, chain: readonly ReviewLevel[]): boolean {
  return chain.at(-1) === level;
}

/** The status a submission has while it waits for `level` (the status `level` acts on). */
export function statusAwaiting(level: ReviewLevel, chain: readonly ReviewLevel[]): SubmissionStatus {
  const i = chain.indexOf(level);
  return i <= 0 ? "SUBMITTED" : approvedStatus(chain[i - 1]!, chain);
}

/** The level whose turn it is, or null when no level acts (draft, returned, accepted). */
export function pendingLevel(status: SubmissionStatus, chain: readonly ReviewLevel[]): ReviewLevel | null {
  if (status === "ACCEPTED" || status === "DRAFT" || status === "RETURNED") return null;
  return chain.find((level) => statusAwaiting(level, chain) === status) ?? null;
}

/** The level that brought a submission to its current (not final) status by approving, or null. */
export function lastApprovingLevel(status: SubmissionStatus, chain: readonly ReviewLevel[]): ReviewLevel | null {
  if (status === "ACCEPTED") return null;
  return chain.find((level) => !isFinal(level, chain) && approvedStatus(level, chain) === status) ?? null;
}

/** Where a return by `level` sends the submission: the organisation, or the level below in the chain. */
export function returnTarget(
  level: ReviewLevel,
  chain: readonly ReviewLevel[],
  returnTo: ReturnTo,
): { status: SubmissionStatus; to: ReviewLevel | "ORGANIZATION" } {
  const i = chain.indexOf(level);
  if (returnTo === "PREVIOUS_LEVEL" && i > 0) {
    const below = chain[i - 1]!;
    return { status: statusAwaiting(below, chain), to: below };
  }
  return { status: "RETURNED", to: "ORGANIZATION" };
}

export type TransitionAction = "submit" | "approve" | "accept" | "return" | "undo" | "pass";

export interface Transition {
  from: SubmissionStatus;
  action: TransitionAction;
  /** Who acts: the organisation, a review level, or the system (a late level passed through). */
  by: ReviewLevel | "ORGANIZATION" | "SYSTEM";
  to: SubmissionStatus;
  /** The level whose turn it is afterwards ("ORGANIZATION" when the report is back with it, null when done). */
  next: ReviewLevel | "ORGANIZATION" | null;
}

/**
 * Every transition of a chain under a process, in order: the one table the services apply and the
 * configuration pages draw. A level undoes its approval while the next level has not acted; a return is
 * undone while its receiver has not acted (see workflow.undoApproval).
 */
export function transitions(
  chain: readonly ReviewLevel[],
  process: Pick<ProcessDefinition, "onLate" | "returnTo">,
): Transition[] {
  const out: Transition[] = [];
  const first = chain[0]!;
  for (const from of ["DRAFT", "RETURNED"] as const)
    out.push({ from, action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: first });
  chain.forEach((level, i) => {
    const from = statusAwaiting(level, chain);
    const final = isFinal(level, chain);
    const to = approvedStatus(level, chain);
    const next = final ? null : chain[i + 1]!;
    out.push({ from, action: final ? "accept" : "approve", by: level, to, next });
    const back = returnTarget(level, chain, process.returnTo);
    out.push({ from, action: "return", by: level, to: back.status, next: back.to });
    if (!final) {
      out.push({ from: to, action: "undo", by: level, to: from, next: level });
      if (process.onLate === "PASS_THROUGH") out.push({ from, action: "pass", by: "SYSTEM", to, next });
    }
    if (back.to === "ORGANIZATION") out.push({ from: "RETURNED", action: "undo", by: level, to: from, next: level });
    else if (back.status !== from) out.push({ from: back.status, action: "undo", by: level, to: from, next: level });
  });
  return out;
}

// ───────────────────────── Days and lateness ─────────────────────────

const DAY = 24 * 60 * 60 * 1000;

/** The days `level` has under a process (the standard's when the process does not list it). */
export function daysAt(process: Pick<ProcessDefinition, "levels">, level: ReviewLevel): number {
  return (
    process.levels.find((l) => l.level === level)?.days ?? STANDARD_PROCESS.levels.find((l) => l.level === level)!.days
  );
}

export interface LateStep {
  /** The level that is late. */
  level: ReviewLevel;
  /** Who gets the escalation notice: the next level, or the late level itself when it is the last. */
  notify: ReviewLevel;
  /** The status the submission passes on to, when the process passes late levels through (never the last). */
  passTo: SubmissionStatus | null;
  dueAt: Date;
}

/**
 * What is due for a submission that has waited for its pending level since `since`: null while the level
 * is within its days (or nobody's turn), else the escalation (and the pass-through when the process has it).
 */
export function lateStep(
  process: Pick<ProcessDefinition, "levels" | "onLate">,
  chain: readonly ReviewLevel[],
  status: SubmissionStatus,
  since: Date,
  now: Date,
): LateStep | null {
  const level = pendingLevel(status, chain);
  if (!level) return null;
  const dueAt = new Date(since.getTime() + daysAt(process, level) * DAY);
  if (now.getTime() <= dueAt.getTime()) return null;
  const final = isFinal(level, chain);
  const next = final ? level : chain[chain.indexOf(level) + 1]!;
  return {
    level,
    notify: next,
    passTo: process.onLate === "PASS_THROUGH" && !final ? approvedStatus(level, chain) : null,
    dueAt,
  };
}

// ───────────────────────── A process's own rules ─────────────────────────

export type ProcessProblem = "noLevel" | "cycle" | "order" | "days";

/**
 * What is wrong with a process's levels, each under its index ("levels" for the whole): none; a level
 * listed twice (a cycle: the submission would come back to a level it left); a level below one before it
 * (the chain goes up the territory tree); days outside 1–365.
 */
export function processProblems(levels: readonly ProcessLevel[]): { index: number | null; problem: ProcessProblem }[] {
  const out: { index: number | null; problem: ProcessProblem }[] = [];
  if (levels.length === 0) out.push({ index: null, problem: "noLevel" });
  const seen = new Set<ReviewLevel>();
  levels.forEach((l, i) => {
    if (seen.has(l.level)) out.push({ index: i, problem: "cycle" });
    else if (i > 0 && RANK[l.level] < RANK[levels[i - 1]!.level]) out.push({ index: i, problem: "order" });
    seen.add(l.level);
    if (!Number.isInteger(l.days) || l.days < 1 || l.days > 365) out.push({ index: i, problem: "days" });
  });
  return out;
}
