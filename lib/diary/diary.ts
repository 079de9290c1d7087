/**
 * The diary of a student as parents and the student see it: the week's lessons with marks, homework and
 * attendance; per subject the term's marks and how the term grade is computed; the attendance summary;
 * alerts; and the export of everything stored about the child. Every read is limited by `studentWhere`.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { toCsv, type CsvValue } from "../csv";
import type { Viewer } from "../auth/scope";
import { familyWhere, studentWhere } from "./access";
import { addDays, dateValue, dayOf, mondayOf, weekday } from "./dates";
import { isWorkingDay } from "../reporting/deadline";
import { almatyDate } from "../time";
import { computeTermGrade, type GradeWeights, type TermGradeResult } from "./grade";
import { currentTerm, weightsFor } from "./journal";

export interface ChildSummary {
  id: string;
  lastName: string;
  firstName: string;
  className: string | null;
}

/** The students whose diary the viewer reads (own children, oneself), in name order. */
export async function listChildren(viewer: Viewer): Promise<ChildSummary[]> {
  const people = await prisma.person.findMany({
    where: {
      AND: [
        studentWhere(viewer),
        { enrolments: { some: {} } },
        { OR: [{ guardians: { some: { userId: viewer.userId } } }, { users: { some: { id: viewer.userId } } }] },
      ],
    },
    select: {
      id: true,
      lastName: true,
      firstName: true,
      enrolments: {
        select: {
          endedOn: true,
          classGroup: { select: { grade: true, letter: true } },
          academicYear: { select: { startDate: true } },
        },
      },
    },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return people.map((p) => {
    // The latest year's class; within a year, the class not left (after a transfer, the school joined).
    const latest = [...p.enrolments].sort(
      (a, b) =>
        b.academicYear.startDate.getTime() - a.academicYear.startDate.getTime() ||
        Number(a.endedOn !== null) - Number(b.endedOn !== null),
    )[0];
    return {
      id: p.id,
      lastName: p.lastName,
      firstName: p.firstName,
      className: latest ? `${latest.classGroup.grade} ${latest.classGroup.letter}` : null,
    };
  });
}

/** Refuses a student outside the viewer's reach (another family's child, another class). */
async function reachableStudent(viewer: Viewer, studentId: string, family = false) {
  const student = await prisma.person.findFirst({
    where: { AND: [{ id: studentId }, family ? familyWhere(viewer) : studentWhere(viewer)] },
    select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true, iin: true },
  });
  if (!student) throw new AppError("forbidden", { studentId: "diary.notYourChild" });
  return student;
}

export interface DiaryLesson {
  id: string;
  date: string;
  period: number;
  subject: { nameKk: string; nameRu: string; nameEn: string };
  topic: string | null;
  homework: string | null;
  mark: number | null;
  attendance: "ABSENT" | "LATE" | "EXCUSED" | null;
  /** A lesson of the timetable on a coming school day that has not been put in the journal yet. */
  planned?: boolean;
}

export interface SubjectTerm {
  subjectId: string;
  subject: { nameKk: string; nameRu: string; nameEn: string };
  marks: { date: string; value: number }[];
  summatives: { kind: "SOR" | "SOCH"; number: number; date: string; points: number | null; maxPoints: number }[];
  grade: TermGradeResult | null;
  confirmed: { grade: number; percent: number } | null;
  absences: number;
}

export type DiaryAlert =
  | { kind: "absentDays"; from: string; to: string; days: number }
  | { kind: "subjectAbsences"; subject: { nameKk: string; nameRu: string; nameEn: string }; count: number }
  | { kind: "lowGrade"; subject: { nameKk: string; nameRu: string; nameEn: string }; grade: number };

export interface StudentDiary {
  student: { id: string; lastName: string; firstName: string };
  className: string;
  term: { id: string; number: number; startDate: string; endDate: string } | null;
  week: { monday: string; days: string[]; lessons: DiaryLesson[] };
  subjects: SubjectTerm[];
  attendance: { held: number; absent: number; late: number; excused: number };
  alerts: DiaryAlert[];
  weights: GradeWeights;
  today: string;
}

/** Unexcused-absence runs: school days on which the student missed every lesson, 3 in a row or more. */
export function absentDayRuns(
  lessonDays: string[],
  absentDays: Set<string>,
  min = 3,
): { from: string; to: string; days: number }[] {
  const runs: { from: string; to: string; days: number }[] = [];
  let start: string | null = null;
  let count = 0;
  let prev: string | null = null;
  const close = () => {
    if (start && prev && count >= min) runs.push({ from: start, to: prev, days: count });
  };
  for (const day of [...new Set(lessonDays)].sort()) {
    if (absentDays.has(day)) {
      if (!start) start = day;
      count++;
      prev = day;
    } else {
      close();
      start = null;
      count = 0;
      prev = null;
    }
  }
  close();
  return runs;
}

export async function loadStudentDiary(
  viewer: Viewer,
  studentId: string,
  options: { week?: string } = {},
  now = new Date(),
): Promise<StudentDiary> {
  const student = await reachableStudent(viewer, studentId);
  const today = almatyDate(now);
  const enrolment = await prisma.classEnrolment.findFirst({
    where: { studentId: student.id },
    orderBy: [{ academicYear: { startDate: "desc" } }, { endedOn: { sort: "desc", nulls: "first" } }],
    include: { classGroup: true, academicYear: { include: { terms: true } } },
  });
  if (!enrolment) throw new AppError("notFound", { studentId: "diary.notEnrolledAnywhere" });
  const classGroupId = enrolment.classGroupId;
  const term = currentTerm(enrolment.academicYear.terms, today) ?? null;
  const monday = mondayOf(options.week && /^\d{4}-\d{2}-\d{2}$/.test(options.week) ? options.week : today);
  const sunday = addDays(monday, 6);
  const weights = await weightsFor(enrolment.academicYear.label);

  const [weekLessons, assignments, slots] = await Promise.all([
    prisma.lesson.findMany({
      where: { classGroupId, date: { gte: dateValue(monday), lte: dateValue(sunday) } },
      orderBy: [{ date: "asc" }, { period: "asc" }],
      include: {
        subject: { select: { nameKk: true, nameRu: true, nameEn: true } },
        marks: { where: { studentId: student.id }, select: { value: true } },
        attendance: { where: { studentId: student.id }, select: { status: true } },
      },
    }),
    prisma.teachingAssignment.findMany({
      where: { classGroupId },
      include: { subject: true },
      orderBy: { subject: { sortOrder: "asc" } },
    }),
    prisma.timetableSlot.findMany({
      where: { classGroupId },
      orderBy: [{ weekday: "asc" }, { period: "asc" }],
      select: { weekday: true, period: true, subject: { select: { nameKk: true, nameRu: true, nameEn: true } } },
    }),
  ]);

  const subjects: SubjectTerm[] = [];
  const attendanceSummary = { held: 0, absent: 0, late: 0, excused: 0 };
  const alerts: DiaryAlert[] = [];
  if (term) {
    const [termLessons, assessments, confirmed] = await Promise.all([
      prisma.lesson.findMany({
        where: { classGroupId, termId: term.id, date: { lte: dateValue(today) } },
        select: {
          id: true,
          date: true,
          subjectId: true,
          marks: { where: { studentId: student.id }, select: { value: true } },
          attendance: { where: { studentId: student.id }, select: { status: true } },
        },
        orderBy: [{ date: "asc" }, { period: "asc" }],
      }),
      prisma.summativeAssessment.findMany({
        where: { classGroupId, termId: term.id },
        orderBy: [{ kind: "asc" }, { number: "asc" }],
        include: { results: { where: { studentId: student.id }, select: { points: true } } },
      }),
      prisma.termGrade.findMany({
        where: { termId: term.id, studentId: student.id },
        select: { subjectId: true, grade: true, percent: true },
      }),
    ]);
    for (const a of assignments) {
      const lessons = termLessons.filter((l) => l.subjectId === a.subjectId);
      const own = assessments.filter((s) => s.subjectId === a.subjectId);
      const formative = lessons.flatMap((l) => l.marks.map((m) => m.value));
      const done = (kind: "SOR" | "SOCH") =>
        own
          .filter((s) => s.kind === kind && s.results.length)
          .map((s) => ({ points: s.results[0]!.points, maxPoints: s.maxPoints }));
      const grade = computeTermGrade({ formative, sor: done("SOR"), soch: done("SOCH"), weights });
      const absences = lessons.filter((l) => l.attendance[0]?.status === "ABSENT").length;
      const c = confirmed.find((g) => g.subjectId === a.subjectId);
      subjects.push({
        subjectId: a.subjectId,
        subject: { nameKk: a.subject.nameKk, nameRu: a.subject.nameRu, nameEn: a.subject.nameEn },
        marks: lessons.flatMap((l) => l.marks.map((m) => ({ date: dayOf(l.date), value: m.value }))),
        summatives: own.map((s) => ({
          kind: s.kind,
          number: s.number,
          date: dayOf(s.date),
          points: s.results[0]?.points ?? null,
          maxPoints: s.maxPoints,
        })),
        grade,
        confirmed: c ? { grade: c.grade, percent: c.percent } : null,
        absences,
      });
      if (absences >= 5) alerts.push({ kind: "subjectAbsences", subject: subjects.at(-1)!.subject, count: absences });
      const shown = c?.grade ?? grade?.grade;
      if (shown !== undefined && shown < 3)
        alerts.push({ kind: "lowGrade", subject: subjects.at(-1)!.subject, grade: shown });
    }
    const byDay = new Map<string, { total: number; absent: number }>();
    for (const l of termLessons) {
      attendanceSummary.held++;
      const status = l.attendance[0]?.status;
      if (status === "ABSENT") attendanceSummary.absent++;
      else if (status === "LATE") attendanceSummary.late++;
      else if (status === "EXCUSED") attendanceSummary.excused++;
      const day = dayOf(l.date);
      const d = byDay.get(day) ?? { total: 0, absent: 0 };
      d.total++;
      if (status === "ABSENT") d.absent++;
      byDay.set(day, d);
    }
    const absentDays = new Set([...byDay].filter(([, d]) => d.absent === d.total).map(([day]) => day));
    for (const run of absentDayRuns([...byDay.keys()], absentDays)) alerts.unshift({ kind: "absentDays", ...run });
  }

  // Coming school days whose lessons are not in the journal yet show the timetable, so a family can plan the
  // week ahead (and sees the lessons as soon as the teacher adds them, with their homework).
  const weekDays = Array.from({ length: 6 }, (_, i) => addDays(monday, i));
  const inTerm = (day: string) =>
    enrolment.academicYear.terms.some((t) => dayOf(t.startDate) <= day && day <= dayOf(t.endDate));
  const planned: DiaryLesson[] = weekDays
    .filter((d) => d > today && inTerm(d) && !weekLessons.some((l) => dayOf(l.date) === d))
    .filter((d) => weekday(d) > 5 || isWorkingDay(d))
    .flatMap((d) =>
      slots
        .filter((s) => s.weekday === weekday(d))
        .map((s) => ({
          id: `planned:${d}:${s.period}`,
          date: d,
          period: s.period,
          subject: s.subject,
          topic: null,
          homework: null,
          mark: null,
          attendance: null,
          planned: true,
        })),
    );

  return {
    student: { id: student.id, lastName: student.lastName, firstName: student.firstName },
    className: `${enrolment.classGroup.grade} ${enrolment.classGroup.letter}`,
    term: term
      ? { id: term.id, number: term.number, startDate: dayOf(term.startDate), endDate: dayOf(term.endDate) }
      : null,
    week: {
      monday,
      days: weekDays,
      lessons: [
        ...weekLessons.map((l) => ({
          id: l.id,
          date: dayOf(l.date),
          period: l.period,
          subject: l.subject,
          topic: l.topic,
          homework: l.homework,
          mark: l.marks[0]?.value ?? null,
          attendance: l.attendance[0]?.status ?? null,
        })),
        ...planned,
      ].sort((a, b) => a.date.localeCompare(b.date) || a.period - b.period),
    },
    subjects,
    attendance: attendanceSummary,
    alerts,
    weights,
    today,
  };
}

export interface StudentExport {
  student: {
    id: string;
    iin: string;
    lastName: string;
    firstName: string;
    middleName: string | null;
    birthDate: string;
  };
  /** Every class the student was in; `from`/`to` when they joined or left during the year (a transfer). */
  enrolments: { year: string; className: string; school: string; from: string | null; to: string | null }[];
  guardians: { displayName: string; relation: string | null }[];
  marks: { date: string; subject: string; topic: string | null; value: number }[];
  attendance: { date: string; subject: string; status: string }[];
  summatives: { date: string; subject: string; kind: string; number: number; points: number; maxPoints: number }[];
  termGrades: { year: string; term: number; subject: string; grade: number; percent: number; confirmedAt: string }[];
  changes: { at: string; kind: string; oldValue: string | null; newValue: string | null; reason: string | null }[];
}

/** Everything stored about a student, for the student's parents and the student only. */
export async function exportStudent(viewer: Viewer, studentId: string): Promise<StudentExport> {
  const student = await reachableStudent(viewer, studentId, true);
  const [enrolments, guardians, marks, attendance, summatives, termGrades, changes] = await Promise.all([
    prisma.classEnrolment.findMany({
      where: { studentId: student.id },
      orderBy: [{ academicYear: { startDate: "asc" } }, { createdAt: "asc" }],
      include: { classGroup: true, academicYear: { include: { organization: { select: { nameKk: true } } } } },
    }),
    prisma.guardianship.findMany({
      where: { studentId: student.id },
      include: { user: { select: { displayName: true } } },
    }),
    prisma.mark.findMany({
      where: { studentId: student.id },
      include: { lesson: { select: { date: true, topic: true, subject: { select: { nameKk: true } } } } },
      orderBy: { lesson: { date: "asc" } },
    }),
    prisma.attendance.findMany({
      where: { studentId: student.id },
      include: { lesson: { select: { date: true, subject: { select: { nameKk: true } } } } },
      orderBy: { lesson: { date: "asc" } },
    }),
    prisma.summativeResult.findMany({
      where: { studentId: student.id },
      include: { assessment: { include: { subject: { select: { nameKk: true } } } } },
      orderBy: { assessment: { date: "asc" } },
    }),
    prisma.termGrade.findMany({
      where: { studentId: student.id },
      include: {
        subject: { select: { nameKk: true } },
        term: { include: { academicYear: { select: { label: true } } } },
      },
    }),
    prisma.markChange.findMany({ where: { studentId: student.id }, orderBy: { changedAt: "asc" } }),
  ]);
  return {
    student: {
      id: student.id,
      iin: student.iin,
      lastName: student.lastName,
      firstName: student.firstName,
      middleName: student.middleName,
      birthDate: dayOf(student.birthDate),
    },
    enrolments: enrolments.map((e) => ({
      year: e.academicYear.label,
      className: `${e.classGroup.grade} ${e.classGroup.letter}`,
      school: e.academicYear.organization.nameKk,
      from: e.startedOn ? dayOf(e.startedOn) : null,
      to: e.endedOn ? dayOf(e.endedOn) : null,
    })),
    guardians: guardians.map((g) => ({ displayName: g.user.displayName, relation: g.relation })),
    marks: marks.map((m) => ({
      date: dayOf(m.lesson.date),
      subject: m.lesson.subject.nameKk,
      topic: m.lesson.topic,
      value: m.value,
    })),
    attendance: attendance.map((a) => ({
      date: dayOf(a.lesson.date),
      subject: a.lesson.subject.nameKk,
      status: a.status,
    })),
    summatives: summatives.map((s) => ({
      date: dayOf(s.assessment.date),
      subject: s.assessment.subject.nameKk,
      kind: s.assessment.kind,
      number: s.assessment.number,
      points: s.points,
      maxPoints: s.assessment.maxPoints,
    })),
    termGrades: termGrades.map((g) => ({
      year: g.term.academicYear.label,
      term: g.term.number,
      subject: g.subject.nameKk,
      grade: g.grade,
      percent: Math.round(g.percent * 10) / 10,
      confirmedAt: g.confirmedAt.toISOString(),
    })),
    changes: changes.map((c) => ({
      at: c.changedAt.toISOString(),
      kind: c.kind,
      oldValue: c.oldValue,
      newValue: c.newValue,
      reason: c.reason,
    })),
  };
}

/** The words of the CSV export in the reader's language (headers, kinds of record, attendance codes). */
export interface ExportLabels {
  headers: Record<"record" | "date" | "subject" | "detail" | "value" | "max", string>;
  kinds: Record<"student" | "class" | "mark" | "attendance" | "sor" | "soch" | "term_grade", string>;
  statuses: Record<"ABSENT" | "LATE" | "EXCUSED", string>;
  /** "СОР 2": a summative assessment's name with its number. */
  summative: (kind: "SOR" | "SOCH", number: number) => string;
}

/** The export as one CSV table: record, date, subject, detail, value, max — in the reader's language. */
/** The CSV of the export (UTF-8, the rows of `exportRows`). */
export function exportCsv(data: StudentExport, labels: ExportLabels): string {
  return toCsv(exportRows(data, labels));
}

/** The export as one table, headers and record kinds in the reader's language: for the CSV and the XLSX. */
export function exportRows(data: StudentExport, labels: ExportLabels): CsvValue[][] {
  const { headers: h, kinds: k } = labels;
  const rows: CsvValue[][] = [[h.record, h.date, h.subject, h.detail, h.value, h.max]];
  rows.push([
    k.student,
    data.student.birthDate,
    "",
    `${data.student.lastName} ${data.student.firstName} ${data.student.middleName ?? ""}`.trim(),
    data.student.iin,
    "",
  ]);
  for (const e of data.enrolments)
    rows.push([
      k.class,
      e.year,
      "",
      e.from || e.to ? `${e.school} (${e.from ?? ""}…${e.to ?? ""})` : e.school,
      e.className,
      "",
    ]);
  for (const m of data.marks) rows.push([k.mark, m.date, m.subject, m.topic ?? "", m.value, 10]);
  for (const a of data.attendance)
    rows.push([k.attendance, a.date, a.subject, "", labels.statuses[a.status as "ABSENT"] ?? a.status, ""]);
  for (const s of data.summatives)
    rows.push([
      s.kind === "SOR" ? k.sor : k.soch,
      s.date,
      s.subject,
      labels.summative(s.kind === "SOR" ? "SOR" : "SOCH", s.number),
      s.points,
      s.maxPoints,
    ]);
  for (const g of data.termGrades)
    rows.push([k.term_grade, g.confirmedAt.slice(0, 10), g.subject, `${g.year} / ${g.term}`, g.grade, `${g.percent}%`]);
  return rows;
}
