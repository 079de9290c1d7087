/**
 * The organisation's side of a report: opening the report of a period, autosaving the draft (values and
 * comments, optimistic version), replacing it from an uploaded template, and handing it over (through the
 * workflow's submitSubmission).
 *
 * Values of a draft are stored as typed so nobody loses input: a value that passes its field's checks is
 * stored as its typed value (number, boolean, date text), one that does not as the text entered — the
 * checks in submit mode refuse it until corrected.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma, Submission } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { roleHas } from "../auth/permissions";
import {
  coerceValue,
  definitionSchema,
  valueSlots,
  type FormDefinition,
  type Scalar,
  type ValueProblem,
} from "./definition";
import { isObliged } from "./obligations";
import { latestVersion } from "./forms";
import { readFile, readTemplate, type TemplateProblem } from "./template";
import { submitSubmission } from "./workflow";
import { NAMED } from "../names";

type Tx = Prisma.TransactionClient;

/** Organisations whose reports the viewer fills in (their assignments holding `reporting.submit`). */
export function submittingOrganizations(viewer: Viewer): string[] {
  return [
    ...new Set(
      viewer.roles.filter((r) => roleHas(r.role, "reporting.submit") && r.organizationId).map((r) => r.organizationId!),
    ),
  ];
}

/** Names of the organisations whose reports the viewer fills in. */
export function submittingOrganizationNames(viewer: Viewer) {
  return prisma.organization.findMany({
    where: { id: { in: submittingOrganizations(viewer) } },
    select: NAMED,
  });
}

const periodInclude = { form: { include: { formList: true } } } satisfies Prisma.ReportingPeriodInclude;

export interface EntryContext {
  organization: { id: string; nameKk: string; nameRu: string; nameEn: string; bin: string };
  period: Prisma.ReportingPeriodGetPayload<{ include: typeof periodInclude }>;
  /** The form version the report is filled in: the newest one, or the one a handed-over report uses. */
  version: { id: string; number: number; definition: FormDefinition };
  /** The organisation's current submission for the period (the newest revision), if started. */
  submission: Submission | null;
  /** True when the organisation may change the values (draft or returned, period open). */
  editable: boolean;
}

/**
 * Loads the report of an organisation for a period, refusing what the viewer may not touch: not an
 * administrator of the organisation, a period of an unpublished list (not found), an organisation not
 * obliged to submit the form.
 */
async function entryContext(tx: Tx, viewer: Viewer, periodId: string, organizationId: string): Promise<EntryContext> {
  authorizeViewer(viewer, "reporting.submit");
  if (!submittingOrganizations(viewer).includes(organizationId))
    throw new AppError("forbidden", { organizationId: "reporting.notYourOrganization" });
  const period = await tx.reportingPeriod.findUnique({ where: { id: periodId }, include: periodInclude });
  if (!period || period.form.formList.status !== "PUBLISHED") throw new AppError("notFound");
  if (!(await isObliged(organizationId, period.form, tx)))
    throw new AppError("forbidden", { periodId: "reporting.notObliged" });
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, nameKk: true, nameRu: true, nameEn: true, bin: true },
  });
  const submission = await tx.submission.findFirst({
    where: { organizationId, periodId, supersededAt: null },
    orderBy: { revision: "desc" },
  });
  // A fresh draft follows the newest version; a report once handed over (or a correction) keeps its own.
  const own = submission && (submission.status !== "DRAFT" || submission.corrected);
  const row = own
    ? await tx.formVersion.findUniqueOrThrow({ where: { id: submission.formVersionId } })
    : await latestVersion(period.formId, tx);
  if (!row) throw new AppError("notFound");
  const open = !period.closedAt || Boolean(submission?.corrected);
  const editable = open && (!submission || submission.status === "DRAFT" || submission.status === "RETURNED");
  return {
    organization,
    period,
    version: { id: row.id, number: row.number, definition: definitionSchema.parse(row.definition) },
    submission,
    editable,
  };
}

export async function loadEntry(viewer: Viewer, periodId: string, organizationId: string): Promise<EntryContext> {
  return entryContext(prisma, viewer, periodId, organizationId);
}

/** Allowed item codes of the classifiers that choice fields of a definition use. */
export async function choiceCodes(def: FormDefinition, tx: Tx = prisma): Promise<Record<string, string[]>> {
  const codes = [
    ...new Set(valueSlots(def).flatMap((s) => (s.type === "choice" && s.classifier ? [s.classifier] : []))),
  ];
  if (!codes.length) return {};
  const items = await tx.classifierItem.findMany({
    where: { classifier: { code: { in: codes } } },
    select: { code: true, classifier: { select: { code: true } } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const out: Record<string, string[]> = Object.fromEntries(codes.map((c) => [c, [] as string[]]));
  for (const item of items) out[item.classifier.code]!.push(item.code);
  return out;
}

/**
 * A draft as it is stored: known keys only, valid values typed, invalid ones kept as the text entered,
 * empty ones dropped; comments only for existing rules, trimmed. Also returns the value problems.
 */
export function normalizeDraft(
  def: FormDefinition,
  raw: Record<string, unknown>,
  rawComments: Record<string, string>,
): { values: Record<string, Scalar>; comments: Record<string, string>; problems: ValueProblem[] } {
  const values: Record<string, Scalar> = {};
  const problems: ValueProblem[] = [];
  for (const slot of valueSlots(def)) {
    const input = raw[slot.key];
    const result = coerceValue(slot, input);
    if ("problem" in result) {
      problems.push({ key: slot.key, code: result.problem, params: result.params });
      values[slot.key] = String(input).trim().slice(0, 2000);
    } else if (result.value !== null) values[slot.key] = result.value;
  }
  const comments: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawComments)) {
    const index = Number(k);
    const text = String(v ?? "")
      .trim()
      .slice(0, 2000);
    if (Number.isInteger(index) && index >= 0 && index < def.rules.length && text) comments[String(index)] = text;
  }
  return { values, comments, problems };
}

export interface SavedDraft {
  submission: { id: string; version: number; status: Submission["status"]; updatedAt: Date };
  problems: ValueProblem[];
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/**
 * Writes values and comments of the current report; creates the draft on first save (version 0). `prefill`
 * (lib/reporting/prefill.ts) replaces the record of the last fill from the registry/passport.
 */
export async function writeDraft(
  viewer: Viewer,
  input: { periodId: string; organizationId: string; version: number },
  build: (ctx: EntryContext) => {
    values: Record<string, Scalar>;
    comments: Record<string, string> | null;
    prefill?: Prisma.InputJsonValue;
  },
): Promise<{ submission: Submission; ctx: EntryContext }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const ctx = await entryContext(tx, viewer, input.periodId, input.organizationId);
      if (!ctx.editable) {
        throw new AppError("conflict", {
          periodId: ctx.period.closedAt ? "reporting.periodClosed" : "reporting.notEditable",
        });
      }
      const { values, comments, prefill } = build(ctx);
      const current = ctx.submission;
      if (!current) {
        if (input.version !== 0) throw new AppError("stale");
        const created = await tx.submission.create({
          data: {
            organizationId: input.organizationId,
            periodId: input.periodId,
            formVersionId: ctx.version.id,
            values: values as Prisma.InputJsonValue,
            comments: (comments ?? {}) as Prisma.InputJsonValue,
            ...(prefill ? { prefill } : {}),
          },
        });
        return { submission: created, ctx };
      }
      const updated = await tx.submission.updateMany({
        where: { id: current.id, version: input.version, status: current.status, supersededAt: null },
        data: {
          values: values as Prisma.InputJsonValue,
          ...(comments ? { comments: comments as Prisma.InputJsonValue } : {}),
          ...(prefill ? { prefill } : {}),
          formVersionId: ctx.version.id,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new AppError("stale");
      return { submission: await tx.submission.findUniqueOrThrow({ where: { id: current.id } }), ctx };
    });
  } catch (error) {
    // Two first saves of the same report at once: the later one is stale.
    if (isUniqueViolation(error)) throw new AppError("stale");
    throw error;
  }
}

/** Autosave: replaces the draft's values and comments (refused when stale, handed over or not obliged). */
export async function saveDraft(
  viewer: Viewer,
  input: {
    periodId: string;
    organizationId: string;
    version: number;
    values: Record<string, unknown>;
    comments: Record<string, string>;
  },
): Promise<SavedDraft> {
  let problems: ValueProblem[] = [];
  const { submission } = await writeDraft(viewer, input, (ctx) => {
    const normal = normalizeDraft(ctx.version.definition, input.values, input.comments);
    problems = normal.problems;
    return normal;
  });
  return {
    submission: {
      id: submission.id,
      version: submission.version,
      status: submission.status,
      updatedAt: submission.updatedAt,
    },
    problems,
  };
}

/** An upload refused as a whole, with every problem found (row, column, message key). */
export class UploadRefused extends AppError {
  constructor(readonly problems: TemplateProblem[]) {
    super("validation", { file: "reporting.upload.refused" }, { count: problems.length });
    this.name = "UploadRefused";
  }
}

/**
 * Replaces the draft's values with those of an uploaded CSV/XLSX template (comments are kept), after the
 * viewer's right to fill in this organisation's report is checked and before the file is parsed. All or
 * nothing: a file of another kind or size, another form's or version's template, unknown columns or keys,
 * or any value error refuses the whole file.
 */
export async function uploadTemplate(
  viewer: Viewer,
  input: { periodId: string; organizationId: string; version: number; bytes: Uint8Array },
): Promise<SavedDraft & { count: number; values: Record<string, Scalar> }> {
  // Who may upload here is settled before a byte of the file is parsed (an XLSX may be a zip bomb).
  const ctx0 = await loadEntry(viewer, input.periodId, input.organizationId);
  if (!ctx0.editable)
    throw new AppError("conflict", {
      periodId: ctx0.period.closedAt ? "reporting.periodClosed" : "reporting.notEditable",
    });
  const file = await readFile(input.bytes);
  if ("problem" in file) throw new UploadRefused([file.problem]);
  const choices = await choiceCodes(ctx0.version.definition);
  let values: Record<string, Scalar> = {};
  const { submission } = await writeDraft(viewer, input, (ctx) => {
    const read = readTemplate(file.grid, {
      code: ctx.period.form.code,
      version: ctx.version.number,
      definition: ctx.version.definition,
      choices,
    });
    if (!read.ok) throw new UploadRefused(read.problems);
    values = read.values;
    return { values, comments: null };
  });
  return {
    submission: {
      id: submission.id,
      version: submission.version,
      status: submission.status,
      updatedAt: submission.updatedAt,
    },
    problems: [],
    count: Object.keys(values).length,
    values,
  };
}

/**
 * Hands over the current report (after the page has saved its values): refused for another organisation,
 * one not obliged, a stale version, values or rules that do not pass, or a report already handed over.
 */
export async function submitEntry(
  viewer: Viewer,
  input: { periodId: string; organizationId: string; version: number; comments: Record<string, string> },
): Promise<Submission> {
  const ctx = await loadEntry(viewer, input.periodId, input.organizationId);
  if (!ctx.submission) throw new AppError("validation", { periodId: "reporting.nothingToSubmit" });
  if (!ctx.editable)
    throw new AppError("conflict", {
      periodId: ctx.period.closedAt ? "reporting.periodClosed" : "reporting.notEditable",
    });
  if (ctx.submission.version !== input.version) throw new AppError("stale");
  return submitSubmission(viewer, {
    submissionId: ctx.submission.id,
    version: input.version,
    comments: input.comments,
  });
}
