import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { scopeOf, type Viewer } from "@/lib/auth/scope";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import { refusal, viewer } from "@/tests/setup/helpers";
import { applyFirstGrade, myApplications } from "./applications";
import { eligibleStudents, issueStudyCertificate } from "./certificates";
import { applyPreschool, lapseMyOffers } from "./preschool";
import { applyTransfer, transferOptions } from "./transfer";

// Inside the seeded school year 2026/2027.
const NOW = new Date("2026-12-03T06:00:00Z");

let student: Viewer;
let parent: Viewer;
let school = "";
let otherSchool = "";
let district = "";

beforeAll(async () => {
  student = await viewer("u_student");
  parent = await viewer("u_parent");
  const schoolAdmin = await viewer("u_school");
  school = schoolAdmin.roles.find((r) => r.organizationId)!.organizationId!;
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: school } });
  otherSchool = (
    await prisma.organization.findFirstOrThrow({
      where: { kind: { code: "SCHOOL" }, status: "ACTIVE", id: { not: school } },
      orderBy: { id: "asc" },
    })
  ).id;
  district = org.territoryId;
});

/** The services a student and a parent get follow the permission table, not a role name in the service. */
describe("services by permission", () => {
  it("the table: both request certificates, only a parent applies for a child", () => {
    expect(scopeOf(student, "services.apply")).not.toBeNull();
    expect(scopeOf(parent, "services.apply")).not.toBeNull();
    expect(scopeOf(student, "services.applyForChild")).toBeNull();
    expect(scopeOf(parent, "services.applyForChild")).not.toBeNull();
  });

  it("a student follows their own applications and requests their own certificate", async () => {
    expect(await myApplications(student)).toEqual(expect.any(Array));
    expect(await lapseMyOffers(student, NOW)).toBe(0);
    const own = await eligibleStudents(student, NOW);
    expect(own.length).toBe(1);
    const issued = await issueStudyCertificate(student, { studentId: own[0]!.id, language: "kk" }, NOW);
    expect(issued.number).toBeTruthy();
  });

  it("a student may not apply for a child: first grade, transfer, preschool are refused and write nothing", async () => {
    const before = await prisma.serviceApplication.count();
    const iin = withCheckDigit(iinPrefix("2020-03-01", "FEMALE") + "7001")!;
    const child = { childIin: iin, childLastName: "Сейітова", childFirstName: "Әсел" };
    expect(
      (await refusal(applyFirstGrade(student, { ...child, organizationId: school, admissionYear: 2027 }, NOW))).code,
    ).toBe("forbidden");
    expect((await refusal(transferOptions(student, NOW))).code).toBe("forbidden");
    const ownId = (await eligibleStudents(student, NOW))[0]!.id;
    expect(
      (
        await refusal(
          applyTransfer(student, { studentId: ownId, targetOrganizationId: otherSchool, targetGrade: 5 }, NOW),
        )
      ).code,
    ).toBe("forbidden");
    const baby = withCheckDigit(iinPrefix("2024-05-10", "MALE") + "7002")!;
    expect(
      (
        await refusal(
          applyPreschool(
            student,
            {
              childIin: baby,
              childLastName: "Бөбек",
              childFirstName: "Ая",
              territoryId: district,
              preferredOrganizationIds: [],
              priority: 0,
            },
            NOW,
          ),
        )
      ).code,
    ).toBe("forbidden");
    expect(await prisma.serviceApplication.count()).toBe(before);
  });

  it("a parent gets the transfer form with their own children", async () => {
    const { children } = await transferOptions(parent, NOW);
    const guarded = await prisma.guardianship.findMany({ where: { userId: "u_parent" }, select: { studentId: true } });
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((c) => guarded.some((g) => g.studentId === c.id))).toBe(true);
  });
});
