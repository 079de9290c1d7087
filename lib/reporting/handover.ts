/**
 * Handing over a complete report in one step, inside the caller's transaction: the path of data packages
 * (R34), where the values arrive whole and signed instead of being typed into the report page.
 *
 * It applies the same rules as opening the report (loadEntry), saving the draft (saveDraft) and handing it
 * over (submitEntry → submitSubmission) one after another, and leaves the same records (the submission,
 * its event, the audit entry, the notifications of the first reviewing level, the frozen form version),
 * but reads everything it needs in one query and writes everything in one statement, in the caller's
 * transaction, so that a package is one short transaction of a few round trips.
 *
 * It is written in SQL over the driver (`RawSql`) rather than through Prisma: measured on this machine, a
 * Prisma query costs about 1.3–1.6 ms of client work (the query compiler and the adapter) against
 * 0.15–0.25 ms for the same statement on the driver, and data packages are the one bulk write path of
 * the portal (bench/packages.ts). The records written are the same as the services' (checked by
 * lib/packages/packages.int.test.ts against the report page's path).
 *
 * Nothing is written unless the report is handed over; a refusal is an AppError of the workflow's codes
 * or the failed checks (for the receipt's reasons).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "../errors";
import { database } from "../db";
import type { RawSql } from "../db/driver";
import type { SubmissionStatus } from "../generated/prisma/enums";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { checkValues, definitionSchema, valueSlots, type CheckResult, type FormDefinition } from "./definition";
import { isLate } from "./deadline";
import { definitionOf, frozenDefinition, reviewRoles } from "./workflow";
import { chainOf, resolveProcessId, STANDARD_PROCESS, type ReviewLevel } from "./process";
import { reviewLevelOf } from "./processes";
import { ROLES } from "../auth/roles";
import type { Role } from "../generated/prisma/enums";

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
  | {
      kind: "submitted";
      submissionId: string;
      /** The notifications written with it (the first reviewing level), for their mail once committed. */
      notified: { userId: string; organizationId: string; kind: "reporting_submitted"; payload: unknown }[];
    }
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
  dueDate: Date | string | null;
  closedAt: Date | string | null;
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
  /** The process candidates: the organisation's own, its kind's and its form's (see process.resolveProcessId). */
  orgProcessId: string | null;
  kindProcessId: string | null;
  formProcessId: string | null;
  /** The review levels of the candidate processes (and the standard one), by process id. */
  processLevels: Record<string, ReviewLevel[]> | null;
  /** Active reviewers over the organisation: [user id, role]. */
  reviewers: [string, Role][] | null;
  choices: [string, string][] | null;
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
 * The classifiers whose items the last hand-over of a form needed (its choice fields): read in the context
 * query of the next one, so that the usual case needs no query of its own. Keyed "year/form".
 */
const choiceClassifiers = new Map<string, string[]>();

const CONTEXT_SQL = `
    SELECT dp.sha256 AS "earlierSha256", dp.receipt AS "earlierReceipt", c.*
    FROM (SELECT 1) AS one
    LEFT JOIN "DataPackage" dp ON dp.id = $1::text
    LEFT JOIN LATERAL (
      SELECT p.id AS "periodId", to_char(p."dueDate", 'YYYY-MM-DD') AS "dueDate", p."closedAt", p.label AS "periodLabel", f.code AS "formCode", f."retentionYears", fl.status::text AS "listStatus",
             o.id AS "orgId", o."nameKk" AS "orgNameKk", o."nameRu" AS "orgNameRu", o."nameEn" AS "orgNameEn", t.path AS "territoryPath", t.level::text AS "territoryLevel",
             (o.status::text = 'ACTIVE' AND (k.code = ANY(f."orgKinds")
               OR EXISTS (SELECT 1 FROM "FormAddressee" a WHERE a."formId" = f.id AND a."organizationId" = o.id))) AS obliged,
             COALESCE($3::text,
               (SELECT ra."userId" FROM "RoleAssignment" ra WHERE ra."organizationId" = o.id AND ra.role::text = 'ORG_ADMIN' LIMIT 1)) AS "actorId",
             (SELECT r."processId" FROM "ReportingProcessRule" r WHERE r."organizationId" = o.id) AS "orgProcessId",
             (SELECT r."processId" FROM "ReportingProcessRule" r WHERE r."orgKind" = k.code) AS "kindProcessId",
             f."processId" AS "formProcessId",
             (SELECT json_object_agg(rp.id, (SELECT json_agg(l.level ORDER BY l.position) FROM "ReportingProcessLevel" l WHERE l."processId" = rp.id))
                FROM "ReportingProcess" rp
               WHERE rp.id = 'standard' OR rp.id = f."processId"
                  OR rp.id IN (SELECT r."processId" FROM "ReportingProcessRule" r WHERE r."organizationId" = o.id OR r."orgKind" = k.code)) AS "processLevels",
             (SELECT json_agg(DISTINCT jsonb_build_array(u.id, ra.role::text)) FROM "User" u
               JOIN "RoleAssignment" ra ON ra."userId" = u.id
               LEFT JOIN "Territory" rt ON rt.id = ra."territoryId"
               WHERE u.active
                 AND ra.role::text IN (SELECT jsonb_array_elements_text($8::jsonb))
                 AND (ra.role::text IN (SELECT jsonb_array_elements_text($9::jsonb)) OR (rt.path IS NOT NULL AND left(t.path, length(rt.path)) = rt.path))
             ) AS reviewers,
             (SELECT json_agg(json_build_array(cl.code, ci.code) ORDER BY ci."sortOrder", ci.code)
                FROM "ClassifierItem" ci JOIN "Classifier" cl ON cl.id = ci."classifierId"
               WHERE cl.code IN (SELECT jsonb_array_elements_text($7::jsonb))) AS choices,
             s.id AS "sId", s.status::text AS "sStatus", s.version AS "sVersion", s.revision AS "sRevision", s.corrected AS "sCorrected", s.late AS "sLate",
             s."returnReason" AS "sReturnReason", s."correctionReason" AS "sCorrectionReason",
             v.id AS "vId", v.frozen AS "vFrozen", CASE WHEN v.frozen THEN NULL ELSE v.definition END AS "vDefinition"
      FROM "ReportingPeriod" p
      JOIN "Form" f ON f.id = p."formId"
      JOIN "FormList" fl ON fl.id = f."formListId"
      JOIN "Organization" o ON o.id = $2::text
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
      WHERE p.label = $4::text AND f.code = $5::text AND fl.year = $6::int
      LIMIT 1
    ) c ON true`;

/** The roles that review at some level (the permission table with the role's scope level). */
const REVIEWING_ROLES: Role[] = ROLES.filter((role) => reviewLevelOf(role) !== null);

/** The embedded databases (by instance) whose session has this module's statements prepared. */
const preparedOn = new WeakMap<object, Set<string>>();

/** A parameter as an SQL literal (E'' quoting, so it holds whatever standard_conforming_strings is). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("not a finite number");
    return String(value);
  }
  const text = String(value);
  if (text.includes("\0")) throw new Error("a NUL character in a parameter");
  return `E'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * Runs one of this module's statements. On the embedded database it is prepared once per session and
 * executed by name: PGlite plans a statement of this size in about 3 ms (WebAssembly), several times
 * what executing it takes, and re-plans an unnamed statement every time. EXECUTE takes no bound
 * parameters, so its arguments go in as quoted literals of the statement's declared (cast) types.
 * PostgreSQL plans it natively in a fraction of that: there it is an ordinary parameterised query.
 */
async function run<T>(tx: RawSql, name: string, sql: string, params: unknown[]): Promise<T[]> {
  const db = database();
  if (db.kind !== "pglite") return tx.query<T>(sql, params);
  let prepared = preparedOn.get(db);
  if (!prepared) preparedOn.set(db, (prepared = new Set()));
  if (!prepared.has(name)) {
    await tx.exec(`PREPARE ${name} AS ${sql}`);
    prepared.add(name);
  }
  return tx.query<T>(`EXECUTE ${name}(${params.map(literal).join(", ")})`);
}

/**
 * Everything the hand-over needs, in one round trip: the earlier package of the id, the period with its
 * form and list, the organisation with its territory and obligation, the acting user, the candidates of
 * its reporting process with their levels and the reviewers over the organisation (the first level's are
 * notified; which level that is comes from process.ts, the one transition table), the items of the classifiers the form's choice fields used last time,
 * the current submission and the form version the report is filled in (its definition only when not
 * frozen — frozen ones are immutable and kept in memory).
 */
async function readContext(tx: RawSql, input: HandOverInput): Promise<ContextRow> {
  const guess = choiceClassifiers.get(`${input.year}/${input.form}`) ?? [];
  const rows = await run<ContextRow>(tx, "eiso_handover_context", CONTEXT_SQL, [
    input.packageId ?? "",
    input.organizationId,
    input.actorId,
    input.period,
    input.form,
    input.year,
    JSON.stringify(guess),
    JSON.stringify(REVIEWING_ROLES),
    JSON.stringify(reviewRoles("MINISTRY")),
  ]);
  return rows[0]!;
}

/** The definition of the version read: from memory when frozen and known, else parsed (and kept when frozen). */
async function definitionFor(tx: RawSql, row: ContextRow): Promise<FormDefinition> {
  if (!row.vFrozen) return definitionSchema.parse(row.vDefinition);
  const known = frozenDefinition(row.vId!);
  if (known) return known;
  const [version] = await tx.query<{ id: string; definition: unknown; frozen: boolean }>(
    `SELECT id, definition, frozen FROM "FormVersion" WHERE id = $1`,
    [row.vId],
  );
  return definitionOf(version!);
}

/** Allowed item codes of the classifiers the definition's choice fields use (as entry.choiceCodes). */
async function choicesFor(
  tx: RawSql,
  def: FormDefinition,
  row: ContextRow,
  key: string,
): Promise<Record<string, string[]>> {
  const codes = [
    ...new Set(valueSlots(def).flatMap((slot) => (slot.type === "choice" && slot.classifier ? [slot.classifier] : []))),
  ];
  const guess = choiceClassifiers.get(key) ?? [];
  let pairs = row.choices ?? [];
  if (codes.some((c) => !guess.includes(c))) {
    pairs = (
      await tx.query<{ c: string; i: string }>(
        `SELECT cl.code AS c, ci.code AS i FROM "ClassifierItem" ci JOIN "Classifier" cl ON cl.id = ci."classifierId" WHERE cl.code IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY ci."sortOrder", ci.code`,
        [JSON.stringify(codes)],
      )
    ).map((r) => [r.c, r.i] as [string, string]);
  }
  if (choiceClassifiers.size >= 500) choiceClassifiers.clear();
  choiceClassifiers.set(key, codes);
  const out: Record<string, string[]> = Object.fromEntries(codes.map((c) => [c, [] as string[]]));
  for (const [classifier, item] of pairs) out[classifier]?.push(item);
  return out;
}

const iso = (d: Date | string) =>
  d instanceof Date
    ? d
    : new Date(`${String(d).replace(" ", "T")}${/[zZ]|[+-]\d\d(:?\d\d)?$/.test(String(d)) ? "" : "Z"}`);
const dateOnly = (d: Date | string) =>
  typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : iso(d).toISOString().slice(0, 10);

/** Audit snapshot of a submission's workflow fields (as workflow.audit records them). */
const auditFields = (s: {
  status: string;
  revision: number;
  late: boolean;
  returnReason: string | null;
  correctionReason: string | null;
}) => ({
  status: s.status,
  revision: s.revision,
  late: s.late,
  returnReason: s.returnReason,
  correctionReason: s.correctionReason,
});

/**
 * The hand-over's writes in one statement: the submission (created, or the current draft or returned one
 * updated under its version guard, with the process it is handed over under), the form version frozen, the event, the audit entry and the
 * notifications. Returns false when the guard did not match (someone changed the report meanwhile).
 */
const WRITE_SQL = `
    WITH created AS (
      INSERT INTO "Submission" (id, "organizationId", "periodId", "formVersionId", status, values, comments, "submittedAt", "submittedById", late, "returnReason", version, "updatedAt", "processId")
      SELECT $1::text, $2::text, $3::text, $4::text, 'SUBMITTED'::"SubmissionStatus", $5::jsonb, $6::jsonb, $7::timestamp, $8::text, $9::boolean, NULL, 2, $7::timestamp, $19::text
      WHERE $10::int IS NULL
      RETURNING id
    ), updated AS (
      UPDATE "Submission" SET status = 'SUBMITTED', values = $5::jsonb, comments = $6::jsonb, "formVersionId" = $4::text, "submittedAt" = $7::timestamp,
             "submittedById" = $8::text, late = $9::boolean, "returnReason" = NULL, version = version + 2, "updatedAt" = $7::timestamp, "processId" = $19::text
      WHERE id = $1::text AND $10::int IS NOT NULL AND version = $10::int AND status::text = $11::text AND "supersededAt" IS NULL
      RETURNING id
    ), s AS (SELECT id FROM created UNION ALL SELECT id FROM updated),
    frozen AS (
      UPDATE "FormVersion" SET frozen = true WHERE id = $4::text AND NOT frozen AND EXISTS (SELECT 1 FROM s) RETURNING id
    ), event AS (
      INSERT INTO "SubmissionEvent" (id, "submissionId", "organizationId", action, level, "actorId", reason)
      SELECT $12::text, s.id, $2::text, $13::text, 'ORGANIZATION'::"ReportingLevel", $8::text, NULL FROM s RETURNING id
    ), audit AS (
      INSERT INTO "AuditLog" (id, "actorId", action, entity, "entityId", before, after)
      SELECT $14::text, $8::text, 'update', 'Submission', s.id, $15::jsonb, $16::jsonb FROM s RETURNING id
    ), notified AS (
      INSERT INTO "Notification" (id, "userId", "organizationId", kind, payload)
      SELECT r.value->>'id', r.value->>'userId', $2::text, 'reporting.submitted'::"NotificationKind", $17::jsonb FROM s, jsonb_array_elements($18::jsonb) AS r(value) RETURNING id
    )
    SELECT (SELECT count(*) FROM s)::int AS written, (SELECT count(*) FROM frozen)::int + (SELECT count(*) FROM event)::int + (SELECT count(*) FROM audit)::int + (SELECT count(*) FROM notified)::int AS records`;

/**
 * Hands over the report of `input.organizationId` for the period with the given values and comments, in
 * `tx`. See the module comment; the caller owns the transaction (and stores its own records beside it).
 */
export async function handOver(tx: RawSql, input: HandOverInput): Promise<HandOverResult> {
  const row = await readContext(tx, input);
  const earlierPackage = row.earlierSha256 ? { sha256: row.earlierSha256, receipt: row.earlierReceipt } : null;
  const result = (outcome: HandOverOutcome): HandOverResult => ({
    outcome,
    retentionYears: row.retentionYears ?? DEFAULT_RETENTION_YEARS,
    earlierPackage,
  });
  if (earlierPackage) return result({ kind: "replay" });
  if (!row.periodId) return result({ kind: "periodUnknown" });
  if (!row.actorId) return result({ kind: "noActor" });
  const actorId = row.actorId;
  const viewer: Viewer = {
    userId: actorId,
    login: input.login,
    displayName: input.displayName,
    roles: [
      { role: "ORG_ADMIN", organizationId: input.organizationId, territoryId: null, territoryPath: row.territoryPath },
    ],
  };
  try {
    // ── The checks of opening the report (loadEntry). ──
    authorizeViewer(viewer, "reporting.submit");
    if (row.listStatus !== "PUBLISHED" || !row.orgId) throw new AppError("notFound");
    if (!row.obliged) throw new AppError("forbidden", { periodId: "reporting.notObliged" });
    if (!row.vId) throw new AppError("notFound");
    const open = !row.closedAt || Boolean(row.sCorrected);
    const editable = open && (!row.sId || row.sStatus === "DRAFT" || row.sStatus === "RETURNED");
    if (!editable)
      throw new AppError("conflict", { periodId: row.closedAt ? "reporting.periodClosed" : "reporting.notEditable" });

    // ── The checks of handing over, on the values as sent. ──
    const def = await definitionFor(tx, row);
    const comments = Object.fromEntries(
      Object.entries(input.comments)
        .map(([k, v]) => [k, String(v ?? "").trim()])
        .filter(([, v]) => v),
    );
    const choices = await choicesFor(tx, def, row, `${input.year}/${input.form}`);
    const checked = checkValues(def, input.values, { mode: "submit", comments, choices });
    if (!checked.submittable) return result({ kind: "invalid", checked });

    // ── The hand-over: the draft and its submission written at once, with its records. ──
    const now = input.now ?? new Date();
    let late = isLate(now, dateOnly(row.dueDate!));
    if (row.sCorrected) {
      const [previous] = await tx.query<{ late: boolean }>(
        `SELECT late FROM "Submission" WHERE "organizationId" = $1 AND "periodId" = $2 AND revision = $3`,
        [input.organizationId, row.periodId, Number(row.sRevision) - 1],
      );
      late = previous?.late ?? late;
    }
    const submissionId = row.sId ?? randomUUID();
    // A first save creates the draft (revision 1) and handing it over makes it SUBMITTED, as on the report page.
    const before = row.sId
      ? {
          status: row.sStatus!,
          revision: Number(row.sRevision),
          late: Boolean(row.sLate),
          returnReason: row.sReturnReason,
          correctionReason: row.sCorrectionReason,
        }
      : { status: "DRAFT" as SubmissionStatus, revision: 1, late: false, returnReason: null, correctionReason: null };
    const after = { ...before, status: "SUBMITTED" as SubmissionStatus, late, returnReason: null };
    const payload = {
      submissionId,
      periodId: row.periodId,
      formCode: row.formCode,
      periodLabel: row.periodLabel,
      organizationNameKk: row.orgNameKk,
      organizationNameRu: row.orgNameRu,
      organizationNameEn: row.orgNameEn,
      late: late ? 1 : 0,
    };
    // The process decided now (as workflow.submitSubmission does) and the users of its first level over the organisation.
    const processId = resolveProcessId({
      organization: row.orgProcessId,
      kind: row.kindProcessId,
      form: row.formProcessId,
    });
    const levels = row.processLevels?.[processId];
    const chain = chainOf(
      levels ? { levels: levels.map((level) => ({ level, days: 1 })) } : STANDARD_PROCESS,
      row.territoryLevel ?? "REPUBLIC",
    );
    const recipients = [
      ...new Set(
        (row.reviewers ?? []).filter(([, role]) => reviewLevelOf(role) === chain[0]).map(([userId]) => userId),
      ),
    ].map((userId) => ({ id: randomUUID(), userId }));
    const [written] = await run<{ written: number }>(tx, "eiso_handover_write", WRITE_SQL, [
      submissionId,
      input.organizationId,
      row.periodId,
      row.vId,
      JSON.stringify(checked.values),
      JSON.stringify(comments),
      now.toISOString(),
      actorId,
      late,
      row.sId ? Number(row.sVersion) : null,
      row.sStatus ?? "DRAFT",
      randomUUID(),
      before.status === "RETURNED" ? "resubmit" : "submit",
      randomUUID(),
      JSON.stringify(auditFields(before)),
      JSON.stringify(auditFields(after)),
      JSON.stringify(payload),
      JSON.stringify(recipients),
      levels ? processId : STANDARD_PROCESS.id,
    ]);
    if (!written || Number(written.written) !== 1) throw new AppError("stale");
    return result({
      kind: "submitted",
      submissionId,
      notified: recipients.map(({ userId }) => ({
        userId,
        organizationId: input.organizationId,
        kind: "reporting_submitted" as const,
        payload,
      })),
    });
  } catch (error) {
    if (error instanceof AppError) return result({ kind: "refused", error });
    throw error;
  }
}
