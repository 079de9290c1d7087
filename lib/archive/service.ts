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
import { ARCHIVE_SECTIONS } from "./sections";
import { archiveSetting, backupDir, runBackup, SETTING_ID } from "./schedule";

export const filingInput = z.object({ formCode: z.string().trim().min(1).max(32), section: z.enum(ARCHIVE_SECTIONS) });
export const settingInput = z.object({
  daily: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  hourUtc: z.coerce.number().int().min(0).max(23),
  keep: z.coerce.number().int().min(1).max(365),
});

/** Every form code filed under its section, with the years and periods held (closed periods are read-only). */
export async function catalogue(viewer: Viewer) {
  authorizeViewer(viewer, "archive.read");
  const [filings, forms] = await Promise.all([
    prisma.archiveFiling.findMany(),
    prisma.form.findMany({
      orderBy: [{ code: "asc" }, { formList: { year: "desc" } }],
      select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true, formList: { select: { year: true } }, periods: { select: { id: true, label: true, closedAt: true }, orderBy: { dueDate: "asc" } } },
    }),
  ]);
  const sectionOf = new Map(filings.map((f) => [f.formCode, f.section]));
  const byCode = new Map<string, { code: string; nameKk: string; nameRu: string; nameEn: string; periods: { id: string; label: string; year: number; closed: boolean }[] }>();
  for (const f of forms) {
    const entry = byCode.get(f.code) ?? { code: f.code, nameKk: f.nameKk, nameRu: f.nameRu, nameEn: f.nameEn, periods: [] };
    entry.periods.push(...f.periods.map((p) => ({ id: p.id, label: p.label, year: f.formList.year, closed: Boolean(p.closedAt) })));
    byCode.set(f.code, entry);
  }
  const sections = ARCHIVE_SECTIONS.map((key) => ({ key, forms: [...byCode.values()].filter((f) => sectionOf.get(f.code) === key) }));
  const unfiled = [...byCode.values()].filter((f) => !sectionOf.has(f.code));
  return { sections, unfiled };
}

export async function fileForm(viewer: Viewer, input: z.infer<typeof filingInput>) {
  authorizeViewer(viewer, "archive.manage");
  if (!(await prisma.form.findFirst({ where: { code: input.formCode }, select: { id: true } }))) throw new AppError("notFound");
  return prisma.$transaction(async (tx) => {
    const before = await tx.archiveFiling.findUnique({ where: { formCode: input.formCode } });
    const after = await tx.archiveFiling.upsert({ where: { formCode: input.formCode }, create: input, update: { section: input.section } });
    await recordAudit(tx, { actorId: viewer.userId, action: before ? "update" : "create", entity: "ArchiveFiling", entityId: input.formCode, before, after });
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
  return { rows, setting, last };
}

export async function startBackup(viewer: Viewer) {
  authorizeViewer(viewer, "archive.manage");
  try {
    return await runBackup("manual", viewer.userId);
  } catch (error) {
    if ((error as Error).message === "busy") throw new AppError("conflict", { archive: "archive.busy" });
    throw error;
  }
}

export async function updateSetting(viewer: Viewer, input: z.infer<typeof settingInput>) {
  authorizeViewer(viewer, "archive.manage");
  return prisma.$transaction(async (tx) => {
    const before = await tx.archiveSetting.findUnique({ where: { id: SETTING_ID } });
    const after = await tx.archiveSetting.upsert({ where: { id: SETTING_ID }, create: { id: SETTING_ID, ...input }, update: input });
    await recordAudit(tx, { actorId: viewer.userId, action: before ? "update" : "create", entity: "ArchiveSetting", entityId: SETTING_ID, before, after });
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
