/** The archive in the admin area: catalogue by the 15 sections (R27), backups and their schedule (R26). */
import "server-only";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { utcHourOfAlmaty } from "../time";
import { ARCHIVE_SECTIONS } from "./sections";
import type { ExportProgress } from "./archive";
import {
  archiveSetting,
  backupDir,
  ExportBusy,
  runningExport,
  SETTING_ID,
  startExport,
  type ExportJob,
} from "./schedule";

export const filingInput = z.object({ formCode: z.string().trim().min(1).max(32), section: z.enum(ARCHIVE_SECTIONS) });
/** The schedule as a person sets it: the hour in Almaty time (kept in UTC, the way the job runner counts). */
export const settingInput = z
  .object({
    daily: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    hour: z.coerce.number().int().min(0).max(23),
    keep: z.coerce.number().int().min(1).max(365),
  })
  .transform(({ hour, ...rest }) => ({ ...rest, hourUtc: utcHourOfAlmaty(hour) }));

/** Every form code filed under its section, with the years and periods held (closed periods are read-only). */
export async function catalogue(viewer: Viewer) {
  authorizeViewer(viewer, "archive.read");
  const [filings, forms] = await Promise.all([
    prisma.archiveFiling.findMany(),
    prisma.form.findMany({
      orderBy: [{ code: "asc" }, { formList: { year: "desc" } }],
      select: {
        id: true,
        code: true,
        nameKk: true,
        nameRu: true,
        nameEn: true,
        formList: { select: { year: true } },
        periods: { select: { id: true, label: true, closedAt: true }, orderBy: { dueDate: "asc" } },
      },
    }),
  ]);
  const sectionOf = new Map(filings.map((f) => [f.formCode, f.section]));
  const byCode = new Map<
    string,
    {
      code: string;
      nameKk: string;
      nameRu: string;
      nameEn: string;
      periods: { id: string; label: string; year: number; closed: boolean }[];
    }
  >();
  for (const f of forms) {
    const entry = byCode.get(f.code) ?? {
      code: f.code,
      nameKk: f.nameKk,
      nameRu: f.nameRu,
      nameEn: f.nameEn,
      periods: [],
    };
    entry.periods.push(
      ...f.periods.map((p) => ({ id: p.id, label: p.label, year: f.formList.year, closed: Boolean(p.closedAt) })),
    );
    byCode.set(f.code, entry);
  }
  const sections = ARCHIVE_SECTIONS.map((key) => ({
    key,
    forms: [...byCode.values()].filter((f) => sectionOf.get(f.code) === key),
  }));
  const unfiled = [...byCode.values()].filter((f) => !sectionOf.has(f.code));
  return { sections, unfiled };
}

export async function fileForm(viewer: Viewer, input: z.infer<typeof filingInput>) {
  authorizeViewer(viewer, "archive.manage");
  if (!(await prisma.form.findFirst({ where: { code: input.formCode }, select: { id: true } })))
    throw new AppError("notFound");
  return prisma.$transaction(async (tx) => {
    const before = await tx.archiveFiling.findUnique({ where: { formCode: input.formCode } });
    const after = await tx.archiveFiling.upsert({
      where: { formCode: input.formCode },
      create: input,
      update: { section: input.section },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: before ? "update" : "create",
      entity: "ArchiveFiling",
      entityId: input.formCode,
      before,
      after,
    });
    return after;
  });
}

export async function backups(viewer: Viewer) {
  authorizeViewer(viewer, "archive.manage");
  const [rows, setting, last] = await Promise.all([
    prisma.archiveBackup.findMany({ orderBy: { startedAt: "desc" }, take: 50 }),
    archiveSetting(),
    prisma.archiveBackup.findFirst({ where: { status: "DONE" }, orderBy: { startedAt: "desc" } }),
  ]);
  const job = runningExport();
  return { rows, setting, last, running: job ? runningStatus(job) : null };
}

/**
 * Starts an export as a background job of the server and answers at once with the job's row (RUNNING);
 * the page polls exportStatus. A second export while one runs is refused.
 */
export async function startBackup(viewer: Viewer) {
  authorizeViewer(viewer, "archive.manage");
  try {
    const job = await startExport("manual", viewer.userId);
    return { id: job.id, startedAt: job.startedAt };
  } catch (error) {
    if (error instanceof ExportBusy) throw new AppError("conflict", { archive: "archive.busy" });
    throw error;
  }
}

export interface ExportStatus {
  id: string;
  status: string;
  /** 0–100 while running (tables weigh most, then the packages, then the stored files). */
  percent: number;
  phase: ExportProgress["phase"] | null;
  done: number;
  total: number;
  size: number | null;
  sha256: string | null;
  error: string | null;
}

/** The share of the whole export done, from the phase and its items. */
export function exportPercent(p: ExportProgress): number {
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const { from, span } = {
    tables: { from: 0, span: 85 },
    packages: { from: 85, span: 10 },
    files: { from: 95, span: 4 },
    finishing: { from: 99, span: 1 },
  }[p.phase];
  return Math.floor(from + span * part);
}

function runningStatus(job: ExportJob): ExportStatus {
  return {
    id: job.id,
    status: "RUNNING",
    percent: exportPercent(job.progress),
    phase: job.progress.phase,
    done: job.progress.done,
    total: job.progress.total,
    size: null,
    sha256: null,
    error: null,
  };
}

/**
 * The progress of the export its starter follows, from the job of this process only — no database read:
 * on the embedded database the export holds the database until it ends, and the progress must still be
 * answered. Null when `userId` did not start the running job `id` (then use exportStatus).
 */
export function ownExportProgress(userId: string | null | undefined, id: string): ExportStatus | null {
  const job = runningExport();
  if (!job || !userId || job.id !== id || job.createdById !== userId) return null;
  return runningStatus(job);
}

/** The state of an export: its progress while this process runs it, else its recorded row. */
export async function exportStatus(viewer: Viewer, id: string): Promise<ExportStatus> {
  authorizeViewer(viewer, "archive.manage");
  const job = runningExport();
  if (job?.id === id) return runningStatus(job);
  const row = await prisma.archiveBackup.findUnique({ where: { id } });
  if (!row) throw new AppError("notFound");
  return {
    id: row.id,
    status: row.status,
    percent: row.status === "DONE" ? 100 : 0,
    phase: null,
    done: 0,
    total: 0,
    size: row.size !== null ? Number(row.size) : null,
    sha256: row.sha256,
    error: row.error,
  };
}

export async function updateSetting(viewer: Viewer, input: z.infer<typeof settingInput>) {
  authorizeViewer(viewer, "archive.manage");
  return prisma.$transaction(async (tx) => {
    const before = await tx.archiveSetting.findUnique({ where: { id: SETTING_ID } });
    const after = await tx.archiveSetting.upsert({
      where: { id: SETTING_ID },
      create: { id: SETTING_ID, ...input },
      update: input,
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: before ? "update" : "create",
      entity: "ArchiveSetting",
      entityId: SETTING_ID,
      before,
      after,
    });
    return after;
  });
}

/** Path of a finished backup file for download. */
export async function backupFile(viewer: Viewer, id: string) {
  authorizeViewer(viewer, "archive.manage");
  const row = await prisma.archiveBackup.findUnique({ where: { id } });
  const path = row ? join(backupDir(), row.fileName) : "";
  if (!row || row.status !== "DONE" || !existsSync(path)) throw new AppError("notFound");
  return { path, fileName: row.fileName };
}
