/**
 * Electronic services demo data. Every scale: two kindergartens in Kokshetau when the city has fewer (the
 * preschool queue offers places in them). Demo scale: an empty first-grade class "1 А" in school No. 1's
 * current year, so a first-grade application can be accepted into it; school No. 2's current year with a
 * class "1 Б"; and Мирас Қасымов, a child of `parent2` in school No. 1's 1 А, to move to school No. 2 by a
 * transfer. The service catalogue itself comes with its migrations.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { iinPrefix, withCheckDigit } from "../../lib/identity";
import { dateValue } from "../../lib/diary/dates";
import { DIARY_TERMS, DIARY_YEAR } from "./diary";
import type { Scale } from "./index";

const KINDERGARTENS = [
  {
    id: "o_kg_kokshetau_aigolek",
    first11: "05034000901",
    nameKk: "«Айгөлек» бөбекжайы (Көкшетау қ.)",
    nameRu: "Ясли-сад «Айгөлек» (г. Кокшетау)",
    nameEn: 'Kindergarten "Aigolek" (Kokshetau City)',
  },
  {
    id: "o_kg_kokshetau_akbota",
    first11: "07114000902",
    nameKk: "«Ақбота» бөбекжайы (Көкшетау қ.)",
    nameRu: "Ясли-сад «Акбота» (г. Кокшетау)",
    nameEn: 'Kindergarten "Akbota" (Kokshetau City)',
  },
];

export async function seedServices(
  prisma: PrismaClient,
  scale: Scale,
  log: (line: string) => void = () => {},
): Promise<void> {
  const district = await prisma.roleAssignment.findFirstOrThrow({
    where: { userId: "u_district", role: "DISTRICT_ADMIN" },
  });
  const territoryId = district.territoryId!;
  const existing = await prisma.organization.count({ where: { territoryId, kind: { code: "PRESCHOOL" } } });
  const department = await prisma.organization.findFirstOrThrow({
    where: { territoryId, kind: { code: "EDU_DEPT_DISTRICT" } },
  });
  const preschoolKind = await prisma.classifierItem.findFirstOrThrow({
    where: { classifier: { code: "ORG_KIND" }, code: "PRESCHOOL" },
  });
  const added = KINDERGARTENS.slice(0, Math.max(0, 2 - existing));
  for (const k of added) {
    // A BIN with a valid check digit; the serial is bumped past one that has none or is taken.
    let bin: string | null = null;
    for (
      let serial = Number(k.first11.slice(6));
      !bin || (await prisma.organization.count({ where: { bin } }));
      serial++
    ) {
      bin = withCheckDigit(k.first11.slice(0, 6) + String(serial).padStart(5, "0"));
    }
    await prisma.organization.create({
      data: {
        id: k.id,
        bin,
        nameKk: k.nameKk,
        nameRu: k.nameRu,
        nameEn: k.nameEn,
        kindId: preschoolKind.id,
        territoryId,
        reportsToId: department.id,
        languageId: "c_language_kk",
      },
    });
  }
  if (added.length) log(`services: ${added.length} kindergarten(s) in Kokshetau for the preschool queue`);

  if (scale !== "demo") return;
  const admin = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school", role: "ORG_ADMIN" } });
  const year = await prisma.academicYear.findFirstOrThrow({
    where: { organizationId: admin.organizationId!, label: DIARY_YEAR },
  });
  const firstGrade = await prisma.classGroup.create({
    data: {
      id: `cg_${year.id}_1_services`,
      organizationId: year.organizationId,
      academicYearId: year.id,
      grade: 1,
      letter: "А",
      languageId: "c_language_kk",
    },
  });
  log("services: first-grade class 1 А for admissions");

  // School No. 2: its current year (same quarters) and a first-grade class to transfer into.
  const admin2 = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school2", role: "ORG_ADMIN" } });
  const school2 = admin2.organizationId!;
  const year2 = `ay_${school2}_2026`;
  await prisma.academicYear.create({
    data: { id: year2, organizationId: school2, label: DIARY_YEAR, startDate: year.startDate, endDate: year.endDate },
  });
  await prisma.term.createMany({
    data: DIARY_TERMS.map(([n, from, to]) => ({
      id: `${year2}_t${n}`,
      academicYearId: year2,
      organizationId: school2,
      number: n,
      startDate: dateValue(from),
      endDate: dateValue(to),
    })),
  });
  await prisma.classGroup.create({
    data: {
      id: `cg_${year2}_1_services`,
      organizationId: school2,
      academicYearId: year2,
      grade: 1,
      letter: "Б",
      languageId: "c_language_kk",
    },
  });

  // parent2's younger child in school No. 1's 1 А.
  let iin: string | null = null;
  for (let serial = 7301; !iin || (await prisma.person.count({ where: { iin } })); serial++)
    iin = withCheckDigit(iinPrefix("2020-04-12", "MALE") + String(serial));
  const child = await prisma.person.create({
    data: {
      id: `p${iin}`,
      iin,
      lastName: "Қасымов",
      firstName: "Мирас",
      middleName: "Асқарұлы",
      birthDate: dateValue("2020-04-12"),
      sex: "MALE",
      organizationId: year.organizationId,
      guardians: { create: { userId: "u_parent2" } },
    },
  });
  await prisma.classEnrolment.create({
    data: {
      organizationId: year.organizationId,
      academicYearId: year.id,
      classGroupId: firstGrade.id,
      studentId: child.id,
    },
  });
  log("services: school No. 2's year with 1 Б, and parent2's child in 1 А of school No. 1 (for a transfer)");
}
