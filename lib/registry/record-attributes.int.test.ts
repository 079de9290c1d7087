import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import { almatyDate } from "@/lib/time";
import { refusal, viewer } from "@/tests/setup/helpers";
import { createClass, createYear } from "../diary/setup";
import { classCreate } from "../diary/schemas";
import { hire } from "../staff/staff";
import { hireInput } from "../staff/schemas";
import { attributeDefinitionInput } from "./attribute-schemas";
import { saveAttributeDefinition } from "./attributes";
import { createPerson, updatePerson } from "./people";
import { personInput, personUpdate } from "./schemas";

let serial = 300;
function freshIin(birth = "1990-03-05", sex: "MALE" | "FEMALE" = "MALE"): string {
  for (;;) {
    const iin = withCheckDigit(iinPrefix(birth, sex) + String(serial++).padStart(4, "0"));
    if (iin) return iin;
  }
}

let admin: Viewer;
let schoolId: string;

beforeAll(async () => {
  const ministry = await viewer("u_ministry");
  const save = (over: Record<string, string>) =>
    saveAttributeDefinition(
      ministry,
      attributeDefinitionInput.parse({ nameKk: "a", nameRu: "a", nameEn: "a", ...over }),
    );
  await save({ code: "profileClass", nameEn: "Profile class", type: "BOOLEAN", record: "CLASS", required: "on" });
  await save({ code: "roomsShared", nameEn: "Rooms shared", type: "NUMBER", record: "CLASS", min: "0", max: "5" });
  await save({ code: "disability", nameEn: "Disability group", type: "NUMBER", record: "PERSON", min: "1", max: "3" });
  await save({ code: "mentor", nameEn: "Mentor", type: "BOOLEAN", record: "APPOINTMENT" });
  // an attribute of organisations is not asked of the other records
  await save({ code: "hasPool", nameEn: "Has a pool", type: "BOOLEAN", record: "ORGANIZATION", required: "on" });
  admin = await viewer("u_school");
  schoolId = admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
});

describe("custom attributes of classes, people and appointments", () => {
  it("a class's values are checked and stored in the class's save; a bad one refused, nothing written", async () => {
    const yearId = (await createYear(admin, { organizationId: schoolId, startYear: 2031 })).id;
    const form = { academicYearId: yearId, grade: "7", letter: "А", attr_profileClass: "yes", attr_roomsShared: "2" };
    const before = await prisma.classGroup.count();
    for (const [over, field, message] of [
      [{ attr_roomsShared: "9" }, "attr_roomsShared", "attribute.outOfRange"],
      [{ attr_profileClass: "" }, "attr_profileClass", "attribute.required"],
      [{ attr_roomsShared: "two" }, "attr_roomsShared", "attribute.notNumber"],
    ] as const) {
      const e = await refusal(createClass(admin, classCreate.parse({ ...form, ...over })));
      expect(e.fieldErrors).toEqual({ [field]: message });
      expect(e.params.nameEn).toBeTruthy();
    }
    expect(await prisma.classGroup.count()).toBe(before);
    const { id } = await createClass(admin, classCreate.parse(form));
    const saved = await prisma.classGroup.findUniqueOrThrow({ where: { id } });
    expect(saved.attributes).toEqual({ profileClass: true, roomsShared: 2 });
  });

  it("a person's values are checked in the person's save and kept when a save sends none", async () => {
    const { viewer: district, scope } = authorizeViewer(await loadViewer("u_district"), "registry.person.write") as {
      viewer: Viewer;
      scope: Scope;
    };
    const iin = freshIin();
    const base = { iin, lastName: "Омаров", firstName: "Ерлан", organizationId: schoolId };
    const before = await prisma.person.count();
    const e = await refusal(createPerson(district, scope, personInput.parse({ ...base, attr_disability: "7" })));
    expect(e.fieldErrors).toEqual({ attr_disability: "attribute.outOfRange" });
    expect(await prisma.person.count()).toBe(before);
    const created = await createPerson(district, scope, personInput.parse({ ...base, attr_disability: "2" }));
    expect(created.attributes).toEqual({ disability: 2 });
    const kept = await updatePerson(
      district,
      scope,
      personUpdate.parse({ ...base, id: created.id, version: String(created.version), lastName: "Омарова" }),
    );
    expect(kept.attributes).toEqual({ disability: 2 });
    const cleared = await updatePerson(
      district,
      scope,
      personUpdate.parse({ ...base, id: created.id, version: String(kept.version), attr_disability: "" }),
    );
    expect(cleared.attributes).toEqual({});
  });

  it("an appointment's values are checked in the hire's transaction", async () => {
    const form = {
      organizationId: schoolId,
      iin: freshIin("1988-01-01", "FEMALE"),
      lastName: "Сапарова",
      firstName: "Әсел",
      positionId: "c_position_teacher",
      kind: "MAIN",
      rate: "1",
      weeklyHours: "18",
      startDate: almatyDate(new Date()),
    };
    const before = await prisma.appointment.count();
    const people = await prisma.person.count();
    const e = await refusal(hire(admin, hireInput.parse({ ...form, attr_mentor: "perhaps" })));
    expect(e.fieldErrors).toEqual({ attr_mentor: "attribute.notBoolean" });
    expect(await prisma.appointment.count()).toBe(before);
    expect(await prisma.person.count()).toBe(people);
    const done = await hire(admin, hireInput.parse({ ...form, attr_mentor: "yes" }));
    const saved = await prisma.appointment.findUniqueOrThrow({ where: { id: done.appointmentId } });
    expect(saved.attributes).toEqual({ mentor: true });
  });

  it("keeps the record kind of a definition fixed", async () => {
    const ministry = await viewer("u_ministry");
    const def = await prisma.attributeDefinition.findUniqueOrThrow({ where: { code: "mentor" } });
    const e = await refusal(
      saveAttributeDefinition(
        ministry,
        attributeDefinitionInput.parse({
          id: def.id,
          version: String(def.version),
          code: "mentor",
          nameKk: "a",
          nameRu: "a",
          nameEn: "a",
          type: "BOOLEAN",
          record: "CLASS",
        }),
      ),
    );
    expect(e.fieldErrors).toEqual({ record: "attribute.recordFixed" });
  });
});
