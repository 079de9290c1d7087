import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { refusal } from "@/tests/setup/helpers";
import { attributeDefinitionInput } from "./attribute-schemas";
import { listAttributeDefinitions, publicAttributes, saveAttributeDefinition } from "./attributes";
import { exportOrganizations, listOrganizations, updateOrganization } from "./organizations";
import { organizationUpdate } from "./schemas";
import { configurationHistory } from "../configuration/history";

const KOKSHETAU = "t110200000";

async function as(userId: string, permission: "registry.organization.write" | "registry.attributes.manage") {
  return authorizeViewer(await loadViewer(userId), permission) as { viewer: Viewer; scope: Scope };
}

function definition(over: Record<string, string> = {}) {
  return attributeDefinitionInput.parse({
    code: "hasSportsHall",
    nameKk: "Спорт залы бар",
    nameRu: "Есть спортзал",
    nameEn: "Has a sports hall",
    type: "BOOLEAN",
    public: "on",
    kind_SCHOOL: "on",
    ...over,
  });
}

/** The organisation form as the action receives it, for a stored organisation. */
async function orgForm(id: string, over: Record<string, string> = {}) {
  const o = await prisma.organization.findUniqueOrThrow({ where: { id } });
  return organizationUpdate.parse({
    id: o.id,
    version: String(o.version),
    bin: o.bin,
    nameKk: o.nameKk,
    nameRu: o.nameRu,
    nameEn: o.nameEn,
    kindId: o.kindId,
    territoryId: o.territoryId,
    reportsToId: o.reportsToId ?? "",
    languageId: o.languageId ?? "",
    status: o.status,
    isUrban: o.isUrban ? "on" : "",
    address: o.address ?? "",
    ...over,
  });
}

let school: { id: string; bin: string };
let other: { id: string };

beforeAll(async () => {
  school = await prisma.organization.findFirstOrThrow({
    where: { territoryId: KOKSHETAU, kind: { code: "SCHOOL" } },
    orderBy: { bin: "asc" },
  });
  other = await prisma.organization.findFirstOrThrow({
    where: { territoryId: KOKSHETAU, kind: { code: "SCHOOL" }, NOT: { id: school.id } },
  });
});

describe("attribute definitions", () => {
  it("the ministry defines attributes, each with an audit entry that the configuration history shows", async () => {
    const { viewer } = await as("u_ministry", "registry.attributes.manage");
    const gym = await saveAttributeDefinition(viewer, definition());
    await saveAttributeDefinition(
      viewer,
      definition({
        code: "sportsHallArea",
        nameKk: "Спорт залының ауданы",
        nameRu: "Площадь спортзала",
        nameEn: "Sports hall area",
        type: "NUMBER",
        min: "0",
        max: "5000",
        public: "",
      }),
    );
    await saveAttributeDefinition(
      viewer,
      definition({
        code: "secondLanguage",
        nameKk: "Екінші тіл",
        nameRu: "Второй язык",
        nameEn: "Second language",
        type: "CHOICE",
        classifierCode: "LANGUAGE",
        kind_SCHOOL: "",
      }),
    );
    expect((await listAttributeDefinitions()).map((d) => d.code)).toEqual([
      "hasSportsHall",
      "sportsHallArea",
      "secondLanguage",
    ]);
    const renamed = await saveAttributeDefinition(
      viewer,
      definition({ id: gym.id, version: "1", nameEn: "Has a gym", required: "on" }),
    );
    expect(renamed).toMatchObject({ nameEn: "Has a gym", required: true, version: 2 });
    const history = await configurationHistory("attributes", { entityIds: [gym.id] });
    expect(history.map((h) => h.action)).toEqual(["update", "create"]);
    expect(history[0]!.actor).toBeTruthy();
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "required", before: false, after: true },
        { field: "nameEn", before: "Has a sports hall", after: "Has a gym" },
      ]),
    );
  });

  it("refuses a taken code, an unknown classifier, a changed code or type and a stale version; nothing written", async () => {
    const { viewer } = await as("u_ministry", "registry.attributes.manage");
    const before = await prisma.attributeDefinition.count();
    const audits = await prisma.auditLog.count({ where: { entity: "AttributeDefinition" } });
    expect((await refusal(saveAttributeDefinition(viewer, definition()))).fieldErrors).toEqual({
      code: "attribute.codeTaken",
    });
    expect(
      (
        await refusal(
          saveAttributeDefinition(viewer, definition({ code: "bogus", type: "CHOICE", classifierCode: "NO_SUCH" })),
        )
      ).fieldErrors,
    ).toEqual({ classifierCode: "attribute.classifierUnknown" });
    expect(
      (await refusal(saveAttributeDefinition(viewer, definition({ code: "bogus2", kind_NOT_A_KIND: "on" }))))
        .fieldErrors,
    ).toEqual({ orgKinds: "validation.invalidOption" });
    const gym = await prisma.attributeDefinition.findUniqueOrThrow({ where: { code: "hasSportsHall" } });
    expect(
      (await refusal(saveAttributeDefinition(viewer, definition({ id: gym.id, version: "2", type: "TEXT" }))))
        .fieldErrors,
    ).toEqual({ type: "attribute.typeFixed" });
    expect(
      (await refusal(saveAttributeDefinition(viewer, definition({ id: gym.id, version: "2", code: "hasGym" }))))
        .fieldErrors,
    ).toEqual({ code: "attribute.codeFixed" });
    expect((await refusal(saveAttributeDefinition(viewer, definition({ id: gym.id, version: "1" })))).code).toBe(
      "stale",
    );
    expect(await prisma.attributeDefinition.count()).toBe(before);
    expect(await prisma.auditLog.count({ where: { entity: "AttributeDefinition" } })).toBe(audits);
  });

  it("the database refuses a range whose minimum exceeds its maximum too", async () => {
    await expect(
      prisma.attributeDefinition.create({
        data: { code: "bad", nameKk: "b", nameRu: "b", nameEn: "b", type: "NUMBER", min: 10, max: 1, orgKinds: [] },
      }),
    ).rejects.toThrow();
  });
});

describe("attribute values in the registry", () => {
  it("a school's values are validated, stored, audited, filtered on and public ones shown on the card", async () => {
    const { viewer, scope } = await as("u_district", "registry.organization.write");
    const saved = await updateOrganization(
      viewer,
      scope,
      await orgForm(school.id, { attr_hasSportsHall: "yes", attr_sportsHallArea: "288,5", attr_secondLanguage: "RU" }),
    );
    expect(saved.attributes).toEqual({ hasSportsHall: true, sportsHallArea: 288.5, secondLanguage: "RU" });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entity: "Organization", entityId: school.id },
      orderBy: { at: "desc" },
    });
    expect(audit.after).toMatchObject({ attributes: { hasSportsHall: true } });

    await updateOrganization(viewer, scope, await orgForm(other.id, { attr_hasSportsHall: "no" }));

    const list = (filters: Record<string, string>) =>
      listOrganizations(
        scope,
        { page: 1, pageSize: 100, sort: "name", dir: "asc", q: "", filters: { territory: KOKSHETAU, ...filters } },
        "en",
      );
    const withGym = await list({ attr_hasSportsHall: "yes" });
    expect(withGym.rows.map((r) => r.id)).toEqual([school.id]);
    const withoutGym = await list({ attr_hasSportsHall: "no" });
    expect(withoutGym.rows.map((r) => r.id)).toContain(other.id);
    expect(withoutGym.rows.map((r) => r.id)).not.toContain(school.id);
    expect((await list({ attr_secondLanguage: "RU" })).rows.map((r) => r.id)).toEqual([school.id]);

    // public ones only: the area is not public
    const card = await publicAttributes(school.bin);
    expect(card.map((a) => [a.code, a.value])).toEqual([
      ["hasSportsHall", true],
      ["secondLanguage", "RU"],
    ]);
    expect(card[1]!.item).toMatchObject({ en: "Russian" });
  });

  it("refuses a wrong value naming the attribute, and writes nothing", async () => {
    const { viewer, scope } = await as("u_district", "registry.organization.write");
    const before = await prisma.organization.findUniqueOrThrow({ where: { id: school.id } });
    const audits = await prisma.auditLog.count({ where: { entity: "Organization", entityId: school.id } });
    const cases: [Record<string, string>, string, string][] = [
      [{ attr_sportsHallArea: "big" }, "attr_sportsHallArea", "attribute.notNumber"],
      [{ attr_sportsHallArea: "6000" }, "attr_sportsHallArea", "attribute.outOfRange"],
      [{ attr_hasSportsHall: "maybe" }, "attr_hasSportsHall", "attribute.notBoolean"],
      [{ attr_hasSportsHall: "" }, "attr_hasSportsHall", "attribute.required"],
      [{ attr_secondLanguage: "XX" }, "attr_secondLanguage", "attribute.notChoice"],
    ];
    for (const [values, field, key] of cases) {
      const error = await refusal(
        updateOrganization(
          viewer,
          scope,
          await orgForm(school.id, {
            attr_hasSportsHall: "yes",
            attr_sportsHallArea: "100",
            attr_secondLanguage: "KK",
            nameEn: "Changed",
            ...values,
          }),
        ),
      );
      expect(error.code).toBe("validation");
      expect(error.fieldErrors).toEqual({ [field]: key });
      expect(error.options.message).toBe("errors.attribute.invalid");
      expect(error.params.nameEn).toBeTruthy();
    }
    const after = await prisma.organization.findUniqueOrThrow({ where: { id: school.id } });
    expect(after).toMatchObject({ version: before.version, nameEn: before.nameEn, attributes: before.attributes });
    expect(await prisma.auditLog.count({ where: { entity: "Organization", entityId: school.id } })).toBe(audits);
  });

  it("keeps the stored values when a save sends no attribute fields", async () => {
    const { viewer, scope } = await as("u_district", "registry.organization.write");
    const saved = await updateOrganization(viewer, scope, await orgForm(school.id, { address: "Main street 1" }));
    expect(saved.attributes).toMatchObject({ hasSportsHall: true });
  });
});

describe("the registry list by attribute", () => {
  const list = (scope: Scope, over: { sort?: string; dir?: "asc" | "desc"; filters?: Record<string, string> }) =>
    listOrganizations(
      scope,
      {
        page: 1,
        pageSize: 100,
        sort: (over.sort ?? "name") as "name",
        dir: over.dir ?? "asc",
        q: "",
        filters: { territory: KOKSHETAU, kind: "SCHOOL", ...over.filters },
      },
      "en",
    );

  it("filters a number attribute by a range and a date attribute by dates, and sorts by an attribute", async () => {
    const { viewer: ministry } = await as("u_ministry", "registry.attributes.manage");
    await saveAttributeDefinition(
      ministry,
      definition({
        code: "lastRenovated",
        nameKk: "Соңғы жөндеу",
        nameRu: "Последний ремонт",
        nameEn: "Last renovated",
        type: "DATE",
        public: "",
      }),
    );
    const { viewer, scope } = await as("u_district", "registry.organization.write");
    const fill = { attr_hasSportsHall: "yes", attr_secondLanguage: "KK" };
    await updateOrganization(
      viewer,
      scope,
      await orgForm(school.id, { ...fill, attr_sportsHallArea: "288.5", attr_lastRenovated: "2019-08-01" }),
    );
    await updateOrganization(
      viewer,
      scope,
      await orgForm(other.id, { ...fill, attr_sportsHallArea: "1200", attr_lastRenovated: "2024-06-15" }),
    );

    const ids = async (over: Parameters<typeof list>[1]) => (await list(scope, over)).rows.map((r) => r.id);
    expect(await ids({ filters: { attr_sportsHallArea_from: "100", attr_sportsHallArea_to: "1000" } })).toEqual([
      school.id,
    ]);
    expect((await ids({ filters: { attr_sportsHallArea_from: "250" } })).sort()).toEqual([school.id, other.id].sort());
    expect(await ids({ filters: { attr_sportsHallArea_to: "50" } })).toEqual([]);
    expect(await ids({ filters: { attr_lastRenovated_from: "2020-01-01" } })).toEqual([other.id]);
    expect(await ids({ filters: { attr_lastRenovated_to: "2020-01-01" } })).toEqual([school.id]);
    // a bound that is no number or date filters nothing out
    expect((await ids({ filters: { attr_sportsHallArea_from: "lots" } })).length).toBeGreaterThanOrEqual(2);

    // numbers sorted as numbers (288.5 < 1200; as text "1200" would come first), dates as dates
    expect(await ids({ sort: "attr_sportsHallArea" })).toEqual([school.id, other.id]);
    expect(await ids({ sort: "attr_sportsHallArea", dir: "desc" })).toEqual([other.id, school.id]);
    expect(await ids({ sort: "attr_lastRenovated", dir: "desc" })).toEqual([other.id, school.id]);
    const desc = await list(scope, { sort: "attr_sportsHallArea", dir: "desc" });
    const page2 = await listOrganizations(
      scope,
      {
        page: 2,
        pageSize: 1,
        sort: "attr_sportsHallArea" as "name",
        dir: "asc",
        q: "",
        filters: { territory: KOKSHETAU, kind: "SCHOOL" },
      },
      "en",
    );
    expect(page2.rows.map((r) => r.id)).toEqual([other.id]);
    expect(page2.total).toBe(desc.total);
  });

  it("exports the same rows in the same order as the list", async () => {
    const { scope } = await as("u_district", "registry.organization.write");
    const params = {
      page: 1,
      pageSize: 10,
      sort: "attr_sportsHallArea" as "name",
      dir: "desc" as const,
      q: "",
      filters: { territory: KOKSHETAU, attr_sportsHallArea_from: "1" },
    };
    const rows = await exportOrganizations(scope, params, "en");
    const page = await listOrganizations(scope, params, "en");
    expect(rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
    expect(rows.length).toBe(2);
    expect(rows.map((r) => (r.attributes as Record<string, number>).sportsHallArea)).toEqual([1200, 288.5]);
  });
});

describe("attributes of other records", () => {
  it("refuses a public attribute of people or appointments (personal data)", async () => {
    for (const record of ["PERSON", "APPOINTMENT"])
      expect(() => definition({ code: "shoeSize", record, public: "on", type: "NUMBER" })).toThrow(
        /attribute.personalNotPublic/,
      );
    expect(definition({ code: "shoeSize", record: "PERSON", public: "", type: "NUMBER" }).record).toBe("PERSON");
  });
});
