import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { contingentValues } from "@/prisma/seed/reporting";
import { rng } from "@/prisma/seed/random";
import {
  acceptSubmission,
  approveSubmission,
  returnSubmission,
  startCorrection,
  submitSubmission,
  undoApproval,
} from "./workflow";
import { refusal, viewer } from "@/tests/setup/helpers";

const D1_2026 = "rp2026_d1";

/** The AppError a refused call throws (fails the test when the call succeeds or throws something else). */
let serial = 0;
/** A user with one role, for scopes the demo accounts do not cover. */
async function userWith(role: Role, scope: { territoryId?: string; organizationId?: string }): Promise<Viewer> {
  const id = `u_test_${role.toLowerCase()}_${++serial}`;
  await prisma.user.create({
    data: {
      id,
      login: `t${serial}-${role.toLowerCase().replace(/_/g, "")}`,
      passwordHash: "x",
      displayName: id,
      roles: {
        create: [{ role, territoryId: scope.territoryId ?? null, organizationId: scope.organizationId ?? null }],
      },
    },
  });
  return viewer(id);
}

async function submission(id: string) {
  return prisma.submission.findUniqueOrThrow({ where: { id } });
}

let school: Viewer;
let district: Viewer;
let region: Viewer;
let ministry: Viewer;
let schoolOrgId: string;
let draftId: string;

beforeAll(async () => {
  const [a, b, c, d] = await Promise.all(["u_school", "u_district", "u_region", "u_ministry"].map(viewer));
  [school, district, region, ministry] = [a!, b!, c!, d!];
  schoolOrgId = school.roles[0]!.organizationId!;
  draftId = `s_2026_d1_${schoolOrgId}`;
});

describe("submit", () => {
  it("refuses values that break a blocking rule, and a warning without a comment", async () => {
    const values = contingentValues(rng(1), 1, 1);
    const current = await submission(draftId);
    expect(current.status).toBe("DRAFT");
    await prisma.submission.update({
      where: { id: draftId },
      data: { values: { ...values, "grades.g3.girls": (values["grades.g3.total"] as number) + 1 } },
    });
    const error = await refusal(
      submitSubmission(school, { submissionId: draftId, version: current.version, comments: {} }),
    );
    expect(error.code).toBe("validation");
    expect(Object.keys(error.fieldErrors)).toContain("rule.3");

    // 40 students per class on average: the warning rule wants a comment.
    await prisma.submission.update({
      where: { id: draftId },
      data: {
        values: { ...values, "summary.classes_total": Math.floor((values["summary.students_total"] as number) / 40) },
      },
    });
    const warning = await refusal(
      submitSubmission(school, { submissionId: draftId, version: current.version, comments: {} }),
    );
    expect(warning.fieldErrors["rule.23"]).toBe("reportingWorkflow.commentRequired");
    expect((await submission(draftId)).status).toBe("DRAFT");
  });

  it("submits late after the deadline, freezes nothing new twice, and refuses a second submit", async () => {
    const current = await submission(draftId);
    const result = await submitSubmission(school, {
      submissionId: draftId,
      version: current.version,
      comments: { "23": "Два больших класса в новом корпусе." },
    });
    expect(result.status).toBe("SUBMITTED");
    expect(result.late).toBe(true);
    expect(result.submittedById).toBe("u_school");
    expect(result.version).toBe(current.version + 1);
    expect(await prisma.submissionEvent.count({ where: { submissionId: draftId, action: "submit" } })).toBe(1);
    expect(
      await prisma.notification.count({ where: { userId: "u_district", kind: "reporting_submitted" } }),
    ).toBeGreaterThan(0);

    const again = await refusal(
      submitSubmission(school, { submissionId: draftId, version: result.version, comments: {} }),
    );
    expect(again.code).toBe("conflict");
    expect(again.fieldErrors.workflow).toBe("reportingWorkflow.alreadySubmitted");
  });

  it("refuses a user who is not the organisation's administrator, and an organisation not obliged", async () => {
    const current = await submission(draftId);
    expect(
      (await refusal(submitSubmission(district, { submissionId: draftId, version: current.version, comments: {} })))
        .code,
    ).toBe("forbidden");

    // A district department does not submit D-1 (a school form).
    const dept = await prisma.organization.findFirstOrThrow({
      where: { territoryId: "t110200000", kind: { code: "EDU_DEPT_DISTRICT" } },
    });
    const created = await prisma.submission.create({
      data: {
        id: "s_test_dept",
        organizationId: dept.id,
        periodId: D1_2026,
        formVersionId: "fv2026_d1",
        values: current.values ?? {},
      },
    });
    const deptAdmin = await userWith("ORG_ADMIN", { organizationId: dept.id });
    const error = await refusal(submitSubmission(deptAdmin, { submissionId: created.id, version: 1, comments: {} }));
    expect(error.code).toBe("forbidden");
    expect(error.fieldErrors.workflow).toBe("reportingWorkflow.notObliged");
  });
});

describe("stepwise approval", () => {
  it("refuses the wrong level and organisations outside the scope", async () => {
    const current = await submission(draftId);
    const wrongLevel = await refusal(approveSubmission(region, { submissionId: draftId, version: current.version }));
    expect(wrongLevel.code).toBe("forbidden");
    expect(wrongLevel.fieldErrors.workflow).toBe("reportingWorkflow.wrongLevel.DISTRICT");
    expect((await refusal(acceptSubmission(ministry, { submissionId: draftId, version: current.version }))).code).toBe(
      "conflict",
    );

    const otherDistrict = await userWith("DISTRICT_ADMIN", { territoryId: "t110400000" });
    expect(
      (await refusal(approveSubmission(otherDistrict, { submissionId: draftId, version: current.version }))).code,
    ).toBe("outOfScope");
    const otherRegion = await userWith("REGION_ADMIN", { territoryId: "t100000000" });
    expect(
      (await refusal(returnSubmission(otherRegion, { submissionId: draftId, version: current.version, reason: "x" })))
        .code,
    ).toBe("outOfScope");
    expect((await refusal(approveSubmission(school, { submissionId: draftId, version: current.version }))).code).toBe(
      "forbidden",
    );
  });

  it("returns with a reason, and the organisation resubmits", async () => {
    let current = await submission(draftId);
    expect(
      (await refusal(returnSubmission(district, { submissionId: draftId, version: current.version, reason: "  " })))
        .fieldErrors.reason,
    ).toBe("reportingWorkflow.reasonRequired");
    const returned = await returnSubmission(district, {
      submissionId: draftId,
      version: current.version,
      reason: "Проверьте число классов.",
    });
    expect(returned.status).toBe("RETURNED");
    expect(returned.returnReason).toBe("Проверьте число классов.");
    expect(await prisma.notification.count({ where: { userId: "u_school", kind: "reporting_returned" } })).toBe(1);
    // A stale approval of the returned submission is a conflict.
    expect((await refusal(approveSubmission(district, { submissionId: draftId, version: current.version }))).code).toBe(
      "conflict",
    );

    current = await submission(draftId);
    const resubmitted = await submitSubmission(school, {
      submissionId: draftId,
      version: current.version,
      comments: { "23": "Два больших класса в новом корпусе." },
    });
    expect(resubmitted.status).toBe("SUBMITTED");
    expect(resubmitted.returnReason).toBeNull();
    const actions = (
      await prisma.submissionEvent.findMany({ where: { submissionId: draftId }, orderBy: { at: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["submit", "return", "resubmit"]);
  });

  it("goes district → region → ministry, with undo only before the next level acts", async () => {
    let s = await submission(draftId);
    s = await approveSubmission(district, { submissionId: draftId, version: s.version });
    expect(s.status).toBe("APPROVED_DISTRICT");
    s = await undoApproval(district, { submissionId: draftId, version: s.version });
    expect(s.status).toBe("SUBMITTED");
    s = await approveSubmission(district, { submissionId: draftId, version: s.version });
    expect((await refusal(approveSubmission(district, { submissionId: draftId, version: s.version }))).code).toBe(
      "forbidden",
    );
    s = await approveSubmission(region, { submissionId: draftId, version: s.version });
    expect(s.status).toBe("APPROVED_REGION");
    // The region has acted: the district can no longer take its approval back.
    const late = await refusal(undoApproval(district, { submissionId: draftId, version: s.version }));
    expect(late.code).toBe("forbidden");
    expect(late.fieldErrors.workflow).toBe("reportingWorkflow.notYourStep");
    s = await undoApproval(region, { submissionId: draftId, version: s.version });
    expect(s.status).toBe("APPROVED_DISTRICT");
    s = await approveSubmission(region, { submissionId: draftId, version: s.version });
    expect((await refusal(acceptSubmission(region, { submissionId: draftId, version: s.version }))).code).toBe(
      "forbidden",
    );
    s = await acceptSubmission(ministry, { submissionId: draftId, version: s.version });
    expect(s.status).toBe("ACCEPTED");
    expect(
      (await refusal(undoApproval(ministry, { submissionId: draftId, version: s.version }))).fieldErrors.workflow,
    ).toBe("reportingWorkflow.acceptedFinal");

    // The data bank holds exactly the accepted numbers.
    const values = s.values as Record<string, number>;
    const facts = await prisma.dataValue.findMany({ where: { submissionId: draftId } });
    expect(facts).toHaveLength(3 + 33);
    for (const f of facts) {
      const key = f.rowKey ? `grades.${f.rowKey}.${f.indicator.split(".")[1]}` : f.indicator;
      expect(f.value).toBe(values[key]);
      expect(f.year).toBe(2026);
      expect(f.formCode).toBe("D-1");
    }
    const events = await prisma.submissionEvent.findMany({ where: { submissionId: draftId }, orderBy: { at: "asc" } });
    expect(events.map((e) => `${e.action}:${e.level}`)).toEqual([
      "submit:ORGANIZATION",
      "return:DISTRICT",
      "resubmit:ORGANIZATION",
      "approve:DISTRICT",
      "undo:DISTRICT",
      "approve:DISTRICT",
      "approve:REGION",
      "undo:REGION",
      "approve:REGION",
      "accept:MINISTRY",
    ]);
  });

  it("an organisation directly under a region skips the district", async () => {
    // AH-1 is addressed to the Akmola regional department (territory of region level).
    const dept = await prisma.organization.findFirstOrThrow({
      where: { territoryId: "t110000000", kind: { code: "EDU_DEPT_REGION" } },
    });
    const s = await prisma.submission.findFirstOrThrow({ where: { organizationId: dept.id, periodId: "rp2026_ah1" } });
    expect(s.status).toBe("SUBMITTED");
    expect((await refusal(approveSubmission(district, { submissionId: s.id, version: s.version }))).code).toBe(
      "outOfScope",
    );
    const approved = await approveSubmission(region, { submissionId: s.id, version: s.version });
    expect(approved.status).toBe("APPROVED_REGION");
    const accepted = await approveSubmission(ministry, { submissionId: s.id, version: approved.version });
    expect(accepted.status).toBe("ACCEPTED");
    expect(await prisma.dataValue.count({ where: { submissionId: s.id } })).toBeGreaterThan(0);
  });

  it("of two concurrent approvals exactly one wins, the other gets a conflict", async () => {
    const s = await prisma.submission.findFirstOrThrow({
      where: {
        periodId: D1_2026,
        status: "SUBMITTED",
        supersededAt: null,
        corrected: false,
        organization: { territory: { path: { contains: "/t110000000/" } } },
      },
      include: { organization: { select: { territoryId: true } } },
    });
    const a = await userWith("DISTRICT_ADMIN", { territoryId: s.organization.territoryId });
    const b = await userWith("DISTRICT_ADMIN", { territoryId: s.organization.territoryId });
    const results = await Promise.allSettled([
      approveSubmission(a, { submissionId: s.id, version: s.version }),
      approveSubmission(b, { submissionId: s.id, version: s.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(AppError);
    expect((rejected[0]!.reason as AppError).code).toBe("conflict");
    const after = await submission(s.id);
    expect(after.status).toBe("APPROVED_DISTRICT");
    expect(after.version).toBe(s.version + 1);
    expect(await prisma.submissionEvent.count({ where: { submissionId: s.id, action: "approve" } })).toBe(1);
  });
});

describe("correction after acceptance", () => {
  it("opens a new revision with a reason and keeps the accepted one", async () => {
    expect((await refusal(startCorrection(school, { submissionId: draftId, reason: "" }))).code).toBe("validation");
    expect((await refusal(startCorrection(district, { submissionId: draftId, reason: "x" }))).code).toBe("forbidden");
    const accepted = await submission(draftId);
    const correction = await startCorrection(school, { submissionId: draftId, reason: "Ошибка в 5 классе." });
    expect(correction.revision).toBe(accepted.revision + 1);
    expect(correction.status).toBe("DRAFT");
    expect(correction.corrected).toBe(true);
    expect(correction.correctionReason).toBe("Ошибка в 5 классе.");
    expect(correction.values).toEqual(accepted.values);
    const previous = await submission(draftId);
    expect(previous.status).toBe("ACCEPTED");
    expect(previous.supersededAt).not.toBeNull();
    expect((await refusal(startCorrection(school, { submissionId: draftId, reason: "again" }))).code).toBe("conflict");
    // The accepted facts stay until the correction is accepted.
    expect(await prisma.dataValue.count({ where: { submissionId: draftId } })).toBe(36);

    const values = { ...(correction.values as Record<string, number>) };
    values["grades.g5.total"] = values["grades.g5.total"]! + 2;
    values["summary.students_total"] = values["summary.students_total"]! + 2;
    await prisma.submission.update({ where: { id: correction.id }, data: { values } });
    let s = await submitSubmission(school, {
      submissionId: correction.id,
      version: correction.version,
      comments: { "23": "Два больших класса в новом корпусе." },
    });
    expect(s.late).toBe(accepted.late);
    s = await approveSubmission(district, { submissionId: s.id, version: s.version });
    s = await approveSubmission(region, { submissionId: s.id, version: s.version });
    s = await acceptSubmission(ministry, { submissionId: s.id, version: s.version });
    expect(await prisma.dataValue.count({ where: { submissionId: draftId } })).toBe(0);
    const g5 = await prisma.dataValue.findFirstOrThrow({
      where: { organizationId: schoolOrgId, periodId: D1_2026, indicator: "grades.total", rowKey: "g5" },
    });
    expect(g5.value).toBe(values["grades.g5.total"]);
    expect(g5.submissionId).toBe(correction.id);
  });
});
