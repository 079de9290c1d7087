import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { almatyDate } from "@/lib/time";
import { addDays } from "@/lib/diary/dates";
import { refusal, viewer } from "@/tests/setup/helpers";
import { applyForAttestation, commissionQueue, decideAttestation, ownAttestation } from "./attestation";
import { attestationApply, attestationDecide, attestationQuery } from "./schemas";
import { COMMISSION_LEVEL, eligibleFrom, nextCategory } from "./rules";

let teacher: Viewer;
let teacher2: Viewer;
let teacher3: Viewer;
let district: Viewer;
let region: Viewer;
let ministry: Viewer;
let school: Viewer;
/** A district administrator of another district (hand-made: the seed has one district account). */
let otherDistrict: Viewer;
const TODAY = almatyDate(new Date());
const open = attestationQuery.parse({});

async function counts() {
  const [applications, awards, notifications, employees] = await Promise.all([
    prisma.attestationApplication.count(),
    prisma.categoryAward.count(),
    prisma.notification.count({ where: { kind: "staff_attestation" } }),
    prisma.employee.findMany({ select: { id: true, category: true, version: true }, orderBy: { id: "asc" }, take: 50 }),
  ]);
  return { applications, awards, notifications, employees };
}

async function employeeOf(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { personId: true } });
  return prisma.employee.findUniqueOrThrow({ where: { personId: user.personId! } });
}

beforeAll(async () => {
  teacher = await viewer("u_teacher");
  teacher2 = await viewer("u_teacher2");
  teacher3 = await viewer("u_teacher3");
  district = await viewer("u_district");
  region = await viewer("u_region");
  ministry = await viewer("u_ministry");
  school = await viewer("u_school");
  otherDistrict = {
    ...district,
    roles: [
      { role: "DISTRICT_ADMIN", territoryId: "t_other", territoryPath: "/t_nowhere/t_other/", organizationId: null },
    ],
  };
});

describe("attestation rules", () => {
  it("offers only the next category, from two years after the award in force", () => {
    expect(nextCategory("no_category")).toBe("moderator");
    expect(nextCategory("expert")).toBe("researcher");
    expect(nextCategory("master")).toBeNull();
    expect(eligibleFrom("2024-09-01")).toBe("2026-09-01");
    expect(COMMISSION_LEVEL).toEqual({
      moderator: "district",
      expert: "district",
      researcher: "region",
      master: "ministry",
    });
  });

  it("refuses a skipped category and a bad value naming the field, nothing written", async () => {
    const before = await counts();
    const skipped = await refusal(applyForAttestation(teacher2, { category: "researcher" }));
    expect(skipped.fieldErrors).toEqual({ category: "staff.attestation.notNext" });
    const r = attestationApply.safeParse({ category: "grandmaster" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["category"]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a decision without its number, or a refusal without a reason, naming the field", () => {
    const award = attestationDecide.safeParse({ id: "x", decision: "award", awardedOn: TODAY });
    expect(award.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["decisionNumber", "validation.required"],
    ]);
    const refuse = attestationDecide.safeParse({ id: "x", decision: "refuse", reason: "" });
    expect(refuse.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["reason", "staff.attestation.reasonRequired"],
    ]);
  });
});

describe("an application to the district commission", () => {
  let applicationId = "";

  it("is accepted once; a second one while it is open is refused, nothing written", async () => {
    const state = await ownAttestation(teacher2);
    expect(state).toMatchObject({ next: "expert", level: "district", canApply: true, open: null });
    applicationId = (await applyForAttestation(teacher2, { category: "expert" })).id;
    const before = await counts();
    const again = await refusal(applyForAttestation(teacher2, { category: "expert" }));
    expect(again.code).toBe("conflict");
    expect(again.fieldErrors).toEqual({ category: "staff.attestation.open" });
    expect(await counts()).toEqual(before);
    expect((await ownAttestation(teacher2))?.open?.id).toBe(applicationId);
  });

  it("is in the queue of the district of the school, not of another district, nor the region's", async () => {
    expect((await commissionQueue(district, open)).rows.map((r) => r.id)).toContain(applicationId);
    expect((await commissionQueue(otherDistrict, open)).rows).toEqual([]);
    expect((await commissionQueue(region, open)).rows.map((r) => r.id)).not.toContain(applicationId);
    expect((await refusal(commissionQueue(school, open))).code).toBe("forbidden");
  });

  it("cannot be decided out of scope, by the wrong level, or by a school; nothing written", async () => {
    const before = await counts();
    const input = { id: applicationId, decision: "award" as const, decisionNumber: "АК-1", awardedOn: TODAY };
    expect((await refusal(decideAttestation(otherDistrict, input))).code).toBe("notFound");
    expect((await refusal(decideAttestation(region, input))).code).toBe("notFound");
    expect((await refusal(decideAttestation(school, input))).code).toBe("forbidden");
    expect((await refusal(decideAttestation(teacher2, input))).code).toBe("forbidden");
    // a decision dated in the future: refused naming the field, the application still open
    const future = await refusal(decideAttestation(district, { ...input, awardedOn: addDays(TODAY, 3) }));
    expect(future.fieldErrors).toEqual({ awardedOn: "staff.attestation.future" });
    expect(await counts()).toEqual(before);
    expect(await prisma.attestationApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      status: "SUBMITTED",
      awardId: null,
    });
  });

  it("awarded: the award row, the employee's category and a notification, in one transaction", async () => {
    await decideAttestation(district, {
      id: applicationId,
      decision: "award",
      decisionNumber: "АК-2026/15",
      awardedOn: TODAY,
    });
    const application = await prisma.attestationApplication.findUniqueOrThrow({
      where: { id: applicationId },
      include: { award: true },
    });
    expect(application.status).toBe("AWARDED");
    expect(application.award).toMatchObject({ category: "expert", decisionNumber: "АК-2026/15" });
    const employee = await employeeOf("u_teacher2");
    expect(employee).toMatchObject({ category: "expert", categoryDecision: "АК-2026/15" });
    expect(employee.categoryExpiresOn?.toISOString().slice(0, 10)).toBe(
      `${Number(TODAY.slice(0, 4)) + 5}${TODAY.slice(4)}`,
    );
    const note = await prisma.notification.findFirst({ where: { userId: "u_teacher2", kind: "staff_attestation" } });
    expect(note?.payload).toMatchObject({ decision: "award", category: "expert" });
    // decided twice: refused
    const again = await refusal(
      decideAttestation(district, { id: applicationId, decision: "refuse", reason: "повторно" }),
    );
    expect(again.code).toBe("conflict");
    // the new category is too young for the next step
    const early = await refusal(applyForAttestation(teacher2, { category: "researcher" }));
    expect(early.fieldErrors).toEqual({ category: "staff.attestation.tooEarly" });
    expect((await ownAttestation(teacher2))?.canApply).toBe(false);
  });

  it("refused with a reason: no award, the category kept, the teacher notified", async () => {
    const before = await employeeOf("u_teacher3");
    expect(before.category).toBe("no_category");
    const { id } = await applyForAttestation(teacher3, { category: "moderator" });
    const awards = await prisma.categoryAward.count();
    await decideAttestation(district, { id, decision: "refuse", reason: "Портфолио толық емес" });
    expect(await prisma.categoryAward.count()).toBe(awards);
    expect((await employeeOf("u_teacher3")).category).toBe("no_category");
    const decided = await commissionQueue(district, attestationQuery.parse({ status: "decided" }));
    expect(decided.rows.find((r) => r.id === id)).toMatchObject({ status: "REFUSED", reason: "Портфолио толық емес" });
    const note = await prisma.notification.findFirst({ where: { userId: "u_teacher3", kind: "staff_attestation" } });
    expect(note?.payload).toMatchObject({ decision: "refuse", reason: "Портфолио толық емес" });
  });
});

describe("higher levels", () => {
  it("sends a researcher's application to the regional commission only", async () => {
    const state = await ownAttestation(teacher);
    expect(state).toMatchObject({ next: "researcher", level: "region" });
    const { id } = await applyForAttestation(teacher, { category: "researcher" });
    expect((await commissionQueue(district, open)).rows.map((r) => r.id)).not.toContain(id);
    expect((await commissionQueue(region, open)).rows.map((r) => r.id)).toContain(id);
    expect((await commissionQueue(ministry, open)).rows.map((r) => r.id)).not.toContain(id);
    await decideAttestation(region, { id, decision: "award", decisionNumber: "ОК-7", awardedOn: TODAY });
    expect((await employeeOf("u_teacher")).category).toBe("researcher");
  });
});
