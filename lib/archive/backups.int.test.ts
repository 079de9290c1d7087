import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { refusal, viewer } from "@/tests/setup/helpers";
import { verifyArchive } from "./archive";
import { database } from "@/lib/db";
import { backupDir, markInterruptedExports, runningExport, tick } from "./schedule";
import {
  backups,
  catalogue,
  exportPercent,
  exportStatus,
  fileForm,
  ownExportProgress,
  settingInput,
  startBackup,
  updateSetting,
} from "./service";

const dir = mkdtempSync(join(tmpdir(), "eiso-backups-"));
let original: string;
beforeAll(() => {
  original = env().DATA_DIR;
  env().DATA_DIR = dir;
});
afterAll(() => {
  env().DATA_DIR = original;
  rmSync(dir, { recursive: true, force: true });
});

describe("archive catalogue", () => {
  it("shows the 15 sections with the forms filed under them to administrators", async () => {
    const { sections } = await catalogue(await viewer("u_district"));
    expect(sections).toHaveLength(15);
    expect(sections.find((s) => s.key === "generalSecondary")!.forms.map((f) => f.code)).toContain("D-1");
    expect((await refusal(catalogue(await viewer("u_teacher")))).code).toBe("forbidden");
  });

  it("lets only the ministry file a form under a section, audited", async () => {
    expect((await refusal(fileForm(await viewer("u_district"), { formCode: "P-1", section: "preschool" }))).code).toBe(
      "forbidden",
    );
    await fileForm(await viewer("u_ministry"), { formCode: "P-1", section: "preschool" });
    const { sections } = await catalogue(await viewer("u_ministry"));
    expect(sections.find((s) => s.key === "preschool")!.forms.map((f) => f.code)).toEqual(["P-1"]);
    expect(await prisma.auditLog.count({ where: { entity: "ArchiveFiling", entityId: "P-1" } })).toBe(1);
    expect((await refusal(fileForm(await viewer("u_ministry"), { formCode: "NOPE", section: "preschool" }))).code).toBe(
      "notFound",
    );
  });
});

describe("backups", () => {
  it("exports in a background job with progress, refuses a second export meanwhile, and shows the result as the last backup", async () => {
    const ministry = await viewer("u_ministry");
    expect((await refusal(startBackup(await viewer("u_district")))).code).toBe("forbidden");
    const started = await startBackup(ministry);
    // answered at once: the job runs on, recorded as running, its progress readable by its starter
    const job = runningExport();
    expect(job?.id).toBe(started.id);
    expect((await prisma.archiveBackup.findUniqueOrThrow({ where: { id: started.id } })).status).toBe("RUNNING");
    expect(ownExportProgress(ministry.userId, started.id)).toMatchObject({ id: started.id, status: "RUNNING" });
    expect(ownExportProgress("u_district", started.id)).toBeNull();
    // a second export while the first runs: refused with the archive's own reason, nothing recorded
    const second = await refusal(startBackup(ministry));
    expect([second.code, second.fieldErrors.archive]).toEqual(["conflict", "archive.busy"]);
    const seen: number[] = [];
    const poll = setInterval(() => {
      const p = ownExportProgress(ministry.userId, started.id);
      if (p) seen.push(p.percent);
    }, 1);
    const finished = await job!.done;
    clearInterval(poll);
    expect(finished.status).toBe("DONE");
    expect(runningExport()).toBeNull();
    expect(seen.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= seen[i - 1]!))).toBe(true);
    expect(await prisma.archiveBackup.count({ where: { kind: "manual" } })).toBe(1);
    expect(
      await prisma.auditLog.count({
        where: { entity: "ArchiveBackup", entityId: started.id, actorId: ministry.userId },
      }),
    ).toBe(1);
    const status = await exportStatus(ministry, started.id);
    expect(status).toMatchObject({ status: "DONE", percent: 100, sha256: finished.sha256 });
    expect((await refusal(exportStatus(await viewer("u_district"), started.id))).code).toBe("forbidden");
    const file = join(backupDir(), finished.fileName);
    expect(existsSync(file)).toBe(true);
    expect(verifyArchive(readFileSync(file)).manifest.tables.length).toBeGreaterThan(20);
    expect((await backups(ministry)).last?.id).toBe(started.id);
    // a new export may start once the first has ended
    const again = await startBackup(ministry);
    expect((await runningExport()!.done).status).toBe("DONE");
    expect(again.id).not.toBe(started.id);
  });

  it("reports an export's progress phase by phase, tables first", () => {
    expect(exportPercent({ phase: "tables", done: 0, total: 50 })).toBe(0);
    expect(exportPercent({ phase: "tables", done: 25, total: 50 })).toBe(42);
    expect(exportPercent({ phase: "packages", done: 10, total: 10 })).toBe(95);
    expect(exportPercent({ phase: "finishing", done: 0, total: 1 })).toBe(99);
  });

  it("marks an export left running by a stopped embedded server as failed, and does not refuse new exports for it", async () => {
    const left = await prisma.archiveBackup.create({
      data: { kind: "manual", status: "RUNNING", fileName: "left.tar.gz" },
    });
    if (database().kind === "pglite") {
      expect(await markInterruptedExports()).toBe(1);
      expect((await prisma.archiveBackup.findUniqueOrThrow({ where: { id: left.id } })).status).toBe("FAILED");
    } else {
      // several servers may share PostgreSQL: a running row of another one refuses, until it is stale
      expect((await refusal(startBackup(await viewer("u_ministry")))).fieldErrors.archive).toBe("archive.busy");
      await prisma.archiveBackup.update({
        where: { id: left.id },
        data: { startedAt: new Date(Date.now() - 7 * 3_600_000) },
      });
    }
    await startBackup(await viewer("u_ministry"));
    expect((await runningExport()!.done).status).toBe("DONE");
    await prisma.archiveBackup.deleteMany({ where: { kind: "manual" } });
  });

  it("takes the hour of the schedule in Almaty time and keeps it in UTC", async () => {
    // Kazakhstan is on UTC+5: 06:00 in Almaty is 01:00 UTC, 03:00 is 22:00 UTC the day before
    expect(settingInput.parse({ daily: "on", hour: "6", keep: "3" })).toEqual({ daily: true, hourUtc: 1, keep: 3 });
    expect(settingInput.parse({ hour: "3", keep: "1" })).toEqual({ daily: false, hourUtc: 22, keep: 1 });
    expect(settingInput.safeParse({ daily: "on", hour: "24", keep: "3" }).success).toBe(false);
  });

  it("runs the scheduled backup once a day at the set hour and keeps the newest N", async () => {
    await updateSetting(await viewer("u_ministry"), { daily: true, hourUtc: 0, keep: 1 });
    const lines: string[] = [];
    await tick(new Date(), (l) => lines.push(l));
    await tick(new Date(), (l) => lines.push(l));
    expect(await prisma.archiveBackup.count({ where: { kind: "scheduled" } })).toBe(1);
    expect(lines.some((l) => /scheduled backup .* DONE/.test(l))).toBe(true);
    // an older scheduled backup is pruned when a new one is made (keep 1)
    await prisma.archiveBackup.updateMany({
      where: { kind: "scheduled" },
      data: { startedAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    await tick(new Date(), () => {});
    const rows = await prisma.archiveBackup.findMany({ where: { kind: "scheduled" }, orderBy: { startedAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["DELETED", "DONE"]);
    expect(existsSync(join(backupDir(), rows[0]!.fileName))).toBe(false);
  });
});
