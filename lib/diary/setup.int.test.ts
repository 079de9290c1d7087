import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { loadViewer } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/scope";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import { AppError } from "@/lib/errors";
import ExcelJS from "exceljs";
import {
  chosenSchool,
  createAssignment,
  createClass,
  createYear,
  importStudents,
  linkGuardian,
  loadSetup,
  parseStudentCsv,
  schoolAnalytics,
  updateTerm,
} from "./setup";
import { generateLessons, saveTimetable } from "./timetable";
import { refusal, viewer } from "@/tests/setup/helpers";
import { zipBomb } from "@/tests/fixtures/zip-bomb";
import iconv from "iconv-lite";

const NOW = new Date("2026-11-23T10:00:00Z");

function iin(birthDate: string, serial: number): string {
  return withCheckDigit(iinPrefix(birthDate, "MALE") + String(serial).padStart(4, "0"))!;
}

let admin: Viewer;
let school: string;
let otherSchool: string;

beforeAll(async () => {
  admin = await viewer("u_school");
  school = admin.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  otherSchool = (
    await prisma.organization.findFirstOrThrow({ where: { id: { not: school }, kind: { code: "SCHOOL" } } })
  ).id;
});

describe("school set-up", () => {
  let yearId = "";
  let classId = "";

  it("creates a year with four quarters crossing the calendar year, refuses a second one", async () => {
    yearId = (await createYear(admin, { organizationId: school, startYear: 2027 })).id;
    const terms = await prisma.term.findMany({ where: { academicYearId: yearId }, orderBy: { number: "asc" } });
    expect(terms.map((t) => t.startDate.toISOString().slice(0, 10))).toEqual([
      "2027-09-01",
      "2027-11-03",
      "2028-01-08",
      "2028-03-30",
    ]);
    expect((await refusal(createYear(admin, { organizationId: school, startYear: 2027 }))).fieldErrors.startYear).toBe(
      "diary.yearExists",
    );
  });

  it("refuses another school's year (scope) and users without diary.manage", async () => {
    expect((await refusal(createYear(admin, { organizationId: otherSchool, startYear: 2028 }))).code).toBe("forbidden");
    expect(
      (await refusal(createYear(await viewer("u_teacher"), { organizationId: school, startYear: 2028 }))).code,
    ).toBe("forbidden");
  });

  it("moves a term but refuses overlaps and reversed dates", async () => {
    const [t1, t2] = await prisma.term.findMany({ where: { academicYearId: yearId }, orderBy: { number: "asc" } });
    expect(
      (await refusal(updateTerm(admin, { termId: t1!.id, startDate: "2027-09-01", endDate: "2027-11-10" }))).fieldErrors
        .startDate,
    ).toBe("diary.termsOverlap");
    expect(
      (await refusal(updateTerm(admin, { termId: t1!.id, startDate: "2027-10-01", endDate: "2027-09-10" }))).fieldErrors
        .endDate,
    ).toBe("diary.endBeforeStart");
    await updateTerm(admin, { termId: t2!.id, startDate: "2027-11-05", endDate: "2027-12-27" });
    expect((await prisma.term.findUniqueOrThrow({ where: { id: t2!.id } })).endDate.toISOString().slice(0, 10)).toBe(
      "2027-12-27",
    );
  });

  it("creates a class and an assignment, refusing non-teachers and duplicates", async () => {
    expect(
      (
        await refusal(
          createClass(admin, { academicYearId: yearId, grade: 6, letter: "Б", homeroomTeacherId: "u_parent" }),
        )
      ).fieldErrors.homeroomTeacherId,
    ).toBe("diary.notATeacher");
    classId = (
      await createClass(admin, {
        academicYearId: yearId,
        grade: 6,
        letter: "Б",
        homeroomTeacherId: "u_teacher",
        languageId: "c_language_kk",
      })
    ).id;
    expect(
      (await refusal(createClass(admin, { academicYearId: yearId, grade: 6, letter: "Б" }))).fieldErrors.letter,
    ).toBe("diary.classExists");
    await createAssignment(admin, { classGroupId: classId, subjectId: "c_subject_math", teacherId: "u_teacher" });
    expect(
      (
        await refusal(
          createAssignment(admin, { classGroupId: classId, subjectId: "c_subject_math", teacherId: "u_teacher" }),
        )
      ).fieldErrors.subjectId,
    ).toBe("diary.assignmentExists");
    expect(
      (
        await refusal(
          createAssignment(admin, { classGroupId: classId, subjectId: "c_org_kind_school", teacherId: "u_teacher" }),
        )
      ).fieldErrors.subjectId,
    ).toBe("diary.subjectUnknown");
    const setup = await loadSetup(admin, school);
    expect(setup.years.find((y) => y.id === yearId)!.classes[0]).toMatchObject({
      grade: 6,
      letter: "Б",
      homeroom: "Айгерім Ахметова",
    });
  });

  it("imports students from CSV all or nothing, with a message per bad row", async () => {
    const good1 = iin("2015-03-04", 7001);
    const good2 = iin("2015-05-06", 7002);
    const badChecksum = good1.slice(0, 11) + String((Number(good1[11]) + 1) % 10);
    const before = await prisma.person.count();
    const error = await refusal(
      importStudents(admin, {
        classGroupId: classId,
        csv: `iin;last name;first name\n${good1};Асанов;Нұрлан\n${badChecksum};Бекова;Дана\n${good1};Асанов;Нұрлан\n${good2};;Айша\n`,
      }),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({
      "rows.3": "iin.checksum",
      "rows.4": "diary.import.duplicateRow",
      "rows.5": "diary.import.name",
    });
    expect(await prisma.person.count()).toBe(before);

    const ok = await importStudents(admin, {
      classGroupId: classId,
      csv: `${good1},Асанов,Нұрлан\n${good2},Бекова,Айша,Ерланқызы\n`,
    });
    expect(ok).toEqual({ imported: 2, created: 2 });
    const person = await prisma.person.findUniqueOrThrow({ where: { iin: good2 } });
    expect([person.birthDate.toISOString().slice(0, 10), person.sex, person.organizationId]).toEqual([
      "2015-05-06",
      "MALE",
      school,
    ]);

    // an XLSX workbook: the first sheet's rows, an IIN stored as a number keeps its leading zero
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("5 А");
    const young = iin("2009-01-02", 7003); // born 2009: the IIN starts with 0
    sheet.addRow(["ЖСН", "Тегі", "Аты"]);
    sheet.addRow([Number(young), "Жанова", "Әсел"]);
    sheet.addRow([good1.slice(0, 11) + String((Number(good1[11]) + 1) % 10), "Бекова", "Дана"]);
    const base64 = (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
    const refused = await refusal(
      importStudents(admin, { classGroupId: classId, xlsx: Buffer.from(base64).toString("base64") }),
    );
    expect(refused.fieldErrors).toEqual({ "rows.3": "iin.checksum" });
    sheet.spliceRows(3, 1);
    const imported = await importStudents(admin, {
      classGroupId: classId,
      xlsx: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64"),
    });
    expect(imported).toEqual({ imported: 1, created: 1 });
    expect((await prisma.person.findUniqueOrThrow({ where: { iin: young } })).lastName).toBe("Жанова");
    const corrupt = await refusal(
      importStudents(admin, { classGroupId: classId, xlsx: Buffer.from("not a workbook").toString("base64") }),
    );
    expect(corrupt.fieldErrors).toEqual({ csv: "diary.import.badXlsx" });

    // a zip bomb is refused with 413 before ExcelJS opens it, for the school's administrator ...
    const bomb = (await zipBomb({ mbPerEntry: 40 })).toString("base64");
    expect(bomb.length).toBeLessThan(100 * 1024);
    const bombed = await refusal(importStudents(admin, { classGroupId: classId, xlsx: bomb }));
    expect([bombed.fieldErrors, bombed.options.status]).toEqual([{ csv: "files.zipTooLarge" }, 413]);
    // ... and never opened at all for someone whose schools do not hold the class
    const teacher = await refusal(importStudents(await viewer("u_teacher"), { classGroupId: classId, xlsx: bomb }));
    expect(teacher.code).toBe("forbidden");
    await prisma.user.create({
      data: {
        id: "u_other_school_admin",
        login: "otherschooladmin",
        passwordHash: "x",
        displayName: "Other school",
        roles: { create: [{ role: "ORG_ADMIN", organizationId: otherSchool }] },
      },
    });
    const outsider = await viewer("u_other_school_admin");
    const notYours = await refusal(importStudents(outsider, { classGroupId: classId, xlsx: bomb }));
    expect(notYours.fieldErrors).toEqual({ classGroupId: "diary.classUnknown" });

    // the same student in another class of the same year is refused
    const other = (await createClass(admin, { academicYearId: yearId, grade: 6, letter: "В" })).id;
    const again = await refusal(importStudents(admin, { classGroupId: other, csv: `${good1},Асанов,Нұрлан\n` }));
    expect(again.fieldErrors).toEqual({ "rows.1": "diary.import.otherClass" });
  });

  it("saves a timetable of assigned subjects and generates the term's lessons on working days only", async () => {
    const slots = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, period: 1, subjectId: "c_subject_math" }));
    const refused = await refusal(
      saveTimetable(admin, {
        classGroupId: classId,
        slots: [...slots, { weekday: 1, period: 2, subjectId: "c_subject_eng" }],
      }),
    );
    expect(refused.fieldErrors).toEqual({ "slot.1.2": "diary.subjectNotAssigned" });
    expect(await prisma.timetableSlot.count({ where: { classGroupId: classId } })).toBe(0);
    await saveTimetable(admin, { classGroupId: classId, slots });
    const term2 = await prisma.term.findFirstOrThrow({ where: { academicYearId: yearId, number: 2 } });
    const { created } = await generateLessons(admin, { classGroupId: classId, termId: term2.id });
    const days = (await prisma.lesson.findMany({ where: { classGroupId: classId }, select: { date: true } })).map((l) =>
      l.date.toISOString().slice(0, 10),
    );
    expect(created).toBe(days.length);
    expect(days).toContain("2027-12-15");
    expect(days).not.toContain("2027-12-16"); // Independence Day
    expect(days).not.toContain("2027-11-06"); // Saturday
    expect((await generateLessons(admin, { classGroupId: classId, termId: term2.id })).created).toBe(0);
    // another school's administrator cannot touch the class
    const other = await prisma.user.create({
      data: {
        login: "otheradmin",
        passwordHash: "x",
        displayName: "Other",
        roles: { create: [{ role: "ORG_ADMIN", organizationId: otherSchool }] },
      },
    });
    expect(
      (await refusal(generateLessons((await loadViewer(other.id))!, { classGroupId: classId, termId: term2.id }))).code,
    ).toBe("notFound");
  });

  it("chooses the requested school only when the viewer administers it", async () => {
    expect(chosenSchool(admin, school)).toBe(school);
    expect(chosenSchool(admin, otherSchool)).toBe(school);
    expect(chosenSchool(admin, undefined)).toBe(school);
    expect(chosenSchool(await viewer("u_teacher"), school)).toBeNull();
    expect(chosenSchool(null, school)).toBeNull();
  });

  it("parses headers, semicolons and quotes", async () => {
    expect(await parseStudentCsv('\uFEFFiin,last,first\r\n"811201401188","Ахметов","Ерлан"\r\n')).toEqual([
      { line: 2, iin: "811201401188", lastName: "Ахметов", firstName: "Ерлан", middleName: "" },
    ]);
  });

  it("keeps a quoted comma inside its cell and numbers rows by file line", async () => {
    expect(await parseStudentCsv('iin;last;first;middle\n\n811201401188;"Ахметов, мл.";Ерлан;"Серікұлы"\n')).toEqual([
      { line: 3, iin: "811201401188", lastName: "Ахметов, мл.", firstName: "Ерлан", middleName: "Серікұлы" },
    ]);
    expect(await parseStudentCsv('811201401188,"Ахметов, мл.",Ерлан\r\n')).toEqual([
      { line: 1, iin: "811201401188", lastName: "Ахметов, мл.", firstName: "Ерлан", middleName: "" },
    ]);
    await expect(parseStudentCsv('811201401188,"Ахметов,Ерлан\n')).rejects.toThrow(AppError);
    // an unquoted comma in a semicolon file is part of its cell; a Windows-1251 file is decoded
    expect(await parseStudentCsv("iin;last;first\n811201401188;Ахметов, мл.;Ерлан\n")).toEqual([
      { line: 2, iin: "811201401188", lastName: "Ахметов, мл.", firstName: "Ерлан", middleName: "" },
    ]);
    const cp1251 = new Uint8Array(iconv.encode("ИИН;Фамилия;Имя\r\n811201401188;Ахметов;Ерлан\r\n", "windows-1251"));
    expect((await parseStudentCsv(cp1251))[0]).toMatchObject({ line: 2, lastName: "Ахметов", firstName: "Ерлан" });
  });
});

describe("guardians", () => {
  it("links a parent of the school to a student of the school, refusing strangers and duplicates", async () => {
    const pupil = await prisma.person.findFirstOrThrow({
      where: { enrolments: { some: { organizationId: school } }, guardians: { none: {} } },
    });
    await linkGuardian(admin, { organizationId: school, iin: pupil.iin, login: "parent2", relation: "mother" });
    const parent2 = await viewer("u_parent2");
    expect(await prisma.guardianship.count({ where: { userId: parent2.userId, studentId: pupil.id } })).toBe(1);
    expect(
      (await refusal(linkGuardian(admin, { organizationId: school, iin: pupil.iin, login: "parent2" }))).fieldErrors
        .login,
    ).toBe("diary.guardianExists");
    expect(
      (await refusal(linkGuardian(admin, { organizationId: school, iin: pupil.iin, login: "teacher" }))).fieldErrors
        .login,
    ).toBe("diary.parentUnknown");
    expect(
      (await refusal(linkGuardian(admin, { organizationId: school, iin: "811201401188", login: "parent" }))).fieldErrors
        .iin,
    ).toBe("diary.studentUnknown");
    expect(
      (await refusal(linkGuardian(admin, { organizationId: otherSchool, iin: pupil.iin, login: "parent" }))).code,
    ).toBe("forbidden");
  });
});

describe("school analytics", () => {
  it("gives averages and attendance by class and subject and a list at risk, only for the own school", async () => {
    const a = await schoolAnalytics(admin, school, NOW);
    expect(a.term?.number).toBe(2);
    expect(a.rows.length).toBe(6); // 2 classes × 3 subjects
    for (const r of a.rows) {
      if (r.average !== null) expect(r.average).toBeGreaterThanOrEqual(1);
      expect(r.attendanceRate).not.toBeNull();
      expect(r.attendanceRate!).toBeLessThanOrEqual(100);
    }
    // the seeded brother missed three whole days
    expect(a.atRisk.some((s) => s.name === "Омаров Даурен" && s.reasons.includes("absences"))).toBe(true);
    expect((await refusal(schoolAnalytics(admin, otherSchool, NOW))).code).toBe("forbidden");
  });
});
