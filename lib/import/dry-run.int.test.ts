import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { openSource, withHeader } from "./reader";
import { suggestMapping, type Mapping } from "./mapping";
import { dryRun, reportCsv } from "./dry-run";
import { ORGANIZATION_FIELDS } from "./targets/organizations";

let serial = 8000;
async function freshBin(): Promise<string> {
  while (serial <= 8999) {
    const bin = withCheckDigit(`2403400${String(serial++).padStart(4, "0")}`);
    if (bin && !(await prisma.organization.findUnique({ where: { bin } }))) return bin;
  }
  throw new Error("no BIN left");
}

async function source(text: string) {
  const { rows } = await openSource("schools.csv", new Uint8Array(Buffer.from(text, "utf8")));
  return withHeader(rows);
}

let region: Viewer;
let school: { bin: string; nameKk: string; nameRu: string; nameEn: string };
let astanaSchool: { bin: string };

beforeAll(async () => {
  region = await viewer("u_region");
  school = await prisma.organization.findFirstOrThrow({
    where: { territoryId: "t110200000", kind: { code: "SCHOOL" } },
    orderBy: { bin: "asc" },
  });
  astanaSchool = await prisma.organization.findFirstOrThrow({
    where: { territory: { code: { startsWith: "71" } }, kind: { code: "SCHOOL" } },
  });
});

describe("dry run of organisations", () => {
  it("suggests a mapping from kk/ru/en column names", () => {
    expect(
      suggestMapping(["БСН", "Атауы", "Наименование", "Код КАТО", "вид", "Адрес", "Прочее"], ORGANIZATION_FIELDS),
    ).toEqual({
      bin: { column: "БСН", transform: "none" },
      nameKk: { column: "Атауы", transform: "none" },
      nameRu: { column: "Наименование", transform: "none" },
      territory: { column: "Код КАТО", transform: "none" },
      kind: { column: "вид", transform: "none" },
      address: { column: "Адрес", transform: "none" },
    });
  });

  it("classifies every row as new, update, unchanged, duplicate or invalid, and writes nothing", async () => {
    const [newBin, burabayBin, outBin] = [await freshBin(), await freshBin(), await freshBin()];
    const badBin = newBin.slice(0, 11) + String((Number(newBin[11]) + 1) % 10);
    const csv = [
      "БСН;Атауы;Наименование;КАТО;Түрі",
      `${newBin};Жаңа мектеп;Новая школа;110200000;SCHOOL`,
      `${burabayBin};"Бурабай мектебі; №2";;Бурабайский район;Жалпы білім беретін мектеп`,
      `${school.bin};${school.nameKk};${school.nameRu};110200000;school`,
      `${school.bin};${school.nameKk};Другое имя;110200000;SCHOOL`,
      `${newBin};Тағы;Ещё;110200000;SCHOOL`,
      `${badBin};Қате;Ошибка;110200000;SCHOOL`,
      `${outBin};Сырт;Вне;710200000;SCHOOL`,
      `${astanaSchool.bin};Астана;Астана;110200000;SCHOOL`,
      `${await freshBin()};Белгісіз;Неизвестно;999999999;SCHOOL`,
      `${await freshBin()};Түрсіз;Без вида;110200000;нет такого`,
    ].join("\n");
    const { columns, rows } = await source(csv);
    const mapping: Mapping = suggestMapping(columns, ORGANIZATION_FIELDS);
    const before = await prisma.organization.count();
    const report = await dryRun(region, { target: "organizations", columns, rows, mapping });
    expect(await prisma.organization.count()).toBe(before);
    expect(report.results.map((r) => [r.line, r.outcome, r.field ?? r.changes.join(","), r.reason ?? ""])).toEqual([
      [2, "new", "", ""],
      [3, "new", "", ""],
      [4, "unchanged", "", ""],
      [5, "duplicate", "", "import.duplicateInFile"],
      [6, "duplicate", "", "import.duplicateInFile"],
      [7, "invalid", "bin", "bin.checksum"],
      [8, "invalid", "territory", "import.outOfScope"],
      [9, "invalid", "bin", "import.outOfScope"],
      [10, "invalid", "territory", "territory.unknown"],
      [11, "invalid", "kind", "organization.kind"],
    ]);
    expect(report.counts).toEqual({ new: 2, update: 0, unchanged: 1, duplicate: 2, invalid: 5 });
    expect(report.results[1]!.data).toMatchObject({
      nameKk: "Бурабай мектебі; №2",
      nameRu: "Бурабай мектебі; №2",
      territoryId: "t110400000",
      kindId: "c_org_kind_school",
    });

    // the same school with a changed name is an update naming the field; a district admin sees Astana's school as out of scope
    const changed = await source(
      `БСН,Наименование,КАТО,Түрі,Атауы\n${school.bin},Другое имя,110200000,SCHOOL,${school.nameKk}\n`,
    );
    const update = await dryRun(region, {
      target: "organizations",
      ...changed,
      mapping: suggestMapping(changed.columns, ORGANIZATION_FIELDS),
    });
    expect(update.results).toMatchObject([{ outcome: "update", changes: ["nameRu"], data: { nameRu: "Другое имя" } }]);

    const csvReport = reportCsv(report.results, (key, params) => `${key}${params ? JSON.stringify(params) : ""}`);
    expect(csvReport.split("\r\n")[0]).toBe("\uFEFFline,key,outcome,changes,field,reason");
    expect(csvReport).toContain(`7,${badBin},outcomes.invalid,,bin,reasons.bin.checksum`);
  });

  it("refuses a mapping without a required field, and importers without the form's permission", async () => {
    const { columns, rows } = await source("БСН,Атауы\n1,2\n");
    const error = await refusal(
      dryRun(region, { target: "organizations", columns, rows, mapping: suggestMapping(columns, ORGANIZATION_FIELDS) }),
    );
    expect(error.fieldErrors).toEqual({ "mapping.territory": "import.unmapped", "mapping.kind": "import.unmapped" });
    const teacher = await refusal(
      dryRun(await viewer("u_teacher"), { target: "organizations", columns, rows, mapping: {} }),
    );
    expect(teacher.code).toBe("forbidden");
  });
});

describe("dry run of pupils", () => {
  it("classifies pupils by IIN with the person form's rules, the class in the school and the scope", async () => {
    const admin = await viewer("u_school");
    const schoolId = admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
    const own = await prisma.organization.findUniqueOrThrow({ where: { id: schoolId } });
    const other = await prisma.organization.findFirstOrThrow({
      where: { id: { not: schoolId }, kind: { code: "SCHOOL" } },
    });
    const klass = await prisma.classGroup.findFirstOrThrow({
      where: { organizationId: schoolId, enrolments: { some: {} } },
      orderBy: [{ academicYear: { startDate: "desc" } }, { grade: "asc" }],
      include: { enrolments: { include: { student: true }, take: 1 } },
    });
    const enrolled = klass.enrolments[0]!.student;
    const pupilIin = (date: string, n: number) => withCheckDigit(iinPrefix(date, "MALE") + String(n).padStart(4, "0"))!;
    const fresh = pupilIin("2015-03-04", 7301);
    const badSum = fresh.slice(0, 11) + String((Number(fresh[11]) + 1) % 10);
    const csv = [
      "ЖСН\tАты-жөні\tТуған күні\tМектеп БСН\tСынып",
      `${fresh}\tАсанов Нұрлан Серікұлы\t04.03.2015\t${own.bin}\t${klass.grade}${klass.letter}`,
      `${enrolled.iin}\t${enrolled.lastName} ${enrolled.firstName}${enrolled.middleName ? ` ${enrolled.middleName}` : ""}\t\t${own.bin}\t${klass.grade} ${klass.letter}`,
      `${badSum}\tҚате Жол\t\t${own.bin}\t${klass.grade}${klass.letter}`,
      `${pupilIin("2015-03-04", 7304)}\tБасқа Күн\t05.03.2015\t${own.bin}\t${klass.grade}${klass.letter}`,
      `${pupilIin("2015-03-05", 7302)}\tБөтен Мектеп\t\t${other.bin}\t1А`,
      `${pupilIin("2015-03-05", 7303)}\tЖоқ Сынып\t\t${own.bin}\t12Я`,
    ].join("\n");
    const { rows } = await openSource("pupils.tsv", new Uint8Array(Buffer.from(csv, "utf8")));
    const { columns, rows: data } = await withHeader(rows);
    const { PUPIL_FIELDS } = await import("./targets/pupils");
    const mapping = suggestMapping(columns, PUPIL_FIELDS);
    expect(mapping.lastName).toEqual({ column: "Аты-жөні", transform: "surname" });
    const before = await prisma.person.count();
    const report = await dryRun(admin, { target: "pupils", columns, rows: data, mapping });
    expect(await prisma.person.count()).toBe(before);
    const outcomes = report.results.map((r) => [r.line, r.outcome, r.field ?? "", r.reason ?? ""]);
    expect(outcomes.slice(0, 3)).toEqual([
      [2, "new", "", ""],
      [3, "unchanged", "", ""],
      [4, "invalid", "iin", "iin.checksum"],
    ]);
    expect(report.results[0]!.data).toMatchObject({
      lastName: "Асанов",
      firstName: "Нұрлан",
      middleName: "Серікұлы",
      classGroupId: klass.id,
    });
    // an IIN whose check digit is wrong, or a birth date disagreeing with the IIN
    expect(outcomes[3]).toEqual([5, "invalid", "birthDate", "iin.birthDateMismatch"]);
    expect(report.results[3]!.params).toEqual({ expected: "2015-03-04" });
    expect(outcomes.slice(4)).toEqual([
      [6, "invalid", "school", "import.outOfScope"],
      [7, "invalid", "class", "diary.classUnknown"],
    ]);
  });
});
