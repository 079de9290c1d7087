/**
 * Stepwise submission and approval of statistical reports (R2, R4, R5).
 *
 * A submission moves up the chain of its reporting process (process.ts, the one transition table); the
 * standard process is organisation → district → region → ministry:
 *
 *   DRAFT ─submit→ SUBMITTED ─district→ APPROVED_DISTRICT ─region→ APPROVED_REGION ─ministry→ ACCEPTED
 *
 * A chain has only the process's levels above the organisation (one directly in a region skips the district
 * step; one at republic level goes straight to the ministry); the last level's approval is acceptance. The
 * process is resolved when the report is handed over and kept by the submission while it is in review.
 * The level whose turn it is may approve or return (with a reason) the submission — to the organisation, or
 * one level down when the process says so; a returned submission is edited and submitted again. A level may
 * undo its own step until the next level has acted. After acceptance, values land in the data bank
 * (DataValue); a correction is a new revision with a reason.
 *
 * Every transition runs in one transaction guarded by the submission's optimistic `version`
 * (updateMany where id + version + status): of two concurrent approvals exactly one wins, the other gets
 * AppError("conflict"). Every transition writes a SubmissionEvent, an audit entry and notifications.
 */
import "server-only";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import type { Prisma, Submission } from "../generated/prisma/client";
import type { ReportingLevel, Role, SubmissionStatus } from "../generated/prisma/enums";
import { roleHas, rolesWith } from "../auth/permissions";
import { ROLES } from "../auth/roles";
import { scopeOf, type Viewer } from "../auth/scope";
import { checkValues, definitionSchema, valueSlots, type FormDefinition } from "./definition";
import { factRows } from "./facts";
import type { ReportingNotificationKind } from "./notifications";
import { isLate } from "./deadline";
import { isObliged } from "./obligations";
import { refreshSummary } from "../databank/summary";
import { expire, TAGS } from "../cache";
import { createNotifications, type NewNotification } from "../notifications/create";
import { almatyDate } from "../time";
import {
  approvedStatus,
  chainOf,
  isFinal,
  lastApprovingLevel,
  lateStep,
  pendingLevel,
  returnTarget,
  STANDARD_PROCESS,
  statusAwaiting,
  type ProcessDefinition,
  type ReviewLevel,
} from "./process";
import { actsAt, loadProcess, loadProcesses, processFor, reviewLevelOf } from "./processes";

export { actsAt, lastApprovingLevel, pendingLevel, reviewLevelOf, statusAwaiting, type ReviewLevel };

type Tx = Prisma.TransactionClient;

/** Key under `errors.` of the detailed reason of a refused transition (shown beside the summary). */
export const WORKFLOW_FIELD = "workflow";

/** The roles that review at `level`. */
export function reviewRoles(level: ReviewLevel): Role[] {
  return ROLES.filter((role) => reviewLevelOf(role) === level);
}

/** True when the viewer reviews reports at some level (anywhere). */
function isReviewer(viewer: Viewer): boolean {
  return viewer.roles.some((r) => reviewLevelOf(r.role) !== null);
}

/** True when the viewer hands over the reports of this organisation (`reporting.submit` assigned to it). */
export function submitsFor(viewer: Viewer, organizationId: string): boolean {
  return viewer.roles.some((r) => roleHas(r.role, "reporting.submit") && r.organizationId === organizationId);
}

/** Prefixes of a materialised path: "/a/b/c/" → ["/a/", "/a/b/", "/a/b/c/"]. */
export function pathPrefixes(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join("/")}/`);
}

/** The reviewing levels a viewer may act at for an organisation (any status). */
export function viewerLevels(viewer: Viewer, territoryPath: string, chain: readonly ReviewLevel[]): ReviewLevel[] {
  return chain.filter((level) => actsAt(viewer, level, territoryPath));
}

function refuse(
  code: "forbidden" | "outOfScope" | "conflict" | "stale" | "notFound" | "validation",
  reason?: string,
  params: Record<string, string | number> = {},
): never {
  throw new AppError(code, reason ? { [WORKFLOW_FIELD]: `reportingWorkflow.${reason}` } : {}, params);
}

/**
 * Refuses an action at `level` unless the viewer acts there for the organisation: no reviewing role inside
 * the organisation's territory → outOfScope; a reviewing role there but of another level → forbidden.
 */
function requireLevel(viewer: Viewer, level: ReviewLevel, territoryPath: string, chain: readonly ReviewLevel[]) {
  if (actsAt(viewer, level, territoryPath)) return;
  if (!isReviewer(viewer)) refuse("forbidden");
  if (viewerLevels(viewer, territoryPath, chain).length === 0) refuse("outOfScope", "outOfScope");
  refuse("forbidden", `wrongLevel.${level}`);
}

/**
 * First checks of every reviewing step, in this order: a reviewer at all (forbidden), one whose territory
 * contains the organisation (outOfScope), looking at the current version (conflict: someone acted since
 * the page was loaded — the usual outcome of two simultaneous decisions on PGlite, where transactions run
 * one after another).
 */
function guardReview(
  viewer: Viewer,
  current: { version: number },
  version: number,
  path: string,
  chain: readonly ReviewLevel[],
) {
  if (!isReviewer(viewer)) refuse("forbidden");
  if (viewerLevels(viewer, path, chain).length === 0) refuse("outOfScope", "outOfScope");
  requireVersion(current, version);
}

// ───────────────────────── Loading ─────────────────────────

/** A submission with what every transition needs, read in one query. */
export interface LoadedSubmission extends Submission {
  organization: {
    id: string;
    nameKk: string;
    nameRu: string;
    nameEn: string;
    territory: { path: string; level: string };
  };
  period: {
    id: string;
    label: string;
    dueDate: Date;
    deadlineAt: Date;
    closedAt: Date | null;
    form: {
      id: string;
      code: string;
      nameKk: string;
      nameRu: string;
      nameEn: string;
      orgKinds: string[];
      formList: { year: number };
    };
  };
  formVersion: { id: string; definition: unknown; frozen: boolean; number: number };
}

type LoadedRow = Submission & {
  orgNameKk: string;
  orgNameRu: string;
  orgNameEn: string;
  territoryPath: string;
  territoryLevel: string;
  periodLabel: string;
  dueDate: Date;
  deadlineAt: Date;
  closedAt: Date | null;
  formId: string;
  formCode: string;
  formNameKk: string;
  formNameRu: string;
  formNameEn: string;
  orgKinds: string[];
  year: number;
  definition: unknown;
  frozen: boolean;
  versionNumber: number;
};

/**
 * Reads a submission with its organisation, period, form and form version in one round trip (transitions
 * are short transactions; on the embedded database every query counts), locking the row for the rest of
 * the transaction so that concurrent decisions on one submission queue up instead of racing.
 */
async function loadSubmission(tx: Tx, id: string): Promise<LoadedSubmission> {
  const rows = await tx.$queryRaw<LoadedRow[]>`
    SELECT s.*,
           o."nameKk" AS "orgNameKk", o."nameRu" AS "orgNameRu", o."nameEn" AS "orgNameEn",
           t.path AS "territoryPath", t.level::text AS "territoryLevel",
           p.label AS "periodLabel", p."dueDate", p."deadlineAt", p."closedAt", p."formId",
           f.code AS "formCode", f."nameKk" AS "formNameKk", f."nameRu" AS "formNameRu", f."nameEn" AS "formNameEn", f."orgKinds",
           fl.year, fv.definition, fv.frozen, fv.number AS "versionNumber"
    FROM "Submission" s
    JOIN "Organization" o ON o.id = s."organizationId"
    JOIN "Territory" t ON t.id = o."territoryId"
    JOIN "ReportingPeriod" p ON p.id = s."periodId"
    JOIN "Form" f ON f.id = p."formId"
    JOIN "FormList" fl ON fl.id = f."formListId"
    JOIN "FormVersion" fv ON fv.id = s."formVersionId"
    WHERE s.id = ${id}
    FOR UPDATE OF s`;
  const r = rows[0];
  if (!r) refuse("notFound");
  const submission: Submission = {
    id: r.id,
    organizationId: r.organizationId,
    periodId: r.periodId,
    formVersionId: r.formVersionId,
    processId: r.processId,
    revision: Number(r.revision),
    status: r.status,
    values: r.values,
    comments: r.comments,
    submittedAt: r.submittedAt,
    submittedById: r.submittedById,
    late: r.late,
    corrected: r.corrected,
    correctionReason: r.correctionReason,
    returnReason: r.returnReason,
    prefill: r.prefill,
    supersededAt: r.supersededAt,
    version: Number(r.version),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
  return {
    ...submission,
    organization: {
      id: r.organizationId,
      nameKk: r.orgNameKk,
      nameRu: r.orgNameRu,
      nameEn: r.orgNameEn,
      territory: { path: r.territoryPath, level: r.territoryLevel },
    },
    period: {
      id: r.periodId,
      label: r.periodLabel,
      dueDate: r.dueDate,
      deadlineAt: r.deadlineAt,
      closedAt: r.closedAt,
      form: {
        id: r.formId,
        code: r.formCode,
        nameKk: r.formNameKk,
        nameRu: r.formNameRu,
        nameEn: r.formNameEn,
        orgKinds: r.orgKinds ?? [],
        formList: { year: Number(r.year) },
      },
    },
    formVersion: { id: r.formVersionId, definition: r.definition, frozen: r.frozen, number: Number(r.versionNumber) },
  };
}

/**
 * Approval chain of an organisation under the standard process, from its territory's level. Territory
 * levels nest strictly (a settlement lies in a district, a district in a region, a region in the republic),
 * so the level alone tells which reviewing levels lie above (see process.chainOf for any process).
 */
export function chainFor(territoryLevel: string, process: Pick<ProcessDefinition, "levels"> = STANDARD_PROCESS) {
  return chainOf(process, territoryLevel);
}

function dateOnly(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Parsed definitions of frozen form versions (immutable once frozen), so each is checked once per process. */
const frozenDefinitions = new Map<string, FormDefinition>();

/** The parsed definition of a frozen form version when this process has it (see definitionOf). */
export function frozenDefinition(versionId: string): FormDefinition | undefined {
  return frozenDefinitions.get(versionId);
}

/** The parsed definition of a version row; a frozen one is parsed once per process and kept. */
export function definitionOf(version: { id: string; definition: unknown; frozen: boolean }): FormDefinition {
  const cached = version.frozen ? frozenDefinitions.get(version.id) : undefined;
  if (cached) return cached;
  const def = definitionSchema.parse(version.definition);
  if (version.frozen) {
    if (frozenDefinitions.size >= 500) frozenDefinitions.clear();
    frozenDefinitions.set(version.id, def);
  }
  return def;
}

/** Guarded update: applies only when the submission still has the version and status read. */
async function advance(
  tx: Tx,
  current: { id: string; version: number; status: SubmissionStatus },
  data: Prisma.SubmissionUncheckedUpdateInput,
): Promise<Submission> {
  try {
    return await tx.submission.update({
      where: { id: current.id, version: current.version, status: current.status, supersededAt: null },
      data: { ...data, version: { increment: 1 } },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2025") refuse("conflict", "concurrent");
    throw error;
  }
}

function requireVersion(current: { version: number }, version: number) {
  if (current.version !== version) refuse("conflict", "changed");
}

// ───────────────────────── Notifications ─────────────────────────

export type WorkflowNotificationKind = Extract<
  ReportingNotificationKind,
  | "reporting_submitted"
  | "reporting_approved"
  | "reporting_returned"
  | "reporting_accepted"
  | "reporting_undone"
  | "reporting_correction"
>;

/**
 * Active users who act at `level` for an organisation: those handing over its reports, or those reviewing at
 * that level on a territory containing it.
 */
async function usersAt(
  tx: Tx,
  level: ReviewLevel | "ORGANIZATION",
  organizationId: string,
  territoryPath: string,
): Promise<string[]> {
  const role = { in: level === "ORGANIZATION" ? [...rolesWith("reporting.submit")] : reviewRoles(level) };
  const users = await tx.user.findMany({
    where: {
      active: true,
      roles: {
        some:
          level === "ORGANIZATION"
            ? { role, organizationId }
            : level === "MINISTRY"
              ? { role }
              : { role, territory: { path: { in: pathPrefixes(territoryPath) } } },
      },
    },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

async function notify(
  tx: Tx,
  userIds: string[],
  submission: LoadedSubmission,
  kind: WorkflowNotificationKind,
  extra: Record<string, string | number | null> = {},
) {
  if (userIds.length === 0) return;
  const org = submission.organization;
  const payload = {
    submissionId: submission.id,
    periodId: submission.periodId,
    formCode: submission.period.form.code,
    periodLabel: submission.period.label,
    organizationNameKk: org.nameKk,
    organizationNameRu: org.nameRu,
    organizationNameEn: org.nameEn,
    ...extra,
  };
  await createNotifications(
    tx,
    [...new Set(userIds)].map((userId) => ({ userId, organizationId: org.id, kind, payload })),
  );
}

async function event(
  tx: Tx,
  submission: { id: string; organizationId: string },
  action: string,
  level: ReportingLevel,
  actorId: string | null,
  reason?: string | null,
) {
  await tx.submissionEvent.create({
    data: {
      submissionId: submission.id,
      organizationId: submission.organizationId,
      action,
      level,
      actorId,
      reason: reason ?? null,
    },
  });
}

async function audit(tx: Tx, viewer: Pick<Viewer, "userId"> | null, before: Submission, after: Submission) {
  const pick = (s: Submission) => ({
    status: s.status,
    revision: s.revision,
    late: s.late,
    returnReason: s.returnReason,
    correctionReason: s.correctionReason,
  });
  await recordAudit(tx, {
    actorId: viewer?.userId ?? null,
    action: "update",
    entity: "Submission",
    entityId: after.id,
    before: pick(before),
    after: pick(after),
  });
}

function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 30_000, maxWait: 30_000 });
}

// ───────────────────────── Submit ─────────────────────────

/** Allowed codes per classifier used by choice fields of a definition. */
async function choicesFor(tx: Tx, def: FormDefinition): Promise<Record<string, string[]>> {
  const codes = [
    ...new Set(valueSlots(def).flatMap((s) => (s.type === "choice" && s.classifier ? [s.classifier] : []))),
  ];
  if (codes.length === 0) return {};
  const items = await tx.classifierItem.findMany({
    where: { classifier: { code: { in: codes } } },
    select: { code: true, classifier: { select: { code: true } } },
  });
  const out: Record<string, string[]> = Object.fromEntries(codes.map((c) => [c, [] as string[]]));
  for (const item of items) out[item.classifier.code]!.push(item.code);
  return out;
}

/**
 * The organisation hands over its report (R4): checks values and rules in submit mode, records who and
 * when, whether it is late, freezes the form version, and hands it to the first reviewing level.
 */
export async function submitSubmission(
  viewer: Viewer,
  input: { submissionId: string; version: number; comments: Record<string, string> },
): Promise<Submission> {
  return transaction(async (tx) => {
    const current = await loadSubmission(tx, input.submissionId);
    if (!submitsFor(viewer, current.organizationId)) refuse("forbidden", "notOrgAdmin");
    const form = current.period.form;
    if (!(await isObliged(current.organizationId, form, tx))) refuse("forbidden", "notObliged");
    if (current.supersededAt) refuse("conflict", "superseded");
    if (current.status !== "DRAFT" && current.status !== "RETURNED") refuse("conflict", "alreadySubmitted");
    if (current.period.closedAt && !current.corrected) refuse("conflict", "periodClosed");
    requireVersion(current, input.version);

    const def = definitionOf(current.formVersion);
    const comments = Object.fromEntries(
      Object.entries(input.comments)
        .map(([k, v]) => [k, String(v).trim()])
        .filter(([, v]) => v),
    );
    const checked = checkValues(def, (current.values ?? {}) as Record<string, unknown>, {
      mode: "submit",
      comments,
      choices: await choicesFor(tx, def),
    });
    if (!checked.submittable) {
      const fieldErrors: Record<string, string> = {};
      const params: Record<string, string | number> = {};
      for (const p of checked.problems) {
        fieldErrors[p.key] ??= p.code;
        Object.assign(params, p.params ?? {});
      }
      for (const r of checked.rules) {
        if (r.severity === "error" && r.passed === false)
          fieldErrors[`rule.${r.index}`] = "reportingWorkflow.ruleFailed";
        else if (r.needsComment) fieldErrors[`rule.${r.index}`] = "reportingWorkflow.commentRequired";
      }
      fieldErrors[WORKFLOW_FIELD] = "reportingWorkflow.notSubmittable";
      throw new AppError("validation", fieldErrors, params);
    }

    const now = new Date();
    // A correction keeps the timeliness of the revision it corrects; otherwise the date of handing over decides.
    let late = isLate(now, dateOnly(current.period.dueDate));
    if (current.corrected) {
      const previous = await tx.submission.findFirst({
        where: { organizationId: current.organizationId, periodId: current.periodId, revision: current.revision - 1 },
        select: { late: true },
      });
      late = previous?.late ?? late;
    }
    const resubmit = current.status === "RETURNED";
    // The process is decided now (the organisation's, its kind's, its form's or the standard one) and kept.
    const process = await processFor(tx, current.organizationId, form.id);
    const after = await advance(tx, current, {
      status: "SUBMITTED",
      processId: process.id,
      values: checked.values as Prisma.InputJsonValue,
      comments: comments as Prisma.InputJsonValue,
      submittedAt: now,
      submittedById: viewer.userId,
      late,
      returnReason: null,
    });
    if (!current.formVersion.frozen)
      await tx.formVersion.update({ where: { id: current.formVersion.id }, data: { frozen: true } });
    await event(tx, current, resubmit ? "resubmit" : "submit", "ORGANIZATION", viewer.userId);
    await audit(tx, viewer, current, after);
    const chain = chainOf(process, current.organization.territory.level);
    await notify(
      tx,
      await usersAt(tx, chain[0]!, current.organizationId, current.organization.territory.path),
      current,
      "reporting_submitted",
      { late: late ? 1 : 0 },
    );
    return after;
  });
}

// ───────────────────────── Review ─────────────────────────

async function accept(tx: Tx, viewer: Viewer, current: LoadedSubmission, level: ReviewLevel): Promise<Submission> {
  const after = await advance(tx, current, { status: "ACCEPTED", returnReason: null });
  const def = definitionOf(current.formVersion);
  const rows = factRows(def, (current.values ?? {}) as Record<string, unknown>);
  // The accepted revision replaces any earlier revision's facts for this organisation and period.
  await tx.dataValue.deleteMany({ where: { organizationId: current.organizationId, periodId: current.periodId } });
  if (rows.length) {
    await tx.dataValue.createMany({
      data: rows.map((r) => ({
        organizationId: current.organizationId,
        periodId: current.periodId,
        submissionId: current.id,
        year: current.period.form.formList.year,
        formCode: current.period.form.code,
        indicator: r.indicator,
        rowKey: r.rowKey,
        value: r.value,
      })),
    });
  }
  // The public summary of the year follows in the same transaction (the organisation's region, then the republic).
  await refreshSummary(
    tx,
    current.period.form.formList.year,
    current.organization.territory.path.split("/").filter(Boolean)[1],
  );
  await event(tx, current, "accept", level, viewer.userId);
  await audit(tx, viewer, current, after);
  await notify(
    tx,
    await usersAt(tx, "ORGANIZATION", current.organizationId, current.organization.territory.path),
    current,
    "reporting_accepted",
  );
  return after;
}

/**
 * A reviewing level's transition: in one transaction, the submission is loaded and the viewer's session,
 * scope and the submission's version are checked before `step` runs with its territory path and chain.
 */
function reviewStep<T>(
  viewer: Viewer,
  input: { submissionId: string; version: number },
  step: (
    tx: Tx,
    current: LoadedSubmission,
    path: string,
    chain: readonly ReviewLevel[],
    process: ProcessDefinition,
  ) => Promise<T>,
): Promise<T> {
  return transaction(async (tx) => {
    const current = await loadSubmission(tx, input.submissionId);
    const path = current.organization.territory.path;
    const process = await loadProcess(tx, current.processId);
    const chain = chainOf(process, current.organization.territory.level);
    guardReview(viewer, current, input.version, path, chain);
    return step(tx, current, path, chain, process);
  });
}

/**
 * The level whose turn it is approves: the submission goes up to the next level. At the last level's turn
 * approval is acceptance (see acceptSubmission).
 */
export async function approveSubmission(
  viewer: Viewer,
  input: { submissionId: string; version: number },
): Promise<Submission> {
  const result = await reviewStep(viewer, input, async (tx, current, path, chain) => {
    const level = pendingLevel(current.status, chain);
    if (!level) refuse("conflict", `notAwaiting.${current.status}`);
    requireLevel(viewer, level, path, chain);
    if (isFinal(level, chain)) return accept(tx, viewer, current, level);
    const after = await advance(tx, current, { status: approvedStatus(level, chain) });
    await event(tx, current, "approve", level, viewer.userId);
    await audit(tx, viewer, current, after);
    const next = chain[chain.indexOf(level) + 1]!;
    await notify(tx, await usersAt(tx, next, current.organizationId, path), current, "reporting_submitted", {
      approvedBy: level,
    });
    await notify(tx, await usersAt(tx, "ORGANIZATION", current.organizationId, path), current, "reporting_approved", {
      level,
    });
    return after;
  });
  if (result.status === "ACCEPTED") expire(TAGS.databank);
  return result;
}

/** The chain's last level (the ministry in the standard process) accepts: its values land in the data bank. */
export async function acceptSubmission(
  viewer: Viewer,
  input: { submissionId: string; version: number },
): Promise<Submission> {
  const result = await reviewStep(viewer, input, async (tx, current, path, chain) => {
    const last = chain.at(-1)!;
    requireLevel(viewer, last, path, chain);
    if (pendingLevel(current.status, chain) !== last) refuse("conflict", `notAwaiting.${current.status}`);
    return accept(tx, viewer, current, last);
  });
  if (result.status === "ACCEPTED") expire(TAGS.databank);
  return result;
}

/**
 * The level whose turn it is returns the submission with a reason: to the organisation, or to the level
 * below it when the process returns one level down (the first level always returns to the organisation).
 */
export async function returnSubmission(
  viewer: Viewer,
  input: { submissionId: string; version: number; reason: string },
): Promise<Submission> {
  const reason = input.reason?.trim() ?? "";
  if (!reason) throw new AppError("validation", { reason: "reportingWorkflow.reasonRequired" });
  return reviewStep(viewer, input, async (tx, current, path, chain, process) => {
    const level = pendingLevel(current.status, chain);
    if (!level) refuse("conflict", `notAwaiting.${current.status}`);
    requireLevel(viewer, level, path, chain);
    const target = returnTarget(level, chain, process.returnTo);
    const after = await advance(tx, current, { status: target.status, returnReason: reason });
    await event(tx, current, "return", level, viewer.userId, reason);
    await audit(tx, viewer, current, after);
    const recipients = await usersAt(tx, target.to, current.organizationId, path);
    await notify(tx, recipients, current, "reporting_returned", { level, reason });
    return after;
  });
}

/**
 * A level takes back its own step (an approval, or a return the organisation has not yet answered) while
 * the next level has not acted. Acceptance is not undone: a correction is the way after it.
 */
export async function undoApproval(
  viewer: Viewer,
  input: { submissionId: string; version: number },
): Promise<Submission> {
  return reviewStep(viewer, input, async (tx, current, path, chain) => {
    let level: ReviewLevel | null = null;
    if (current.status !== "ACCEPTED") {
      const last = await tx.submissionEvent.findFirst({
        where: { submissionId: current.id },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      });
      level = undoLevel(current.status, chain, last);
    }
    if (!level) refuse("conflict", current.status === "ACCEPTED" ? "acceptedFinal" : "nothingToUndo");
    // Another level: the one above has already acted, or the step is not this viewer's.
    if (!actsAt(viewer, level, path)) refuse("forbidden", "notYourStep");
    // Back to the status the level acted on: its approval or return is taken back.
    const restored = statusAwaiting(level, chain);
    const after = await advance(tx, current, { status: restored, returnReason: null });
    await event(tx, current, "undo", level, viewer.userId);
    await audit(tx, viewer, current, after);
    await notify(tx, await usersAt(tx, "ORGANIZATION", current.organizationId, path), current, "reporting_undone", {
      level,
    });
    return after;
  });
}

// ───────────────────────── Late levels ─────────────────────────

const IN_REVIEW: SubmissionStatus[] = ["SUBMITTED", "APPROVED_DISTRICT", "APPROVED_REGION"];
const DAY = 24 * 60 * 60 * 1000;

/**
 * Late review levels: submissions waiting at a level longer than their process gives that level are
 * escalated to the next level (the level itself when it is the last) as one daily notice per reviewer,
 * period and late level with the count; under a pass-through process each then moves on to the next level
 * as if approved (an event "pass" without an actor, guarded by the version read; never accepted this
 * way). Idempotent: the notices have a dedupe key of the day. Run by the reminders job.
 */
export async function escalateLate(now: Date = new Date()): Promise<{ notified: number; passed: number }> {
  const processes = await loadProcesses(prisma);
  const shortest = Math.min(...[...processes.values()].flatMap((p) => p.levels.map((l) => l.days)));
  const [waiting, reviewers] = await Promise.all([
    prisma.submission.findMany({
      where: {
        supersededAt: null,
        status: { in: IN_REVIEW },
        period: { closedAt: null },
        updatedAt: { lt: new Date(now.getTime() - shortest * DAY) },
      },
      select: {
        id: true,
        status: true,
        processId: true,
        version: true,
        period: { select: { id: true, label: true, form: { select: { code: true } } } },
        organization: { select: { territory: { select: { path: true, level: true } } } },
        events: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { at: true } },
      },
    }),
    prisma.roleAssignment.findMany({
      where: { role: { in: ROLES.filter((r) => reviewLevelOf(r) !== null) }, user: { active: true } },
      select: { userId: true, role: true, territory: { select: { path: true } } },
    }),
  ]);
  const day = almatyDate(now);
  const digests = new Map<string, NewNotification & { payload: Record<string, string | number> }>();
  const passes: {
    id: string;
    version: number;
    status: SubmissionStatus;
    step: NonNullable<ReturnType<typeof lateStep>>;
  }[] = [];
  for (const w of waiting) {
    const process = processes.get(w.processId) ?? STANDARD_PROCESS;
    const territory = w.organization.territory;
    const step = lateStep(process, chainOf(process, territory.level), w.status, w.events[0]?.at ?? now, now);
    if (!step) continue;
    for (const r of reviewers) {
      if (reviewLevelOf(r.role) !== step.notify) continue;
      if (step.notify !== "MINISTRY" && !(r.territory && territory.path.startsWith(r.territory.path))) continue;
      const key = `escalated:${w.period.id}:${step.level}:${r.userId}:${day}`;
      const digest = digests.get(key) ?? {
        userId: r.userId,
        kind: "reporting_escalated" as const,
        dedupeKey: key,
        payload: {
          periodId: w.period.id,
          periodLabel: w.period.label,
          formCode: w.period.form.code,
          level: step.level,
          count: 0,
        },
      };
      digest.payload.count = Number(digest.payload.count) + 1;
      digests.set(key, digest);
    }
    if (step.passTo) passes.push({ id: w.id, version: w.version, status: w.status, step });
  }
  const rows = [...digests.values()];
  let notified = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    notified += await prisma.$transaction((tx) => createNotifications(tx, batch));
  }
  let passed = 0;
  for (const w of passes) {
    await transaction(async (tx) => {
      const current = await loadSubmission(tx, w.id);
      if (current.version !== w.version || current.status !== w.status || current.supersededAt) return;
      const path = current.organization.territory.path;
      const after = await advance(tx, current, { status: w.step.passTo! });
      await event(tx, current, "pass", w.step.level, null);
      await audit(tx, null, current, after);
      await notify(tx, await usersAt(tx, w.step.notify, current.organizationId, path), current, "reporting_submitted", {
        approvedBy: w.step.level,
      });
      passed++;
    });
  }
  return { notified, passed };
}

// ───────────────────────── Correction ─────────────────────────

/**
 * A correction of accepted data (R5 "distorted data"): a new revision as a draft with the same values and
 * a mandatory reason, flagged as corrected; the accepted revision is kept, marked superseded. Started by
 * the organisation's administrator or by the ministry.
 */
export async function startCorrection(
  viewer: Viewer,
  input: { submissionId: string; reason: string },
): Promise<Submission> {
  const reason = input.reason?.trim() ?? "";
  if (!reason) throw new AppError("validation", { reason: "reportingWorkflow.reasonRequired" });
  return transaction(async (tx) => {
    const current = await loadSubmission(tx, input.submissionId);
    const path = current.organization.territory.path;
    const orgAdmin = submitsFor(viewer, current.organizationId);
    if (!orgAdmin && !actsAt(viewer, "MINISTRY", path)) {
      const chain = chainOf(await loadProcess(tx, current.processId), current.organization.territory.level);
      if (viewerLevels(viewer, path, chain).length === 0 && !scopeOf(viewer, "reporting.submit")) refuse("forbidden");
      refuse(viewerLevels(viewer, path, chain).length ? "forbidden" : "outOfScope", "correctionNotAllowed");
    }
    if (current.status !== "ACCEPTED" || current.supersededAt) refuse("conflict", "correctionNeedsAccepted");
    const now = new Date();
    const superseded = await tx.submission.updateMany({
      where: { id: current.id, status: "ACCEPTED", supersededAt: null, version: current.version },
      data: { supersededAt: now, version: { increment: 1 } },
    });
    if (superseded.count === 0) refuse("conflict", "concurrent");
    const created = await tx.submission.create({
      data: {
        organizationId: current.organizationId,
        periodId: current.periodId,
        formVersionId: current.formVersionId,
        revision: current.revision + 1,
        status: "DRAFT",
        values: current.values as Prisma.InputJsonValue,
        comments: current.comments as Prisma.InputJsonValue,
        corrected: true,
        correctionReason: reason,
        late: current.late,
      },
    });
    await event(tx, created, "correction", orgAdmin ? "ORGANIZATION" : "MINISTRY", viewer.userId, reason);
    await event(tx, current, "superseded", orgAdmin ? "ORGANIZATION" : "MINISTRY", viewer.userId, reason);
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Submission",
      entityId: created.id,
      after: { revision: created.revision, corrected: true, correctionReason: reason, previous: current.id },
    });
    const recipients = [
      ...(await usersAt(tx, "ORGANIZATION", current.organizationId, path)),
      ...(await usersAt(tx, "MINISTRY", current.organizationId, path)),
    ].filter((id) => id !== viewer.userId);
    await notify(tx, recipients, { ...current, id: created.id }, "reporting_correction", {
      reason,
      revision: created.revision,
    });
    return created;
  });
}

// ───────────────────────── What a viewer may do ─────────────────────────

/**
 * The level that may take back the last step: the level of a return the receiver has not answered (the
 * submission is RETURNED, or waits again for the level below), else the level whose approval brought it here.
 */
export function undoLevel(
  status: SubmissionStatus,
  chain: readonly ReviewLevel[],
  lastEvent: { action: string; level: ReportingLevel } | null,
): ReviewLevel | null {
  if (status === "ACCEPTED") return null;
  if (lastEvent?.action === "return" && lastEvent.level !== "ORGANIZATION") {
    const level = lastEvent.level;
    const below = chain[chain.indexOf(level) - 1];
    if (status === "RETURNED" || (below && status === statusAwaiting(below, chain))) return level;
  }
  if (status === "RETURNED") return null;
  return lastApprovingLevel(status, chain);
}

export interface AllowedActions {
  approve: boolean;
  accept: boolean;
  return: boolean;
  undo: boolean;
  correct: boolean;
  /** The level whose turn it is, when any. */
  pending: ReviewLevel | null;
  chain: ReviewLevel[];
}

/** The transitions the viewer may attempt on a loaded submission (the services re-check everything). */
export function allowedActions(
  viewer: Viewer,
  submission: { status: SubmissionStatus; supersededAt: Date | null; organizationId: string },
  territoryPath: string,
  chain: ReviewLevel[],
  lastEvent: { action: string; level: ReportingLevel } | null,
): AllowedActions {
  const current = !submission.supersededAt;
  const pending = current ? pendingLevel(submission.status, chain) : null;
  const mine = pending !== null && actsAt(viewer, pending, territoryPath);
  const undoing = current && submission.status !== "ACCEPTED" ? undoLevel(submission.status, chain, lastEvent) : null;
  const orgAdmin = submitsFor(viewer, submission.organizationId);
  const final = pending !== null && isFinal(pending, chain);
  return {
    approve: mine && !final,
    accept: mine && final,
    return: mine,
    undo: undoing !== null && actsAt(viewer, undoing, territoryPath),
    correct: current && submission.status === "ACCEPTED" && (orgAdmin || actsAt(viewer, "MINISTRY", territoryPath)),
    pending,
    chain,
  };
}
