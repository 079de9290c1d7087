/**
 * The authorities' side of reporting: the completeness board of a period (counts and a filtered list of
 * the obliged organisations in the viewer's scope), one submission for review (values beside the
 * organisation's previous period, the event timeline, what the viewer may do), and closing a period.
 */
import "server-only";
import { expire, TAGS } from "../cache";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { SubmissionStatus } from "../generated/prisma/enums";
import { organizationInScope, organizationWhere, type Scope, type Viewer } from "../auth/scope";
import { authorizeViewer } from "../auth/access";
import { pageWindow, type ListParams, type Page } from "../data-table/params";
import { nameField } from "../names";
import { definitionSchema, valueSlots, NUMERIC_TYPES, type FormDefinition, type LocalizedText } from "./definition";
import { obligedOrganizationsWhere } from "./obligations";
import { allowedActions, submitsFor, type AllowedActions } from "./workflow";
import { chainOf } from "./process";
import { awaitingWhere, awaits, loadProcess, loadProcesses } from "./processes";

export const HANDED_OVER: SubmissionStatus[] = ["SUBMITTED", "APPROVED_DISTRICT", "APPROVED_REGION", "ACCEPTED"];
/** A change from the previous period larger than this share is highlighted. */
export const CHANGE_THRESHOLD = 0.2;

// ───────────────────────── Periods ─────────────────────────

export interface PeriodOption {
  id: string;
  label: string;
  year: number;
  formId: string;
  formCode: string;
  formName: LocalizedText;
  dueDate: Date;
  deadlineAt: Date;
  closedAt: Date | null;
}

/** Periods of forms of published lists, newest year and due date first. */
export async function reviewPeriods(): Promise<PeriodOption[]> {
  const periods = await prisma.reportingPeriod.findMany({
    where: { form: { formList: { status: "PUBLISHED" } } },
    include: {
      form: {
        select: {
          id: true,
          code: true,
          nameKk: true,
          nameRu: true,
          nameEn: true,
          formList: { select: { year: true } },
        },
      },
    },
    orderBy: [{ dueDate: "desc" }, { label: "desc" }],
  });
  return periods
    .map((p) => ({
      id: p.id,
      label: p.label,
      year: p.form.formList.year,
      formId: p.form.id,
      formCode: p.form.code,
      formName: { kk: p.form.nameKk, ru: p.form.nameRu, en: p.form.nameEn },
      dueDate: p.dueDate,
      deadlineAt: p.deadlineAt,
      closedAt: p.closedAt,
    }))
    .sort(
      (a, b) => b.year - a.year || a.formCode.localeCompare(b.formCode) || b.dueDate.getTime() - a.dueDate.getTime(),
    );
}

async function loadPeriod(periodId: string) {
  const period = await prisma.reportingPeriod.findUnique({
    where: { id: periodId },
    include: { form: { include: { formList: { select: { year: true, status: true } } } } },
  });
  if (!period || period.form.formList.status !== "PUBLISHED") throw new AppError("notFound");
  return period;
}

export type LoadedPeriod = Awaited<ReturnType<typeof loadPeriod>>;

// ───────────────────────── Board ─────────────────────────

export const BOARD_STATES = [
  "missing",
  "notStarted",
  "draft",
  "handedOver",
  "submitted",
  "late",
  "overdue",
  "returned",
  "approved",
  "accepted",
  "corrected",
  "awaiting",
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export interface BoardCounts {
  obliged: number;
  /** Handed over: submitted, approved at some level or accepted. */
  handedOver: number;
  /** Not handed over: no report yet or a draft. */
  missing: number;
  notStarted: number;
  draft: number;
  returned: number;
  /** Waiting for the first level. */
  submitted: number;
  approvedDistrict: number;
  approvedRegion: number;
  accepted: number;
  /** Handed over after the deadline. */
  late: number;
  /** Still not handed over (missing or returned) after the deadline. */
  overdue: number;
  corrected: number;
  /** Waiting for the viewer's own level. */
  awaiting: number;
}

export interface TerritoryCounts {
  id: string;
  name: LocalizedText;
  counts: BoardCounts;
}

function emptyCounts(): BoardCounts {
  return {
    obliged: 0,
    handedOver: 0,
    missing: 0,
    notStarted: 0,
    draft: 0,
    returned: 0,
    submitted: 0,
    approvedDistrict: 0,
    approvedRegion: 0,
    accepted: 0,
    late: 0,
    overdue: 0,
    corrected: 0,
    awaiting: 0,
  };
}

/** Where obliged organisations in scope (optionally inside one territory subtree) are. */
async function obligedInScope(
  scope: Scope,
  form: { id: string; orgKinds: string[] },
  territoryId?: string,
): Promise<Prisma.OrganizationWhereInput> {
  const and: Prisma.OrganizationWhereInput[] = [obligedOrganizationsWhere(form), organizationWhere(scope)];
  if (territoryId) {
    const t = await prisma.territory.findUnique({ where: { id: territoryId }, select: { path: true } });
    and.push({ territory: { path: { startsWith: t?.path ?? "-" } } });
  }
  return { AND: and };
}

export interface Board {
  period: LoadedPeriod;
  counts: BoardCounts;
  /** Counts per region (republic-wide scope) or per district (a region's or district's scope). */
  byTerritory: TerritoryCounts[];
  groupLevel: "REGION" | "DISTRICT";
}

function tally(
  counts: BoardCounts,
  s: { status: SubmissionStatus; late: boolean; corrected: boolean } | undefined,
  overdue: boolean,
  awaiting: boolean,
) {
  counts.obliged++;
  if (!s) {
    counts.notStarted++;
    counts.missing++;
    if (overdue) counts.overdue++;
    return;
  }
  if (s.corrected) counts.corrected++;
  if (awaiting) counts.awaiting++;
  switch (s.status) {
    case "DRAFT":
      counts.draft++;
      counts.missing++;
      if (overdue) counts.overdue++;
      return;
    case "RETURNED":
      counts.returned++;
      if (overdue) counts.overdue++;
      return;
    case "SUBMITTED":
      counts.submitted++;
      break;
    case "APPROVED_DISTRICT":
      counts.approvedDistrict++;
      break;
    case "APPROVED_REGION":
      counts.approvedRegion++;
      break;
    case "ACCEPTED":
      counts.accepted++;
      break;
  }
  counts.handedOver++;
  if (s.late) counts.late++;
}

/** Counts of a period's obliged organisations in the viewer's scope, in total and by territory. */
export async function boardSummary(
  viewer: Viewer,
  scope: Scope,
  periodId: string,
  territoryId?: string,
  now = new Date(),
): Promise<Board> {
  const period = await loadPeriod(periodId);
  const where = await obligedInScope(scope, period.form, territoryId);
  const [orgs, submissions, processes] = await Promise.all([
    prisma.organization.findMany({ where, select: { id: true, territory: { select: { path: true, level: true } } } }),
    prisma.submission.findMany({
      where: { periodId, supersededAt: null, organization: where },
      select: { organizationId: true, status: true, late: true, corrected: true, processId: true },
    }),
    loadProcesses(prisma),
  ]);
  const byOrg = new Map(submissions.map((s) => [s.organizationId, s]));
  const overdue = now.getTime() > period.deadlineAt.getTime();
  const groupLevel = scope.all && !territoryId ? "REGION" : "DISTRICT";
  const depth = groupLevel === "REGION" ? 2 : 3;
  const counts = emptyCounts();
  const groups = new Map<string, BoardCounts>();
  for (const o of orgs) {
    const s = byOrg.get(o.id);
    const awaiting = s ? awaits(viewer, processes, s, o.territory.path, o.territory.level) : false;
    tally(counts, s, overdue, awaiting);
    const parts = o.territory.path.split("/").filter(Boolean);
    const key = parts[Math.min(depth, parts.length) - 1]!;
    if (!groups.has(key)) groups.set(key, emptyCounts());
    tally(groups.get(key)!, s, overdue, awaiting);
  }
  const territories = await prisma.territory.findMany({
    where: { id: { in: [...groups.keys()] } },
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
  });
  const byTerritory = territories
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((t) => ({ id: t.id, name: { kk: t.nameKk, ru: t.nameRu, en: t.nameEn }, counts: groups.get(t.id)! }));
  return { period, counts, byTerritory, groupLevel };
}

export const BOARD_SORTS = ["name", "territory", "bin"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const BOARD_FILTERS = ["period", "state", "territory"] as const;

const listSelect = {
  id: true,
  bin: true,
  nameKk: true,
  nameRu: true,
  nameEn: true,
  territory: { select: { id: true, nameKk: true, nameRu: true, nameEn: true, path: true } },
} satisfies Prisma.OrganizationSelect;

export interface BoardRow {
  organization: Prisma.OrganizationGetPayload<{ select: typeof listSelect }>;
  submission: {
    id: string;
    status: SubmissionStatus;
    late: boolean;
    corrected: boolean;
    revision: number;
    submittedAt: Date | null;
    returnReason: string | null;
  } | null;
}

/** A submission filter for one board state (the organisation's current revision of the period). */
async function stateWhere(
  state: BoardState | undefined,
  periodId: string,
  viewer: Viewer,
  overdue: boolean,
): Promise<Prisma.OrganizationWhereInput> {
  const current = { periodId, supersededAt: null };
  const has = (where: Prisma.SubmissionWhereInput): Prisma.OrganizationWhereInput => ({
    submissions: { some: { ...current, ...where } },
  });
  switch (state) {
    case "missing":
      return { submissions: { none: { ...current, status: { not: "DRAFT" } } } };
    case "notStarted":
      return { submissions: { none: current } };
    case "draft":
      return has({ status: "DRAFT" });
    case "handedOver":
      return has({ status: { in: HANDED_OVER } });
    case "submitted":
      return has({ status: "SUBMITTED" });
    case "late":
      return has({ status: { in: HANDED_OVER }, late: true });
    case "overdue":
      return overdue ? { submissions: { none: { ...current, status: { in: HANDED_OVER } } } } : { id: { in: [] } };
    case "returned":
      return has({ status: "RETURNED" });
    case "approved":
      return has({ status: { in: ["APPROVED_DISTRICT", "APPROVED_REGION"] } });
    case "accepted":
      return has({ status: "ACCEPTED" });
    case "corrected":
      return has({ corrected: true });
    case "awaiting":
      return { submissions: { some: { ...current, ...awaitingWhere(viewer, await loadProcesses(prisma)) } } };
    default:
      return {};
  }
}

/** One page of the board's list: obliged organisations in scope with their current report of the period. */
export async function boardList(
  viewer: Viewer,
  scope: Scope,
  params: ListParams<BoardSort>,
  locale: string,
  now = new Date(),
): Promise<Page<BoardRow>> {
  const periodId = params.filters.period!;
  const period = await loadPeriod(periodId);
  const state = (BOARD_STATES as readonly string[]).includes(params.filters.state ?? "")
    ? (params.filters.state as BoardState)
    : undefined;
  const q = params.q;
  const where: Prisma.OrganizationWhereInput = {
    AND: [
      await obligedInScope(scope, period.form, params.filters.territory),
      await stateWhere(state, periodId, viewer, now.getTime() > period.deadlineAt.getTime()),
      q
        ? {
            OR: [
              { bin: { startsWith: q } },
              { nameKk: { contains: q, mode: "insensitive" } },
              { nameRu: { contains: q, mode: "insensitive" } },
              { nameEn: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const name = nameField(locale);
  const orderBy: Prisma.OrganizationOrderByWithRelationInput[] =
    params.sort === "bin"
      ? [{ bin: params.dir }]
      : params.sort === "territory"
        ? [{ territory: { [name]: params.dir } }, { [name]: "asc" }, { id: "asc" }]
        : [{ [name]: params.dir }, { id: "asc" }];
  const [orgs, total] = await Promise.all([
    prisma.organization.findMany({
      where,
      select: {
        ...listSelect,
        submissions: {
          where: { periodId, supersededAt: null },
          select: {
            id: true,
            status: true,
            late: true,
            corrected: true,
            revision: true,
            submittedAt: true,
            returnReason: true,
          },
          orderBy: { revision: "desc" },
          take: 1,
        },
      },
      orderBy,
      ...pageWindow(params),
    }),
    prisma.organization.count({ where }),
  ]);
  return {
    rows: orgs.map(({ submissions, ...organization }) => ({ organization, submission: submissions[0] ?? null })),
    total,
    page: params.page,
    pageSize: params.pageSize,
  };
}

// ───────────────────────── One submission ─────────────────────────

export interface ReviewValueRow {
  key: string;
  section: LocalizedText;
  row: LocalizedText | null;
  field: LocalizedText;
  numeric: boolean;
  value: unknown;
  previous: unknown;
  /** Relative change from the previous period (null when not comparable). */
  change: number | null;
  highlight: boolean;
}

export interface ReviewData {
  submission: Prisma.SubmissionGetPayload<{ include: typeof reviewInclude }>;
  definition: FormDefinition;
  rows: ReviewValueRow[];
  previous: { id: string; periodLabel: string; year: number; status: SubmissionStatus } | null;
  revisions: {
    id: string;
    revision: number;
    status: SubmissionStatus;
    corrected: boolean;
    supersededAt: Date | null;
  }[];
  events: { id: string; action: string; level: string; at: Date; reason: string | null; actor: string | null }[];
  actions: AllowedActions;
  ruleComments: { index: number; message: LocalizedText; comment: string }[];
}

const reviewInclude = {
  organization: {
    select: {
      id: true,
      bin: true,
      nameKk: true,
      nameRu: true,
      nameEn: true,
      territory: { select: { id: true, path: true, level: true, nameKk: true, nameRu: true, nameEn: true } },
    },
  },
  period: { include: { form: { include: { formList: { select: { year: true } } } } } },
  formVersion: { select: { id: true, number: true, definition: true } },
} satisfies Prisma.SubmissionInclude;

/** Relative change, or null when there is nothing to compare. */
export function relativeChange(value: unknown, previous: unknown): number | null {
  if (typeof value !== "number" || typeof previous !== "number") return null;
  if (previous === 0) return value === 0 ? 0 : null;
  return (value - previous) / Math.abs(previous);
}

/** Whether a change is worth a reviewer's eye: over the threshold, or from zero to something. */
export function isNotableChange(value: unknown, previous: unknown, threshold = CHANGE_THRESHOLD): boolean {
  if (typeof value !== "number" || typeof previous !== "number") return false;
  if (previous === 0) return value !== 0;
  return Math.abs((value - previous) / previous) > threshold;
}

/**
 * A submission as its reviewers see it. Readable by the authorities whose scope contains the organisation
 * and by the organisation's administrators; anyone else gets notFound.
 */
export async function reviewSubmission(viewer: Viewer, submissionId: string): Promise<ReviewData> {
  const submission = await prisma.submission.findUnique({ where: { id: submissionId }, include: reviewInclude });
  if (!submission) throw new AppError("notFound");
  const org = { id: submission.organizationId, territoryPath: submission.organization.territory.path };
  const reviewScope = submitsFor(viewer, org.id) ? null : authorizeViewer(viewer, "reporting.review").scope;
  if (reviewScope && !organizationInScope(reviewScope, org)) throw new AppError("notFound");

  const definition = definitionSchema.parse(submission.formVersion.definition);
  const previousSubmission = await prisma.submission.findFirst({
    where: {
      organizationId: org.id,
      supersededAt: null,
      status: { in: HANDED_OVER },
      period: { form: { code: submission.period.form.code }, dueDate: { lt: submission.period.dueDate } },
    },
    include: { period: { include: { form: { select: { formList: { select: { year: true } } } } } } },
    orderBy: [{ period: { dueDate: "desc" } }],
  });
  const values = (submission.values ?? {}) as Record<string, unknown>;
  const previousValues = (previousSubmission?.values ?? {}) as Record<string, unknown>;
  const numeric = new Set<string>(NUMERIC_TYPES);
  const rows: ReviewValueRow[] = valueSlots(definition).map((slot) => {
    const section = slot.section;
    const rowLabel = section.kind === "table" ? section.rows.find((r) => r.key === slot.rowKey)!.label : null;
    const fieldKey = slot.key.split(".").at(-1)!;
    const field =
      section.kind === "table"
        ? section.columns.find((c) => c.key === fieldKey)!.label
        : section.fields.find((f) => f.key === fieldKey)!.label;
    const value = values[slot.key] ?? null;
    const previous = previousSubmission ? (previousValues[slot.key] ?? null) : null;
    return {
      key: slot.key,
      section: section.title,
      row: rowLabel,
      field,
      numeric: numeric.has(slot.type),
      value,
      previous,
      change: relativeChange(value, previous),
      highlight: previousSubmission !== null && isNotableChange(value, previous),
    };
  });
  const chain = chainOf(await loadProcess(prisma, submission.processId), submission.organization.territory.level);
  const [revisions, events] = await Promise.all([
    prisma.submission.findMany({
      where: { organizationId: org.id, periodId: submission.periodId },
      select: { id: true, revision: true, status: true, corrected: true, supersededAt: true },
      orderBy: { revision: "asc" },
    }),
    prisma.submissionEvent.findMany({ where: { submissionId }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map(
    (await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map(
      (u) => [u.id, u.displayName],
    ),
  );
  const last = [...events].reverse().find((e) => e.action !== "superseded") ?? null;
  const comments = (submission.comments ?? {}) as Record<string, string>;
  return {
    submission,
    definition,
    rows,
    previous: previousSubmission
      ? {
          id: previousSubmission.id,
          periodLabel: previousSubmission.period.label,
          year: previousSubmission.period.form.formList.year,
          status: previousSubmission.status,
        }
      : null,
    revisions,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      level: e.level,
      at: e.at,
      reason: e.reason,
      actor: e.actorId ? (actors.get(e.actorId) ?? null) : null,
    })),
    actions: allowedActions(viewer, submission, org.territoryPath, chain, last),
    ruleComments: Object.entries(comments)
      .filter(([k, v]) => definition.rules[Number(k)] && v)
      .map(([k, v]) => ({ index: Number(k), message: definition.rules[Number(k)]!.message, comment: v })),
  };
}

// ───────────────────────── Closing a period ─────────────────────────

/** The ministry closes a period: its final report is then the consolidated report of record (R7). */
export async function closePeriod(viewer: Viewer, input: { periodId: string }) {
  authorizeViewer(viewer, "reporting.accept");
  const closed = await prisma.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findUnique({ where: { id: input.periodId } });
    if (!period) throw new AppError("notFound");
    const updated = await tx.reportingPeriod.updateMany({
      where: { id: period.id, closedAt: null },
      data: { closedAt: new Date() },
    });
    if (updated.count === 0) throw new AppError("conflict", { workflow: "reportingWorkflow.periodAlreadyClosed" });
    const after = await tx.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "ReportingPeriod",
      entityId: period.id,
      before: { closedAt: null },
      after: { closedAt: after.closedAt },
    });
    return after;
  });
  // The public statistics stop calling the period's year provisional.
  expire(TAGS.databank);
  return closed;
}
