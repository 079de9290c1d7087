import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { viewer } from "@/tests/setup/helpers";
import { passportYear } from "@/lib/databank/passport-facts";
import type { MethodIndicator } from "./catalogue";
import { methodView, ratingView } from "./public";
import { loadInputs } from "./runner";
import { createMethod, publishRating, saveVersion } from "./service";

const INDICATORS: MethodIndicator[] = [
  { code: "pupilsPerComputer", direction: "lower", normalisation: "minmax", missing: "exclude-entity", weight: 60 },
  { code: "capacityUse", direction: "lower", normalisation: "minmax", missing: "exclude-entity", weight: 40 },
];

let ministry: Viewer;
let districtPath = "";
let districtId = "";

beforeAll(async () => {
  ministry = await viewer("u_ministry");
  districtPath = (await viewer("u_district")).roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryPath!;
  districtId = (await prisma.territory.findUniqueOrThrow({ where: { path: districtPath } })).id;
});

/** Each school's passport in force, read straight from the tables: enrolment, computers, confirmed capacity. */
async function passports() {
  const [profiles, buildings] = await Promise.all([
    prisma.passportProfile.findMany({
      where: { validTo: null, organization: { territory: { path: { startsWith: districtPath } } } },
      select: { organizationId: true, enrolment: true, computers: true },
    }),
    prisma.passportBuilding.groupBy({
      by: ["organizationId"],
      where: {
        status: "CONFIRMED",
        validTo: null,
        organization: { territory: { path: { startsWith: districtPath } } },
      },
      _sum: { capacity: true },
    }),
  ]);
  const capacity = new Map(buildings.map((b) => [b.organizationId, b._sum.capacity ?? 0]));
  return profiles.map((p) => ({ ...p, capacity: capacity.get(p.organizationId) ?? null }));
}

describe("rating indicators from the organisation passport", () => {
  it("gives pupils per computer and the use of capacity of each school from its confirmed passport", async () => {
    const year = passportYear();
    const inputs = await loadInputs(prisma, {
      level: "SCHOOL",
      path: districtPath,
      year,
      codes: ["pupilsPerComputer", "capacityUse"],
    });
    const expected = await passports();
    expect(expected.length).toBeGreaterThan(1);
    for (const p of expected) {
      const row = inputs.rows.find((r) => r.entityId === p.organizationId)!;
      expect(row).toBeDefined();
      if (p.computers > 0) expect(row.values.pupilsPerComputer).toBeCloseTo(p.enrolment / p.computers, 9);
      else expect(row.values.pupilsPerComputer).toBeNull();
      if (p.capacity) expect(row.values.capacityUse).toBeCloseTo((100 * p.enrolment) / p.capacity, 9);
      else expect(row.values.capacityUse).toBeNull();
    }
    // another year has no passport facts
    const before = await loadInputs(prisma, {
      level: "SCHOOL",
      path: districtPath,
      year: year - 5,
      codes: ["pupilsPerComputer"],
    });
    expect(before.rows.every((r) => r.values.pupilsPerComputer === null)).toBe(true);
  });

  it("follows a change of the passport (a new profile counts at once)", async () => {
    const school = (await viewer("u_school")).roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
    const { saveProfile } = await import("@/lib/passport/passport");
    const { profileSave } = await import("@/lib/passport/schemas");
    const current = await prisma.passportProfile.findFirstOrThrow({ where: { organizationId: school, validTo: null } });
    await saveProfile(
      await viewer("u_school"),
      profileSave.parse({
        organizationId: school,
        enrolment: String(current.enrolment),
        shifts: "1",
        shift1Pupils: String(current.enrolment),
        shift1Classes: "20",
        computers: "50",
        computersAge: "3",
        boards: "10",
        internet: "FIBRE",
        internetMbps: "100",
        buses: "0",
        pupilsCarried: "0",
      }),
    );
    const inputs = await loadInputs(prisma, {
      level: "SCHOOL",
      path: districtPath,
      year: passportYear(),
      codes: ["pupilsPerComputer"],
    });
    expect(inputs.rows.find((r) => r.entityId === school)!.values.pupilsPerComputer).toBeCloseTo(
      current.enrolment / 50,
      9,
    );
  });

  it("is published in a method, and the method page and the rating show it", async () => {
    const { id } = await createMethod(ministry, {
      code: "passport-equipment",
      level: "SCHOOL",
      territoryId: districtId,
      nameKk: "Жабдықталу",
      nameRu: "Оснащённость",
      nameEn: "Equipment",
    });
    await saveVersion(ministry, {
      methodId: id,
      aggregation: "arithmetic",
      indicators: INDICATORS,
      approvalOrder: "№ 7",
      approvedOn: new Date("2026-01-10T00:00:00Z"),
    });
    const year = passportYear();
    const published = await publishRating(ministry, { methodId: id, year });
    expect(published.entities).toBeGreaterThan(1);
    const page = await methodView("passport-equipment", null);
    expect(page.current.indicators.map((i) => i.code)).toEqual(["pupilsPerComputer", "capacityUse"]);
    expect(page.current.years).toEqual([year]);
    const rating = await ratingView("passport-equipment", year);
    const ranked = rating.rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(1);
    for (const r of ranked) expect(r.inputs.pupilsPerComputer).toBeGreaterThan(0);
  });
});
