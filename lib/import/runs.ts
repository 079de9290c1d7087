/**
 * Import runs: a source is stored in the one file store, a run is queued, and the job runner's
 * `import.runs` job writes it in batches — each batch one transaction with its rows' outcomes, audit entries,
 * search outbox rows and the run's progress, so a failed batch leaves the earlier ones recorded and the run
 * resumes after the last written line. Natural keys (BIN, IIN) decide insert or update, so the same file run
 * twice changes nothing the second time. A finished run can be rolled back: what it inserted is removed
 * and what it updated restored, unless the record changed since (those are listed and left alone).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { prisma } from "../db";
import { AppError } from "../errors";
import { loadViewer } from "../auth/access";
import { scopeOf, type Scope, type Viewer } from "../auth/scope";
import { blobStore } from "../files/store";
import type { Prisma } from "../generated/prisma/client";
import { classifyRows, importScope, checkMapping, type KeepOptions, type RowResult } from "./dry-run";
import { mappingSchema, suggestMapping, type Mapping } from "./mapping";
import { openSource, withHeader, type ReadOptions } from "./reader";
import { TARGETS, targetOf, type ImportTargetName, type RollbackResult } from "./targets";

export type { RollbackResult } from "./targets";

/** The largest source an import takes. */
export const MAX_SOURCE_BYTES = 200 * 1024 * 1024;

/** Stores a source's bytes in the file store (streamed, hashed, size-limited); returns its hash. */
export async function storeSource(input: Readable | Uint8Array): Promise<string> {
  const store = blobStore();
  const temp = join(await store.tempDir(), `.import-${randomBytes(12).toString("hex")}`);
  const hash = createHash("sha256");
  let size = 0;
  const stream = input instanceof Uint8Array ? Readable.from([Buffer.from(input)]) : input;
  try {
    await pipeline(
      stream,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > MAX_SOURCE_BYTES) throw new AppError("validation", { file: "files.tooLarge" }, { max: 200 });
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(temp, { flags: "wx" }),
    );
    if (size === 0) throw new AppError("validation", { file: "files.empty" });
    const sha256 = hash.digest("hex");
    await store.commit(temp, sha256);
    return sha256;
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/** A stored source opened again (CSV streamed from the store; XLSX read whole, as ExcelJS needs). */
export async function reopenSource(sha256: string, name: string, options: ReadOptions) {
  const stream = await blobStore().read(sha256);
  if (!stream) throw new AppError("notFound");
  const { rows } = await openSource(name, stream, options);
  return withHeader(rows);
}

export interface StartRunInput {
  target: ImportTargetName;
  sourceName: string;
  sourceSha256: string;
  options: ReadOptions;
  mapping: Mapping;
}

/** Queues a run (the importer's scope and the mapping checked first); the job runner writes it. */
export async function startRun(viewer: Viewer | null, input: StartRunInput): Promise<{ id: string }> {
  const { viewer: v } = importScope(viewer, input.target);
  const mapping = mappingSchema.parse(input.mapping);
  const { columns } = await reopenSource(input.sourceSha256, input.sourceName, input.options);
  checkMapping(input.target, columns, mapping);
  const run = await prisma.importRun.create({
    data: {
      target: input.target,
      actorId: v.userId,
      sourceName: input.sourceName,
      sourceSha256: input.sourceSha256,
      options: input.options as Prisma.InputJsonValue,
      mapping: mapping as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return run;
}

/** A run's outcome counters, as stored columns. */
const COUNTER: Record<RowResult["outcome"], "countNew" | "countUpdate" | "countSame" | "countDup" | "countInvalid"> = {
  new: "countNew",
  update: "countUpdate",
  unchanged: "countSame",
  duplicate: "countDup",
  invalid: "countInvalid",
};

/**
 * Writes a queued (or interrupted) run: rows after its last written line are classified in batches as in
 * the dry run, and each batch is written in one transaction with the run's progress. Stops between batches
 * when the run has been cancelled.
 */
export async function executeRun(runId: string): Promise<void> {
  const run = await prisma.importRun.findUniqueOrThrow({ where: { id: runId } });
  const target = run.target as ImportTargetName;
  const viewer = await loadViewer(run.actorId);
  let scope: Scope;
  try {
    scope = importScope(viewer, target).scope;
  } catch {
    await prisma.importRun.update({
      where: { id: runId },
      data: { status: "FAILED", error: "forbidden", finishedAt: new Date() },
    });
    return;
  }
  await prisma.importRun.update({
    where: { id: runId },
    data: { status: "RUNNING", startedAt: run.startedAt ?? new Date(), heartbeatAt: new Date() },
  });
  try {
    const { columns, rows } = await reopenSource(run.sourceSha256, run.sourceName, run.options as ReadOptions);
    async function* after() {
      for await (const row of rows) if (row.line > run.lastLine) yield row;
    }
    let cancelled = false;
    await classifyRows(
      viewer!,
      scope,
      { target, columns, rows: after(), mapping: run.mapping as Mapping },
      async (batch) => {
        if (cancelled) return;
        const status = await prisma.importRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
        if (status.status === "CANCELLED") {
          cancelled = true;
          throw new CancelledRun();
        }
        await prisma.$transaction(async (tx) => {
          const counts: Record<string, number> = {};
          const written = await targetOf(target).write(
            tx,
            run.actorId,
            batch.filter((r) => r.outcome === "new" || r.outcome === "update"),
          );
          const outcomes: Prisma.ImportRowOutcomeCreateManyInput[] = [];
          for (const row of batch) {
            const w = written.get(row.line) ?? { entityId: row.id };
            counts[COUNTER[row.outcome]] = (counts[COUNTER[row.outcome]] ?? 0) + 1;
            outcomes.push({
              runId,
              line: row.line,
              key: row.key,
              outcome: row.outcome,
              changes: row.changes,
              field: row.field ?? null,
              reason: row.reason ?? null,
              params: (row.params ?? undefined) as Prisma.InputJsonValue | undefined,
              entityId: w.entityId ?? null,
              before: (w.before ?? undefined) as Prisma.InputJsonValue | undefined,
              after: (w.after ?? undefined) as Prisma.InputJsonValue | undefined,
              version: w.version ?? null,
              extraId: w.extraId ?? null,
            });
          }
          await tx.importRowOutcome.createMany({ data: outcomes });
          await tx.importRun.update({
            where: { id: runId },
            data: {
              lastLine: Math.max(...batch.map((r) => r.line)),
              rowsDone: { increment: batch.length },
              heartbeatAt: new Date(),
              ...Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, { increment: n }])),
            },
          });
        });
      },
      // the outcomes are in the run's rows table: none kept in memory, however long the source
      { limit: 0 },
    );
    await prisma.importRun.update({
      where: { id: runId },
      data: { status: "DONE", finishedAt: new Date(), error: null },
    });
  } catch (error) {
    if (error instanceof CancelledRun) {
      await prisma.importRun.update({ where: { id: runId }, data: { finishedAt: new Date() } });
      return;
    }
    const message =
      error instanceof AppError
        ? (Object.values(error.fieldErrors)[0] ?? error.code)
        : String((error as Error).message);
    await prisma.importRun.update({
      where: { id: runId },
      data: { status: "FAILED", error: message.slice(0, 500), finishedAt: new Date() },
    });
  }
}

class CancelledRun extends Error {}

/**
 * The job runner's work: the oldest queued run, or a running one whose instance stopped beating (it
 * resumes after its last written line), is claimed with one UPDATE (SKIP LOCKED) and written.
 */
export async function runQueuedImports(): Promise<string | undefined> {
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "ImportRun" SET status = 'RUNNING', "heartbeatAt" = now()
     WHERE id = (SELECT id FROM "ImportRun"
                  WHERE status = 'QUEUED' OR (status = 'RUNNING' AND "heartbeatAt" < now() - interval '2 minutes')
                  ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id`;
  if (!claimed[0]) return undefined;
  await executeRun(claimed[0].id);
  return `run ${claimed[0].id}`;
}

/** The runs a viewer may see: their own, or every run with the republic's scope. */
function runWhere(viewer: Viewer, scope: Scope): Prisma.ImportRunWhereInput {
  return scope.all ? {} : { actorId: viewer.userId };
}

export async function getRun(viewer: Viewer | null, target: ImportTargetName, id: string) {
  const { viewer: v, scope } = importScope(viewer, target);
  const run = await prisma.importRun.findFirst({ where: { AND: [{ id, target }, runWhere(v, scope)] } });
  if (!run) throw new AppError("notFound");
  return run;
}

export async function listRuns(viewer: Viewer | null, target: ImportTargetName) {
  const { viewer: v, scope } = importScope(viewer, target);
  return prisma.importRun.findMany({
    where: { AND: [{ target }, runWhere(v, scope)] },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** Cancels a queued or running run: it stops before its next batch (the written batches stay, and can be rolled back). */
export async function cancelRun(viewer: Viewer | null, target: ImportTargetName, id: string): Promise<void> {
  const run = await getRun(viewer, target, id);
  const done = await prisma.importRun.updateMany({
    where: { id: run.id, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELLED" },
  });
  if (!done.count) throw new AppError("conflict");
}

/** How many of a run's written rows a rollback reads at a time (memory does not grow with the run). */
export const ROLLBACK_PAGE = 500;

/**
 * Rolls a finished (or cancelled, or failed) run back in one transaction, reading its written rows a page
 * at a time, newest line first: the target removes what the run inserted and restores what it updated, each
 * only while the record still holds what the run wrote; the others are listed.
 */
export async function rollbackRun(
  viewer: Viewer | null,
  target: ImportTargetName,
  id: string,
): Promise<RollbackResult> {
  const run = await getRun(viewer, target, id);
  const { viewer: v } = importScope(viewer, target);
  if (!["DONE", "CANCELLED", "FAILED"].includes(run.status)) throw new AppError("conflict");
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.importRun.updateMany({
        where: { id: run.id, status: run.status },
        data: { status: "ROLLED_BACK", rolledBackAt: new Date() },
      });
      if (!claimed.count) throw new AppError("stale");
      const result: RollbackResult = { removed: 0, restored: 0, kept: [] };
      let below: number | undefined;
      for (;;) {
        const page = await tx.importRowOutcome.findMany({
          where: {
            runId: run.id,
            outcome: { in: ["new", "update"] },
            ...(below === undefined ? {} : { line: { lt: below } }),
          },
          orderBy: { line: "desc" },
          take: ROLLBACK_PAGE,
          select: {
            line: true,
            key: true,
            outcome: true,
            changes: true,
            entityId: true,
            before: true,
            after: true,
            version: true,
            extraId: true,
          },
        });
        if (!page.length) break;
        const done = await targetOf(target).rollback(tx, v.userId, page);
        result.removed += done.removed;
        result.restored += done.restored;
        result.kept.push(...done.kept);
        below = page.at(-1)!.line;
      }
      result.kept.sort((a, b) => b.line - a.line);
      return result;
    },
    { timeout: 600_000 },
  );
}

/** The outcomes of a run's rows, for its report. */
export async function runOutcomes(viewer: Viewer | null, target: ImportTargetName, id: string): Promise<RowResult[]> {
  const run = await getRun(viewer, target, id);
  const rows = await prisma.importRowOutcome.findMany({ where: { runId: run.id }, orderBy: { line: "asc" } });
  return rows.map((r) => ({
    line: r.line,
    key: r.key,
    outcome: r.outcome as RowResult["outcome"],
    changes: r.changes,
    field: r.field ?? undefined,
    reason: r.reason ?? undefined,
    params: (r.params ?? undefined) as Record<string, string | number> | undefined,
  }));
}

// ───────── saved mappings ─────────

export async function saveProfile(
  viewer: Viewer | null,
  input: { target: ImportTargetName; name: string; columns: string[]; mapping: Mapping },
) {
  const { viewer: v } = importScope(viewer, input.target);
  const mapping = mappingSchema.parse(input.mapping);
  void TARGETS;
  return prisma.importProfile.upsert({
    where: { createdById_target_name: { createdById: v.userId, target: input.target, name: input.name } },
    create: { createdById: v.userId, target: input.target, name: input.name, columns: input.columns, mapping },
    update: { columns: input.columns, mapping },
  });
}

export async function listProfiles(viewer: Viewer | null, target: ImportTargetName) {
  const { viewer: v } = importScope(viewer, target);
  return prisma.importProfile.findMany({ where: { createdById: v.userId, target }, orderBy: { name: "asc" } });
}

// ───────── what the wizard's routes call ─────────

export interface SourceRef {
  target: ImportTargetName;
  sourceName: string;
  sourceSha256: string;
  options: ReadOptions;
}

/** A stored source as the wizard shows it: what was detected, the columns, the first rows, a suggested mapping, saved profiles. */
export async function inspectSource(viewer: Viewer | null, ref: SourceRef) {
  importScope(viewer, ref.target);
  const stream = await blobStore().read(ref.sourceSha256);
  if (!stream) throw new AppError("notFound");
  const { info, rows } = await openSource(ref.sourceName, stream, ref.options);
  const { columns, rows: data } = await withHeader(rows);
  const preview: string[][] = [];
  for await (const row of data) {
    preview.push(row.cells);
    if (preview.length >= 5) break;
  }
  const fields = TARGETS[ref.target].fields;
  const profiles = (await listProfiles(viewer, ref.target)).map((p) => ({
    id: p.id,
    name: p.name,
    columns: p.columns,
    mapping: p.mapping as Mapping,
  }));
  // a saved profile made for the same columns is the suggestion; otherwise the one from the column names
  const same = profiles.find((p) => p.columns.join("\u0000") === columns.join("\u0000"));
  return {
    info,
    columns,
    preview,
    fields: fields.map((f) => ({ name: f.name, required: f.required })),
    suggestion: same?.mapping ?? suggestMapping(columns, fields),
    profiles,
  };
}

/**
 * A dry run of a stored source made ready: the importer's scope, the source opened and the mapping checked
 * (each refused here, before anything is answered), then the rows classified when the result is called —
 * each batch to `onBatch`, and in memory only what `keep` asks for. Nothing is written.
 */
export async function prepareDryRun(viewer: Viewer | null, ref: SourceRef & { mapping: Mapping }) {
  const { viewer: v, scope } = importScope(viewer, ref.target);
  const mapping = mappingSchema.parse(ref.mapping);
  const { columns, rows } = await reopenSource(ref.sourceSha256, ref.sourceName, ref.options);
  checkMapping(ref.target, columns, mapping);
  return (onBatch?: (results: RowResult[]) => Promise<void> | void, keep?: KeepOptions) =>
    classifyRows(v, scope, { target: ref.target, columns, rows, mapping }, onBatch, keep);
}

/** The dry run of a stored source: counts and the rows' results `keep` asks for (every one by default). */
export async function dryRunSource(viewer: Viewer | null, ref: SourceRef & { mapping: Mapping }, keep?: KeepOptions) {
  return (await prepareDryRun(viewer, ref))(undefined, keep);
}

/** A run by id for a viewer who may see it (its importer, or anyone with the republic's scope for its target). */
export async function runById(viewer: Viewer | null, id: string) {
  const run = await prisma.importRun.findUnique({ where: { id }, select: { target: true } });
  if (!run || !(run.target in TARGETS)) throw new AppError("notFound");
  return getRun(viewer, run.target as ImportTargetName, id);
}

/** Every run a viewer may see, newest first, across the targets they can import into. */
export async function visibleRuns(viewer: Viewer) {
  const runs = [];
  for (const target of Object.keys(TARGETS) as ImportTargetName[]) {
    try {
      runs.push(...(await listRuns(viewer, target)));
    } catch {
      // no permission for this target
    }
  }
  return runs.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, 50);
}

/** The targets a viewer may import into (each needs its form's permission). */
export function importTargets(viewer: Viewer): ImportTargetName[] {
  return (Object.keys(TARGETS) as ImportTargetName[]).filter((name) => scopeOf(viewer, TARGETS[name].permission));
}
