/**
 * Handing over a complete report in one step, inside the caller's transaction: the path of data packages
 * (R34), where the values arrive whole and signed instead of being typed into the report page.
 *
 * It applies the same rules as opening the report (loadEntry), saving the draft (saveDraft) and handing it
 * over (submitEntry → submitSubmission) one after another, and leaves the same records (the submission,
 * its event, the audit entry, the notifications of the first reviewing level, the frozen form version),
 * but reads everything it needs in one query and writes in the caller's transaction, so that a package is
 * one short transaction: on the embedded database every query and transaction counts.
 *
 * Nothing is written unless the report is handed over; a refusal is an AppError of the workflow's codes
 * or the failed checks (for the receipt's reasons).
 */
import "server-only";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { SubmissionStatus } from "../generated/prisma/enums";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { checkValues, definitionSchema, type CheckResult, type FormDefinition } from "./definition";
import { choiceCodes } from "./entry";
import { isLate } from "./deadline";
import { audit, definitionOf, event, frozenDefinition, notify } from "./workflow";

type Tx = Prisma.TransactionClient;

export interface HandOverInput {
  organizationId: string;
  /** The user the submission is recorded for; null: the organisation's first administrator. */
  actorId: string | null;
  /** Display name and login of the acting viewer (audit). */
  login: string;
  displayName: string;
  form: string;
  year: number;
  period: string;
  values: Record<string, unknown>;
  comments: Record<string, string>;
  /** Extra lookup done in the same query: a data package stored under this id (replays). */
  packageId?: string;
  now?: Date;
}

export type HandOverOutcome =
  /** A data package is stored under `packageId` already: nothing was looked at further. */
  | { kind: "replay" }
  /** Handed over: a new submission (or a draft or returned one) is now SUBMITTED. */
  | { kind: "submitted"; submissionId: string }
  /** No period of that label for the form and year. */
  | { kind: "periodUnknown" }
  /** Nobody administers the organisation: nobody to record the submission for. */
  | { kind: "noActor" }
  /** Refused by the workflow (not published, not obliged, not editable, stale…). */
  | { kind: "refused"; error: AppError }
  /** The values or rules do not pass the checks of handing over. */
  | { kind: "invalid"; checked: CheckResult };

export interface HandOverResult {
  outcome: HandOverOutcome;
  /** Years to keep a data package of the form (5 when the period is unknown). */
  retentionYears: number;
  /** The data package stored earlier under `packageId`, when one is. */
  earlierPackage: { sha256: string; receipt: unknown } | null;
}

const DEFAULT_RETENTION_YEARS = 5;

interface ContextRow {
  earlierSha256: string | null;
  earlierReceipt: unknown;
  periodId: string | null;
  dueDate: Date | null;
  closedAt: Date | null;
  formId: string | null;
  formCode: string | null;
  retentionYears: number | null;
  listStatus: string | null;
  periodLabel: string | null;
  orgId: string | null;
  orgNameKk: string | null;
  orgNameRu: string | null;
  orgNameEn: string | null;
  territoryPath: string | null;
  territoryLevel: string | null;
  obliged: boolean | null;
  actorId: string | null;
  recipients: string[] | null;
  sId: string | null;
  sStatus: SubmissionStatus | null;
  sVersion: number | null;
  sRevision: number | null;
  sCorrected: boolean | null;
  sLate: boolean | null;
  sReturnReason: string | null;
  sCorrectionReason: string | null;
  vId: string | null;
  vFrozen: boolean | null;
  vDefinition: unknown;
}

/**
 * Everything the hand-over needs, in one round trip: the earlier package of the id, the period with its
 * form and list, the organisation with its territory and obligation, the acting user, the users of the
 * first reviewing level (notified), the current submission and the form version the report is filled in
 * (its definition only when not frozen — frozen ones are immutable and kept in memory).
 */
async function readContext(tx: Tx, input: HandOverInput): Promise<ContextRow> {
  const rows = await tx.$queryRaw<ContextRow[]>`
    SELECT dp.sha256 AS "earlierSha256", dp.receipt AS "earlierReceipt",
           c."periodId", c."dueDate", c."closedAt", c."formId", c."formCode", c."retentionYears", c."listStatus", c."periodLabel",
           c."orgId", c."orgNameKk", c."orgNameRu", c."orgNameEn", c."territoryPath", c."territoryLevel", c.obliged, c."actorId", c.recipients,
           c."sId", c."sStatus", c."sVersion", c."sRevision", c."sCorrected", c."sLate", c."sReturnReason", c."sCorrectionReason",
           c."vId", c."vFrozen", c."vDefinition"
    FROM (SELECT 1) AS one
    LEFT JOIN "DataPackage" dp ON dp.id = ${input.packageId ?? ""}
    LEFT JOIN LATERAL (
      SELECT p.id AS "periodId", p."dueDate", p."closedAt", p.label AS "periodLabel", f.id AS "formId", f.code AS "formCode", f."retentionYears", fl.status::text AS "listStatus",
             o.id AS "orgId", o."nameKk" AS "orgNameKk", o."nameRu" AS "orgNameRu", o."nameEn" AS "orgNameEn",
             t.path AS "territoryPath", t.level::text AS "territoryLevel",
             (o.status::text = 'ACTIVE' AND (k.code = ANY(f."orgKinds")
               OR EXISTS (SELECT 1 FROM "FormAddressee" a WHERE a."formId" = f.id AND a."organizationId" = o.id))) AS obliged,
             COALESCE(${input.actorId}::text,
               (SELECT ra."userId" FROM "RoleAssignment" ra WHERE ra."organizationId" = o.id AND ra.role::text = 'ORG_ADMIN' LIMIT 1)) AS "actorId",
             ARRAY(
               SELECT DISTINCT u.id FROM "User" u
               JOIN "RoleAssignment" ra ON ra."userId" = u.id
               LEFT JOIN "Territory" rt ON rt.id = ra."territoryId"
               WHERE u.active
                 AND ra.role::text = CASE WHEN t.level::text IN ('DISTRICT', 'SETTLEMENT') THEN 'DISTRICT_ADMIN' WHEN t.level::text = 'REGION' THEN 'REGION_ADMIN' ELSE 'MINISTRY_ADMIN' END
                 AND (ra.role::text = 'MINISTRY_ADMIN' OR (rt.path IS NOT NULL AND left(t.path, length(rt.path)) = rt.path))
             ) AS recipients,
             s.id AS "sId", s.status AS "sStatus", s.version AS "sVersion", s.revision AS "sRevision", s.corrected AS "sCorrected", s.late AS "sLate",
             s."returnReason" AS "sReturnReason", s."correctionReason" AS "sCorrectionReason",
             v.id AS "vId", v.frozen AS "vFrozen", CASE WHEN v.frozen THEN NULL ELSE v.definition END AS "vDefinition"
      FROM "ReportingPeriod" p
      JOIN "Form" f ON f.id = p."formId"
      JOIN "FormList" fl ON fl.id = f."formListId"
      JOIN "Organization" o ON o.id = ${input.organizationId}
      JOIN "Territory" t ON t.id = o."territoryId"
      JOIN "ClassifierItem" k ON k.id = o."kindId"
      LEFT JOIN LATERAL (
        SELECT * FROM "Submission" s0
        WHERE s0."organizationId" = o.id AND s0."periodId" = p.id AND s0."supersededAt" IS NULL
        ORDER BY s0.revision DESC LIMIT 1
      ) s ON true
      LEFT JOIN "FormVersion" v ON v.id = CASE
        WHEN s.id IS NOT NULL AND (s.status::text <> 'DRAFT' OR s.corrected) THEN s."formVersionId"
        ELSE (SELECT fv.id FROM "FormVersion" fv WHERE fv."formId" = f.id ORDER BY fv.number DESC LIMIT 1)
      END
      WHERE p.label = ${input.period} AND f.code = ${input.form} AND fl.year = ${input.year}
      LIMIT 1
    ) c ON true`;
  return rows[0]!;
}

/** The definition of the version read: from memory when frozen and known, else parsed (and kept when frozen). */
async function definitionFor(tx: Tx, row: ContextRow): Promise<FormDefinition> {
  if (!row.vFrozen) return definitionSchema.parse(row.vDefinition);
  const known = frozenDefinition(row.vId!);
  if (known) return known;
  const version = await tx.formVersion.findUniqueOrThrow({ where: { id: row.vId! }, select: { id: true, definition: true, frozen: true } });
  return definitionOf(version);
}

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Hands over the report of `input.organizationId` for the period with the given values and comments, in
 * `tx`. See the module comment; the caller owns the transaction (and stores its own records beside it).
 */
export async function handOver(tx: Tx, input: HandOverInput): Promise<HandOverResult> {
  const row = await readContext(tx, input);
  const earlierPackage = row.earlierSha256 ? { sha256: row.earlierSha256, receipt: row.earlierReceipt } : null;
  const result = (outcome: HandOverOutcome): HandOverResult => ({ outcome, retentionYears: row.retentionYears ?? DEFAULT_RETENTION_YEARS, earlierPackage });
  if (earlierPackage) return result({ kind: "replay" });
  if (!row.periodId) return result({ kind: "periodUnknown" });
  if (!row.actorId) return result({ kind: "noActor" });
  const viewer: Viewer = {
    userId: row.actorId,
    login: input.login,
    displayName: input.displayName,
    roles: [{ role: "ORG_ADMIN", organizationId: input.organizationId, territoryId: null, territoryPath: row.territoryPath }],
  };
  try {
    // ── The checks of opening the report (loadEntry). ──
    authorizeViewer(viewer, "reporting.submit");
    if (row.listStatus !== "PUBLISHED" || !row.orgId) throw new AppError("notFound");
    if (!row.obliged) throw new AppError("forbidden", { periodId: "reporting.notObliged" });
    if (!row.vId) throw new AppError("notFound");
    const open = !row.closedAt || Boolean(row.sCorrected);
    const editable = open && (!row.sId || row.sStatus === "DRAFT" || row.sStatus === "RETURNED");
    if (!editable) throw new AppError("conflict", { periodId: row.closedAt ? "reporting.periodClosed" : "reporting.notEditable" });

    // ── The checks of handing over, on the values as sent. ──
    const def = await definitionFor(tx, row);
    const comments = Object.fromEntries(Object.entries(input.comments).map(([k, v]) => [k, String(v ?? "").trim()]).filter(([, v]) => v));
    const checked = checkValues(def, input.values, { mode: "submit", comments, choices: await choiceCodes(def, tx) });
    if (!checked.submittable) return result({ kind: "invalid", checked });

    // ── The hand-over: the draft and its submission written at once. ──
    const now = input.now ?? new Date();
    let late = isLate(now, dateOnly(row.dueDate!));
    if (row.sCorrected) {
      const previous = await tx.submission.findFirst({
        where: { organizationId: input.organizationId, periodId: row.periodId, revision: Number(row.sRevision) - 1 },
        select: { late: true },
      });
      late = previous?.late ?? late;
    }
    const handed = {
      status: "SUBMITTED" as const,
      values: checked.values as Prisma.InputJsonValue,
      comments: comments as Prisma.InputJsonValue,
      formVersionId: row.vId,
      submittedAt: now,
      submittedById: row.actorId,
      late,
      returnReason: null,
    };
    let submissionId: string;
    let before: { id: string; status: SubmissionStatus; revision: number; late: boolean; returnReason: string | null; correctionReason: string | null };
    if (!row.sId) {
      // A first save creates the draft at version 1 and handing it over makes it 2, as on the report page.
      const created = await tx.submission.create({
        data: { organizationId: input.organizationId, periodId: row.periodId, ...handed, version: 2 },
        select: { id: true },
      });
      submissionId = created.id;
      before = { id: created.id, status: "DRAFT", revision: 1, late: false, returnReason: null, correctionReason: null };
    } else {
      const updated = await tx.submission.updateMany({
        where: { id: row.sId, version: Number(row.sVersion), status: row.sStatus!, supersededAt: null },
        data: { ...handed, version: { increment: 2 } },
      });
      if (updated.count === 0) throw new AppError("stale");
      submissionId = row.sId;
      before = { id: row.sId, status: row.sStatus!, revision: Number(row.sRevision), late: Boolean(row.sLate), returnReason: row.sReturnReason, correctionReason: row.sCorrectionReason };
    }
    if (!row.vFrozen) await tx.formVersion.update({ where: { id: row.vId }, data: { frozen: true } });
    const after = { ...before, status: "SUBMITTED" as const, late, returnReason: null };
    await event(tx, { id: submissionId, organizationId: input.organizationId }, before.status === "RETURNED" ? "resubmit" : "submit", "ORGANIZATION", row.actorId);
    await audit(tx, viewer, before, after);
    await notify(
      tx,
      row.recipients ?? [],
      {
        id: submissionId,
        periodId: row.periodId,
        organization: { id: input.organizationId, nameKk: row.orgNameKk!, nameRu: row.orgNameRu!, nameEn: row.orgNameEn! },
        period: { label: row.periodLabel!, form: { code: row.formCode! } },
      },
      "reporting.submitted",
      { late: late ? 1 : 0 },
    );
    return result({ kind: "submitted", submissionId });
  } catch (error) {
    if (error instanceof AppError) return result({ kind: "refused", error });
    throw error;
  }
}
