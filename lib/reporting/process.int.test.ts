import { beforeAll, describe, expect, it } from "vitest";
import { database, prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { contingentValues } from "@/prisma/seed/reporting";
import { rng } from "@/prisma/seed/random";
import { refusal, viewer } from "@/tests/setup/helpers";
import {
  approveSubmission,
  escalateLate,
  returnSubmission,
  startCorrection,
  submitSubmission,
  undoApproval,
} from "./workflow";
import { assignProcess, saveProcess } from "./process-admin";
import { assignInput, processInput } from "./process-schemas";
import { awaitingWhere, loadProcesses } from "./processes";
import { handOver } from "./handover";

const DAY = 24 * 60 * 60 * 1000;
let school: Viewer;
let district: Viewer;
let region: Viewer;
let ministry: Viewer;
let schoolOrgId: string;
let draftId: string;

const form = (fields: Record<string, string>) => {
  const parsed = processInput.safeParse(fields);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};
const base = {
  nameKk: "Колледждер",
  nameRu: "Колледжи",
  nameEn: "Colleges",
  onLate: "NOTIFY",
  returnTo: "ORGANIZATION",
};

beforeAll(async () => {
  const [a, b, c, d] = await Promise.all(["u_school", "u_district", "u_region", "u_ministry"].map(viewer));
  [school, district, region, ministry] = [a!, b!, c!, d!];
  schoolOrgId = school.roles[0]!.organizationId!;
  draftId = `s_2026_d1_${schoolOrgId}`;
});

describe("defining a process", () => {
  it("refuses no level, a cycle, a level going down and bad days, naming the field", () => {
    const issues = (fields: Record<string, string>) =>
      Object.fromEntries(
        (processInput.safeParse({ ...base, code: "x-1", ...fields }).error?.issues ?? []).map((i) => [
          i.path.join("."),
          i.message,
        ]),
      );
    expect(issues({})).toEqual({ level0: "reportingProcess.noLevel" });
    expect(
      issues({ level0: "REGION", days0: "3", level1: "MINISTRY", days1: "3", level2: "REGION", days2: "3" }),
    ).toEqual({ level2: "reportingProcess.cycle" });
    expect(issues({ level0: "REGION", days0: "3", level1: "DISTRICT", days1: "3" })).toEqual({
      level1: "reportingProcess.order",
    });
    expect(issues({ level0: "REGION", days0: "0" })).toEqual({ days0: "reportingProcess.days" });
    expect(issues({ level0: "REGION", days0: "5", code: "Bad Code" })).toEqual({ code: "reportingProcess.code" });
  });

  it("creates one, refuses a taken code, and refuses a process that leaves covered organisations with nobody above", async () => {
    const created = await saveProcess(ministry, form({ ...base, code: "colleges", level0: "REGION", days0: "7" }));
    expect(created.code).toBe("colleges");
    const taken = await refusal(
      saveProcess(ministry, form({ ...base, code: "colleges", level0: "MINISTRY", days0: "7" })),
    );
    expect(taken.fieldErrors.code).toBe("reportingProcess.codeTaken");

    // A district-only process cannot serve an organisation that lies directly in a region or the republic.
    const districtOnly = await saveProcess(
      ministry,
      form({ ...base, code: "district-only", level0: "DISTRICT", days0: "3" }),
    );
    const high = await prisma.organization.findFirst({
      where: { status: "ACTIVE", territory: { level: { in: ["REGION", "REPUBLIC"] } } },
      select: { bin: true },
    });
    expect(high).not.toBeNull();
    const rules = await prisma.reportingProcessRule.count();
    const error = await refusal(
      assignProcess(
        ministry,
        assignInput.parse({ processId: districtOnly.id, target: "organization", bin: high!.bin }),
      ),
    );
    expect(error.fieldErrors.processId).toBe("reportingProcess.nobodyAbove");
    expect(await prisma.reportingProcessRule.count()).toBe(rules);
    expect(assignInput.safeParse({ processId: districtOnly.id, target: "kind" }).success).toBe(false);
  });
});

describe("a college process: the region is the only level", () => {
  it("assigns to the college kind and to a listed organisation; the report goes to the region and its approval is acceptance", async () => {
    const colleges = await prisma.reportingProcess.findUniqueOrThrow({ where: { code: "colleges" } });
    await assignProcess(ministry, assignInput.parse({ processId: colleges.id, target: "kind", orgKind: "COLLEGE" }));
    const bin = (await prisma.organization.findUniqueOrThrow({ where: { id: schoolOrgId } })).bin;
    await assignProcess(ministry, assignInput.parse({ processId: colleges.id, target: "organization", bin }));
    expect(await prisma.reportingProcessRule.count({ where: { processId: colleges.id } })).toBe(2);

    const draft = await prisma.submission.findUniqueOrThrow({ where: { id: draftId } });
    await prisma.submission.update({ where: { id: draftId }, data: { values: contingentValues(rng(1), 1, 1) } });
    const submitted = await submitSubmission(school, {
      submissionId: draftId,
      version: draft.version,
      comments: { "23": "Два больших класса." },
    });
    expect(submitted.processId).toBe(colleges.id);
    expect(
      await prisma.notification.count({ where: { userId: "u_region", kind: "reporting_submitted" } }),
    ).toBeGreaterThan(0);

    const processes = await loadProcesses(prisma);
    const waitsFor = async (v: Viewer) =>
      (await prisma.submission.count({ where: { AND: [{ id: draftId }, awaitingWhere(v, processes)] } })) > 0;
    expect(await waitsFor(region)).toBe(true);
    expect(await waitsFor(district)).toBe(false);
    expect(await waitsFor(ministry)).toBe(false);

    // The district is not in this chain: it has nothing to do with the report.
    const wrong = await refusal(approveSubmission(district, { submissionId: draftId, version: submitted.version }));
    expect(wrong.code).toBe("outOfScope");
    const accepted = await approveSubmission(region, { submissionId: draftId, version: submitted.version });
    expect(accepted.status).toBe("ACCEPTED");
    expect(await prisma.dataValue.count({ where: { submissionId: draftId } })).toBeGreaterThan(0);
    const last = await prisma.submissionEvent.findFirstOrThrow({
      where: { submissionId: draftId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    expect(last).toMatchObject({ action: "accept", level: "REGION" });
  });
});

describe("a stepwise process: returns one level down, late levels pass through", () => {
  it("returns to the district, undoes the return, escalates and passes the late region on", async () => {
    const stepwise = await saveProcess(
      ministry,
      form({
        ...base,
        code: "stepwise",
        onLate: "PASS_THROUGH",
        returnTo: "PREVIOUS_LEVEL",
        ...{ level0: "DISTRICT", days0: "2", level1: "REGION", days1: "3", level2: "MINISTRY", days2: "5" },
      }),
    );
    const bin = (await prisma.organization.findUniqueOrThrow({ where: { id: schoolOrgId } })).bin;
    await assignProcess(ministry, assignInput.parse({ processId: stepwise.id, target: "organization", bin }));

    // A correction of the accepted report is handed over under the organisation's process of now.
    const corrected = await startCorrection(school, { submissionId: draftId, reason: "Исправление контингента." });
    const submitted = await submitSubmission(school, {
      submissionId: corrected.id,
      version: corrected.version,
      comments: { "23": "Два больших класса." },
    });
    expect(submitted.processId).toBe(stepwise.id);
    const approved = await approveSubmission(district, { submissionId: corrected.id, version: submitted.version });
    expect(approved.status).toBe("APPROVED_DISTRICT");
    const returned = await returnSubmission(region, {
      submissionId: corrected.id,
      version: approved.version,
      reason: "Проверьте 10-й класс.",
    });
    expect(returned.status).toBe("SUBMITTED");
    const undone = await undoApproval(region, { submissionId: corrected.id, version: returned.version });
    expect(undone.status).toBe("APPROVED_DISTRICT");

    // Four days later the region (3 days) is late: the ministry is told and the report passes on to it.
    const later = new Date(Date.now() + 4 * DAY);
    const run = await escalateLate(later);
    // (Seeded reports waiting since the seed are late too, and their next levels are told.)
    expect(run.passed).toBe(1);
    expect(run.notified).toBeGreaterThan(0);
    const passed = await prisma.submission.findUniqueOrThrow({ where: { id: corrected.id } });
    expect(passed.status).toBe("APPROVED_REGION");
    expect(
      await prisma.notification.count({ where: { userId: "u_ministry", kind: "reporting_escalated" } }),
    ).toBeGreaterThan(0);
    expect(await escalateLate(later)).toMatchObject({ passed: 0 });
    // The ministry is the last level: when it is late it is told, and nothing is accepted by itself.
    const muchLater = new Date(Date.now() + 30 * DAY);
    await escalateLate(muchLater);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: corrected.id } })).status).toBe("APPROVED_REGION");
  });
});

describe("the data-package hand-over", () => {
  it("hands over under the resolved process and notifies its first level", async () => {
    const period = await prisma.reportingPeriod.findUniqueOrThrow({
      where: { id: "rp2026_d1" },
      include: { form: { include: { formList: true } } },
    });
    const colleges = await prisma.reportingProcess.findUniqueOrThrow({ where: { code: "colleges" } });
    // A new school in the demo district, with its administrator, that has no report of the period yet.
    const {
      id: _id,
      bin: _bin,
      createdAt: _c,
      updatedAt: _u,
      version: _v,
      attributes: _a,
      ...template
    } = await prisma.organization.findUniqueOrThrow({ where: { id: schoolOrgId } });
    const other = await prisma.organization.create({
      data: { ...template, id: "o_test_process", bin: "991240000017", nameKk: "Тест", nameRu: "Тест", nameEn: "Test" },
    });
    await prisma.user.create({
      data: {
        id: "u_test_process",
        login: "test-process",
        passwordHash: "x",
        displayName: "test",
        roles: { create: [{ role: "ORG_ADMIN", organizationId: other.id }] },
      },
    });
    await assignProcess(
      ministry,
      assignInput.parse({ processId: colleges.id, target: "organization", bin: other.bin }),
    );
    const before = await prisma.notification.count({ where: { userId: "u_region", kind: "reporting_submitted" } });
    const result = await database().raw.transaction((tx) =>
      handOver(tx, {
        organizationId: other.id,
        actorId: "u_test_process",
        login: "package:test",
        displayName: other.bin,
        form: period.form.code,
        year: period.form.formList.year,
        period: period.label,
        values: contingentValues(rng(2), 1, 1),
        comments: { "23": "Два больших класса." },
      }),
    );
    expect(result.outcome.kind).toBe("submitted");
    const id = (result.outcome as { submissionId: string }).submissionId;
    expect((await prisma.submission.findUniqueOrThrow({ where: { id } })).processId).toBe(colleges.id);
    expect(await prisma.notification.count({ where: { userId: "u_region", kind: "reporting_submitted" } })).toBe(
      before + 1,
    );
  });
});
