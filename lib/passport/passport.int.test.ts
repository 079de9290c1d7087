import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import {
  decideChange,
  passportOf,
  pendingBudgetLines,
  pendingChanges,
  saveBudgetLine,
  saveBuilding,
  saveProfile,
  territoryList,
  territoryTable,
} from "./passport";
import { passportCard } from "./public";
import { budgetLineSave, buildingSave, listQueryOf, profileSave } from "./schemas";
import { almatyYear } from "./rules";

let school: Viewer;
let district: Viewer;
let region: Viewer;
let schoolId = "";
let bin = "";
const YEAR = almatyYear();

/** The building form as the page posts it (strings, checkboxes "on"). */
const buildingForm = (extra: Record<string, string> = {}) => ({
  organizationId: schoolId,
  number: "1",
  address: "Көкшетау, Абай көшесі, 1",
  yearBuilt: "1978",
  capacity: "800",
  floors: "3",
  ownership: "STATE",
  condition: "NORMAL",
  inspectedOn: "2025-08-20",
  inspectionDoc: "АКТ-2025/12",
  gym: "on",
  library: "on",
  canteenSeats: "200",
  scienceRooms: "3",
  computerRooms: "2",
  boardingPlaces: "0",
  ...extra,
});

const profileForm = (extra: Record<string, string> = {}) => ({
  organizationId: schoolId,
  enrolment: "640",
  shifts: "1",
  shift1Pupils: "640",
  shift1Classes: "26",
  computers: "60",
  computersAge: "4",
  boards: "20",
  internet: "FIBRE",
  internetMbps: "100",
  wifiClassrooms: "on",
  buses: "0",
  pupilsCarried: "0",
  ...extra,
});

const budgetForm = (extra: Record<string, string> = {}) => ({
  organizationId: schoolId,
  year: String(YEAR),
  source: "LOCAL",
  expense: "FOOD",
  quarter: "1",
  planned: "1000000",
  spent: "900000",
  ...extra,
});

/** The field a schema refuses a form with (the first issue's path and message). */
function refusedField(
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  form: object,
) {
  const r = schema.safeParse(form);
  expect(r.success).toBe(false);
  return { field: r.error!.issues[0]!.path.join("."), message: r.error!.issues[0]!.message };
}

async function counts() {
  const [buildings, profiles, budget, audit] = await Promise.all([
    prisma.passportBuilding.count(),
    prisma.passportProfile.count(),
    prisma.budgetLine.count(),
    prisma.auditLog.count({ where: { entity: { in: ["PassportBuilding", "PassportProfile", "BudgetLine"] } } }),
  ]);
  return { buildings, profiles, budget, audit };
}

beforeAll(async () => {
  school = await viewer("u_school");
  district = await viewer("u_district");
  region = await viewer("u_region");
  schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  bin = (await prisma.organization.findUniqueOrThrow({ where: { id: schoolId } })).bin;
});

describe("seed", () => {
  it("gives every school a passport with buildings in force", async () => {
    const schools = await prisma.organization.count({ where: { kind: { code: "SCHOOL" } } });
    expect(await prisma.passportProfile.count({ where: { validTo: null } })).toBe(schools);
    const own = await passportOf(school);
    expect(own?.buildings.filter((b) => b.status === "CONFIRMED")).toHaveLength(1);
    expect(own?.profile?.enrolment).toBe(640);
  });
});

describe("the confirm step", () => {
  it("keeps a capacity change pending until the district confirms; the card and the lists follow", async () => {
    const before = await passportCard(bin);
    expect(before?.capacity).toBe(800);
    expect(before?.overcrowding).toBe(0);
    const saved = await saveBuilding(school, buildingSave.parse(buildingForm({ capacity: "500" })));
    expect(saved.status).toBe("PENDING");
    expect((await passportCard(bin))?.capacity).toBe(800);
    const listed = await territoryList(region, listQueryOf({ list: "overcrowded" }), { page: 1, pageSize: 100 });
    expect(listed.rows.some((r) => r.bin === bin)).toBe(false);

    const queue = await pendingChanges(district);
    const change = queue.find((c) => c.id === saved.id)!;
    expect(change.current?.capacity).toBe(800);
    expect(change.capacity).toBe(500);
    await decideChange(district, { id: saved.id, decision: "CONFIRMED" });

    const after = await passportCard(bin);
    expect(after?.capacity).toBe(500);
    expect(after?.overcrowding).toBe(28);
    const region2 = await territoryList(region, listQueryOf({ list: "overcrowded" }), { page: 1, pageSize: 100 });
    expect(region2.rows.find((r) => r.bin === bin)?.overcrowding).toBe(28);
    // the replaced version keeps its validity
    const versions = await prisma.passportBuilding.findMany({ where: { organizationId: schoolId, number: 1 } });
    expect(versions.filter((v) => v.validTo !== null)).toHaveLength(1);
    await expect(decideChange(district, { id: saved.id, decision: "REJECTED" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("applies other changes at once, and a rejected change never counts", async () => {
    const direct = await saveBuilding(school, buildingSave.parse(buildingForm({ capacity: "500", gym: "" })));
    expect(direct.status).toBe("CONFIRMED");
    expect((await passportCard(bin))?.buildings[0]?.gym).toBe(false);
    const change = await saveBuilding(
      school,
      buildingSave.parse(buildingForm({ capacity: "500", condition: "EMERGENCY" })),
    );
    await decideChange(district, { id: change.id, decision: "REJECTED", note: "Акт жоқ" });
    expect((await passportCard(bin))?.condition).toBe("NORMAL");
  });

  it("refuses another district's change and another school's passport", async () => {
    const other = await prisma.organization.findFirstOrThrow({
      where: {
        kind: { code: "SCHOOL" },
        territory: { path: { not: { startsWith: district.roles[0]!.territoryPath! } } },
      },
    });
    const e = await refusal(saveBuilding(school, buildingSave.parse(buildingForm({ organizationId: other.id }))));
    expect(e.fieldErrors.organizationId).toBe("passport.outOfScope");
    const pending = await prisma.passportBuilding.create({
      data: {
        organizationId: other.id,
        number: 9,
        address: "x",
        yearBuilt: 2000,
        capacity: 10,
        floors: 1,
        ownership: "STATE",
        condition: "NORMAL",
        status: "PENDING",
        createdById: "u_ministry",
      },
    });
    expect((await pendingChanges(district)).some((c) => c.id === pending.id)).toBe(false);
    expect((await refusal(decideChange(district, { id: pending.id, decision: "CONFIRMED" }))).code).toBe("notFound");
    await prisma.passportBuilding.delete({ where: { id: pending.id } });
  });
});

describe("bad input, nothing written", () => {
  it("refuses a capacity of zero or less and a year built in the future", async () => {
    expect(refusedField(buildingSave, buildingForm({ capacity: "0" }))).toEqual({
      field: "capacity",
      message: "passport.capacityPositive",
    });
    expect(refusedField(buildingSave, buildingForm({ capacity: "-5" })).field).toBe("capacity");
    expect(refusedField(buildingSave, buildingForm({ yearBuilt: String(YEAR + 1) }))).toEqual({
      field: "yearBuilt",
      message: "passport.yearBuiltFuture",
    });
    expect(refusedField(buildingSave, buildingForm({ inspectionDoc: "akt.exe" }))).toEqual({
      field: "inspectionDoc",
      message: "passport.inspectionDocType",
    });
  });

  it("refuses a shift split that does not add up to the enrolment", async () => {
    expect(refusedField(profileSave, profileForm({ shifts: "2", shift1Pupils: "400", shift2Pupils: "200" }))).toEqual({
      field: "shift1Pupils",
      message: "passport.shiftSplit",
    });
    expect(refusedField(profileSave, profileForm({ shift3Pupils: "10", shift1Pupils: "630" })).field).toBe(
      "shift3Pupils",
    );
  });

  it("refuses spending above plan without a comment and a budget line in the wrong year", async () => {
    expect(refusedField(budgetLineSave, budgetForm({ spent: "1200000" }))).toEqual({
      field: "comment",
      message: "passport.overspendComment",
    });
    expect(budgetLineSave.safeParse(budgetForm({ spent: "1200000", comment: "Бағалар өсті" })).success).toBe(true);
    expect(refusedField(budgetLineSave, budgetForm({ year: String(YEAR + 3) }))).toEqual({
      field: "year",
      message: "passport.budgetYear",
    });
  });

  it("writes nothing when the database refuses (a split that does not add up, past the schema)", async () => {
    const before = await counts();
    const bad = { ...profileSave.parse(profileForm()), enrolment: 641 };
    await expect(saveProfile(school, bad)).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});

describe("open finance", () => {
  it("shows the per-pupil figure from the enrolment beside the district and region averages", async () => {
    await saveProfile(school, profileSave.parse(profileForm()));
    await saveBudgetLine(school, budgetLineSave.parse(budgetForm({ planned: "64000000", spent: "64000000" })));
    // the line counts once the district has confirmed it (until then the card shows last year's budget)
    expect((await passportCard(bin))?.budget?.year).toBe(YEAR - 1);
    const confirmLine = async () => {
      const pending = (await pendingBudgetLines(district)).filter((l) => l.organization.bin === bin);
      expect(pending).toHaveLength(1);
      await decideChange(district, { kind: "budget", id: pending[0]!.id, decision: "CONFIRMED" });
    };
    expect((await refusal(pendingBudgetLines(school))).code).toBe("forbidden");
    await confirmLine();
    const card = await passportCard(bin);
    expect(card?.budget?.year).toBe(YEAR);
    expect(card?.budget?.perPupil).toBe(100000);
    expect(card?.budget?.district).not.toBeNull();
    expect(card?.budget?.region).not.toBeNull();
  });

  it("keeps counting the confirmed version of a corrected line until the correction is confirmed, with its history", async () => {
    await saveProfile(school, profileSave.parse(profileForm()));
    const spentFact = async () =>
      (
        await prisma.passportFact.findUnique({
          where: { organizationId_year_fact: { organizationId: schoolId, year: YEAR, fact: "spent" } },
        })
      )?.value ?? null;
    const pendingOfSchool = async () => (await pendingBudgetLines(district)).filter((l) => l.organization.bin === bin);
    const decide = async (decision: "CONFIRMED" | "REJECTED", note?: string) => {
      const pending = await pendingOfSchool();
      expect(pending).toHaveLength(1);
      await decideChange(district, { kind: "budget", id: pending[0]!.id, decision, note });
    };
    // the second quarter's line (the first quarter's, 64 000 000, was confirmed above: 100 000 per pupil)
    const q2 = (extra: Record<string, string>) => budgetLineSave.parse(budgetForm({ quarter: "2", ...extra }));
    await saveBudgetLine(school, q2({ planned: "64000000", spent: "64000000" }));
    await decide("CONFIRMED");
    expect((await passportCard(bin))?.budget?.perPupil).toBe(200000);
    const confirmedSpent = await spentFact();
    expect(confirmedSpent).not.toBeNull();

    // a correction waits for the district: the card and the data bank still count the confirmed version
    await saveBudgetLine(school, q2({ planned: "64000000", spent: "32000000" }));
    expect((await passportCard(bin))?.budget?.perPupil).toBe(200000);
    expect(await spentFact()).toBe(confirmedSpent);
    // the history, as the district sees it beside the correction and the school on its budget page
    const [pending] = await pendingOfSchool();
    expect(pending!.confirmedVersion).toBe(1);
    expect(pending!.versions.map((v) => [v.version, v.status, v.spent])).toEqual([
      [2, "PENDING", 32000000],
      [1, "CONFIRMED", 64000000],
    ]);
    expect(pending!.versions[1]!.decidedBy?.displayName).toBeTruthy();
    const own = (await passportOf(school, YEAR))!.budget.find((l) => l.id === pending!.id)!;
    expect(own.versions.map((v) => v.version)).toEqual([2, 1]);

    // confirmed, the correction counts
    await decide("CONFIRMED");
    expect((await passportCard(bin))?.budget?.perPupil).toBe(150000);
    expect(await spentFact()).toBe(confirmedSpent! - 32000000);

    // a rejected correction leaves the confirmed version counting, and stays in the history with its note
    await saveBudgetLine(school, q2({ planned: "64000000", spent: "1000000" }));
    await decide("REJECTED", "Актіні тіркеңіз");
    expect((await passportCard(bin))?.budget?.perPupil).toBe(150000);
    expect(await spentFact()).toBe(confirmedSpent! - 32000000);
    const line = await prisma.budgetLine.findUniqueOrThrow({ where: { id: pending!.id }, include: { versions: true } });
    expect([line.status, line.confirmedVersion, line.confirmedSpent]).toEqual(["REJECTED", 2, 32000000]);
    expect(line.versions.find((v) => v.version === 3)).toMatchObject({
      status: "REJECTED",
      decisionNote: "Актіні тіркеңіз",
    });
  });

  it("hides figures about fewer than five persons", async () => {
    await saveProfile(
      school,
      profileSave.parse(
        profileForm({
          enrolment: "643",
          shifts: "2",
          shift1Pupils: "640",
          shift2Pupils: "3",
          shift2Classes: "1",
          buses: "1",
          pupilsCarried: "4",
        }),
      ),
    );
    const card = await passportCard(bin);
    expect(card?.shifts?.pupils.map((p) => p.hidden)).toEqual([true, true]);
    expect(card?.transport?.pupilsCarried.hidden).toBe(true);
    expect(card?.enrolment.value).toBe(643);
  });
});

describe("the authorities' lists", () => {
  it("find the seeded three-shift school and emergency building, and count them by district within the scope", async () => {
    const ministry = await viewer("u_ministry");
    const all = { page: 1, pageSize: 100 };
    const threeShift = await territoryList(ministry, listQueryOf({ list: "threeShift" }), all);
    expect(threeShift.total).toBeGreaterThanOrEqual(1);
    expect(threeShift.rows.every((r) => r.shifts === 3)).toBe(true);
    const emergency = await territoryList(ministry, listQueryOf({ list: "emergency" }), all);
    expect(emergency.rows.every((r) => r.condition === "EMERGENCY")).toBe(true);
    expect(emergency.total).toBeGreaterThanOrEqual(1);
    const table = await territoryTable(ministry, listQueryOf({}));
    expect(table.reduce((s, r) => s + r.threeShift, 0)).toBe(threeShift.total);
    expect(table.reduce((s, r) => s + r.emergency, 0)).toBe(emergency.total);
    // the region admin sees only the districts and schools of their region
    const regionPath = region.roles[0]!.territoryPath!;
    const own = await prisma.territory.findMany({
      where: { path: { startsWith: regionPath } },
      select: { code: true },
    });
    const codes = new Set(own.map((t) => t.code));
    expect((await territoryTable(region, listQueryOf({}))).every((r) => codes.has(r.code))).toBe(true);
    const spending = await territoryList(region, listQueryOf({ list: "spending", year: String(YEAR - 1) }), all);
    expect(spending.rows.length).toBeGreaterThan(0);
    const bins = new Set(
      (
        await prisma.organization.findMany({
          where: { territory: { path: { startsWith: regionPath } } },
          select: { bin: true },
        })
      ).map((o) => o.bin),
    );
    expect(spending.rows.every((r) => bins.has(r.bin) && r.perPupil !== null)).toBe(true);
  });

  it("are refused to a school admin", async () => {
    expect((await refusal(territoryList(school, listQueryOf({}), null))).code).toBe("forbidden");
  });
});
