import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { scopeOf } from "@/lib/auth/scope";
import { viewer } from "@/tests/setup/helpers";
import { staffAggregates, vacancyCounts } from "./analytics";

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
});
