/**
 * Jobs of the running server (started by scripts/start.ts): the scheduled archive export (daily at the
 * set hour, keeping the newest N) and the daily purge of data packages past their retention period.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { database, prisma } from "../db";
import { env } from "../env";
import { purgeExpiredPackages } from "../packages/purge";
import { filesDir } from "../files/store";
import { exportArchive } from "./archive";

export const SETTING_ID = "default";

export function backupDir(): string {
  return join(env().DATA_DIR, "backups");
}

export async function archiveSetting() {
  return (await prisma.archiveSetting.findUnique({ where: { id: SETTING_ID } })) ?? { id: SETTING_ID, daily: false, hourUtc: 1, keep: 7, updatedAt: new Date(0) };
}

let running: Promise<unknown> | null = null;

/** Runs one export into DATA_DIR/backups and records it; one at a time per process. */
export async function runBackup(kind: "manual" | "scheduled", actorId: string | null) {
  if (running) throw new Error("busy");
  const dir = backupDir();
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const fileName = `eiso-${stamp}.tar.gz`;
  const row = await prisma.archiveBackup.create({ data: { kind, status: "RUNNING", fileName, createdById: actorId } });
  const work = (async () => {
    try {
      const db = database();
      const result = await exportArchive(db.raw, db.kind, join(dir, fileName), { filesDir: filesDir() });
      return await prisma.archiveBackup.update({ where: { id: row.id }, data: { status: "DONE", size: BigInt(result.size), sha256: result.sha256, finishedAt: new Date() } });
    } catch (error) {
      rmSync(join(dir, fileName), { force: true });
      return prisma.archiveBackup.update({ where: { id: row.id }, data: { status: "FAILED", error: String((error as Error).message).slice(0, 1000), finishedAt: new Date() } });
    }
  })();
  running = work;
  try {
    return await work;
  } finally {
    running = null;
  }
}

/** Deletes scheduled backups beyond the newest `keep`. */
export async function pruneBackups(keep: number) {
  const old = await prisma.archiveBackup.findMany({ where: { kind: "scheduled", status: "DONE" }, orderBy: { startedAt: "desc" }, skip: Math.max(keep, 1) });
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
  const purged = await prisma.auditLog.count({ where: { entity: "DataPackage", action: "delete", at: { gte: today } } });
  if (!purged) await purgeExpiredPackages(now, log);
}

/** Starts the jobs timer of the server process. */
export function startSchedules(log: (line: string) => void = console.log): () => void {
  const run = () => void tick(new Date(), log).catch((error: unknown) => log(`jobs: ${(error as Error).message}`));
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, 10 * 60_000);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
