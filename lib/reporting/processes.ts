/**
 * Reporting processes read from the database, and the reviewers' queries built from the one transition
 * table (process.ts): which process a report is handed over under, and which submissions wait for a viewer.
 */
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { SubmissionStatus } from "../generated/prisma/enums";
import { roleHas } from "../auth/permissions";
import { ROLE_SCOPE } from "../auth/roles";
import type { Viewer } from "../auth/scope";
import type { Role } from "../generated/prisma/enums";
import {
  chainOf,
  pendingLevel,
  resolveProcessId,
  STANDARD_PROCESS,
  statusAwaiting,
  type ProcessDefinition,
  type ReviewLevel,
} from "./process";

type Db = Pick<Prisma.TransactionClient, "reportingProcess" | "reportingProcessRule" | "form" | "organization">;

const TERRITORY_LEVELS = ["SETTLEMENT", "DISTRICT", "REGION", "REPUBLIC"] as const;

/** The reviewing level of a reviewer whose scope is a territory of this level. */
const LEVEL_OF_SCOPE: Partial<Record<string, ReviewLevel>> = {
  DISTRICT: "DISTRICT",
  REGION: "REGION",
  REPUBLIC: "MINISTRY",
};

/**
 * The level a role reviews at: the permission table says who reviews (`reporting.review`), the level of
 * the territory the role is assigned to says where in the reporting line. Null for a role that does not review.
 */
export function reviewLevelOf(role: Role): ReviewLevel | null {
  if (!roleHas(role, "reporting.review")) return null;
  const scope = ROLE_SCOPE[role];
  return scope.kind === "territory" && scope.level ? (LEVEL_OF_SCOPE[scope.level] ?? null) : null;
}

const processSelect = {
  id: true,
  code: true,
  onLate: true,
  returnTo: true,
  levels: { select: { level: true, days: true }, orderBy: { position: "asc" } },
} satisfies Prisma.ReportingProcessSelect;

function definition(row: Prisma.ReportingProcessGetPayload<{ select: typeof processSelect }>): ProcessDefinition {
  return {
    id: row.id,
    code: row.code,
    onLate: row.onLate,
    returnTo: row.returnTo,
    levels: row.levels.map((l) => ({ level: l.level as ReviewLevel, days: l.days })),
  };
}

/** Every process by id (a handful of rows). */
export async function loadProcesses(db: Pick<Db, "reportingProcess">): Promise<Map<string, ProcessDefinition>> {
  const rows = await db.reportingProcess.findMany({ select: processSelect });
  const out = new Map(rows.map((r) => [r.id, definition(r)]));
  if (!out.has(STANDARD_PROCESS.id)) out.set(STANDARD_PROCESS.id, STANDARD_PROCESS);
  return out;
}

/** One process (the standard one when the id is unknown). */
export async function loadProcess(db: Pick<Db, "reportingProcess">, id: string): Promise<ProcessDefinition> {
  const row = await db.reportingProcess.findUnique({ where: { id }, select: processSelect });
  return row ? definition(row) : STANDARD_PROCESS;
}

/** The process a report of `organizationId` on `formId` is handed over under now (see resolveProcessId). */
export async function processFor(db: Db, organizationId: string, formId: string): Promise<ProcessDefinition> {
  const [org, form] = await Promise.all([
    db.organization.findUnique({
      where: { id: organizationId },
      select: { kind: { select: { code: true } }, processRule: { select: { processId: true } } },
    }),
    db.form.findUnique({ where: { id: formId }, select: { processId: true } }),
  ]);
  const kindRule = org?.kind
    ? await db.reportingProcessRule.findUnique({ where: { orgKind: org.kind.code }, select: { processId: true } })
    : null;
  const id = resolveProcessId({
    organization: org?.processRule?.processId,
    kind: kindRule?.processId,
    form: form?.processId,
  });
  return loadProcess(db, id);
}

/** The chain of a submission: its process's levels above its organisation. */
export function submissionChain(
  processes: Map<string, ProcessDefinition>,
  processId: string,
  territoryLevel: string,
): ReviewLevel[] {
  return chainOf(processes.get(processId) ?? STANDARD_PROCESS, territoryLevel);
}

/**
 * Submissions waiting for the viewer: for each level the viewer reviews at (inside its territory), the
 * submissions of each process and organisation territory level whose status is the one that level acts on.
 */
export function awaitingWhere(viewer: Viewer, processes: Map<string, ProcessDefinition>): Prisma.SubmissionWhereInput {
  const or: Prisma.SubmissionWhereInput[] = [];
  for (const r of viewer.roles) {
    const level = reviewLevelOf(r.role);
    if (!level || (level !== "MINISTRY" && !r.territoryPath)) continue;
    const inside = level === "MINISTRY" ? {} : { path: { startsWith: r.territoryPath! } };
    for (const process of processes.values()) {
      const byStatus = new Map<SubmissionStatus, string[]>();
      for (const territoryLevel of TERRITORY_LEVELS) {
        const chain = chainOf(process, territoryLevel);
        if (!chain.includes(level)) continue;
        const status = statusAwaiting(level, chain);
        byStatus.set(status, [...(byStatus.get(status) ?? []), territoryLevel]);
      }
      for (const [status, levels] of byStatus)
        or.push({
          processId: process.id,
          status,
          organization: {
            territory:
              levels.length === TERRITORY_LEVELS.length ? inside : { ...inside, level: { in: levels as never } },
          },
        });
    }
  }
  return { supersededAt: null, OR: [...or, { id: { in: [] as string[] } }] };
}

/** True when the submission waits for a level the viewer reviews at (the same rule as awaitingWhere). */
export function awaits(
  viewer: Viewer,
  processes: Map<string, ProcessDefinition>,
  submission: { status: SubmissionStatus; processId: string },
  path: string,
  territoryLevel: string,
): boolean {
  const level = pendingLevel(submission.status, submissionChain(processes, submission.processId, territoryLevel));
  return level !== null && actsAt(viewer, level, path);
}

/** True when the viewer may act for `level` on an organisation at `territoryPath`. */
export function actsAt(viewer: Viewer, level: ReviewLevel, territoryPath: string): boolean {
  return viewer.roles.some(
    (r) =>
      reviewLevelOf(r.role) === level &&
      (level === "MINISTRY" || (r.territoryPath !== null && territoryPath.startsWith(r.territoryPath))),
  );
}
