import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { saveDraft } from "./entry";
import { prefillDraft } from "./prefill";
import {
  executePrefillRun,
  prefillRegions,
  prefillRunOf,
  runQueuedPrefills,
  startRegionPrefill,
} from "./prefill-region";
import { readPrefillRecord } from "./prefill-rules";

const PERIOD = "rp2026_d3";
let region: Viewer;
let school: Viewer;
let schoolId = "";
let regionId = "";
let otherRegion: { id: string; path: string };
/** An administrator of another region (a hand-made viewer: the seed has one region administrator). */
let stranger: Viewer;

beforeAll(async () => {
  region = await viewer("u_region");
  school = await viewer("u_school");
  schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  const regionPath = region.roles.find((r) => r.role === "REGION_ADMIN")!.territoryPath!;
  regionId = (await prisma.territory.findUniqueOrThrow({ where: { path: regionPath } })).id;
  otherRegion = await prisma.territory.findFirstOrThrow({
    where: { level: "REGION", NOT: { id: regionId } },
    select: { id: true, path: true },
  });
  stranger = {
    ...region,
    roles: [
      { role: "REGION_ADMIN", territoryId: otherRegion.id, territoryPath: otherRegion.path, organizationId: null },
    ],
  };
});

/** Teachers of an organisation in force today, counted as the D-3's total (a person once). */
async function teachersOf(organizationId: string) {
  const rows = await prisma.appointment.findMany({
    where: {
      organizationId,
      position: { code: "TEACHER" },
      startDate: { lte: new Date() },
      OR: [{ endDate: null }, { endDate: { gte: new Date() } }],
    },
    select: { employeeId: true },
  });
  return new Set(rows.map((r) => r.employeeId)).size;
}

describe("a region's prefill of a period's drafts", () => {
  it("refuses a region outside the viewer's territory, a district administrator and a district", async () => {
    const before = await prisma.prefillRun.count();
    const out = await refusal(startRegionPrefill(stranger, { periodId: PERIOD, territoryId: regionId }));
    expect(out.code).toBe("outOfScope");
    expect(out.fieldErrors).toEqual({ territoryId: "reporting.prefill.region.outOfScope" });
    expect((await prefillRegions(stranger)).map((r) => r.id)).toEqual([otherRegion.id]);
    expect(
      (await refusal(startRegionPrefill(await viewer("u_district"), { periodId: PERIOD, territoryId: regionId }))).code,
    ).toBe("forbidden");
    expect((await refusal(startRegionPrefill(school, { periodId: PERIOD, territoryId: regionId }))).code).toBe(
      "forbidden",
    );
    const district = await prisma.territory.findFirstOrThrow({ where: { parentId: regionId } });
    expect(
      (await refusal(startRegionPrefill(region, { periodId: PERIOD, territoryId: district.id }))).fieldErrors,
    ).toEqual({ territoryId: "reporting.prefill.region.notRegion" });
    expect(
      (await refusal(startRegionPrefill(region, { periodId: "rp2026_ah1", territoryId: regionId }))).fieldErrors,
    ).toEqual({ periodId: "reporting.prefill.noMapping" });
    expect(await prisma.prefillRun.count()).toBe(before);
  });

  it("fills every draft of the region in the background, keeping a cell the school changed", async () => {
    // the school filled its draft and changed one cell; it also typed a cell the registry fills
    const own = await prefillDraft(school, { periodId: PERIOD, organizationId: schoolId, version: 0 });
    const vacancies = own.values["staff.vacancies"] as number;
    const women = own.values["profile.women"] as number;
    const { submission } = await saveDraft(school, {
      periodId: PERIOD,
      organizationId: schoolId,
      version: own.submission.version,
      values: { ...own.values, "staff.vacancies": vacancies + 2 },
      comments: {},
    });

    const { id } = await startRegionPrefill(region, { periodId: PERIOD, territoryId: regionId });
    const queued = await prefillRunOf(region, id);
    expect(queued.status).toBe("QUEUED");
    const obliged = await prisma.organization.count({
      where: { status: "ACTIVE", kind: { code: "SCHOOL" }, territory: { path: { startsWith: queued.territory.path } } },
    });
    expect(queued.total).toBeGreaterThanOrEqual(obliged);
    expect(queued.total).toBeGreaterThan(1);
    // one run at a time per period and region; another region's administrator does not see it
    expect(
      (await refusal(startRegionPrefill(region, { periodId: PERIOD, territoryId: regionId }))).fieldErrors,
    ).toEqual({ territoryId: "reporting.prefill.region.running" });
    expect((await refusal(prefillRunOf(stranger, id))).code).toBe("notFound");

    // the job runner's work
    expect(await runQueuedPrefills()).toMatch(new RegExp(`^run ${id}: \\d+ filled`));
    const run = await prefillRunOf(region, id);
    expect(run.status).toBe("DONE");
    expect(run.done).toBe(run.total);
    expect(run.filled + run.skipped).toBe(run.total);
    expect(run.keptCells).toBeGreaterThanOrEqual(1);
    expect(await runQueuedPrefills()).toBeUndefined();

    // the school's changed cell kept, the others as the registry gives them, the registry's figure beside it
    const after = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    const values = after.values as Record<string, number>;
    expect(values["staff.vacancies"]).toBe(vacancies + 2);
    expect(values["profile.women"]).toBe(women);
    expect(values["staff.teachers_total"]).toBe(await teachersOf(schoolId));
    expect(after.version).toBe(submission.version + 1);
    expect(readPrefillRecord(after.prefill)!.cells["staff.vacancies"]!.value).toBe(vacancies);

    // another school of the region without a draft now has one, filled from its registry
    const others = await prisma.submission.findMany({
      where: {
        periodId: PERIOD,
        organizationId: { not: schoolId },
        organization: { territory: { path: { startsWith: queued.territory.path } } },
        createdAt: { gte: queued.createdAt },
      },
    });
    expect(others.length).toBeGreaterThan(0);
    const other = others.find((s) => readPrefillRecord(s.prefill))!;
    expect(other.status).toBe("DRAFT");
    expect((other.values as Record<string, number>)["staff.teachers_total"]).toBe(
      await teachersOf(other.organizationId),
    );

    // a second run keeps the school's value again and writes nothing else new into it
    const second = await startRegionPrefill(region, { periodId: PERIOD, territoryId: regionId });
    const done = await executePrefillRun(second.id);
    expect(done.status).toBe("DONE");
    const again = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect((again.values as Record<string, number>)["staff.vacancies"]).toBe(vacancies + 2);
    expect(await prisma.auditLog.count({ where: { entity: "PrefillRun", entityId: { in: [id, second.id] } } })).toBe(2);
  });
});
