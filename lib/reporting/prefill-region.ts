/**
 * A territory's prefill (issues 24 and 25): a region administrator (or the ministry) fills every draft of a
 * period's form of the obliged organisations of a region from the registry and the passport at once. Starting
 * it queues a `PrefillRun` (scope, period and mappings checked, one run at a time per period and territory);
 * the job runner's `reporting.prefill-runs` job works through the organisations in batches, writing the
 * progress after each batch, so the page shows it and a run interrupted by a stop goes on where it was.
 *
 * Each organisation's draft is filled like the organisation's own "Fill from the registry and passport"
 * (the same mappings and figures, recorded as prefilled), except that a cell the organisation has changed
 * keeps its value (`mergePrefill`): a territory's fill never overwrites a school's own figure. Reports
 * handed over, and drafts saved by their school meanwhile (a newer version), are left as they are.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { scopeOf, territoryInScope, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { NAMED } from "../names";
import { definitionSchema, type FormDefinition } from "./definition";
import { latestVersion } from "./forms";
import { obligedOrganizationsWhere } from "./obligations";
import { computePrefill, mappingsFor, openVacanciesOf, referenceDate, staffRowsOf } from "./prefill";
import { mergePrefill, readPrefillRecord, type Mapping } from "./prefill-rules";

/** Organisations filled between two progress writes. */
export const RUN_BATCH = 50;
/** Statuses of a report its organisation may still change (an open period; see entryContext). */
const EDITABLE = new Set(["DRAFT", "RETURNED"]);

const RUN_SELECT = {
  id: true,
  periodId: true,
  status: true,
  total: true,
  done: true,
  filled: true,
  skipped: true,
  keptCells: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  territory: { select: { ...NAMED, path: true } },
} satisfies Prisma.PrefillRunSelect;
export type PrefillRunView = Prisma.PrefillRunGetPayload<{ select: typeof RUN_SELECT }>;

/** The regions whose drafts the viewer may fill (their own region, or every region for the ministry). */
export async function prefillRegions(viewer: Viewer) {
  const { scope } = authorizeViewer(viewer, "reporting.prefillRegion");
  const regions = await prisma.territory.findMany({
    where: { level: "REGION" },
    select: { ...NAMED, path: true },
    orderBy: { code: "asc" },
  });
  return regions.filter((r) => territoryInScope(scope, r.path));
}

/**
 * Queues the prefill of every draft of a period for the obliged organisations of a region. Refused, naming
 * the field: a region outside the viewer's scope or not a region, a closed period, a form without mappings,
 * a run of the same period and region still going.
 */
export async function startRegionPrefill(
  viewer: Viewer,
  input: { periodId: string; territoryId: string },
): Promise<{ id: string }> {
  const { scope } = authorizeViewer(viewer, "reporting.prefillRegion");
  const [territory, period] = await Promise.all([
    prisma.territory.findUnique({ where: { id: input.territoryId }, select: { id: true, path: true, level: true } }),
    prisma.reportingPeriod.findUnique({
      where: { id: input.periodId },
      include: { form: { include: { formList: { select: { status: true } } } } },
    }),
  ]);
  if (!period || period.form.formList.status !== "PUBLISHED") throw new AppError("notFound");
  if (!territory || territory.level !== "REGION")
    throw new AppError("validation", { territoryId: "reporting.prefill.region.notRegion" });
  if (!territoryInScope(scope, territory.path))
    throw new AppError("outOfScope", { territoryId: "reporting.prefill.region.outOfScope" });
  if (period.closedAt) throw new AppError("conflict", { periodId: "reporting.periodClosed" });
  const version = await latestVersion(period.formId);
  if (!version || !(await mappingsFor(period.form.code, definitionSchema.parse(version.definition))).length)
    throw new AppError("validation", { periodId: "reporting.prefill.noMapping" });
  return prisma.$transaction(async (tx) => {
    const going = await tx.prefillRun.count({
      where: { periodId: period.id, territoryId: territory.id, status: { in: ["QUEUED", "RUNNING"] } },
    });
    if (going) throw new AppError("conflict", { territoryId: "reporting.prefill.region.running" });
    const total = await tx.organization.count({
      where: { AND: [obligedOrganizationsWhere(period.form), { territory: { path: { startsWith: territory.path } } }] },
    });
    const run = await tx.prefillRun.create({
      data: { periodId: period.id, territoryId: territory.id, actorId: viewer.userId, total },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "PrefillRun",
      entityId: run.id,
      after: { periodId: period.id, territoryId: territory.id, total },
    });
    return { id: run.id };
  });
}

/** A run as its page shows it (progress), when its region is in the viewer's scope. */
export async function prefillRunOf(viewer: Viewer, id: string): Promise<PrefillRunView> {
  const { scope } = authorizeViewer(viewer, "reporting.prefillRegion");
  const run = await prisma.prefillRun.findUnique({
    where: { id },
    select: RUN_SELECT,
  });
  if (!run || !territoryInScope(scope, run.territory.path)) throw new AppError("notFound");
  return run;
}

/** The latest runs of a period in the viewer's scope (newest first). */
export async function prefillRunsOf(viewer: Viewer, periodId: string): Promise<PrefillRunView[]> {
  const { scope } = authorizeViewer(viewer, "reporting.prefillRegion");
  return prisma.prefillRun.findMany({
    where: {
      periodId,
      ...(scope.all ? {} : { territory: { OR: scope.territoryPaths.map((p) => ({ path: { startsWith: p } })) } }),
    },
    select: RUN_SELECT,
    orderBy: { createdAt: "desc" },
    take: 10,
  });
}

// ───────────────────────── The job ─────────────────────────

/**
 * The job runner's work: the oldest queued run (or one a stopped instance left running) is filled to the end.
 * Returns a line for the job's record, or nothing when no run waits.
 */
export async function runQueuedPrefills(now = () => new Date()): Promise<string | undefined> {
  const run = await prisma.prefillRun.findFirst({
    where: { status: { in: ["RUNNING", "QUEUED"] } },
    orderBy: [{ status: "desc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  if (!run) return undefined;
  const done = await executePrefillRun(run.id, now);
  return `run ${run.id}: ${done.filled} filled, ${done.skipped} skipped, ${done.keptCells} cells kept`;
}

/** Fills every organisation of a run not yet done (those before `done` in id order were), batch by batch. */
export async function executePrefillRun(id: string, now: () => Date = () => new Date()) {
  const run = await prisma.prefillRun.update({
    where: { id },
    data: { status: "RUNNING", startedAt: now() },
    include: { territory: { select: { path: true } }, period: { include: { form: true } } },
  });
  try {
    const { period } = run;
    const organizations = await prisma.organization.findMany({
      where: {
        AND: [obligedOrganizationsWhere(period.form), { territory: { path: { startsWith: run.territory.path } } }],
      },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const ids = organizations.map((o) => o.id);
    const definitions = new Map<string, { definition: FormDefinition; mappings: Mapping[] }>();
    const versionOf = async (versionId: string) => {
      let entry = definitions.get(versionId);
      if (!entry) {
        const row = await prisma.formVersion.findUniqueOrThrow({ where: { id: versionId } });
        const definition = definitionSchema.parse(row.definition);
        entry = { definition, mappings: await mappingsFor(period.form.code, definition) };
        definitions.set(versionId, entry);
      }
      return entry;
    };
    const latest = await latestVersion(period.formId);
    if (!latest) throw new Error("the form has no version");
    const totals = { done: run.done, filled: run.filled, skipped: run.skipped, keptCells: run.keptCells };
    const day = referenceDate(period, now());
    for (let from = run.done; from < ids.length; from += RUN_BATCH) {
      const batch = ids.slice(from, from + RUN_BATCH);
      const at = now();
      const [staff, vacancies, submissions] = await Promise.all([
        staffRowsOf(batch, day),
        openVacanciesOf(batch, day),
        prisma.submission.findMany({
          where: { periodId: period.id, organizationId: { in: batch }, supersededAt: null },
          orderBy: { revision: "asc" },
        }),
      ]);
      const current = new Map(submissions.map((s) => [s.organizationId, s]));
      const fresh: Prisma.SubmissionCreateManyInput[] = [];
      for (const organizationId of batch) {
        const submission = current.get(organizationId) ?? null;
        const open = !period.closedAt || Boolean(submission?.corrected);
        if (!open || (submission && !EDITABLE.has(submission.status))) {
          totals.skipped++;
          continue;
        }
        // a fresh draft follows the newest version; a report once handed over (or a correction) keeps its own
        const own = submission && (submission.status !== "DRAFT" || submission.corrected);
        const versionId = own ? submission.formVersionId : latest.id;
        const { definition, mappings } = await versionOf(versionId);
        if (!mappings.length) {
          totals.skipped++;
          continue;
        }
        const record = await computePrefill(organizationId, definition, mappings, day, at, prisma, {
          staff: staff.get(organizationId) ?? [],
          vacancies: vacancies.get(organizationId) ?? [],
        });
        const values = (submission?.values ?? {}) as Record<string, unknown>;
        const merged = mergePrefill(values, readPrefillRecord(submission?.prefill), record);
        const json = {
          values: merged.values as Prisma.InputJsonValue,
          prefill: record as unknown as Prisma.InputJsonValue,
        };
        if (!submission) {
          fresh.push({ organizationId, periodId: period.id, formVersionId: versionId, comments: {}, ...json });
          totals.filled++;
          continue;
        }
        // the draft as it was read (its version unchanged): a school saving meanwhile wins, the draft is left to it
        const updated = await prisma.submission.updateMany({
          where: { id: submission.id, version: submission.version, status: submission.status, supersededAt: null },
          data: { ...json, formVersionId: versionId, version: { increment: 1 } },
        });
        if (updated.count === 1) {
          totals.filled++;
          totals.keptCells += merged.kept.length;
        } else totals.skipped++;
      }
      // new drafts in one statement; one the school opened meanwhile (the period's unique report) is left to it
      if (fresh.length) {
        const created = await prisma.submission.createMany({ data: fresh, skipDuplicates: true });
        totals.filled -= fresh.length - created.count;
        totals.skipped += fresh.length - created.count;
      }
      totals.done = Math.min(ids.length, from + batch.length);
      await prisma.prefillRun.update({ where: { id }, data: { ...totals, total: ids.length } });
    }
    return prisma.prefillRun.update({
      where: { id },
      data: { ...totals, total: ids.length, status: "DONE", finishedAt: now() },
    });
  } catch (error) {
    await prisma.prefillRun.update({
      where: { id },
      data: { status: "FAILED", finishedAt: now(), error: String((error as Error)?.message ?? error).slice(0, 500) },
    });
    throw error;
  }
}

/**
 * What the period's report page shows of the region's prefill: null when the viewer may not fill regions, or
 * the period cannot be filled (closed, no mapping); otherwise the regions in scope and the latest runs.
 */
export async function regionPrefillPanel(
  viewer: Viewer,
  period: { id: string; closedAt: Date | null; formCode: string },
) {
  if (!scopeOf(viewer, "reporting.prefillRegion") || period.closedAt) return null;
  if (!(await prisma.prefillMapping.count({ where: { formCode: period.formCode } }))) return null;
  const [regions, runs] = await Promise.all([prefillRegions(viewer), prefillRunsOf(viewer, period.id)]);
  return regions.length ? { regions, runs } : null;
}
