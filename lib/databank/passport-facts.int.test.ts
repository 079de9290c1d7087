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
