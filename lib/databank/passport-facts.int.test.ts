import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/scope";
import { viewer } from "@/tests/setup/helpers";
import { decideChange, listIn, pendingBudgetLines, saveBudgetLine, saveBuilding } from "@/lib/passport/passport";
import { budgetLineSave, buildingSave, listQueryOf } from "@/lib/passport/schemas";
import { parsePivotParams } from "./params";
import { buildPivot } from "./pivot";
import { runStats } from "./query";
import { passportYear } from "./passport-facts";
import type { Indicator } from "./catalogue";

const YEAR = passportYear();
let school: Viewer;
let district: Viewer;
let schoolId = "";
let bin = "";

beforeAll(async () => {
  school = await viewer("u_school");
  district = await viewer("u_district");
  schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  bin = (await prisma.organization.findUniqueOrThrow({ where: { id: schoolId } })).bin;
});

const pivot = async (qs: string) =>
  buildPivot(
    authorizeViewer(await viewer("u_ministry"), "databank.pivot").scope,
    parsePivotParams(new URLSearchParams(qs)),
    "en",
  );

/** One organisation's figure of an indicator this year, straight from the facts. */
const figureOf = async (indicator: Indicator) => {
  const result = await runStats(
    { all: true },
    {
      indicators: [indicator],
      dimensions: [],
      measure: "sum",
      filters: { year: [YEAR], organization: [bin] },
      limit: 10,
    },
    { route: "facts" },
  );
  return result.cells[0]?.value ?? null;
};

describe("the passport's figures in the data bank", () => {
  it("are pivoted like the reports' facts and agree with the passport lists", async () => {
    const overcrowded = await listIn({ all: true }, listQueryOf({ list: "overcrowded" }), null);
    const table = await pivot(`indicator=overcrowdedSchools&rows=region&year=${YEAR}`);
    expect(table.grandTotal).toBe(overcrowded.total);
    const schools = await prisma.passportProfile.count({ where: { validTo: null } });
    const internet = await prisma.passportProfile.count({ where: { validTo: null, internet: { not: "NONE" } } });
    expect((await pivot(`indicator=schoolsWithInternet&rows=region&year=${YEAR}`)).grandTotal).toBe(internet);
    expect((await pivot(`indicator=schoolsWithInternet&rows=region&year=${YEAR}&measure=count`)).grandTotal).toBe(
      schools,
    );
    const capacity = await prisma.passportBuilding.aggregate({
      where: { status: "CONFIRMED", validTo: null },
      _sum: { capacity: true },
    });
    expect((await pivot(`indicator=schoolCapacity&rows=region&year=${YEAR}`)).grandTotal).toBe(capacity._sum.capacity);
  });

  it("follow a confirmed capacity change and a confirmed budget line, not a pending one", async () => {
    const overcrowdedBefore = (await pivot(`indicator=overcrowdedSchools&rows=region&year=${YEAR}`)).grandTotal!;
    expect(await figureOf("schoolCapacity")).toBe(800);
    const saved = await saveBuilding(
      school,
      buildingSave.parse({
        organizationId: schoolId,
        number: "1",
        address: "Көкшетау, Абай көшесі, 1",
        yearBuilt: "1978",
        capacity: "500",
        floors: "3",
        ownership: "STATE",
        condition: "NORMAL",
        gym: "on",
        canteenSeats: "200",
        scienceRooms: "3",
        computerRooms: "2",
        boardingPlaces: "0",
      }),
    );
    expect(await figureOf("schoolCapacity")).toBe(800);
    await decideChange(district, { id: saved.id, decision: "CONFIRMED" });
    expect(await figureOf("schoolCapacity")).toBe(500);
    expect(await figureOf("overcrowdedSchools")).toBe(1);
    expect((await pivot(`indicator=overcrowdedSchools&rows=region&year=${YEAR}`)).grandTotal).toBe(
      overcrowdedBefore + 1,
    );

    const spentBefore = (await figureOf("budgetSpent")) ?? 0;
    await saveBudgetLine(
      school,
      budgetLineSave.parse({
        organizationId: schoolId,
        year: String(YEAR),
        source: "LOCAL",
        expense: "EQUIPMENT",
        quarter: "4",
        planned: "6400000",
        spent: "6400000",
      }),
    );
    expect((await figureOf("budgetSpent")) ?? 0).toBe(spentBefore);
    const line = (await pendingBudgetLines(district)).find(
      (l) => l.organization.bin === bin && l.expense === "EQUIPMENT",
    )!;
    await decideChange(district, { kind: "budget", id: line.id, decision: "CONFIRMED" });
    expect(await figureOf("budgetSpent")).toBe(spentBefore + 6_400_000);
    expect(await figureOf("spendingPerPupil")).toBe(Math.round((spentBefore + 6_400_000) / 640));
  });
});

describe("the passport's figures on the public statistics pages", () => {
  it("give the republic, a region and a district their schools' capacity, enrolment and counts, children adding up", async () => {
    const { territoryPage } = await import("./public");
    const republic = (await territoryPage(null, null)).passport!;
    expect(republic.year).toBe(YEAR);
    const profiles = await prisma.passportProfile.findMany({
      where: { validTo: null },
      select: { enrolment: true, computers: true },
    });
    expect(republic.total.schools).toBe(profiles.length);
    expect(republic.total.enrolment.value).toBe(profiles.reduce((n, p) => n + p.enrolment, 0));
    const overcrowded = await listIn({ all: true }, listQueryOf({ list: "overcrowded" }), null);
    expect(republic.total.overcrowded).toBe(overcrowded.total);
    const computers = profiles.reduce((n, p) => n + p.computers, 0);
    expect(republic.total.pupilsPerComputer.value).toBeCloseTo(republic.total.enrolment.value! / computers, 1);
    expect(republic.children.reduce((n, c) => n + c.schools, 0)).toBe(republic.total.schools);
    expect(republic.children.reduce((n, c) => n + c.emergency, 0)).toBe(republic.total.emergency);

    // the demo district: its schools, each with its own facts and the link code of its public card
    const districtPath = district.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territoryPath!;
    const territory = await prisma.territory.findUniqueOrThrow({ where: { path: districtPath } });
    const page = (await territoryPage(territory.code, null)).passport!;
    const own = page.children.find((c) => c.code === bin)!;
    const profile = await prisma.passportProfile.findFirstOrThrow({
      where: { organizationId: schoolId, validTo: null },
    });
    const capacity = (
      await prisma.passportBuilding.aggregate({
        where: { organizationId: schoolId, status: "CONFIRMED", validTo: null },
        _sum: { capacity: true },
      })
    )._sum.capacity!;
    expect(own.schools).toBe(1);
    expect(own.capacity).toBe(capacity);
    expect(own.enrolment.value).toBe(profile.enrolment);
    expect(own.capacityUse.value).toBeCloseTo((100 * profile.enrolment) / capacity, 1);
    expect(page.total.schools).toBe(page.children.length);
    expect(page.total.capacity).toBe(page.children.reduce((n, c) => n + (c.capacity ?? 0), 0));
    // the region's line of the district agrees with the district's own total
    const region = (await territoryPage(page.total.code.slice(0, 2) + "0000000", null)).passport!;
    const line = region.children.find((c) => c.code === territory.code)!;
    expect([line.schools, line.capacity, line.overcrowded]).toEqual([
      page.total.schools,
      page.total.capacity,
      page.total.overcrowded,
    ]);
  });
});
