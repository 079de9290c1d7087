import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { scopeOf, type Scope, type Viewer } from "@/lib/auth/scope";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import { almatyDate } from "@/lib/time";
import { addDays } from "@/lib/diary/dates";
import { refusal, viewer } from "@/tests/setup/helpers";
import { awardCategory, employeeCard, endAppointment, hire, listStaff, ownRecord, transfer } from "./staff";
import { publicVacancies, publishVacancy } from "./vacancies";
import { awardInput, endInput, hireInput, transferInput, vacancyInput, vacancyQueryOf } from "./schemas";
import { parseListParams } from "../data-table/params";
import { STAFF_FILTERS, STAFF_SORTS } from "./staff";

let school: Viewer;
let school2: Viewer;
let district: Viewer;
let region: Viewer;
let teacher: Viewer;
let schoolId = "";
let school2Id = "";
const TODAY = almatyDate(new Date());
const item = (classifier: string, code: string) => `c_${classifier}_${code}`.toLowerCase();

let serial = 100;
/** A valid IIN not yet in the registry. */
function freshIin(birth = "1991-04-12", sex: "MALE" | "FEMALE" = "FEMALE"): string {
  for (;;) {
    const iin = withCheckDigit(iinPrefix(birth, sex) + String(serial++).padStart(4, "0"));
    if (iin) return iin;
  }
}

/** The hire form as the page posts it (strings, subject checkboxes "on"). */
const hireForm = (extra: Record<string, string> = {}) => ({
  organizationId: schoolId,
  iin: freshIin(),
  lastName: "Сапарова",
  firstName: "Әсел",
  positionId: item("POSITION", "TEACHER"),
  kind: "MAIN",
  rate: "1",
  weeklyHours: "18",
  [`subject:${item("SUBJECT", "MATH")}`]: "on",
  startDate: TODAY,
  ...extra,
});

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
  const [people, employees, appointments, awards, vacancies] = await Promise.all([
    prisma.person.count(),
    prisma.employee.count(),
    prisma.appointment.count(),
    prisma.categoryAward.count(),
    prisma.vacancy.count({ where: { status: "OPEN" } }),
  ]);
  return { people, employees, appointments, awards, vacancies };
}

const list = (extra: Record<string, string> = {}) =>
  parseListParams(
    { pageSize: "100", ...extra },
    { sortable: STAFF_SORTS, defaultSort: "name", filters: STAFF_FILTERS },
  );

beforeAll(async () => {
  school = await viewer("u_school");
  school2 = await viewer("u_school2");
  district = await viewer("u_district");
  region = await viewer("u_region");
  teacher = await viewer("u_teacher");
  schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  school2Id = school2.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
});

describe("seed", () => {
  it("gives the schools' staff appointments and categories, and the demo teacher a record", async () => {
    const page = await listStaff(scopeOf(school, "staff.read")!, list());
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.organization.id === schoolId)).toBe(true);
    const own = await ownRecord(teacher);
    expect(own?.category).toBe("expert");
    expect(own?.appointments[0]?.organizationId).toBe(schoolId);
    // the demo teacher's category falls due within twelve months
    const due = await listStaff(scopeOf(school, "staff.read")!, list({ due: "1" }));
    expect(due.rows.some((r) => r.employee.id === own!.id)).toBe(true);
    expect(await prisma.vacancy.count({ where: { status: "OPEN" } })).toBeGreaterThan(0);
  });
});

describe("hiring", () => {
  it("refuses a wrong IIN naming the field, then hires with the right one", async () => {
    const before = await counts();
    const good = freshIin();
    const wrong = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);
    expect(refusedField(hireInput, hireForm({ iin: wrong }))).toEqual({ field: "iin", message: "iin.checksum" });
    expect(await counts()).toEqual(before);
    const done = await hire(school, hireInput.parse(hireForm({ iin: good })));
    const card = await employeeCard(scopeOf(school, "staff.read")!, done.employeeId);
    expect(card.person.iin).toBe(good);
    expect(card.person.sex).toBe("FEMALE");
    expect(card.appointments).toHaveLength(1);
    expect(card.appointments[0]!.subjects.map((s) => s.id)).toEqual([item("SUBJECT", "MATH")]);
    const after = await counts();
    expect(after.people).toBe(before.people + 1);
    expect(after.appointments).toBe(before.appointments + 1);
  });

  it("needs the names of a person who is not in the registry", async () => {
    const before = await counts();
    const e = await refusal(hire(school, hireInput.parse(hireForm({ lastName: "", firstName: "" }))));
    expect(e.fieldErrors).toMatchObject({ lastName: "staff.nameForNewPerson", firstName: "staff.nameForNewPerson" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a second main job overlapping the first, accepts a part-time one", async () => {
    const iin = freshIin("1985-02-02", "MALE");
    await hire(school, hireInput.parse(hireForm({ iin, startDate: "2024-09-01" })));
    const before = await counts();
    const e = await refusal(hire(school2, hireInput.parse(hireForm({ iin, organizationId: school2Id }))));
    expect(e.fieldErrors).toEqual({ kind: "staff.mainOverlap" });
    expect(await counts()).toEqual(before);
    await hire(
      school2,
      hireInput.parse(hireForm({ iin, organizationId: school2Id, kind: "PART_TIME", rate: "0.5", weeklyHours: "8" })),
    );
    expect((await counts()).appointments).toBe(before.appointments + 1);
  });

  it("refuses hours beyond the legal maximum, alone and over overlapping appointments", async () => {
    expect(refusedField(hireInput, hireForm({ weeklyHours: "40" }))).toEqual({
      field: "weeklyHours",
      message: "staff.hoursMax",
    });
    expect(refusedField(hireInput, hireForm({ rate: "0.3" }))).toEqual({ field: "rate", message: "staff.rate" });
    const iin = freshIin("1980-07-07", "MALE");
    await hire(school, hireInput.parse(hireForm({ iin, weeklyHours: "24", rate: "1.5" })));
    const before = await counts();
    const e = await refusal(
      hire(
        school2,
        hireInput.parse(hireForm({ iin, organizationId: school2Id, kind: "PART_TIME", rate: "1", weeklyHours: "16" })),
      ),
    );
    expect(e.fieldErrors).toEqual({ weeklyHours: "staff.hoursTotal" });
    expect(e.params).toEqual({ max: 36, total: 40 });
    expect(await counts()).toEqual(before);
  });

  it("refuses an end before the start, in the form and when ending", async () => {
    expect(refusedField(hireInput, hireForm({ startDate: "2026-09-01", endDate: "2026-08-01" }))).toEqual({
      field: "endDate",
      message: "staff.endBeforeStart",
    });
    const done = await hire(school, hireInput.parse(hireForm({ startDate: "2025-09-01" })));
    const a = await prisma.appointment.findUniqueOrThrow({ where: { id: done.appointmentId } });
    const e = await refusal(
      endAppointment(
        school,
        endInput.parse({ id: a.id, endDate: "2025-01-01", endReason: "RESIGNATION", version: "1" }),
      ),
    );
    expect(e.fieldErrors).toEqual({ endDate: "staff.endBeforeStart" });
    expect((await prisma.appointment.findUniqueOrThrow({ where: { id: a.id } })).endDate).toBeNull();
    await endAppointment(school, endInput.parse({ id: a.id, endDate: TODAY, endReason: "RESIGNATION", version: "1" }));
    const ended = await prisma.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect(ended.endReason).toBe("RESIGNATION");
    // a stale form is refused
    await expect(
      endAppointment(school, endInput.parse({ id: a.id, endDate: TODAY, endReason: "OTHER", version: "1" })),
    ).rejects.toMatchObject({ code: "stale" });
  });

  it("transfers: ends the appointment the day before and starts a linked one, nothing overwritten", async () => {
    const done = await hire(school, hireInput.parse(hireForm({ startDate: "2023-09-01" })));
    await transfer(
      school,
      transferInput.parse({
        id: done.appointmentId,
        version: "1",
        organizationId: schoolId,
        positionId: item("POSITION", "DEPUTY"),
        kind: "MAIN",
        rate: "1",
        weeklyHours: "8",
        startDate: TODAY,
      }),
    );
    const rows = await prisma.appointment.findMany({
      where: { employeeId: done.employeeId },
      orderBy: { startDate: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.endReason).toBe("TRANSFER");
    expect(rows[0]!.endDate!.toISOString().slice(0, 10)).toBe(addDays(TODAY, -1));
    expect(rows[1]!.previousId).toBe(rows[0]!.id);
    expect(rows[1]!.positionId).toBe(item("POSITION", "DEPUTY"));
    // a school admin cannot transfer into another school
    await expect(
      transfer(
        school,
        transferInput.parse({
          id: rows[1]!.id,
          version: "1",
          organizationId: school2Id,
          positionId: item("POSITION", "TEACHER"),
          kind: "MAIN",
          rate: "1",
          weeklyHours: "8",
          startDate: addDays(TODAY, 1),
        }),
      ),
    ).rejects.toMatchObject({ code: "outOfScope" });
  });
});

describe("categories", () => {
  it("refuses a skipped category, awards one step with five years' validity", async () => {
    const done = await hire(school, hireInput.parse(hireForm()));
    const before = await counts();
    const skip = await refusal(
      awardCategory(
        school,
        awardInput.parse({ employeeId: done.employeeId, category: "expert", awardedOn: TODAY, decisionNumber: "АК-1" }),
      ),
    );
    expect(skip.fieldErrors).toEqual({ category: "staff.categorySkipped" });
    expect(await counts()).toEqual(before);
    expect(
      refusedField(awardInput, {
        employeeId: "x",
        category: "moderator",
        awardedOn: TODAY,
        expiresOn: TODAY,
        decisionNumber: "1",
      }),
    ).toEqual({
      field: "expiresOn",
      message: "staff.expiryBeforeAward",
    });
    await awardCategory(
      school,
      awardInput.parse({
        employeeId: done.employeeId,
        category: "moderator",
        awardedOn: "2026-06-01",
        decisionNumber: "АК-2",
      }),
    );
    const e = await prisma.employee.findUniqueOrThrow({ where: { id: done.employeeId } });
    expect(e.category).toBe("moderator");
    expect(e.categoryExpiresOn!.toISOString().slice(0, 10)).toBe("2031-06-01");
    expect(await prisma.categoryAward.count({ where: { employeeId: done.employeeId } })).toBe(1);
  });
});

describe("vacancies", () => {
  const vacancyForm = (extra: Record<string, string> = {}) => ({
    organizationId: schoolId,
    positionId: item("POSITION", "TEACHER"),
    subjectId: item("SUBJECT", "CHEMISTRY"),
    weeklyHours: "16",
    startDate: "2027-09-01",
    description: "Учитель химии, 8–11 классы, кабинет оборудован.",
    ...extra,
  });

  it("refuses a phone number or an e-mail address in the public text", () => {
    expect(
      refusedField(vacancyInput, vacancyForm({ description: "Учитель химии, звоните 8 (701) 555 12 34" })),
    ).toEqual({
      field: "description",
      message: "staff.vacancyContact.phone",
    });
    expect(refusedField(vacancyInput, vacancyForm({ description: "Учитель химии, резюме на hr@school.kz" }))).toEqual({
      field: "description",
      message: "staff.vacancyContact.email",
    });
  });

  it("is public while open, without personal data, and closes when filled by a hire", async () => {
    const { id } = await publishVacancy(school, vacancyInput.parse(vacancyForm()));
    const query = vacancyQueryOf({ subject: item("SUBJECT", "CHEMISTRY") });
    const open = await publicVacancies(query);
    const shown = open.rows.find((r) => r.id === id)!;
    expect(shown).toBeDefined();
    expect(JSON.stringify(shown)).not.toMatch(/iin|lastName|createdBy/);
    const region = school.roles[0]!.territoryPath!.split("/").filter(Boolean)[1]!;
    expect((await publicVacancies(vacancyQueryOf({ region }))).rows.some((r) => r.id === id)).toBe(true);
    await hire(school, hireInput.parse(hireForm({ vacancyId: id })));
    const v = await prisma.vacancy.findUniqueOrThrow({ where: { id } });
    expect(v.status).toBe("FILLED");
    expect(v.filledById).not.toBeNull();
    expect((await publicVacancies(query)).rows.some((r) => r.id === id)).toBe(false);
    // a filled vacancy cannot be filled again, and the hire is not written
    const before = await counts();
    await expect(hire(school, hireInput.parse(hireForm({ vacancyId: id })))).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await counts()).toEqual(before);
  });

  it("is published only by the school's own admin", async () => {
    await expect(publishVacancy(school2, vacancyInput.parse(vacancyForm()))).rejects.toMatchObject({
      code: "outOfScope",
    });
    await expect(publishVacancy(district, vacancyInput.parse(vacancyForm()))).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("scope", () => {
  it("lets district and region admins read their territory, not another's", async () => {
    const rows = async (s: Scope) => (await listStaff(s, list({ pageSize: "100" }))).total;
    const ownSchool = await rows(scopeOf(school, "staff.read")!);
    const inDistrict = await rows(scopeOf(district, "staff.read")!);
    const inRegion = await rows(scopeOf(region, "staff.read")!);
    expect(inDistrict).toBeGreaterThan(ownSchool);
    expect(inRegion).toBeGreaterThan(inDistrict);
    const page = await listStaff(scopeOf(district, "staff.read")!, list());
    const districtPath = district.roles[0]!.territoryPath!;
    const orgs = await prisma.organization.findMany({
      where: { id: { in: page.rows.map((r) => r.organization.id) } },
      select: { territory: { select: { path: true } } },
    });
    expect(orgs.every((o) => o.territory.path.startsWith(districtPath))).toBe(true);
    // another district's admin sees none of this school's staff, and not the card
    const other = await prisma.territory.findFirstOrThrow({
      where: { level: "DISTRICT", NOT: { path: { startsWith: districtPath } } },
    });
    const outsider: Viewer = {
      ...district,
      roles: [{ role: "DISTRICT_ADMIN", territoryId: other.id, territoryPath: other.path, organizationId: null }],
    };
    const seen = await listStaff(scopeOf(outsider, "staff.read")!, list({ organization: schoolId }));
    expect(seen.total).toBe(0);
    const anyone = page.rows.find((r) => r.organization.id === schoolId)!;
    await expect(employeeCard(scopeOf(outsider, "staff.read")!, anyone.employee.id)).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(employeeCard(scopeOf(school2, "staff.read")!, anyone.employee.id)).rejects.toMatchObject({
      code: "notFound",
    });
  });

  it("keeps hiring to the school's own admin", async () => {
    await expect(hire(teacher, hireInput.parse(hireForm()))).rejects.toMatchObject({ code: "forbidden" });
    await expect(hire(district, hireInput.parse(hireForm()))).rejects.toMatchObject({ code: "forbidden" });
    await expect(hire(school2, hireInput.parse(hireForm()))).rejects.toMatchObject({ code: "outOfScope" });
  });
});
