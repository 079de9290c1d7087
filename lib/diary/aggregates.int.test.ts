import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { diaryAggregates, publicDiaryFigures, SMALL_CELL, setWeights } from "./aggregates";
import { weightsFor } from "./journal";
import { refusal, viewer } from "@/tests/setup/helpers";

const NOW = new Date("2026-11-23T10:00:00Z");
const KOKSHETAU = "t110200000";
const BURABAY = "t110400000";

let school: string;

beforeAll(async () => {
  school = (await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school" } })).organizationId!;
});

describe("authority aggregates", () => {
  it("gives the district attendance and quality of its schools, without personal data", async () => {
    const { organizations, territories } = await diaryAggregates(await viewer("u_district"), NOW);
    const row = organizations.find((o) => o.id === school)!;
    expect(row.suppressed).toBe(false);
    expect(row.students).toBe(12);
    expect(row.attendanceRate).toBeGreaterThan(50);
    expect(row.attendanceRate).toBeLessThanOrEqual(100);
    expect(Object.keys(row).sort()).toEqual([
      "attendanceRate",
      "grades",
      "id",
      "name",
      "quality",
      "students",
      "suppressed",
    ]);
    expect(territories.map((t) => t.id)).toEqual([KOKSHETAU]);
  });

  it("suppresses a school with fewer than the small-cell minimum of students", async () => {
    const other = await prisma.organization.findFirstOrThrow({
      where: { territoryId: KOKSHETAU, id: { not: school }, kind: { code: "SCHOOL" } },
    });
    const year = await prisma.academicYear.create({
      data: {
        organizationId: other.id,
        label: "2026/2027",
        startDate: new Date("2026-09-01"),
        endDate: new Date("2027-05-25"),
      },
    });
    const c = await prisma.classGroup.create({
      data: { organizationId: other.id, academicYearId: year.id, grade: 3, letter: "А" },
    });
    const pupils = await prisma.person.findMany({ where: { organizationId: other.id }, take: 3 });
    await prisma.classEnrolment.createMany({
      data: pupils.map((p) => ({
        organizationId: other.id,
        academicYearId: year.id,
        classGroupId: c.id,
        studentId: p.id,
      })),
    });
    const { organizations } = await diaryAggregates(await viewer("u_district"), NOW);
    expect(pupils.length).toBeLessThan(SMALL_CELL);
    expect(organizations.find((o) => o.id === other.id)).toMatchObject({
      suppressed: true,
      students: 0,
      attendanceRate: null,
      quality: null,
    });
  });

  it("keeps other territories out of scope and refuses schools' staff", async () => {
    const burabay = await prisma.user.create({
      data: {
        login: "burabay",
        passwordHash: "x",
        displayName: "Burabay",
        roles: { create: [{ role: "DISTRICT_ADMIN", territoryId: BURABAY }] },
      },
    });
    expect((await diaryAggregates(await viewer(burabay.id), NOW)).organizations).toEqual([]);
    expect((await refusal(diaryAggregates(await viewer("u_teacher"), NOW))).code).toBe("forbidden");
    expect((await refusal(diaryAggregates(await viewer("u_school"), NOW))).code).toBe("forbidden");
  });
});

describe("term-grade weights", () => {
  it("the ministry changes the weights of a year; they must add up to 100; nobody else may", async () => {
    const ministry = await viewer("u_ministry");
    expect(
      (await refusal(setWeights(ministry, { schoolYear: "2026/2027", formative: 30, sor: 30, soch: 30 }))).fieldErrors
        .soch,
    ).toBe("diary.weightsSum");
    expect(
      (
        await refusal(
          setWeights(await viewer("u_region"), { schoolYear: "2026/2027", formative: 30, sor: 20, soch: 50 }),
        )
      ).code,
    ).toBe("forbidden");
    expect(await weightsFor("2026/2027")).toEqual({ formative: 25, sor: 25, soch: 50 });
    await setWeights(ministry, { schoolYear: "2026/2027", formative: 30, sor: 20, soch: 50 });
    expect(await weightsFor("2026/2027")).toEqual({ formative: 30, sor: 20, soch: 50 });
  });
});

describe("public e-diary figures", () => {
  it("give each territory the totals of its schools, the same as the district's own aggregate", async () => {
    const { territories } = await diaryAggregates(await viewer("u_district"), NOW);
    const district = territories.find((t) => t.id === KOKSHETAU)!;
    const kokshetau = await prisma.territory.findUniqueOrThrow({ where: { id: KOKSHETAU } });
    const republic = await prisma.territory.findFirstOrThrow({ where: { level: "REPUBLIC" } });
    for (const path of [kokshetau.path, republic.path]) {
      const figures = await publicDiaryFigures(path, NOW);
      expect(figures).toMatchObject({
        suppressed: false,
        students: district.students,
        attendanceRate: district.attendanceRate,
        quality: district.quality,
      });
    }
  });

  it("show nothing where no school keeps the diary or fewer than the minimum of students are enrolled", async () => {
    const burabay = await prisma.territory.findUniqueOrThrow({ where: { id: BURABAY } });
    expect(await publicDiaryFigures(burabay.path, NOW)).toBeNull();
    const kokshetau = await prisma.territory.findUniqueOrThrow({ where: { id: KOKSHETAU } });
    // Leave the district's schools with one student fewer than the minimum between them.
    const schools = await prisma.organization.findMany({ where: { territoryId: KOKSHETAU }, select: { id: true } });
    const inDistrict = { organizationId: { in: schools.map((o) => o.id) } };
    const kept = await prisma.classEnrolment.findMany({
      where: inDistrict,
      take: SMALL_CELL - 1,
      select: { id: true },
    });
    await prisma.classEnrolment.deleteMany({ where: { ...inDistrict, id: { notIn: kept.map((e) => e.id) } } });
    expect(await publicDiaryFigures(kokshetau.path, NOW)).toBeNull();
  });
});
