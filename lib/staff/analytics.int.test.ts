import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { scopeOf } from "@/lib/auth/scope";
import { viewer } from "@/tests/setup/helpers";
import { hoursPolicyShares, publicVacancyCounts, staffAggregates, vacancyCounts } from "./analytics";
import { COURSE_HOURS_POLICY } from "./rules";
import { hoursWindowStart } from "./courses";
import { dateValue } from "@/lib/diary/dates";
import { almatyDate } from "@/lib/time";

describe("staff analytics", () => {
  it("counts the territory's staff by category and age band, expiring categories and vacancies by subject", async () => {
    const district = await viewer("u_district");
    const region = await viewer("u_region");
    const mine = await staffAggregates(scopeOf(district, "staff.read")!);
    const wider = await staffAggregates(scopeOf(region, "staff.read")!);
    const total = (a: typeof mine) => a.categories.reduce((s, c) => s + c.count, 0);
    expect(total(mine)).toBeGreaterThan(0);
    expect(total(wider)).toBeGreaterThanOrEqual(total(mine));
    // every employee falls in one age band
    expect(mine.ages.reduce((s, a) => s + a.count, 0)).toBe(total(mine));
    expect(mine.expiring).toBeGreaterThan(0);
    expect(mine.expiring).toBeLessThanOrEqual(total(mine));
    expect(mine.vacancies.reduce((s, v) => s + v.count, 0)).toBeGreaterThan(0);
  });

  it("gives the public page counts per territory, nothing personal", async () => {
    const district = await viewer("u_district");
    const path = district.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryPath!;
    const territory = await prisma.territory.findUniqueOrThrow({ where: { path }, select: { code: true } });
    const parent = await prisma.territory.findFirstOrThrow({ where: { children: { some: { path } } } });
    const rows = await vacancyCounts(parent.code);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!).sort()).toEqual(["count", "id", "nameEn", "nameKk", "nameRu"]);
    const open = await prisma.vacancy.count({
      where: { status: "OPEN", organization: { territory: { path: { startsWith: path } } } },
    });
    expect((await vacancyCounts(territory.code)).reduce((s, r) => s + r.count, 0)).toBe(open);
    expect(await vacancyCounts("999999999")).toEqual([]);
  });

  it("breaks the territory's staff down by sex, education and weekly hours", async () => {
    const district = await viewer("u_district");
    const mine = await staffAggregates(scopeOf(district, "staff.read")!);
    const total = mine.categories.reduce((s, c) => s + c.count, 0);
    expect(mine.sexes.reduce((s, x) => s + x.count, 0)).toBe(total);
    expect(mine.education.reduce((s, x) => s + x.count, 0)).toBe(total);
    const path = district.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryPath!;
    const today = almatyDate(new Date());
    const appointments = await prisma.appointment.count({
      where: {
        startDate: { lte: dateValue(today) },
        OR: [{ endDate: null }, { endDate: { gte: dateValue(today) } }],
        organization: { territory: { path: { startsWith: path } } },
      },
    });
    expect(mine.workload.reduce((s, x) => s + x.count, 0)).toBe(appointments);
  });

  it("gives the share of teachers meeting the hours policy per area, counted as the card counts them", async () => {
    const region = await viewer("u_region");
    const district = await viewer("u_district");
    const school = await viewer("u_school");
    const regional = await hoursPolicyShares(scopeOf(region, "staff.read")!);
    const path = district.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryPath!;
    const own = await prisma.territory.findUniqueOrThrow({ where: { path }, select: { id: true } });
    // the region's rows are its districts, the district's own row agrees with the region's row for it
    const mine = await hoursPolicyShares(scopeOf(district, "staff.read")!);
    expect(mine.map((r) => r.id)).toEqual([own.id]);
    expect(regional.find((r) => r.id === own.id)).toEqual(mine[0]);
    expect(mine[0]!.teachers).toBeGreaterThan(0);
    expect(mine[0]!.meeting).toBeLessThanOrEqual(mine[0]!.teachers);
    // the figure checked against the completions of the district's teachers in the window
    const today = almatyDate(new Date());
    const teachers = await prisma.employee.findMany({
      where: {
        appointments: {
          some: {
            position: { code: "TEACHER" },
            startDate: { lte: dateValue(today) },
            OR: [{ endDate: null }, { endDate: { gte: dateValue(today) } }],
            organization: { territory: { path: { startsWith: path } } },
          },
        },
      },
      select: {
        courseCompletions: { where: { completedOn: { gte: dateValue(hoursWindowStart()) } }, select: { hours: true } },
      },
    });
    expect(mine[0]!.teachers).toBe(teachers.length);
    expect(mine[0]!.meeting).toBe(
      teachers.filter((t) => t.courseCompletions.reduce((s, c) => s + c.hours, 0) >= COURSE_HOURS_POLICY.hours).length,
    );
    // a school admin: their own school only
    const schoolRows = await hoursPolicyShares(scopeOf(school, "staff.read")!);
    expect(schoolRows.map((r) => r.id)).toEqual([school.roles[0]!.organizationId]);
  });

  it("hides small vacancy counts on the public table, with a complementary cell when only one would be hidden", async () => {
    const district = await viewer("u_district");
    const path = district.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryPath!;
    const parent = await prisma.territory.findFirstOrThrow({ where: { children: { some: { path } } } });
    const raw = await vacancyCounts(parent.code);
    const shown = await publicVacancyCounts(parent.code);
    expect(shown.rows.map((r) => r.id)).toEqual(raw.map((r) => r.id));
    shown.rows.forEach((r, i) => {
      const count = raw[i]!.count;
      if (count > 0 && count < 5) expect(r.count).toBeNull();
      if (r.count !== null) expect(r.count).toBe(count);
    });
    // never exactly one hidden figure beside a published total
    if (shown.total !== null) expect(shown.rows.filter((r) => r.count === null).length).not.toBe(1);
  });
});
