/**
 * A school administrator's set-up of the e-diary: the academic year with its quarters, classes, teaching
 * assignments, students imported from CSV (IIN checked, one class per school and year, all or nothing),
 * and the school's analytics (averages and attendance by class and subject, students at risk).
 * Every function is limited to the schools the viewer administers (`diary.manage`).
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { openSource, type SourceRow } from "../import/reader";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { scopeOf, type Viewer } from "../auth/scope";
import { rolesWith } from "../auth/permissions";
import { parseIin } from "../identity";
import { dateValue, dayOf } from "./dates";
import { almatyDate } from "../time";
import { currentTerm } from "./journal";
import { NAMED } from "../names";
import { checkRecordAttributes } from "../registry/attributes";
import type { AttributeValues } from "../registry/attribute-schemas";

type Tx = Prisma.TransactionClient;

/** Schools the viewer administers in the diary. */
export function managedSchools(viewer: Viewer): string[] {
  const { scope } = authorizeViewer(viewer, "diary.manage");
  return scope.all ? [] : scope.organizationIds;
}

/**
 * The school a set-up page works on: the requested one when the viewer administers it, else their first;
 * null for a viewer who administers no school (the page then says it is for school administrators).
 */
export function chosenSchool(viewer: Viewer | null, requested: unknown): string | null {
  if (!viewer || !scopeOf(viewer, "diary.manage")) return null;
  const schools = managedSchools(viewer);
  return schools.find((s) => s === requested) ?? schools[0] ?? null;
}

function ensureSchool(viewer: Viewer, organizationId: string): void {
  if (!managedSchools(viewer).includes(organizationId))
    throw new AppError("forbidden", { organizationId: "diary.notYourSchool" });
}

async function yearInScope(tx: Tx, viewer: Viewer, academicYearId: string) {
  const year = await tx.academicYear.findFirst({
    where: { id: academicYearId, organizationId: { in: managedSchools(viewer) } },
    include: { terms: { orderBy: { number: "asc" } } },
  });
  if (!year) throw new AppError("notFound", { academicYearId: "diary.yearUnknown" });
  return year;
}

async function classInScope(tx: Tx, viewer: Viewer, classGroupId: string) {
  const c = await tx.classGroup.findFirst({
    where: { id: classGroupId, organizationId: { in: managedSchools(viewer) } },
  });
  if (!c) throw new AppError("notFound", { classGroupId: "diary.classUnknown" });
  return c;
}

async function teacherOfSchool(tx: Tx, organizationId: string, userId: string): Promise<boolean> {
  return (
    (await tx.roleAssignment.count({
      where: { userId, role: { in: [...rolesWith("diary.teach")] }, organizationId, user: { active: true } },
    })) > 0
  );
}

/** Default quarters of a school year starting in `year` (autumn, winter, spring breaks between them). */
export function defaultQuarters(year: number): [number, string, string][] {
  return [
    [1, `${year}-09-01`, `${year}-10-26`],
    [2, `${year}-11-03`, `${year}-12-26`],
    [3, `${year + 1}-01-08`, `${year + 1}-03-19`],
    [4, `${year + 1}-03-30`, `${year + 1}-05-25`],
  ];
}

export async function createYear(
  viewer: Viewer,
  input: { organizationId: string; startYear: number },
): Promise<{ id: string }> {
  ensureSchool(viewer, input.organizationId);
  const label = `${input.startYear}/${input.startYear + 1}`;
  const quarters = defaultQuarters(input.startYear);
  return prisma.$transaction(async (tx) => {
    if (await tx.academicYear.findFirst({ where: { organizationId: input.organizationId, label } }))
      throw new AppError("duplicate", { startYear: "diary.yearExists" });
    const year = await tx.academicYear.create({
      data: {
        organizationId: input.organizationId,
        label,
        startDate: dateValue(quarters[0]![1]),
        endDate: dateValue(quarters[3]![2]),
      },
    });
    await tx.term.createMany({
      data: quarters.map(([number, from, to]) => ({
        academicYearId: year.id,
        organizationId: input.organizationId,
        number,
        startDate: dateValue(from),
        endDate: dateValue(to),
      })),
    });
    return { id: year.id };
  });
}

/** Moves a term's dates: inside the year, start before end, no overlap with the other terms. */
export async function updateTerm(
  viewer: Viewer,
  input: { termId: string; startDate: string; endDate: string },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const term = await tx.term.findFirst({
      where: { id: input.termId, organizationId: { in: managedSchools(viewer) } },
    });
    if (!term) throw new AppError("notFound", { termId: "diary.termUnknown" });
    const year = await yearInScope(tx, viewer, term.academicYearId);
    if (input.endDate < input.startDate) throw new AppError("validation", { endDate: "diary.endBeforeStart" });
    const others = year.terms.filter((t) => t.id !== term.id);
    if (others.some((t) => input.startDate <= dayOf(t.endDate) && dayOf(t.startDate) <= input.endDate))
      throw new AppError("validation", { startDate: "diary.termsOverlap" });
    const startDate = input.startDate < dayOf(year.startDate) ? input.startDate : dayOf(year.startDate);
    const endDate = input.endDate > dayOf(year.endDate) ? input.endDate : dayOf(year.endDate);
    await tx.term.update({
      where: { id: term.id },
      data: { startDate: dateValue(input.startDate), endDate: dateValue(input.endDate) },
    });
    await tx.academicYear.update({
      where: { id: year.id },
      data: { startDate: dateValue(startDate), endDate: dateValue(endDate) },
    });
  });
}

export async function createClass(
  viewer: Viewer,
  input: {
    academicYearId: string;
    grade: number;
    letter: string;
    languageId?: string;
    homeroomTeacherId?: string;
    attributes?: Record<string, string>;
  },
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const year = await yearInScope(tx, viewer, input.academicYearId);
    if (input.homeroomTeacherId && !(await teacherOfSchool(tx, year.organizationId, input.homeroomTeacherId)))
      throw new AppError("validation", { homeroomTeacherId: "diary.notATeacher" });
    if (
      input.languageId &&
      !(await tx.classifierItem.count({ where: { id: input.languageId, classifier: { code: "LANGUAGE" } } }))
    )
      throw new AppError("validation", { languageId: "validation.invalidOption" });
    if (await tx.classGroup.findFirst({ where: { academicYearId: year.id, grade: input.grade, letter: input.letter } }))
      throw new AppError("duplicate", { letter: "diary.classExists" });
    // the class's custom attributes, checked by the one schema built from the definitions of classes
    const attributes = await checkRecordAttributes(tx, "CLASS", year.organizationId, input.attributes ?? {});
    const c = await tx.classGroup.create({
      data: {
        organizationId: year.organizationId,
        academicYearId: year.id,
        grade: input.grade,
        letter: input.letter,
        languageId: input.languageId || null,
        homeroomTeacherId: input.homeroomTeacherId || null,
        attributes,
      },
    });
    return { id: c.id };
  });
}

export async function createAssignment(
  viewer: Viewer,
  input: { classGroupId: string; subjectId: string; teacherId: string },
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const c = await classInScope(tx, viewer, input.classGroupId);
    if (!(await tx.classifierItem.count({ where: { id: input.subjectId, classifier: { code: "SUBJECT" } } })))
      throw new AppError("validation", { subjectId: "diary.subjectUnknown" });
    if (!(await teacherOfSchool(tx, c.organizationId, input.teacherId)))
      throw new AppError("validation", { teacherId: "diary.notATeacher" });
    if (await tx.teachingAssignment.findFirst({ where: { classGroupId: c.id, subjectId: input.subjectId } }))
      throw new AppError("duplicate", { subjectId: "diary.assignmentExists" });
    const a = await tx.teachingAssignment.create({
      data: {
        organizationId: c.organizationId,
        classGroupId: c.id,
        subjectId: input.subjectId,
        teacherId: input.teacherId,
      },
    });
    return { id: a.id };
  });
}

export interface ImportRow {
  line: number;
  iin: string;
  lastName: string;
  firstName: string;
  middleName: string;
}

/**
 * The students of "iin,last name,first name[,middle name]" rows: a first line that does not start with a
 * digit is a header; empty lines are skipped. In a workbook an IIN kept as a number (leading zero lost) gets
 * its 12 digits back.
 */
async function studentRows(records: AsyncIterable<SourceRow>, fromSheet = false): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const record of records) {
    const cells = record.cells.map((c) => c.trim());
    if (!cells.some(Boolean)) continue;
    if (record.line === 1 && !/^\d/.test(cells[0] ?? "")) continue; // header
    const iin = cells[0] ?? "";
    rows.push({
      line: record.line,
      iin: fromSheet && /^\d{1,11}$/.test(iin) ? iin.padStart(12, "0") : iin,
      lastName: cells[1] ?? "",
      firstName: cells[2] ?? "",
      middleName: cells[3] ?? "",
    });
    if (rows.length > MAX_STUDENT_ROWS) break; // refused as too many; the rest is not read
  }
  return rows;
}

const MAX_STUDENT_ROWS = 2000;

/**
 * The import reader's refusals in the diary's terms: the form's field is `csv`, a file that cannot be read
 * gets the diary's own messages, a zip over the limits keeps its 413.
 */
function asDiaryError(error: unknown, kind: "csv" | "xlsx"): unknown {
  if (!(error instanceof AppError) || !error.fieldErrors.file) return error;
  const key = error.fieldErrors.file;
  const diaryKey =
    key === "import.empty"
      ? "diary.import.empty"
      : key.startsWith("files.")
        ? key
        : kind === "xlsx"
          ? "diary.import.badXlsx"
          : key === "import.undecodable"
            ? key
            : "diary.import.badCsv";
  return new AppError(error.code, { csv: diaryKey }, error.params, error.options);
}

/**
 * Parses a CSV file of students with the one import reader (separator `,` `;` or tab and the encoding —
 * UTF-8 with or without BOM, Windows-1251 — detected; RFC 4180 quotes; a header line is skipped).
 */
export async function parseStudentCsv(data: string | Uint8Array): Promise<ImportRow[]> {
  try {
    const bytes = typeof data === "string" ? new Uint8Array(Buffer.from(data, "utf8")) : data;
    return await studentRows((await openSource("students.csv", bytes)).rows);
  } catch (error) {
    throw asDiaryError(error, "csv");
  }
}

/**
 * The first sheet of an XLSX file read by the import reader (the zip guard first: a zip bomb is refused with
 * 413 before ExcelJS opens it), numbered by sheet row so that problems are reported by the row numbers
 * people see in their spreadsheet.
 */
async function xlsxStudents(data: Buffer): Promise<ImportRow[]> {
  try {
    return await studentRows((await openSource("students.xlsx", new Uint8Array(data))).rows, true);
  } catch (error) {
    throw asDiaryError(error, "xlsx");
  }
}

/**
 * Imports students into a class: each row's IIN is checked (check digit, birth date); an existing person
 * is reused, a new one is created in the school; a student already in another class of the school this
 * year, a repeated IIN or a missing name refuses the row. Any refused row refuses the whole file (field
 * errors `rows.<line>` → message key) and nothing is written.
 */
export async function importStudents(
  viewer: Viewer,
  input: { classGroupId: string; csv?: string; xlsx?: string },
): Promise<{ imported: number; created: number }> {
  // the class must be in the viewer's schools before a byte of the file is parsed
  await classInScope(prisma, viewer, input.classGroupId);
  const rows = input.xlsx
    ? await xlsxStudents(Buffer.from(input.xlsx, "base64"))
    : await parseStudentCsv(input.csv ?? "");
  if (rows.length === 0) throw new AppError("validation", { csv: "diary.import.empty" });
  if (rows.length > MAX_STUDENT_ROWS) throw new AppError("validation", { csv: "diary.import.tooMany" });
  return prisma.$transaction(async (tx) => {
    const c = await classInScope(tx, viewer, input.classGroupId);
    const problems: Record<string, string> = {};
    const seen = new Set<string>();
    for (const row of rows) {
      const parsed = parseIin(row.iin);
      if (!parsed.ok) problems[`rows.${row.line}`] = `iin.${parsed.problem}`;
      else if (seen.has(row.iin)) problems[`rows.${row.line}`] = "diary.import.duplicateRow";
      else if (!row.lastName || !row.firstName || row.lastName.length > 100 || row.firstName.length > 100)
        problems[`rows.${row.line}`] = "diary.import.name";
      seen.add(row.iin);
    }
    const iins = rows.filter((r) => !problems[`rows.${r.line}`]).map((r) => r.iin);
    const people = await tx.person.findMany({
      where: { iin: { in: iins } },
      select: {
        id: true,
        iin: true,
        enrolments: { where: { academicYearId: c.academicYearId }, select: { classGroupId: true } },
      },
    });
    const byIin = new Map(people.map((p) => [p.iin, p]));
    for (const row of rows) {
      const enrolment = byIin.get(row.iin)?.enrolments[0];
      if (enrolment && enrolment.classGroupId !== c.id && !problems[`rows.${row.line}`])
        problems[`rows.${row.line}`] = "diary.import.otherClass";
    }
    if (Object.keys(problems).length)
      throw new AppError("validation", problems, { count: Object.keys(problems).length });
    let created = 0;
    let imported = 0;
    for (const row of rows) {
      let person = byIin.get(row.iin);
      if (!person) {
        const facts = (parseIin(row.iin) as { ok: true; facts: { birthDate: string; sex: "MALE" | "FEMALE" } }).facts;
        const p = await tx.person.create({
          data: {
            iin: row.iin,
            lastName: row.lastName,
            firstName: row.firstName,
            middleName: row.middleName || null,
            birthDate: dateValue(facts.birthDate),
            sex: facts.sex,
            organizationId: c.organizationId,
          },
          select: { id: true, iin: true },
        });
        person = { ...p, enrolments: [] };
        created++;
      }
      if (person.enrolments.length) continue; // already in this class
      await tx.classEnrolment.create({
        data: {
          organizationId: c.organizationId,
          academicYearId: c.academicYearId,
          classGroupId: c.id,
          studentId: person.id,
        },
      });
      imported++;
    }
    return { imported, created };
  });
}

export interface SchoolSetup {
  school: { id: string; nameKk: string; nameRu: string; nameEn: string; kind: { code: string } };
  years: {
    id: string;
    label: string;
    terms: { id: string; number: number; startDate: string; endDate: string }[];
    classes: {
      id: string;
      grade: number;
      letter: string;
      homeroom: string | null;
      students: number;
      /** Custom attribute values by code. */
      attributes: AttributeValues;
      assignments: { id: string; subject: { nameKk: string; nameRu: string; nameEn: string }; teacher: string }[];
    }[];
  }[];
  teachers: { id: string; displayName: string }[];
  subjects: { id: string; nameKk: string; nameRu: string; nameEn: string }[];
  languages: { id: string; nameKk: string; nameRu: string; nameEn: string }[];
}

export async function loadSetup(viewer: Viewer, organizationId: string): Promise<SchoolSetup> {
  ensureSchool(viewer, organizationId);
  const [school, years, teachers, subjects, languages] = await Promise.all([
    prisma.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { ...NAMED, kind: { select: { code: true } } },
    }),
    prisma.academicYear.findMany({
      where: { organizationId },
      orderBy: { startDate: "desc" },
      include: {
        terms: { orderBy: { number: "asc" } },
        classes: {
          orderBy: [{ grade: "asc" }, { letter: "asc" }],
          include: {
            homeroomTeacher: { select: { displayName: true } },
            _count: { select: { enrolments: { where: { endedOn: null } } } },
            assignments: {
              include: {
                subject: { select: { nameKk: true, nameRu: true, nameEn: true, sortOrder: true } },
                teacher: { select: { displayName: true } },
              },
            },
          },
        },
      },
    }),
    prisma.user.findMany({
      where: { active: true, roles: { some: { role: { in: [...rolesWith("diary.teach")] }, organizationId } } },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
    prisma.classifierItem.findMany({
      where: { classifier: { code: "SUBJECT" } },
      select: NAMED,
      orderBy: { sortOrder: "asc" },
    }),
    prisma.classifierItem.findMany({
      where: { classifier: { code: "LANGUAGE" } },
      select: NAMED,
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  return {
    school,
    years: years.map((y) => ({
      id: y.id,
      label: y.label,
      terms: y.terms.map((t) => ({
        id: t.id,
        number: t.number,
        startDate: dayOf(t.startDate),
        endDate: dayOf(t.endDate),
      })),
      classes: y.classes.map((c) => ({
        id: c.id,
        grade: c.grade,
        letter: c.letter,
        homeroom: c.homeroomTeacher?.displayName ?? null,
        students: c._count.enrolments,
        attributes: (c.attributes ?? {}) as AttributeValues,
        assignments: [...c.assignments]
          .sort((a, b) => a.subject.sortOrder - b.subject.sortOrder)
          .map((a) => ({ id: a.id, subject: a.subject, teacher: a.teacher.displayName })),
      })),
    })),
    teachers,
    subjects,
    languages,
  };
}

export interface SchoolAnalytics {
  term: { id: string; number: number } | null;
  rows: {
    classGroupId: string;
    className: string;
    subject: { nameKk: string; nameRu: string; nameEn: string };
    average: number | null;
    marks: number;
    attendanceRate: number | null;
  }[];
  atRisk: {
    studentId: string;
    name: string;
    className: string;
    absences: number;
    lessons: number;
    average: number | null;
    reasons: ("absences" | "lowAverage")[];
  }[];
}

/**
 * Averages (formative marks, 10-point scale) and attendance by class and subject for the current term of
 * the school's year under way, and the students at risk: absent without excuse from at least 15 % of the
 * lessons held, or a formative average below 4.
 */
export async function schoolAnalytics(
  viewer: Viewer,
  organizationId: string,
  now = new Date(),
): Promise<SchoolAnalytics> {
  ensureSchool(viewer, organizationId);
  // the year under way (or the latest one that has started), else the first planned one
  const year =
    (await prisma.academicYear.findFirst({
      where: { organizationId, startDate: { lte: dateValue(almatyDate(now)) } },
      orderBy: { startDate: "desc" },
      include: { terms: true },
    })) ??
    (await prisma.academicYear.findFirst({
      where: { organizationId },
      orderBy: { startDate: "asc" },
      include: { terms: true },
    }));
  const term = year ? currentTerm(year.terms, almatyDate(now)) : undefined;
  if (!year || !term) return { term: null, rows: [], atRisk: [] };
  const today = dateValue(almatyDate(now));
  const lessonWhere = { organizationId, termId: term.id, date: { lte: today } };
  const [classes, subjects, lessons, markGroups, absenceGroups, enrolments, studentMarks, studentAbsences] =
    await Promise.all([
      prisma.classGroup.findMany({
        where: { academicYearId: year.id },
        select: {
          id: true,
          grade: true,
          letter: true,
          _count: { select: { enrolments: { where: { endedOn: null } } } },
        },
      }),
      prisma.classifierItem.findMany({
        where: { classifier: { code: "SUBJECT" } },
        select: NAMED,
      }),
      prisma.lesson.groupBy({ by: ["classGroupId", "subjectId"], where: lessonWhere, _count: { _all: true } }),
      prisma.$queryRawUnsafe<{ classGroupId: string; subjectId: string; n: bigint | number; avg: number | null }[]>(
        `SELECT l."classGroupId", l."subjectId", COUNT(*) AS n, AVG(m.value)::float8 AS avg FROM "Mark" m JOIN "Lesson" l ON l.id = m."lessonId"
       WHERE l."organizationId" = $1 AND l."termId" = $2 AND l.date <= $3 GROUP BY l."classGroupId", l."subjectId"`,
        organizationId,
        term.id,
        today,
      ),
      prisma.$queryRawUnsafe<{ classGroupId: string; subjectId: string; n: bigint | number }[]>(
        `SELECT l."classGroupId", l."subjectId", COUNT(*) AS n FROM "Attendance" a JOIN "Lesson" l ON l.id = a."lessonId"
       WHERE l."organizationId" = $1 AND l."termId" = $2 AND l.date <= $3 AND a.status = 'ABSENT' GROUP BY l."classGroupId", l."subjectId"`,
        organizationId,
        term.id,
        today,
      ),
      prisma.classEnrolment.findMany({
        where: { academicYearId: year.id },
        select: { classGroupId: true, student: { select: { id: true, lastName: true, firstName: true } } },
      }),
      prisma.$queryRawUnsafe<{ studentId: string; n: bigint | number; avg: number | null }[]>(
        `SELECT m."studentId", COUNT(*) AS n, AVG(m.value)::float8 AS avg FROM "Mark" m JOIN "Lesson" l ON l.id = m."lessonId"
       WHERE l."organizationId" = $1 AND l."termId" = $2 AND l.date <= $3 GROUP BY m."studentId"`,
        organizationId,
        term.id,
        today,
      ),
      prisma.$queryRawUnsafe<{ studentId: string; n: bigint | number }[]>(
        `SELECT a."studentId", COUNT(*) AS n FROM "Attendance" a JOIN "Lesson" l ON l.id = a."lessonId"
       WHERE l."organizationId" = $1 AND l."termId" = $2 AND l.date <= $3 AND a.status = 'ABSENT' GROUP BY a."studentId"`,
        organizationId,
        term.id,
        today,
      ),
    ]);
  const className = new Map(classes.map((c) => [c.id, `${c.grade} ${c.letter}`]));
  const size = new Map(classes.map((c) => [c.id, c._count.enrolments]));
  const subjectById = new Map(subjects.map((s) => [s.id, s]));
  const k = (a: string, b: string) => `${a}:${b}`;
  const marksBy = new Map(markGroups.map((g) => [k(g.classGroupId, g.subjectId), g]));
  const absBy = new Map(absenceGroups.map((g) => [k(g.classGroupId, g.subjectId), Number(g.n)]));
  const rows = lessons
    .map((l) => {
      const m = marksBy.get(k(l.classGroupId, l.subjectId));
      const possible = l._count._all * (size.get(l.classGroupId) ?? 0);
      const absent = absBy.get(k(l.classGroupId, l.subjectId)) ?? 0;
      return {
        classGroupId: l.classGroupId,
        className: className.get(l.classGroupId) ?? "",
        subject: subjectById.get(l.subjectId) ?? { nameKk: "", nameRu: "", nameEn: "" },
        average: m?.avg ?? null,
        marks: Number(m?.n ?? 0),
        attendanceRate: possible ? ((possible - absent) / possible) * 100 : null,
      };
    })
    .sort((a, b) => a.className.localeCompare(b.className) || a.subject.nameKk.localeCompare(b.subject.nameKk));

  const lessonsPerClass = new Map<string, number>();
  for (const l of lessons)
    lessonsPerClass.set(l.classGroupId, (lessonsPerClass.get(l.classGroupId) ?? 0) + l._count._all);
  const avgBy = new Map(studentMarks.map((s) => [s.studentId, s.avg]));
  const absentBy = new Map(studentAbsences.map((s) => [s.studentId, Number(s.n)]));
  const atRisk: SchoolAnalytics["atRisk"] = [];
  for (const e of enrolments) {
    const held = lessonsPerClass.get(e.classGroupId) ?? 0;
    const absences = absentBy.get(e.student.id) ?? 0;
    const average = avgBy.get(e.student.id) ?? null;
    const reasons: ("absences" | "lowAverage")[] = [];
    if (held > 0 && absences / held >= 0.15) reasons.push("absences");
    if (average !== null && average < 4) reasons.push("lowAverage");
    if (reasons.length)
      atRisk.push({
        studentId: e.student.id,
        name: `${e.student.lastName} ${e.student.firstName}`,
        className: className.get(e.classGroupId) ?? "",
        absences,
        lessons: held,
        average,
        reasons,
      });
  }
  atRisk.sort((a, b) => b.reasons.length - a.reasons.length || b.absences - a.absences);
  return { term: { id: term.id, number: term.number }, rows, atRisk };
}

/**
 * Links a parent's account to a student of the school: the student by IIN (enrolled in a class of the
 * school), the parent by login (holding the PARENT role in the school).
 */
export async function linkGuardian(
  viewer: Viewer,
  input: { organizationId: string; iin: string; login: string; relation?: string },
): Promise<{ id: string }> {
  ensureSchool(viewer, input.organizationId);
  return prisma.$transaction(async (tx) => {
    const student = await tx.person.findFirst({
      where: { iin: input.iin, enrolments: { some: { organizationId: input.organizationId } } },
      select: { id: true },
    });
    if (!student) throw new AppError("validation", { iin: "diary.studentUnknown" });
    const parent = await tx.user.findFirst({
      where: {
        login: input.login,
        active: true,
        roles: { some: { role: { in: [...rolesWith("diary.family")] }, organizationId: input.organizationId } },
      },
      select: { id: true },
    });
    if (!parent) throw new AppError("validation", { login: "diary.parentUnknown" });
    if (await tx.guardianship.findUnique({ where: { userId_studentId: { userId: parent.id, studentId: student.id } } }))
      throw new AppError("duplicate", { login: "diary.guardianExists" });
    const g = await tx.guardianship.create({
      data: { userId: parent.id, studentId: student.id, relation: input.relation || null },
    });
    return { id: g.id };
  });
}
