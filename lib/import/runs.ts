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
import { recordAudit, recordAudits } from "../audit";
import { enqueueSearch } from "../search/outbox";
import { loadViewer } from "../auth/access";
import { scopeOf, type Scope, type Viewer } from "../auth/scope";
import { blobStore } from "../files/store";
import type { Prisma } from "../generated/prisma/client";
import { classifyRows, importScope, checkMapping, type KeepOptions, type RowResult } from "./dry-run";
import { mappingSchema, suggestMapping, type Mapping } from "./mapping";
import { openSource, withHeader, type ReadOptions } from "./reader";
import { TARGETS, type ImportTargetName } from "./targets";
import { ORGANIZATION_COLUMNS } from "./targets/organizations";

type Tx = Prisma.TransactionClient;

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

/** Writes one classified row; returns what the rollback needs (the record, its values before, its version after). */
async function writeRow(
  tx: Tx,
  target: ImportTargetName,
  actorId: string,
  row: RowResult,
): Promise<{
  entityId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  version?: number;
  extraId?: string;
}> {
  if (row.outcome !== "new" && row.outcome !== "update") return { entityId: row.id };
  const data = row.data!;
  if (target === "organizations") {
    if (row.outcome === "new") {
      const created = await tx.organization.create({ data: data as Prisma.OrganizationUncheckedCreateInput });
      await recordAudit(tx, {
        actorId,
        action: "create",
        entity: "Organization",
        entityId: created.id,
        after: created,
      });
      await enqueueSearch(tx, "organization", [created.id]);
      return { entityId: created.id, version: created.version, after: data };
    }
    const current = await tx.organization.findUniqueOrThrow({ where: { id: row.id! } });
    const before = Object.fromEntries(Object.keys(data).map((k) => [k, (current as Record<string, unknown>)[k]]));
    const after = await tx.organization.update({
      where: { id: row.id! },
      data: { ...(data as Prisma.OrganizationUncheckedUpdateInput), version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId,
      action: "update",
      entity: "Organization",
      entityId: after.id,
      before,
      after: data,
    });
    await enqueueSearch(tx, "organization", [after.id]);
    return { entityId: after.id, before, version: after.version, after: data };
  }
  // pupils: the person and the enrolment in the class of the current year
  const { classGroupId, academicYearId, ...person } = data as Record<string, string | null>;
  const klass = classGroupId
    ? await tx.classGroup.findUniqueOrThrow({ where: { id: classGroupId }, select: { organizationId: true } })
    : null;
  if (row.outcome === "new") {
    const created = await tx.person.create({
      data: {
        iin: person.iin!,
        lastName: person.lastName!,
        firstName: person.firstName!,
        middleName: person.middleName ?? null,
        birthDate: new Date(`${person.birthDate}T00:00:00Z`),
        sex: person.sex as "MALE" | "FEMALE",
        organizationId: person.organizationId ?? null,
      },
    });
    const enrolment = await tx.classEnrolment.create({
      data: {
        organizationId: klass!.organizationId,
        academicYearId: academicYearId!,
        classGroupId: classGroupId!,
        studentId: created.id,
      },
    });
    await recordAudit(tx, { actorId, action: "create", entity: "Person", entityId: created.id, after: created });
    return {
      entityId: created.id,
      version: created.version,
      extraId: enrolment.id,
      after: {
        lastName: created.lastName,
        firstName: created.firstName,
        middleName: created.middleName,
        classGroupId,
        academicYearId,
      },
    };
  }
  const current = await tx.person.findUniqueOrThrow({ where: { id: row.id! } });
  const fields = Object.fromEntries(Object.entries(person).filter(([k]) => k !== "iin"));
  const before: Record<string, unknown> = Object.fromEntries(
    Object.keys(fields).map((k) => [k, (current as Record<string, unknown>)[k]]),
  );
  let extraId: string | undefined;
  if (row.changes.includes("classGroupId")) {
    const enrolment = await tx.classEnrolment.findUnique({
      where: { academicYearId_studentId: { academicYearId: academicYearId!, studentId: row.id! } },
    });
    before.classGroupId = enrolment?.classGroupId ?? null;
    if (enrolment)
      await tx.classEnrolment.update({ where: { id: enrolment.id }, data: { classGroupId: classGroupId! } });
    else
      extraId = (
        await tx.classEnrolment.create({
          data: {
            organizationId: klass!.organizationId,
            academicYearId: academicYearId!,
            classGroupId: classGroupId!,
            studentId: row.id!,
          },
        })
      ).id;
    before.academicYearId = academicYearId;
  }
  const after = await tx.person.update({ where: { id: row.id! }, data: { ...fields, version: { increment: 1 } } });
  await recordAudit(tx, { actorId, action: "update", entity: "Person", entityId: after.id, before, after: data });
  return {
    entityId: after.id,
    before,
    version: after.version,
    extraId,
    after: { ...fields, ...(row.changes.includes("classGroupId") ? { classGroupId, academicYearId } : {}) },
  };
}

/** Inserts a batch's new rows with one statement per table (records, enrolments, audit entries, search outbox). */
async function insertNew(
  tx: Tx,
  target: ImportTargetName,
  actorId: string,
  rows: readonly RowResult[],
): Promise<Map<number, { entityId: string; version: number; extraId?: string; after: Record<string, unknown> }>> {
  const out = new Map<
    number,
    { entityId: string; version: number; extraId?: string; after: Record<string, unknown> }
  >();
  if (!rows.length) return out;
  const id = () => `imp${randomBytes(11).toString("hex")}`;
  if (target === "organizations") {
    const records = rows.map((r) => ({ id: id(), ...(r.data as Omit<Prisma.OrganizationCreateManyInput, "id">) }));
    await tx.organization.createMany({ data: records });
    await recordAudits(
      tx,
      records.map((r) => ({ actorId, action: "create" as const, entity: "Organization", entityId: r.id, after: r })),
    );
    await enqueueSearch(
      tx,
      "organization",
      records.map((r) => r.id),
    );
    rows.forEach((r, i) => out.set(r.line, { entityId: records[i]!.id, version: 1, after: r.data! }));
    return out;
  }
  const classIds = [...new Set(rows.map((r) => r.data!.classGroupId as string))];
  const classes = new Map(
    (await tx.classGroup.findMany({ where: { id: { in: classIds } }, select: { id: true, organizationId: true } })).map(
      (c) => [c.id, c.organizationId],
    ),
  );
  const people = rows.map((r) => {
    const d = r.data as Record<string, string | null>;
    return {
      id: id(),
      iin: d.iin!,
      lastName: d.lastName!,
      firstName: d.firstName!,
      middleName: d.middleName ?? null,
      birthDate: new Date(`${d.birthDate}T00:00:00Z`),
      sex: d.sex as "MALE" | "FEMALE",
      organizationId: d.organizationId ?? null,
    };
  });
  await tx.person.createMany({ data: people });
  const enrolments = rows.map((r, i) => ({
    id: id(),
    organizationId: classes.get(r.data!.classGroupId as string)!,
    academicYearId: r.data!.academicYearId as string,
    classGroupId: r.data!.classGroupId as string,
    studentId: people[i]!.id,
  }));
  await tx.classEnrolment.createMany({ data: enrolments });
  await recordAudits(
    tx,
    people.map((p) => ({ actorId, action: "create" as const, entity: "Person", entityId: p.id, after: p })),
  );
  rows.forEach((r, i) => {
    const p = people[i]!;
    out.set(r.line, {
      entityId: p.id,
      version: 1,
      extraId: enrolments[i]!.id,
      after: {
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: p.middleName,
        classGroupId: enrolments[i]!.classGroupId,
        academicYearId: enrolments[i]!.academicYearId,
      },
    });
  });
  return out;
}

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
          // new rows in bulk (one statement per table), updates one by one (each keeps its own before)
          const inserted = await insertNew(
            tx,
            target,
            run.actorId,
            batch.filter((r) => r.outcome === "new"),
          );
          const outcomes: Prisma.ImportRowOutcomeCreateManyInput[] = [];
          for (const row of batch) {
            const written: Awaited<ReturnType<typeof writeRow>> =
              row.outcome === "new" ? inserted.get(row.line)! : await writeRow(tx, target, run.actorId, row);
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
              entityId: written.entityId ?? null,
              before: (written.before ?? undefined) as Prisma.InputJsonValue | undefined,
              after: (written.after ?? undefined) as Prisma.InputJsonValue | undefined,
              version: written.version ?? null,
              extraId: written.extraId ?? null,
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

export interface RollbackResult {
  removed: number;
  restored: number;
  /** Rows whose record changed since the run: left as they are. */
  kept: { line: number; key: string }[];
}

/**
 * Rolls a finished (or cancelled, or failed) run back in one transaction: inserted records are removed and
 * updated ones restored, each only when its version is still the one the run left; the others are listed.
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
      const rows = await tx.importRowOutcome.findMany({
        where: { runId: run.id, outcome: { in: ["new", "update"] } },
        orderBy: { line: "desc" },
      });
      const result: RollbackResult = { removed: 0, restored: 0, kept: [] };
      // inserted rows still as written are removed in bulk, a chunk at a time; a chunk something now refers
      // to (a user, marks) falls back to one row at a time, which keeps exactly those rows
      const pending: typeof rows = [];
      const inserted = rows.filter((r) => r.outcome === "new");
      for (let i = 0; i < inserted.length; i += 500) {
        const chunk = inserted.slice(i, i + 500);
        const ids = chunk.map((r) => r.entityId!);
        const current = new Map<string, Record<string, unknown>>(
          (target === "organizations"
            ? await tx.organization.findMany({ where: { id: { in: ids } } })
            : await tx.person.findMany({ where: { id: { in: ids } } })
          ).map((r) => [r.id, r as Record<string, unknown>]),
        );
        const enrolled = new Map<string, string>(
          target === "pupils"
            ? (
                await tx.classEnrolment.findMany({
                  where: { studentId: { in: ids } },
                  select: { studentId: true, academicYearId: true, classGroupId: true },
                })
              ).map((e) => [`${e.studentId}|${e.academicYearId}`, e.classGroupId])
            : [],
        );
        const removable = chunk.filter((row) => {
          const record = current.get(row.entityId!);
          const written = (row.after ?? {}) as Record<string, unknown>;
          const { classGroupId, academicYearId, ...fields } = written;
          const same =
            !!record &&
            Object.entries(fields).every(([k, v]) => (record[k] ?? null) === (v ?? null)) &&
            (target !== "pupils" ||
              !academicYearId ||
              enrolled.get(`${row.entityId}|${academicYearId}`) === classGroupId);
          if (!same) result.kept.push({ line: row.line, key: row.key });
          return same;
        });
        const removeIds = removable.map((r) => r.entityId!);
        try {
          await tx.$executeRaw`SAVEPOINT import_rollback_chunk`;
          if (target === "organizations") await tx.organization.deleteMany({ where: { id: { in: removeIds } } });
          else {
            await tx.classEnrolment.deleteMany({ where: { studentId: { in: removeIds } } });
            await tx.person.deleteMany({ where: { id: { in: removeIds } } });
          }
          await tx.$executeRaw`RELEASE SAVEPOINT import_rollback_chunk`;
        } catch {
          await tx.$executeRaw`ROLLBACK TO SAVEPOINT import_rollback_chunk`;
          pending.push(...removable);
          continue;
        }
        await recordAudits(
          tx,
          removable.map((r) => ({
            actorId: v.userId,
            action: "delete" as const,
            entity: target === "organizations" ? "Organization" : "Person",
            entityId: r.entityId!,
            before: current.get(r.entityId!)!,
          })),
        );
        if (target === "organizations") await enqueueSearch(tx, "organization", removeIds);
        result.removed += removable.length;
      }
      pending.push(...rows.filter((r) => r.outcome === "update"));
      pending.sort((a, b) => b.line - a.line);
      for (const row of pending) {
        const entity = target === "organizations" ? tx.organization : tx.person;
        const current = await (entity as typeof tx.organization).findUnique({ where: { id: row.entityId! } });
        if (!current || !(await stillAsWritten(tx, target, current, (row.after ?? {}) as Record<string, unknown>))) {
          result.kept.push({ line: row.line, key: row.key });
          continue;
        }
        if (row.outcome === "new") {
          try {
            await tx.$executeRaw`SAVEPOINT import_rollback_row`;
            if (target === "organizations") await tx.organization.delete({ where: { id: row.entityId! } });
            else {
              await tx.classEnrolment.deleteMany({ where: { studentId: row.entityId! } });
              await tx.person.delete({ where: { id: row.entityId! } });
            }
            await tx.$executeRaw`RELEASE SAVEPOINT import_rollback_row`;
          } catch {
            // something refers to the record now (a user, marks): it stays
            await tx.$executeRaw`ROLLBACK TO SAVEPOINT import_rollback_row`;
            result.kept.push({ line: row.line, key: row.key });
            continue;
          }
          await recordAudit(tx, {
            actorId: v.userId,
            action: "delete",
            entity: target === "organizations" ? "Organization" : "Person",
            entityId: row.entityId!,
            before: current,
          });
          if (target === "organizations") await enqueueSearch(tx, "organization", [row.entityId!]);
          result.removed++;
          continue;
        }
        const before = (row.before ?? {}) as Record<string, unknown>;
        if (target === "organizations") {
          const data = Object.fromEntries(
            Object.entries(before).filter(([k]) => (ORGANIZATION_COLUMNS as readonly string[]).includes(k)),
          );
          await tx.organization.update({ where: { id: row.entityId! }, data: { ...data, version: { increment: 1 } } });
          await enqueueSearch(tx, "organization", [row.entityId!]);
        } else {
          const { classGroupId, academicYearId, ...fields } = before as Record<string, string | null>;
          if (academicYearId !== undefined) {
            if (row.extraId) await tx.classEnrolment.deleteMany({ where: { id: row.extraId } });
            else if (classGroupId)
              await tx.classEnrolment.updateMany({
                where: { academicYearId: academicYearId!, studentId: row.entityId! },
                data: { classGroupId },
              });
          }
          await tx.person.update({ where: { id: row.entityId! }, data: { ...fields, version: { increment: 1 } } });
        }
        await recordAudit(tx, {
          actorId: v.userId,
          action: "update",
          entity: target === "organizations" ? "Organization" : "Person",
          entityId: row.entityId!,
          before: current,
          after: before,
        });
        result.restored++;
      }
      return result;
    },
    { timeout: 600_000 },
  );
}

/** Whether a record still holds what a run wrote (a later change, even one undone by a rollback of its own, is compared by value). */
async function stillAsWritten(
  tx: Tx,
  target: ImportTargetName,
  current: Record<string, unknown>,
  written: Record<string, unknown>,
): Promise<boolean> {
  const { classGroupId, academicYearId, ...fields } = written;
  for (const [k, v] of Object.entries(fields)) if ((current[k] ?? null) !== (v ?? null)) return false;
  if (target === "pupils" && academicYearId) {
    const enrolment = await tx.classEnrolment.findUnique({
      where: {
        academicYearId_studentId: { academicYearId: academicYearId as string, studentId: current.id as string },
      },
    });
    if ((enrolment?.classGroupId ?? null) !== (classGroupId ?? null)) return false;
  }
  return true;
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
