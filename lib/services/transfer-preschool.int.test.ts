import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import { createClass, createYear } from "@/lib/diary/setup";
import { exportStudent } from "@/lib/diary/diary";
import { refusal, viewer } from "@/tests/setup/helpers";
import { applicationForStaff, myApplications, refuseApplication, staffQueue } from "./applications";
import { acceptTransfer, applyTransfer, releaseTransfer, transferOptions } from "./transfer";
import { answerOffer, applyPreschool, districtQueue, lapseDueOffers, lapseMyOffers, offerPlace } from "./preschool";

// Inside the seeded school year 2026/2027.
const NOW = new Date("2026-12-03T06:00:00Z");

function childIin(birthDate: string, serial: number, sex: "MALE" | "FEMALE" = "MALE"): string {
  return withCheckDigit(iinPrefix(birthDate, sex) + String(serial).padStart(4, "0"))!;
}

let parent: Viewer;
let parent2: Viewer;
let school1Admin: Viewer;
let school2Admin: Viewer;
let districtAdmin: Viewer;
let school1 = "";
let school2 = "";
let farSchool = "";
let kindergarten = "";
let class2 = "";
let kokshetau = "";

/** Row counts that a refused request must leave unchanged. */
async function counts() {
  const [applications, events, notifications, enrolments] = await Promise.all([
    prisma.serviceApplication.count(),
    prisma.serviceApplicationEvent.count(),
    prisma.notification.count(),
    prisma.classEnrolment.count(),
  ]);
  return { applications, events, notifications, enrolments };
}

beforeAll(async () => {
  parent = await viewer("u_parent");
  parent2 = await viewer("u_parent2");
  school1Admin = await viewer("u_school");
  school2Admin = await viewer("u_school2");
  districtAdmin = await viewer("u_district");
  school1 = school1Admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  school2 = school2Admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  kokshetau = districtAdmin.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryId!;
  farSchool = (
    await prisma.organization.findFirstOrThrow({ where: { kind: { code: "SCHOOL" }, territoryId: { not: kokshetau } } })
  ).id;
  kindergarten = (
    await prisma.organization.findFirstOrThrow({
      where: { kind: { code: "PRESCHOOL" }, territoryId: kokshetau },
      orderBy: { id: "asc" },
    })
  ).id;
  const year = await createYear(school2Admin, { organizationId: school2, startYear: 2026 });
  class2 = (await createClass(school2Admin, { academicYearId: year.id, grade: 5, letter: "Б" })).id;
});

describe("transfer to another school", () => {
  let studentId = "";
  let sourceClass = "";
  let applicationId = "";

  it("offers the parent's children in a class now and the schools", async () => {
    const { children, schools } = await transferOptions(parent2, NOW);
    expect(children.length).toBeGreaterThan(0);
    studentId = children[0]!.id;
    expect(children[0]!.enrolments[0]!.organizationId).toBe(school1);
    expect(schools.some((s) => s.id === school2)).toBe(true);
    sourceClass = (await prisma.classEnrolment.findFirstOrThrow({ where: { studentId, endedOn: null } })).classGroupId;
  });

  it("refuses bad input with a field error and writes nothing", async () => {
    const before = await counts();
    const someoneElse = (await transferOptions(parent, NOW)).children[0]!.id;
    expect(
      (
        await refusal(
          applyTransfer(parent2, { studentId: someoneElse, targetOrganizationId: school2, targetGrade: 5 }, NOW),
        )
      ).fieldErrors.studentId,
    ).toBe("services.notYourChild");
    expect(
      (await refusal(applyTransfer(parent2, { studentId, targetOrganizationId: school1, targetGrade: 5 }, NOW)))
        .fieldErrors.targetOrganizationId,
    ).toBe("services.sameSchool");
    const notASchool = await refusal(
      applyTransfer(parent2, { studentId, targetOrganizationId: kindergarten, targetGrade: 5 }, NOW),
    );
    expect(notASchool.code).toBe("outOfScope");
    expect(notASchool.fieldErrors.targetOrganizationId).toBe("services.schoolOutOfScope");
    // staff cannot apply
    expect(
      (await refusal(applyTransfer(school1Admin, { studentId, targetOrganizationId: school2, targetGrade: 5 }, NOW)))
        .code,
    ).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("a parent applies; a second open application is a duplicate", async () => {
    applicationId = (
      await applyTransfer(
        parent2,
        { studentId, targetOrganizationId: school2, targetGrade: 5, note: "Moving house" },
        NOW,
      )
    ).id;
    const before = await counts();
    expect(
      (await refusal(applyTransfer(parent2, { studentId, targetOrganizationId: farSchool, targetGrade: 5 }, NOW)))
        .fieldErrors.studentId,
    ).toBe("services.duplicate");
    expect(await counts()).toEqual(before);
    const staffNotified = await prisma.notification.count({
      where: { userId: "u_school", kind: "services_new", payload: { path: ["applicationId"], equals: applicationId } },
    });
    expect(staffNotified).toBe(1);
  });

  it("each school sees the applications involving it only", async () => {
    const farAdmin = {
      ...school2Admin,
      userId: "u_far",
      roles: [{ role: "ORG_ADMIN" as const, territoryId: null, organizationId: farSchool }],
    } as Viewer;
    expect(
      (await staffQueue(school1Admin, { page: 1, pageSize: 50, kind: "TRANSFER" })).rows.map((r) => r.id),
    ).toContain(applicationId);
    expect(
      (await staffQueue(school2Admin, { page: 1, pageSize: 50, kind: "TRANSFER" })).rows.map((r) => r.id),
    ).toContain(applicationId);
    expect((await staffQueue(farAdmin, { page: 1, pageSize: 50, kind: "TRANSFER" })).total).toBe(0);
    expect((await refusal(applicationForStaff(farAdmin, applicationId))).code).toBe("notFound");
    // the school joined cannot accept or release before the school left releases
    const app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(
      (await refusal(acceptTransfer(school2Admin, { applicationId, version: app.version, classGroupId: class2 }, NOW)))
        .code,
    ).toBe("conflict");
    expect((await refusal(releaseTransfer(school2Admin, { applicationId, version: app.version }))).code).toBe(
      "notFound",
    );
    // the school joined cannot refuse before the release either
    expect(
      (
        await refusal(
          refuseApplication(school2Admin, { applicationId, version: app.version, reason: "No places left" }),
        )
      ).code,
    ).toBe("conflict");
  });

  it("the school left releases, the school joined accepts: the enrolment moves and the history stays", async () => {
    let app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: applicationId } });
    await releaseTransfer(school1Admin, { applicationId, version: app.version });
    app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(app.status).toBe("RELEASED");
    expect(
      await prisma.notification.count({
        where: {
          userId: "u_school2",
          kind: "services_new",
          payload: { path: ["applicationId"], equals: applicationId },
        },
      }),
    ).toBe(1);
    // the school left can no longer decide
    expect(
      (
        await refusal(
          refuseApplication(school1Admin, { applicationId, version: app.version, reason: "Changed our mind" }),
        )
      ).code,
    ).toBe("conflict");
    // a class of the school left is not a class of the school joined
    expect(
      (
        await refusal(
          acceptTransfer(school2Admin, { applicationId, version: app.version, classGroupId: sourceClass }, NOW),
        )
      ).fieldErrors.classGroupId,
    ).toBe("services.transferClassInvalid");
    const { classes, sides } = await applicationForStaff(school2Admin, applicationId, NOW);
    expect(sides).toEqual({ source: false, target: true });
    expect(classes.map((c) => c.id)).toContain(class2);

    const marksBefore = await prisma.mark.count({ where: { studentId } });
    await acceptTransfer(school2Admin, { applicationId, version: app.version, classGroupId: class2 }, NOW);
    const enrolments = await prisma.classEnrolment.findMany({ where: { studentId }, orderBy: { createdAt: "asc" } });
    expect(enrolments).toHaveLength(2);
    expect(enrolments[0]!.classGroupId).toBe(sourceClass);
    expect(enrolments[0]!.endedOn?.toISOString().slice(0, 10)).toBe("2026-12-03");
    expect(enrolments[1]!.classGroupId).toBe(class2);
    expect(enrolments[1]!.startedOn?.toISOString().slice(0, 10)).toBe("2026-12-03");
    expect(enrolments[1]!.endedOn).toBeNull();
    expect(await prisma.mark.count({ where: { studentId } })).toBe(marksBefore);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: studentId } })).organizationId).toBe(school2);
    const done = await prisma.serviceApplication.findUniqueOrThrow({
      where: { id: applicationId },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect(done.status).toBe("APPROVED");
    expect(done.activeKey).toBeNull();
    expect(done.events.map((e) => e.status)).toEqual(["SUBMITTED", "RELEASED", "APPROVED"]);
    // the student's history shows both periods
    const history = await exportStudent(parent2, studentId);
    expect(history.enrolments.map((e) => [e.className, e.from, e.to])).toEqual([
      ["5 А", null, "2026-12-03"],
      ["5 Б", "2026-12-03", null],
    ]);
    // the parent was told about each step
    const kinds = await prisma.notification.findMany({
      where: { userId: "u_parent2", payload: { path: ["applicationId"], equals: applicationId } },
      select: { kind: true },
    });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["services_approved", "services_released", "services_submitted"]);
    // the child is now in a class of school No. 2: a transfer back to the same school is refused
    expect(
      (await refusal(applyTransfer(parent2, { studentId, targetOrganizationId: school2, targetGrade: 5 }, NOW)))
        .fieldErrors.targetOrganizationId,
    ).toBe("services.sameSchool");
  });

  it("a refusal needs a reason and closes the application", async () => {
    const { children } = await transferOptions(parent, NOW);
    const id = (
      await applyTransfer(parent, { studentId: children[0]!.id, targetOrganizationId: school2, targetGrade: 5 }, NOW)
    ).id;
    const app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id } });
    expect(
      (await refusal(refuseApplication(school1Admin, { applicationId: id, version: app.version, reason: "  " })))
        .fieldErrors.reason,
    ).toBe("services.reasonRequired");
    await refuseApplication(school1Admin, {
      applicationId: id,
      version: app.version,
      reason: "The school year ends soon",
    });
    const refused = await prisma.serviceApplication.findUniqueOrThrow({ where: { id } });
    expect(refused.status).toBe("REFUSED");
    expect(refused.reason).toBe("The school year ends soon");
    expect(refused.activeKey).toBeNull();
    expect(await prisma.classEnrolment.count({ where: { studentId: children[0]!.id, endedOn: { not: null } } })).toBe(
      0,
    );
  });
});

describe("preschool queue", () => {
  const baby = (n: number) => ({
    childIin: childIin("2024-05-10", 100 + n, n % 2 ? "FEMALE" : "MALE"),
    childLastName: `Бөбек${n}`,
    childFirstName: "Ая",
    territoryId: kokshetau,
    preferredOrganizationIds: [] as string[],
    priority: 0,
  });
  const ids: string[] = [];
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const position = async (id: string) =>
    (await prisma.serviceApplication.findUniqueOrThrow({ where: { id } })).queuePosition;

  it("refuses bad input with a field error and writes nothing", async () => {
    let before = await counts();
    const good = baby(0);
    const broken = good.childIin.slice(0, 11) + String((Number(good.childIin[11]) + 1) % 10);
    expect((await refusal(applyPreschool(parent, { ...good, childIin: broken }, NOW))).fieldErrors.childIin).toBe(
      "services.iinInvalid",
    );
    expect(
      (await refusal(applyPreschool(parent, { ...good, childIin: childIin("2019-01-01", 5) }, NOW))).fieldErrors
        .childIin,
    ).toBe("services.preschool.tooOld");
    expect(
      (await refusal(applyPreschool(parent, { ...good, childIin: childIin("2027-01-01", 5) }, NOW))).fieldErrors
        .childIin,
    ).toBe("services.preschool.notBorn");
    // a registered child of another parent
    const otherIin = childIin("2025-02-02", 9001, "FEMALE");
    await prisma.person.create({
      data: {
        iin: otherIin,
        lastName: "Қасымова",
        firstName: "Айым",
        birthDate: new Date("2025-02-02"),
        sex: "FEMALE",
        guardians: { create: { userId: "u_parent2" } },
      },
    });
    const before2 = await counts();
    expect((await refusal(applyPreschool(parent, { ...good, childIin: otherIin }, NOW))).fieldErrors.childIin).toBe(
      "services.notYourChild",
    );
    expect(await counts()).toEqual(before2);
    before = before2;
    // a region is not a district; a school is not a kindergarten
    const region = (await prisma.territory.findFirstOrThrow({ where: { level: "REGION" } })).id;
    expect((await refusal(applyPreschool(parent, { ...good, territoryId: region }, NOW))).fieldErrors.territoryId).toBe(
      "services.districtOutOfScope",
    );
    expect(
      (await refusal(applyPreschool(parent, { ...good, preferredOrganizationIds: [school1] }, NOW))).fieldErrors
        .preferred1,
    ).toBe("services.kindergartenOutOfScope");
    expect(await counts()).toEqual(before);
  });

  it("puts applications in the district queue by priority, then time", async () => {
    for (let n = 0; n < 3; n++) {
      const r = await applyPreschool(
        n === 1 ? parent2 : parent,
        { ...baby(n), preferredOrganizationIds: n === 0 ? [kindergarten] : [] },
        at(n),
      );
      expect(r.position).toBe(n + 1);
      ids.push(r.id);
    }
    expect((await refusal(applyPreschool(parent, baby(0), at(5)))).fieldErrors.childIin).toBe("services.duplicate");
    // a priority category goes ahead of the general queue: the others move down and are told
    const priority = await applyPreschool(parent2, { ...baby(3), priority: 1 }, at(10));
    expect(priority.position).toBe(1);
    ids.push(priority.id);
    expect(await position(ids[0]!)).toBe(2);
    expect(await position(ids[2]!)).toBe(4);
    const moved = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect(moved.previousPosition).toBe(1);
    expect(
      await prisma.notification.count({
        where: {
          userId: "u_parent",
          kind: "services_queue_moved",
          payload: { path: ["applicationId"], equals: ids[0]! },
        },
      }),
    ).toBe(1);
    const mine = (await myApplications(parent)).find((a) => a.id === ids[0]);
    expect([mine?.queuePosition, mine?.previousPosition]).toEqual([2, 1]);
  });

  it("the district admin sees the queue of the district only; a school admin does not", async () => {
    const queue = await districtQueue(districtAdmin, {});
    expect(queue.map((q) => q.id)).toEqual([ids[3], ids[0], ids[1], ids[2]]);
    expect(await districtQueue(school1Admin, {})).toEqual([]);
    const app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[3]! } });
    expect(
      (
        await refusal(
          offerPlace(
            school1Admin,
            { applicationId: ids[3]!, version: app.version, organizationId: kindergarten },
            at(20),
          ),
        )
      ).code,
    ).toBe("notFound");
    // a school is not a kindergarten of the district
    expect(
      (
        await refusal(
          offerPlace(districtAdmin, { applicationId: ids[3]!, version: app.version, organizationId: school1 }, at(20)),
        )
      ).fieldErrors.organizationId,
    ).toBe("services.kindergartenOutOfScope");
  });

  it("an offer declined keeps the place; an offer accepted leaves the queue and the others move up", async () => {
    let app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[3]! } });
    await offerPlace(
      districtAdmin,
      { applicationId: ids[3]!, version: app.version, organizationId: kindergarten },
      at(30),
    );
    app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[3]! } });
    expect(app.status).toBe("OFFERED");
    expect(app.targetOrganizationId).toBe(kindergarten);
    // only the applicant answers
    expect(
      (await refusal(answerOffer(parent, { applicationId: ids[3]!, version: app.version, accept: true }, at(31)))).code,
    ).toBe("notFound");
    await answerOffer(parent2, { applicationId: ids[3]!, version: app.version, accept: false }, at(31));
    app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[3]! } });
    expect([app.status, app.queuePosition, app.targetOrganizationId]).toEqual(["DECLINED", 1, null]);

    await offerPlace(
      districtAdmin,
      { applicationId: ids[3]!, version: app.version, organizationId: kindergarten },
      at(40),
    );
    app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[3]! } });
    await answerOffer(parent2, { applicationId: ids[3]!, version: app.version, accept: true }, at(41));
    const issued = await prisma.serviceApplication.findUniqueOrThrow({
      where: { id: ids[3]! },
      include: { events: { orderBy: { at: "asc" } } },
    });
    expect([issued.status, issued.queuePosition, issued.activeKey]).toEqual(["ISSUED", null, null]);
    expect(issued.events.map((e) => e.status)).toEqual(["SUBMITTED", "OFFERED", "DECLINED", "OFFERED", "ISSUED"]);
    expect(await position(ids[0]!)).toBe(1);
    expect(await position(ids[1]!)).toBe(2);
    expect(await position(ids[2]!)).toBe(3);
    expect((await districtQueue(districtAdmin, {})).map((q) => q.id)).toEqual([ids[0], ids[1], ids[2]]);
  });

  it("an offer not answered in time lapses back into the queue; a late answer is refused", async () => {
    let app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[0]! } });
    await offerPlace(
      districtAdmin,
      { applicationId: ids[0]!, version: app.version, organizationId: kindergarten },
      at(60),
    );
    app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[0]! } });
    const late = new Date(app.offerExpiresAt!.getTime() + 60_000);
    expect(
      (await refusal(answerOffer(parent, { applicationId: ids[0]!, version: app.version, accept: true }, late)))
        .fieldErrors.applicationId,
    ).toBe("services.offerExpired");
    // another parent's page lapses nothing of this one; the applicant's own page does
    expect(await lapseMyOffers(parent2, late)).toBe(0);
    expect(await lapseMyOffers(parent, late)).toBe(1);
    app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect([app.status, app.queuePosition, app.targetOrganizationId]).toEqual(["DECLINED", 1, null]);
    expect(
      await prisma.notification.count({
        where: { userId: "u_parent", kind: "services_declined", payload: { path: ["applicationId"], equals: ids[0]! } },
      }),
    ).toBe(1);
    // the job runner lapses every due offer (none left here), and the district's queue shows the lapse
    expect(await lapseDueOffers(late)).toBe(0);
    expect((await districtQueue(districtAdmin, {})).find((q) => q.id === ids[0])?.status).toBe("DECLINED");
  });

  it("a refusal (with a reason) leaves the queue and the others move up", async () => {
    const app = await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[1]! } });
    await refuseApplication(districtAdmin, {
      applicationId: ids[1]!,
      version: app.version,
      reason: "The family moved to another district",
    });
    expect(await position(ids[2]!)).toBe(2);
    expect((await prisma.serviceApplication.findUniqueOrThrow({ where: { id: ids[2]! } })).previousPosition).toBe(3);
  });
});
