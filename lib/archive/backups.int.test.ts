import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { refusal, viewer } from "@/tests/setup/helpers";
import { verifyArchive } from "./archive";
import { backupDir, tick } from "./schedule";
import { backups, catalogue, fileForm, startBackup, updateSetting } from "./service";

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
    expect((await refusal(fileForm(await viewer("u_district"), { formCode: "P-1", section: "preschool" }))).code).toBe("forbidden");
    await fileForm(await viewer("u_ministry"), { formCode: "P-1", section: "preschool" });
    const { sections } = await catalogue(await viewer("u_ministry"));
    expect(sections.find((s) => s.key === "preschool")!.forms.map((f) => f.code)).toEqual(["P-1"]);
    expect(await prisma.auditLog.count({ where: { entity: "ArchiveFiling", entityId: "P-1" } })).toBe(1);
    expect((await refusal(fileForm(await viewer("u_ministry"), { formCode: "NOPE", section: "preschool" }))).code).toBe("notFound");
  });
});

describe("backups", () => {
  it("makes a verified backup on request and shows it as the last one", async () => {
    expect((await refusal(startBackup(await viewer("u_district")))).code).toBe("forbidden");
    const b = await startBackup(await viewer("u_ministry"));
    expect(b.status).toBe("DONE");
    const file = join(backupDir(), b.fileName);
    expect(existsSync(file)).toBe(true);
    expect(verifyArchive(readFileSync(file)).manifest.tables.length).toBeGreaterThan(20);
    expect((await backups(await viewer("u_ministry"))).last?.id).toBe(b.id);
  });

  it("runs the scheduled backup once a day at the set hour and keeps the newest N", async () => {
    await updateSetting(await viewer("u_ministry"), { daily: true, hourUtc: 0, keep: 1 });
    const lines: string[] = [];
    await tick(new Date(), (l) => lines.push(l));
    await tick(new Date(), (l) => lines.push(l));
    expect(await prisma.archiveBackup.count({ where: { kind: "scheduled" } })).toBe(1);
    expect(lines.some((l) => /scheduled backup .* DONE/.test(l))).toBe(true);
    // an older scheduled backup is pruned when a new one is made (keep 1)
    await prisma.archiveBackup.updateMany({ where: { kind: "scheduled" }, data: { startedAt: new Date(Date.now() - 2 * 86_400_000) } });
    await tick(new Date(), () => {});
    const rows = await prisma.archiveBackup.findMany({ where: { kind: "scheduled" }, orderBy: { startedAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["DELETED", "DONE"]);
    expect(existsSync(join(backupDir(), rows[0]!.fileName))).toBe(false);
  });
});
