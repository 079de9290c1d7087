import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { parseListParams } from "@/lib/data-table/params";
import { iinPrefix, withCheckDigit, type IinSex } from "@/lib/identity";
import { createPerson, getPerson, listPeople, maskIin, PERSON_SORTS, updatePerson } from "./people";
import { personInput, personUpdate } from "./schemas";
import { refusal } from "@/tests/setup/helpers";

const KOKSHETAU = "t110200000";
const ASTANA_ALMATY_DISTRICT = "t710200000";

async function as(
  userId: string,
  permission: "registry.person.read" | "registry.person.write" = "registry.person.write",
): Promise<{ viewer: Viewer; scope: Scope }> {
  return authorizeViewer(await loadViewer(userId), permission);
}

const list = (query: Record<string, string>) =>
  parseListParams(query, { sortable: PERSON_SORTS, defaultSort: "lastName", filters: ["organization", "sex"] });

let serial = 7000;
/** A valid IIN for a birth date and sex that nobody in the registry has yet. */
async function freshIin(birthDate: string, sex: IinSex): Promise<string> {
  while (serial <= 9999) {
    const iin = withCheckDigit(iinPrefix(birthDate, sex) + String(serial++).padStart(4, "0"));
    if (iin && !(await prisma.person.findUnique({ where: { iin } }))) return iin;
  }
  throw new Error("no IIN left in the test range");
}

/** The same IIN with a wrong check digit. */
const wrongCheckDigit = (iin: string) => iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);

const form = (overrides: Record<string, string>) => ({
  lastName: "Сейітов",
  firstName: "Нұрлан",
  middleName: "",
  birthDate: "",
  sex: "",
  organizationId: "",
  ...overrides,
});

let ownSchool: string; // the school admin's organisation (school No. 1, Kokshetau)
let otherKokshetauSchool: string;
let astanaSchool: string;

beforeAll(async () => {
  const school = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school" } });
  ownSchool = school.organizationId!;
  otherKokshetauSchool = (
    await prisma.organization.findFirstOrThrow({
      where: { territoryId: KOKSHETAU, kind: { code: "SCHOOL" }, NOT: { id: ownSchool } },
    })
  ).id;
  astanaSchool = (
    await prisma.organization.findFirstOrThrow({
      where: { territoryId: ASTANA_ALMATY_DISTRICT, kind: { code: "SCHOOL" } },
    })
  ).id;
});

describe("masking", () => {
  it("hides the serial of an IIN in lists", () => {
    expect(maskIin("811201401188")).toBe("811201••••88");
    expect(maskIin("123")).not.toContain("123");
  });
});

describe("listing people within the scope", () => {
  it("gives a district admin exactly the people of their district's organisations", async () => {
    const { scope } = await as("u_district", "registry.person.read");
    const expected = await prisma.person.count({ where: { organization: { territoryId: KOKSHETAU } } });
    expect(expected).toBeGreaterThan(0);
    const page = await listPeople(scope, list({ pageSize: "100" }));
    expect(page.total).toBe(expected);
    const orgs = await prisma.organization.findMany({
      where: { id: { in: page.rows.map((r) => r.organization!.id) } },
      select: { territoryId: true },
    });
    expect(orgs.every((o) => o.territoryId === KOKSHETAU)).toBe(true);
  });

  it("gives a school admin only their organisation's people and the ministry everybody", async () => {
    const school = await listPeople((await as("u_school", "registry.person.read")).scope, list({ pageSize: "100" }));
    expect(school.total).toBe(await prisma.person.count({ where: { organizationId: ownSchool } }));
    expect(school.rows.every((r) => r.organization?.id === ownSchool)).toBe(true);
    const ministry = await listPeople((await as("u_ministry", "registry.person.read")).scope, list({}));
    expect(ministry.total).toBe(await prisma.person.count());
  });

  it("filters by organisation only within the scope", async () => {
    const { scope } = await as("u_district", "registry.person.read");
    const inside = await listPeople(scope, list({ organization: otherKokshetauSchool }));
    expect(inside.total).toBe(await prisma.person.count({ where: { organizationId: otherKokshetauSchool } }));
    expect(inside.total).toBeGreaterThan(0);
    expect((await listPeople(scope, list({ organization: astanaSchool }))).total).toBe(0);
  });

  it("filters by sex", async () => {
    const { scope } = await as("u_district", "registry.person.read");
    const women = await listPeople(scope, list({ sex: "FEMALE", pageSize: "100" }));
    expect(women.total).toBe(
      await prisma.person.count({ where: { sex: "FEMALE", organization: { territoryId: KOKSHETAU } } }),
    );
    expect(women.rows.every((r) => r.sex === "FEMALE")).toBe(true);
    expect((await listPeople(scope, list({ sex: "OTHER" }))).total).toBe(0);
  });

  it("searches by IIN prefix and by name, never outside the scope", async () => {
    const { scope } = await as("u_district", "registry.person.read");
    const someone = await prisma.person.findFirstOrThrow({ where: { organization: { territoryId: KOKSHETAU } } });
    const byIin = await listPeople(scope, list({ q: someone.iin.slice(0, 8) }));
    expect(byIin.rows.map((r) => r.id)).toContain(someone.id);
    expect(byIin.rows.every((r) => r.iin.startsWith(someone.iin.slice(0, 8)))).toBe(true);
    expect((await listPeople(scope, list({ q: someone.iin }))).rows.map((r) => r.id)).toEqual([someone.id]);
    const byName = await listPeople(scope, list({ q: `${someone.firstName.toLowerCase()} ${someone.lastName}` }));
    expect(byName.rows.map((r) => r.id)).toContain(someone.id);

    const outsider = await prisma.person.findFirstOrThrow({ where: { organizationId: astanaSchool } });
    expect((await listPeople(scope, list({ q: outsider.iin }))).total).toBe(0);
  });

  it("sorts by birth date, IIN and last name", async () => {
    const { scope } = await as("u_district", "registry.person.read");
    const byDate = (await listPeople(scope, list({ sort: "birthDate", dir: "desc", pageSize: "100" }))).rows.map((r) =>
      r.birthDate.getTime(),
    );
    expect(byDate).toEqual([...byDate].sort((a, b) => b - a));
    const byIin = (await listPeople(scope, list({ sort: "iin", pageSize: "100" }))).rows.map((r) => r.iin);
    expect(byIin).toEqual([...byIin].sort());
    const byName = (await listPeople(scope, list({ sort: "lastName", pageSize: "100" }))).rows.map((r) => r.lastName);
    const expected = (
      await prisma.person.findMany({
        where: { organization: { territoryId: KOKSHETAU } },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { iin: "asc" }],
      })
    ).map((p) => p.lastName);
    expect(byName).toEqual(expected);
  });
});

describe("reading one person", () => {
  it("returns null outside the scope", async () => {
    const district = (await as("u_district", "registry.person.read")).scope;
    const school = (await as("u_school", "registry.person.read")).scope;
    const local = await prisma.person.findFirstOrThrow({ where: { organizationId: otherKokshetauSchool } });
    const outsider = await prisma.person.findFirstOrThrow({ where: { organizationId: astanaSchool } });
    expect(await getPerson(district, local.id)).toMatchObject({ id: local.id, iin: local.iin });
    expect(await getPerson(district, outsider.id)).toBeNull();
    expect(await getPerson(school, local.id)).toBeNull();
  });
});

describe("person input", () => {
  it("refuses a wrong IIN check digit and a malformed IIN", async () => {
    const iin = await freshIin("2012-05-17", "MALE");
    expect(personInput.safeParse(form({ iin: wrongCheckDigit(iin) })).error?.issues).toEqual([
      expect.objectContaining({ path: ["iin"], message: "iin.checksum" }),
    ]);
    expect(personInput.safeParse(form({ iin: "12345" })).error?.issues[0]).toMatchObject({
      path: ["iin"],
      message: "iin.format",
    });
    expect(personInput.safeParse(form({ iin, birthDate: "2012-02-30" })).error?.issues[0]).toMatchObject({
      path: ["birthDate"],
    });
    expect(personInput.parse(form({ iin }))).toMatchObject({
      iin,
      birthDate: null,
      sex: null,
      middleName: null,
      organizationId: null,
    });
  });
});

describe("creating people", () => {
  it("lets a school admin register a person in their organisation, deriving birth date and sex, with an audit entry", async () => {
    const { viewer, scope } = await as("u_school");
    const iin = await freshIin("2013-09-02", "FEMALE");
    const created = await createPerson(viewer, scope, personInput.parse(form({ iin, organizationId: ownSchool })));
    expect(created).toMatchObject({ iin, sex: "FEMALE", organizationId: ownSchool, version: 1 });
    expect(created.birthDate.toISOString().slice(0, 10)).toBe("2013-09-02");
    const audit = await prisma.auditLog.findMany({ where: { entity: "Person", entityId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create",
      actorId: "u_school",
      after: expect.objectContaining({ iin, organizationId: ownSchool }),
    });
  });

  it("accepts a typed birth date and sex that agree with the IIN", async () => {
    const { viewer, scope } = await as("u_district");
    const iin = await freshIin("1987-03-11", "MALE");
    const created = await createPerson(
      viewer,
      scope,
      personInput.parse(form({ iin, birthDate: "1987-03-11", sex: "MALE", organizationId: otherKokshetauSchool })),
    );
    expect(created).toMatchObject({ sex: "MALE", organizationId: otherKokshetauSchool });
  });

  it("refuses a birth date and a sex that disagree with the IIN, naming the expected date", async () => {
    const { viewer, scope } = await as("u_district");
    const iin = await freshIin("2010-01-20", "FEMALE");
    const error = await refusal(
      createPerson(
        viewer,
        scope,
        personInput.parse(form({ iin, birthDate: "2010-01-21", sex: "MALE", organizationId: ownSchool })),
      ),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({ birthDate: "iin.birthDateMismatch", sex: "iin.sexMismatch" });
    expect(error.params).toEqual({ expected: "2010-01-20" });
    expect(await prisma.person.findUnique({ where: { iin } })).toBeNull();
  });

  it("refuses a duplicate IIN on the IIN field, writing nothing", async () => {
    const { viewer, scope } = await as("u_district");
    const existing = await prisma.person.findFirstOrThrow({ where: { organizationId: ownSchool } });
    const auditBefore = await prisma.auditLog.count();
    const error = await refusal(
      createPerson(viewer, scope, personInput.parse(form({ iin: existing.iin, organizationId: ownSchool }))),
    );
    expect(error.fieldErrors).toEqual({ iin: "iin.duplicate" });
    expect(await prisma.person.count({ where: { iin: existing.iin } })).toBe(1);
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });

  it("refuses an organisation outside the writer's scope, an unknown one, and none for a scoped writer", async () => {
    const iin = await freshIin("2011-11-11", "MALE");
    const school = await as("u_school");
    const district = await as("u_district");
    const auditBefore = await prisma.auditLog.count();
    for (const [writer, organizationId, key] of [
      [school, otherKokshetauSchool, "organization.outOfScope"],
      [district, astanaSchool, "organization.outOfScope"],
      [district, "o000000000000", "organization.unknown"],
      [school, "", "person.organizationRequired"],
    ] as const) {
      const error = await refusal(
        createPerson(writer.viewer, writer.scope, personInput.parse(form({ iin, organizationId }))),
      );
      expect(error.fieldErrors).toEqual({ organizationId: key });
    }
    expect(await prisma.person.findUnique({ where: { iin } })).toBeNull();
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });

  it("lets the ministry register a person without an organisation", async () => {
    const { viewer, scope } = await as("u_ministry");
    const iin = await freshIin("1970-06-30", "FEMALE");
    expect(await createPerson(viewer, scope, personInput.parse(form({ iin })))).toMatchObject({
      iin,
      organizationId: null,
    });
  });
});

describe("updating people", () => {
  const editForm = (
    p: {
      id: string;
      version: number;
      iin: string;
      lastName: string;
      firstName: string;
      middleName: string | null;
      birthDate: Date;
      sex: string;
      organizationId: string | null;
    },
    overrides: Record<string, string> = {},
  ) =>
    personUpdate.parse({
      id: p.id,
      version: String(p.version),
      iin: p.iin,
      lastName: p.lastName,
      firstName: p.firstName,
      middleName: p.middleName ?? "",
      birthDate: p.birthDate.toISOString().slice(0, 10),
      sex: p.sex,
      organizationId: p.organizationId ?? "",
      ...overrides,
    });

  it("records one audit entry with old → new and refuses a stale version", async () => {
    const { viewer, scope } = await as("u_school");
    const current = await prisma.person.findFirstOrThrow({
      where: { organizationId: ownSchool },
      orderBy: { iin: "asc" },
    });
    const input = editForm(current, { firstName: "Әлия" });
    const updated = await updatePerson(viewer, scope, input);
    expect(updated).toMatchObject({ firstName: "Әлия", version: current.version + 1, iin: current.iin });
    const audit = await prisma.auditLog.findMany({ where: { entity: "Person", entityId: current.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "update",
      actorId: "u_school",
      before: { firstName: current.firstName },
      after: { firstName: "Әлия" },
    });

    const stale = await refusal(updatePerson(viewer, scope, { ...input, firstName: "Other" }));
    expect(stale.code).toBe("stale");
    expect((await prisma.person.findUniqueOrThrow({ where: { id: current.id } })).firstName).toBe("Әлия");
    expect(await prisma.auditLog.count({ where: { entity: "Person", entityId: current.id } })).toBe(1);
  });

  it("refuses another person's IIN and an IIN that disagrees with the kept birth date", async () => {
    const { viewer, scope } = await as("u_district");
    const [a, b] = await prisma.person.findMany({
      where: { organizationId: otherKokshetauSchool },
      orderBy: { iin: "asc" },
      take: 2,
    });
    const taken = await refusal(updatePerson(viewer, scope, editForm(a!, { iin: b!.iin, birthDate: "", sex: "" })));
    expect(taken.fieldErrors).toEqual({ iin: "iin.duplicate" });
    const other = await freshIin("1999-12-31", a!.sex === "MALE" ? "MALE" : "FEMALE");
    const mismatch = await refusal(updatePerson(viewer, scope, editForm(a!, { iin: other })));
    expect(mismatch.fieldErrors.birthDate).toBe("iin.birthDateMismatch");
    expect(mismatch.params).toEqual({ expected: "1999-12-31" });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: a!.id } })).toMatchObject({
      iin: a!.iin,
      version: a!.version,
    });
  });

  it("refuses updating a person outside the scope as not found, and moving a person out of the scope", async () => {
    const { viewer, scope } = await as("u_district");
    const outsider = await prisma.person.findFirstOrThrow({ where: { organizationId: astanaSchool } });
    const error = await refusal(updatePerson(viewer, scope, editForm(outsider, { lastName: "Changed" })));
    expect(error.code).toBe("notFound");
    expect((await prisma.person.findUniqueOrThrow({ where: { id: outsider.id } })).lastName).toBe(outsider.lastName);

    const local = await prisma.person.findFirstOrThrow({ where: { organizationId: otherKokshetauSchool } });
    const moved = await refusal(updatePerson(viewer, scope, editForm(local, { organizationId: astanaSchool })));
    expect(moved.fieldErrors).toEqual({ organizationId: "organization.outOfScope" });
    expect((await prisma.person.findUniqueOrThrow({ where: { id: local.id } })).organizationId).toBe(
      otherKokshetauSchool,
    );
  });
});
