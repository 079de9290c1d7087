import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { dateValue, dayOf } from "@/lib/diary/dates";
import { almatyDate } from "@/lib/time";
import { saveDraft } from "./entry";
import { prefillDraft, referenceDate } from "./prefill";
import { ageOn, readPrefillRecord } from "./prefill-rules";

let school: Viewer;
let schoolId = "";
let otherSchoolId = "";

beforeAll(async () => {
  school = await viewer("u_school");
  schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  otherSchoolId = (
    await prisma.organization.findFirstOrThrow({
      where: { kind: { code: "SCHOOL" }, NOT: { id: schoolId } },
      select: { id: true },
    })
  ).id;
});

/** The registry's teachers in force at the school on a day, read straight from the tables. */
async function teachersOn(day: string) {
  const rows = await prisma.appointment.findMany({
    where: {
      organizationId: schoolId,
      position: { code: "TEACHER" },
      startDate: { lte: dateValue(day) },
      OR: [{ endDate: null }, { endDate: { gte: dateValue(day) } }],
    },
    select: { kind: true, employee: { select: { id: true, category: true, higherEducation: true, person: true } } },
  });
  const people = new Map<string, (typeof rows)[number]["employee"] & { main: boolean }>();
  for (const r of rows) {
    const prev = people.get(r.employee.id);
    people.set(r.employee.id, { ...r.employee, main: (prev?.main ?? false) || r.kind === "MAIN" });
  }
  return [...people.values()];
}

describe("prefill of the staff form from the personnel registry", () => {
  it("fills D-3 with the registry's counts at the reference date, marks the cells, and the school can still edit", async () => {
    const period = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: "rp2026_d3" } });
    const day = referenceDate(period);
    expect(day).toBe(dayOf(period.endsOn) < almatyDate() ? dayOf(period.endsOn) : almatyDate());
    expect(await prisma.submission.count({ where: { periodId: period.id, organizationId: schoolId } })).toBe(0);

    const filled = await prefillDraft(school, { periodId: period.id, organizationId: schoolId, version: 0 });
    const teachers = await teachersOn(day);
    expect(teachers.length).toBeGreaterThan(0);
    const count = (f: (t: (typeof teachers)[number]) => boolean) => teachers.filter(f).length;
    const expected: Record<string, number> = {
      "staff.teachers_total": teachers.length,
      "staff.master": count((t) => t.category === "master"),
      "staff.researcher": count((t) => t.category === "researcher"),
      "staff.expert": count((t) => t.category === "expert"),
      "staff.moderator": count((t) => t.category === "moderator"),
      "staff.no_category": count((t) => t.category === "no_category"),
      "staff.higher_education": count((t) => t.higherEducation),
      "staff.vacancies": await prisma.vacancy.count({
        where: { organizationId: schoolId, status: "OPEN", position: { code: "TEACHER" } },
      }),
      "profile.women": count((t) => t.person.sex === "FEMALE"),
      "profile.under_30": count((t) => ageOn(dayOf(t.person.birthDate), day) < 30),
      "profile.age_30_49": count((t) => {
        const age = ageOn(dayOf(t.person.birthDate), day);
        return age >= 30 && age <= 49;
      }),
      "profile.age_50_plus": count((t) => ageOn(dayOf(t.person.birthDate), day) >= 50),
      "profile.part_time": count((t) => !t.main),
    };
    expect(filled.values).toEqual(expected);
    // the categories add up as the form's rule requires
    expect(
      expected["staff.master"]! +
        expected["staff.researcher"]! +
        expected["staff.expert"]! +
        expected["staff.moderator"]! +
        expected["staff.no_category"]!,
    ).toBe(expected["staff.teachers_total"]);

    const stored = await prisma.submission.findFirstOrThrow({
      where: { periodId: period.id, organizationId: schoolId },
    });
    expect(stored.status).toBe("DRAFT");
    expect(stored.values).toEqual(expected);
    const record = readPrefillRecord(stored.prefill)!;
    expect(record.referenceDate).toBe(day);
    expect(Object.keys(record.cells).sort()).toEqual(Object.keys(expected).sort());
    expect(record.cells["staff.teachers_total"]).toEqual({ source: "STAFF", value: teachers.length });

    // the school still edits a prefilled cell; the record keeps the registry's figure beside it
    const edited = await saveDraft(school, {
      periodId: period.id,
      organizationId: schoolId,
      version: stored.version,
      values: { ...expected, "staff.vacancies": expected["staff.vacancies"]! + 2 },
      comments: {},
    });
    const after = await prisma.submission.findUniqueOrThrow({ where: { id: edited.submission.id } });
    expect((after.values as Record<string, number>)["staff.vacancies"]).toBe(expected["staff.vacancies"]! + 2);
    expect(readPrefillRecord(after.prefill)!.cells["staff.vacancies"]!.value).toBe(expected["staff.vacancies"]);

    // a second fill brings the registry's figures back (stale versions refused)
    expect(
      (await refusal(prefillDraft(school, { periodId: period.id, organizationId: schoolId, version: 0 }))).code,
    ).toBe("stale");
    const again = await prefillDraft(school, {
      periodId: period.id,
      organizationId: schoolId,
      version: after.version,
    });
    expect(again.values["staff.vacancies"]).toBe(expected["staff.vacancies"]);
  });

  it("refuses another school's draft, and a form without mappings", async () => {
    const other = await refusal(
      prefillDraft(school, { periodId: "rp2026_d3", organizationId: otherSchoolId, version: 0 }),
    );
    expect(other.code).toBe("forbidden");
    expect(other.fieldErrors).toEqual({ organizationId: "reporting.notYourOrganization" });
    const none = await refusal(prefillDraft(school, { periodId: "rp2026_ah1", organizationId: schoolId, version: 0 }));
    expect(none.code).toBe("validation");
    expect(none.fieldErrors).toEqual({ periodId: "reporting.prefill.noMapping" });
    expect(await prisma.submission.count({ where: { periodId: "rp2026_ah1", organizationId: schoolId } })).toBe(0);
  });
});

describe("prefill of the material resources from the passport", () => {
  it("fills P-1 with the confirmed buildings and the profile in force", async () => {
    const buildings = await prisma.passportBuilding.findMany({
      where: { organizationId: schoolId, status: "CONFIRMED", validTo: null },
    });
    const profile = await prisma.passportProfile.findFirstOrThrow({
      where: { organizationId: schoolId, validTo: null },
    });
    expect(buildings.length).toBeGreaterThan(0);
    const filled = await prefillDraft(school, { periodId: "rp2026_p1", organizationId: schoolId, version: 0 });
    expect(filled.values).toMatchObject({
      "general.capacity": buildings.reduce((n, b) => n + b.capacity, 0),
      "general.internet": profile.internet !== "NONE",
      "general.computers": profile.computers,
      "material.gym": buildings.some((b) => b.gym),
      "material.canteen_seats": buildings.reduce((n, b) => n + b.canteenSeats, 0),
      "material.shifts": profile.shifts,
      "material.boards": profile.boards,
      "material.buses": profile.buses,
    });
    if (profile.internetMbps > 0) expect(filled.values["general.internet_speed"]).toBe(profile.internetMbps);
    expect(filled.prefill.cells["general.capacity"]!.source).toBe("PASSPORT");
    // cells the passport does not hold stay for the school to fill
    expect(filled.values["general.director"]).toBeUndefined();
  });
});

describe("the ministry's mappings", () => {
  it("adds, replaces and removes a mapping; refuses what the form or the source lacks, naming the field", async () => {
    const { deleteMapping, listMappings, saveMapping } = await import("./prefill");
    const ministry = await viewer("u_ministry");
    const input = { formCode: "P-1", cellKey: "general.area", source: "PASSPORT" as const, measure: "scienceRooms" };
    expect((await refusal(saveMapping(school, input))).code).toBe("forbidden");
    expect((await refusal(saveMapping(ministry, { ...input, formCode: "Z-9" }))).fieldErrors).toEqual({
      formCode: "reporting.prefill.unknownForm",
    });
    expect((await refusal(saveMapping(ministry, { ...input, cellKey: "general.nothing" }))).fieldErrors).toEqual({
      cellKey: "reporting.prefill.unknownCell",
    });
    expect((await refusal(saveMapping(ministry, { ...input, measure: "employees" }))).fieldErrors).toEqual({
      measure: "reporting.prefill.measure",
    });
    expect(
      (await refusal(saveMapping(ministry, { ...input, source: "STAFF", measure: "employees", params: "{" })))
        .fieldErrors,
    ).toEqual({ params: "reporting.prefill.paramsJson" });
    expect(
      (
        await refusal(
          saveMapping(ministry, { ...input, source: "STAFF", measure: "employees", params: '{"salary":1}' }),
        )
      ).fieldErrors,
    ).toEqual({ params: "reporting.prefill.params" });
    const before = (await listMappings(ministry)).length;
    const { id } = await saveMapping(ministry, input);
    await saveMapping(ministry, { ...input, measure: "computerRooms" });
    const all = await listMappings(ministry);
    expect(all).toHaveLength(before + 1);
    expect(all.find((m) => m.id === id)?.measure).toBe("computerRooms");
    await deleteMapping(ministry, { id });
    expect(await listMappings(ministry)).toHaveLength(before);
  });
});
