/**
 * Jobs of the running server (run by the job runner, lib/jobs): the scheduled archive export (daily at the
 * set hour, keeping the newest N) and the daily purge of data packages past their retention period.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { database, prisma } from "../db";
import { env } from "../env";
import { recordAudit } from "../audit";
import { purgeExpiredPackages } from "../packages/purge";
import { filesDir } from "../files/store";
import type { ArchiveBackup } from "../generated/prisma/client";
import { exportArchive, type ExportProgress } from "./archive";

export const SETTING_ID = "default";

export function backupDir(): string {
  return join(env().DATA_DIR, "backups");
}

export async function archiveSetting() {
  return (
    (await prisma.archiveSetting.findUnique({ where: { id: SETTING_ID } })) ?? {
      id: SETTING_ID,
      daily: false,
      hourUtc: 1,
      keep: 7,
      updatedAt: new Date(0),
    }
  );
}

/** A backup being exported by this server process (at most one at a time). */
export interface ExportJob {
  id: string;
  kind: "manual" | "scheduled";
  createdById: string | null;
  startedAt: Date;
  progress: ExportProgress;
  /** Settles with the finished row (DONE or FAILED); never rejects. */
  done: Promise<ArchiveBackup>;
}

/** Thrown when an export is refused because another one is running. */
export class ExportBusy extends Error {
  constructor() {
    super("busy");
    this.name = "ExportBusy";
  }
}

/**
 * The export job of the process, kept on globalThis: the server script's scheduler and the pages' bundle
 * load this module separately but must see one job.
 */
const registry = globalThis as unknown as { __eisoExportJob?: ExportJob | "starting" | null };

/** The job this process is exporting, or null. */
export function runningExport(): ExportJob | null {
  const job = registry.__eisoExportJob;
  return job && job !== "starting" ? job : null;
}

/** Hours after which a RUNNING row that no process reports is taken as an interrupted export. */
const STALE_HOURS = 6;

/**
 * Starts an export into DATA_DIR/backups in the background and answers at once with its RUNNING row; the
 * job's `done` settles when the archive is written (DONE) or failed (FAILED, the partial file removed).
 * Refused (ExportBusy) while this process exports, or while another process's export is recorded as
 * running (PostgreSQL with several instances).
 */
export async function startExport(kind: "manual" | "scheduled", actorId: string | null): Promise<ExportJob> {
  if (registry.__eisoExportJob) throw new ExportBusy();
  registry.__eisoExportJob = "starting";
  try {
    const other = await prisma.archiveBackup.findFirst({
      where: { status: "RUNNING", startedAt: { gt: new Date(Date.now() - STALE_HOURS * 3_600_000) } },
      select: { id: true },
    });
    if (other) throw new ExportBusy();
    const dir = backupDir();
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const fileName = `eiso-${stamp}.tar.gz`;
    // The row and its audit entry are written before the export starts: on the embedded database the
    // export holds the database until it ends.
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.archiveBackup.create({
        data: { kind, status: "RUNNING", fileName, createdById: actorId },
      });
      if (actorId)
        await recordAudit(tx, {
          actorId,
          action: "create",
          entity: "ArchiveBackup",
          entityId: created.id,
          after: { kind, status: "RUNNING", fileName },
        });
      return created;
    });
    const job: ExportJob = {
      id: row.id,
      kind,
      createdById: actorId,
      startedAt: row.startedAt,
      progress: { phase: "tables", done: 0, total: 0 },
      done: Promise.resolve(row),
    };
    job.done = (async () => {
      try {
        const db = database();
        const result = await exportArchive(db.raw, db.kind, join(dir, fileName), {
          filesDir: filesDir(),
          onProgress: (p) => (job.progress = p),
        });
        return await prisma.archiveBackup.update({
          where: { id: row.id },
          data: { status: "DONE", size: BigInt(result.size), sha256: result.sha256, finishedAt: new Date() },
        });
      } catch (error) {
        rmSync(join(dir, fileName), { force: true });
        return prisma.archiveBackup.update({
          where: { id: row.id },
          data: { status: "FAILED", error: String((error as Error).message).slice(0, 1000), finishedAt: new Date() },
        });
      } finally {
        registry.__eisoExportJob = null;
      }
    })();
    registry.__eisoExportJob = job;
    return job;
  } catch (error) {
    if (registry.__eisoExportJob === "starting") registry.__eisoExportJob = null;
    throw error;
  }
}

/** Runs one export into DATA_DIR/backups to its end and returns the finished row. */
export async function runBackup(kind: "manual" | "scheduled", actorId: string | null): Promise<ArchiveBackup> {
  return (await startExport(kind, actorId)).done;
}

/**
 * Marks exports recorded as running but left by a stopped process as failed. Only on the embedded
 * database, which one process holds (its lock): there, a RUNNING row at start cannot be anybody's job.
 */
export async function markInterruptedExports(): Promise<number> {
  if (database().kind !== "pglite" || runningExport()) return 0;
  const { count } = await prisma.archiveBackup.updateMany({
    where: { status: "RUNNING" },
    data: { status: "FAILED", error: "interrupted: the server stopped during the export", finishedAt: new Date() },
  });
  return count;
}

/** Deletes scheduled backups beyond the newest `keep`. */
export async function pruneBackups(keep: number) {
  const old = await prisma.archiveBackup.findMany({
    where: { kind: "scheduled", status: "DONE" },
    orderBy: { startedAt: "desc" },
    skip: Math.max(keep, 1),
  });
  for (const b of old) {
    rmSync(join(backupDir(), b.fileName), { force: true });
    await prisma.archiveBackup.update({ where: { id: b.id }, data: { status: "DELETED" } });
  }
  return old.length;
}

/** One tick of the jobs: due work only (called every few minutes). */
export async function tick(now = new Date(), log: (line: string) => void = console.log) {
  const setting = await archiveSetting();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (setting.daily && now.getUTCHours() >= setting.hourUtc) {
    const done = await prisma.archiveBackup.count({ where: { kind: "scheduled", startedAt: { gte: today } } });
    if (!done) {
      const b = await runBackup("scheduled", null);
      log(`archive: scheduled backup ${b.fileName} ${b.status}`);
      await pruneBackups(setting.keep);
    }
  }
  const purged = await prisma.auditLog.count({
    where: { entity: "DataPackage", action: "delete", at: { gte: today } },
  });
  if (!purged) await purgeExpiredPackages(now, log);
}
