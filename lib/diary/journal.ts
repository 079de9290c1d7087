/**
 * The class journal: reading a class × subject × term grid, saving batches of cells (formative marks,
 * attendance, summative points, lesson topic and homework) in one transaction, adding СОР/СОЧ columns,
 * confirming term grades (which closes the term for the class and subject) and the change history.
 *
 * A batch is checked as a whole before anything is written: a mark outside 1–10, a mark or attendance on a
 * lesson not yet held, a student not in the class, points above the maximum, a change after closing without
 * a reason — each refuses the whole batch with a field error per offending change (`changes.<index>`).
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { holds, organizationsWith, type Viewer } from "../auth/scope";
import { assignmentWriteWhere, classReadWhere } from "./access";
import { dateValue, dayOf } from "./dates";
import { almatyDate } from "../time";
import { notifyAbsences, notifyTermGrades } from "./alerts";
import { computeTermGrade, DEFAULT_WEIGHTS, gradeWeightsSchema, type GradeWeights, type TermGradeInput } from "./grade";
import type { AssessmentCreate, JournalChange, JournalKey, JournalSave } from "./schemas";

type Tx = Prisma.TransactionClient;

export const cellKey = (a: string, b: string) => `${a}:${b}`;

export interface JournalData {
  classGroup: { id: string; grade: number; letter: string };
  subject: { id: string; nameKk: string; nameRu: string; nameEn: string };
  term: { id: string; number: number; startDate: string; endDate: string };
  terms: { id: string; number: number }[];
  students: { id: string; lastName: string; firstName: string }[];
  lessons: { id: string; date: string; period: number; topic: string; homework: string }[];
  assessments: { id: string; kind: "SOR" | "SOCH"; number: number; date: string; maxPoints: number; title: string }[];
  marks: Record<string, number>;
  attendance: Record<string, "ABSENT" | "LATE" | "EXCUSED">;
  results: Record<string, number>;
  confirmed: Record<string, { grade: number; percent: number }>;
  closed: { at: string; by: string } | null;
  weights: GradeWeights;
  editable: boolean;
  today: string;
}

/** The weights of the school year of a term (the ministry's setting, or the default 25/25/50). */
export async function weightsFor(yearLabel: string, tx: Tx = prisma): Promise<GradeWeights> {
  const row = await tx.gradeWeights.findUnique({ where: { schoolYear: yearLabel } });
  if (!row) return { ...DEFAULT_WEIGHTS };
  const parsed = gradeWeightsSchema.safeParse(row);
  return parsed.success ? parsed.data : { ...DEFAULT_WEIGHTS };
}

/** The term of a year that contains `day`; before the first term the first, after the last the last. */
export function currentTerm<T extends { startDate: Date; endDate: Date; number: number }>(
  terms: T[],
  day: string,
): T | undefined {
  const sorted = [...terms].sort((a, b) => a.number - b.number);
  return (
    sorted.find((t) => dayOf(t.startDate) <= day && day <= dayOf(t.endDate)) ??
    [...sorted].reverse().find((t) => dayOf(t.startDate) <= day) ??
    sorted[0]
  );
}

/** Class × subject × term the viewer may read; refuses other classes and subjects not taught there. */
async function journalScope(
  tx: Tx,
  viewer: Viewer,
  key: { classGroupId: string; subjectId: string; termId?: string },
  now: Date,
) {
  const classGroup = await tx.classGroup.findFirst({
    where: { AND: [{ id: key.classGroupId }, classReadWhere(viewer)] },
    include: { academicYear: { include: { terms: { orderBy: { number: "asc" } } } } },
  });
  if (!classGroup) throw new AppError("forbidden", { classGroupId: "diary.notYourClass" });
  const assignment = await tx.teachingAssignment.findFirst({
    where: { classGroupId: classGroup.id, subjectId: key.subjectId },
    include: { subject: true },
  });
  if (!assignment) throw new AppError("notFound", { subjectId: "diary.subjectUnknown" });
  const terms = classGroup.academicYear.terms;
  const term = key.termId ? terms.find((t) => t.id === key.termId) : currentTerm(terms, almatyDate(now));
  if (!term) throw new AppError("notFound", { termId: "diary.termUnknown" });
  return { classGroup, assignment, term, terms };
}

export async function loadJournal(
  viewer: Viewer,
  key: { classGroupId: string; subjectId: string; termId?: string },
  now = new Date(),
): Promise<JournalData> {
  const { classGroup, assignment, term, terms } = await journalScope(prisma, viewer, key, now);
  const where = { classGroupId: classGroup.id, subjectId: assignment.subjectId, termId: term.id };
  const [enrolments, lessons, assessments, closure, confirmed, weights, writable] = await Promise.all([
    // Students in the class now (one who left, e.g. by a transfer, keeps their marks but leaves the journal).
    prisma.classEnrolment.findMany({
      where: { classGroupId: classGroup.id, endedOn: null },
      select: { student: { select: { id: true, lastName: true, firstName: true } } },
      orderBy: [{ student: { lastName: "asc" } }, { student: { firstName: "asc" } }],
    }),
    prisma.lesson.findMany({
      where,
      orderBy: [{ date: "asc" }, { period: "asc" }],
      select: { id: true, date: true, period: true, topic: true, homework: true },
    }),
    prisma.summativeAssessment.findMany({ where, orderBy: [{ kind: "asc" }, { number: "asc" }] }),
    prisma.termClosure.findUnique({
      where: { classGroupId_subjectId_termId: where },
      include: { closedBy: { select: { displayName: true } } },
    }),
    prisma.termGrade.findMany({ where, select: { studentId: true, grade: true, percent: true } }),
    weightsFor(classGroup.academicYear.label),
    holds(viewer, "diary.teach")
      ? prisma.teachingAssignment.count({ where: { AND: [{ id: assignment.id }, assignmentWriteWhere(viewer)] } })
      : Promise.resolve(0),
  ]);
  const lessonIds = lessons.map((l) => l.id);
  const [marks, attendance, results] = await Promise.all([
    prisma.mark.findMany({
      where: { lessonId: { in: lessonIds } },
      select: { lessonId: true, studentId: true, value: true },
    }),
    prisma.attendance.findMany({
      where: { lessonId: { in: lessonIds } },
      select: { lessonId: true, studentId: true, status: true },
    }),
    prisma.summativeResult.findMany({
      where: { assessmentId: { in: assessments.map((a) => a.id) } },
      select: { assessmentId: true, studentId: true, points: true },
    }),
  ]);
  return {
    classGroup: { id: classGroup.id, grade: classGroup.grade, letter: classGroup.letter },
    subject: {
      id: assignment.subject.id,
      nameKk: assignment.subject.nameKk,
      nameRu: assignment.subject.nameRu,
      nameEn: assignment.subject.nameEn,
    },
    term: { id: term.id, number: term.number, startDate: dayOf(term.startDate), endDate: dayOf(term.endDate) },
    terms: terms.map((t) => ({ id: t.id, number: t.number })),
    students: enrolments.map((e) => e.student),
    lessons: lessons.map((l) => ({
      id: l.id,
      date: dayOf(l.date),
      period: l.period,
      topic: l.topic ?? "",
      homework: l.homework ?? "",
    })),
    assessments: assessments.map((a) => ({
      id: a.id,
      kind: a.kind,
      number: a.number,
      date: dayOf(a.date),
      maxPoints: a.maxPoints,
      title: a.title ?? "",
    })),
    marks: Object.fromEntries(marks.map((m) => [cellKey(m.lessonId, m.studentId), m.value])),
    attendance: Object.fromEntries(attendance.map((a) => [cellKey(a.lessonId, a.studentId), a.status])),
    results: Object.fromEntries(results.map((r) => [cellKey(r.assessmentId, r.studentId), r.points])),
    confirmed: Object.fromEntries(confirmed.map((g) => [g.studentId, { grade: g.grade, percent: g.percent }])),
    closed: closure ? { at: closure.closedAt.toISOString(), by: closure.closedBy.displayName } : null,
    weights,
    editable: writable > 0,
    today: almatyDate(now),
  };
}

/** Classes and subjects whose journal the viewer may open, for the picker. */
export async function journalChoices(viewer: Viewer) {
  const classes = await prisma.classGroup.findMany({
    where: classReadWhere(viewer),
    include: {
      academicYear: { select: { label: true } },
      assignments: {
        include: { subject: { select: { id: true, nameKk: true, nameRu: true, nameEn: true, sortOrder: true } } },
      },
    },
    orderBy: [{ grade: "asc" }, { letter: "asc" }],
  });
  const teacher = holds(viewer, "diary.teach");
  const schools = new Set(organizationsWith(viewer, "diary.manage"));
  return classes.map((c) => ({
    id: c.id,
    grade: c.grade,
    letter: c.letter,
    year: c.academicYear.label,
    homeroom: c.homeroomTeacherId === viewer.userId,
    subjects: c.assignments
      // a subject teacher sees their own subjects; the homeroom teacher and the school see every subject
      .filter(
        (a) =>
          !teacher ||
          schools.has(c.organizationId) ||
          c.homeroomTeacherId === viewer.userId ||
          a.teacherId === viewer.userId,
      )
      .sort((a, b) => a.subject.sortOrder - b.subject.sortOrder)
      .map((a) => ({ ...a.subject, mine: a.teacherId === viewer.userId })),
  }));
}

/** Loads the write context of a journal inside a transaction: refuses anyone but the subject's teacher. */
async function writeScope(tx: Tx, viewer: Viewer, input: JournalKey) {
  const key = { classGroupId: input.classGroupId, subjectId: input.subjectId, termId: input.termId };
  const assignment = await tx.teachingAssignment.findFirst({
    where: { AND: [{ classGroupId: key.classGroupId, subjectId: key.subjectId }, assignmentWriteWhere(viewer)] },
    include: { classGroup: { include: { academicYear: true } } },
  });
  if (!assignment) throw new AppError("forbidden", { classGroupId: "diary.notYourClass" });
  const term = await tx.term.findFirst({
    where: { id: key.termId, academicYearId: assignment.classGroup.academicYearId },
  });
  if (!term) throw new AppError("notFound", { termId: "diary.termUnknown" });
  const closure = await tx.termClosure.findUnique({
    where: {
      classGroupId_subjectId_termId: { classGroupId: key.classGroupId, subjectId: key.subjectId, termId: key.termId },
    },
  });
  return { assignment, term, closure, organizationId: assignment.organizationId };
}

export interface SaveResult {
  saved: number;
  changed: number;
}

/**
 * Saves a batch of journal changes in one transaction. Every change is checked first; any problem refuses
 * the whole batch (AppError "validation" with `changes.<index>` → message key) and nothing is written.
 */
export async function saveJournal(viewer: Viewer, input: JournalSave, now = new Date()): Promise<SaveResult> {
  const today = almatyDate(now);
  return prisma.$transaction(async (tx) => {
    const { closure, organizationId } = await writeScope(tx, viewer, input);
    const key = { classGroupId: input.classGroupId, subjectId: input.subjectId, termId: input.termId };
    const lessonIds = [...new Set(input.changes.flatMap((c) => ("lessonId" in c ? [c.lessonId] : [])))];
    const assessmentIds = [...new Set(input.changes.flatMap((c) => (c.type === "result" ? [c.assessmentId] : [])))];
    const studentIds = [...new Set(input.changes.flatMap((c) => ("studentId" in c ? [c.studentId] : [])))];
    const [lessons, assessments, enrolled] = await Promise.all([
      tx.lesson.findMany({
        where: { id: { in: lessonIds }, ...key },
        select: { id: true, date: true, topic: true, homework: true },
      }),
      tx.summativeAssessment.findMany({
        where: { id: { in: assessmentIds }, ...key },
        select: { id: true, maxPoints: true, date: true },
      }),
      tx.classEnrolment.findMany({
        where: { classGroupId: input.classGroupId, studentId: { in: studentIds }, endedOn: null },
        select: { studentId: true },
      }),
    ]);
    const lessonById = new Map(lessons.map((l) => [l.id, l]));
    const assessmentById = new Map(assessments.map((a) => [a.id, a]));
    const inClass = new Set(enrolled.map((e) => e.studentId));

    const problems: Record<string, string> = {};
    input.changes.forEach((change, index) => {
      const problem = checkChange(change, { lessonById, assessmentById, inClass, today, closed: Boolean(closure) });
      if (problem) problems[`changes.${index}`] = problem;
    });
    if (Object.keys(problems).length) throw new AppError("validation", problems);

    const [marks, attendance, results] = await Promise.all([
      tx.mark.findMany({
        where: { lessonId: { in: lessonIds }, studentId: { in: studentIds } },
        select: { lessonId: true, studentId: true, value: true },
      }),
      tx.attendance.findMany({
        where: { lessonId: { in: lessonIds }, studentId: { in: studentIds } },
        select: { lessonId: true, studentId: true, status: true },
      }),
      tx.summativeResult.findMany({
        where: { assessmentId: { in: assessmentIds }, studentId: { in: studentIds } },
        select: { assessmentId: true, studentId: true, points: true },
      }),
    ]);
    const oldMark = new Map(marks.map((m) => [cellKey(m.lessonId, m.studentId), String(m.value)]));
    const oldAttendance = new Map(attendance.map((a) => [cellKey(a.lessonId, a.studentId), a.status as string]));
    const oldResult = new Map(results.map((r) => [cellKey(r.assessmentId, r.studentId), String(r.points)]));
    const wasAbsent = new Set([...oldAttendance].filter(([, status]) => status === "ABSENT").map(([k]) => k));

    const history: Prisma.MarkChangeCreateManyInput[] = [];
    const record = (
      change: Exclude<JournalChange, { type: "lesson" }>,
      kind: "FORMATIVE" | "ATTENDANCE" | "SUMMATIVE",
      oldValue: string | null,
      newValue: string | null,
    ) =>
      history.push({
        organizationId,
        ...key,
        studentId: change.studentId,
        kind,
        lessonId: "lessonId" in change ? change.lessonId : null,
        assessmentId: change.type === "result" ? change.assessmentId : null,
        oldValue,
        newValue,
        reason: change.reason || null,
        changedById: viewer.userId,
        changedAt: now,
      });

    /** Writes one cell (null clears it) if it changed, keeps the old values current and records the change. */
    const saveCell = async (
      change: Exclude<JournalChange, { type: "lesson" }>,
      kind: "FORMATIVE" | "ATTENDANCE" | "SUMMATIVE",
      old: Map<string, string>,
      after: string | null,
      write: () => Promise<unknown>,
    ) => {
      const k = cellKey(change.type === "result" ? change.assessmentId : change.lessonId, change.studentId);
      const before = old.get(k) ?? null;
      if (before === after) return 0;
      await write();
      if (after === null) old.delete(k);
      else old.set(k, after);
      record(change, kind, before, after);
      return 1;
    };
    const by = { organizationId, updatedById: viewer.userId };

    let changed = 0;
    for (const change of input.changes) {
      if (change.type === "lesson") {
        const lesson = lessonById.get(change.lessonId)!;
        if ((lesson.topic ?? "") !== change.topic || (lesson.homework ?? "") !== change.homework) {
          await tx.lesson.update({
            where: { id: change.lessonId },
            data: { topic: change.topic || null, homework: change.homework || null },
          });
          changed++;
        }
      } else if (change.type === "mark") {
        const cell = { lessonId: change.lessonId, studentId: change.studentId };
        const after = change.value === null ? null : String(change.value);
        changed += await saveCell(change, "FORMATIVE", oldMark, after, () =>
          change.value === null
            ? tx.mark.delete({ where: { lessonId_studentId: cell } })
            : tx.mark.upsert({
                where: { lessonId_studentId: cell },
                create: { ...by, ...cell, value: change.value },
                update: { value: change.value, updatedById: by.updatedById },
              }),
        );
      } else if (change.type === "attendance") {
        const cell = { lessonId: change.lessonId, studentId: change.studentId };
        changed += await saveCell(change, "ATTENDANCE", oldAttendance, change.status, () =>
          change.status === null
            ? tx.attendance.delete({ where: { lessonId_studentId: cell } })
            : tx.attendance.upsert({
                where: { lessonId_studentId: cell },
                create: { ...by, ...cell, status: change.status },
                update: { status: change.status, updatedById: by.updatedById },
              }),
        );
      } else {
        const cell = { assessmentId: change.assessmentId, studentId: change.studentId };
        const after = change.points === null ? null : String(change.points);
        changed += await saveCell(change, "SUMMATIVE", oldResult, after, () =>
          change.points === null
            ? tx.summativeResult.delete({ where: { assessmentId_studentId: cell } })
            : tx.summativeResult.upsert({
                where: { assessmentId_studentId: cell },
                create: { ...by, ...cell, points: change.points },
                update: { points: change.points, updatedById: by.updatedById },
              }),
        );
      }
    }
    if (history.length) await tx.markChange.createMany({ data: history });
    // Absence alerts for the pupils absent after this save who were not before (a mark set and corrected
    // within the same save alerts nobody); once per pupil and day, whatever the number of lessons.
    const absences = input.changes.flatMap((c) => {
      if (c.type !== "attendance") return [];
      const k = cellKey(c.lessonId, c.studentId);
      return oldAttendance.get(k) === "ABSENT" && !wasAbsent.has(k)
        ? [{ studentId: c.studentId, date: dayOf(lessonById.get(c.lessonId)!.date) }]
        : [];
    });
    await notifyAbsences(tx, organizationId, absences);
    return { saved: input.changes.length, changed };
  });
}

function checkChange(
  change: JournalChange,
  ctx: {
    lessonById: Map<string, { date: Date }>;
    assessmentById: Map<string, { maxPoints: number; date: Date }>;
    inClass: Set<string>;
    today: string;
    closed: boolean;
  },
): string | null {
  if (change.type === "lesson") return ctx.lessonById.has(change.lessonId) ? null : "diary.lessonUnknown";
  if (!ctx.inClass.has(change.studentId)) return "diary.notEnrolled";
  if (change.type === "result") {
    const assessment = ctx.assessmentById.get(change.assessmentId);
    if (!assessment) return "diary.assessmentUnknown";
    if (change.points !== null && change.points < 0) return "diary.pointsNegative";
    if (change.points !== null && change.points > assessment.maxPoints) return "diary.pointsAboveMax";
    if (change.points !== null && dayOf(assessment.date) > ctx.today) return "diary.futureAssessment";
  } else {
    const lesson = ctx.lessonById.get(change.lessonId);
    if (!lesson) return "diary.lessonUnknown";
    if (change.type === "mark" && change.value !== null && (change.value < 1 || change.value > 10))
      return "diary.markRange";
    if (dayOf(lesson.date) > ctx.today) return "diary.futureLesson";
  }
  if (ctx.closed && !change.reason?.trim()) return "diary.reasonRequired";
  return null;
}

/** Adds a СОР or СОЧ column (numbered after the existing ones of its kind). */
export async function createAssessment(viewer: Viewer, input: AssessmentCreate): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const { term, closure, organizationId } = await writeScope(tx, viewer, input);
    if (closure) throw new AppError("conflict", { termId: "diary.termClosed" });
    if (input.date < dayOf(term.startDate) || input.date > dayOf(term.endDate))
      throw new AppError("validation", { date: "diary.dateOutsideTerm" });
    const last = await tx.summativeAssessment.findFirst({
      where: { classGroupId: input.classGroupId, subjectId: input.subjectId, termId: input.termId, kind: input.kind },
      orderBy: { number: "desc" },
    });
    const created = await tx.summativeAssessment.create({
      data: {
        organizationId,
        classGroupId: input.classGroupId,
        subjectId: input.subjectId,
        termId: input.termId,
        kind: input.kind,
        number: (last?.number ?? 0) + 1,
        date: dateValue(input.date),
        maxPoints: input.maxPoints,
        title: input.title || null,
      },
    });
    return { id: created.id };
  });
}

/** Per-student inputs of the term-grade computation for a class × subject × term. */
export async function termGradeInputs(
  tx: Tx,
  key: JournalKey,
  studentIds?: string[],
): Promise<Map<string, TermGradeInput>> {
  const studentFilter = studentIds ? { studentId: { in: studentIds } } : {};
  const [marks, results] = await Promise.all([
    tx.mark.findMany({ where: { lesson: key, ...studentFilter }, select: { studentId: true, value: true } }),
    tx.summativeResult.findMany({
      where: { assessment: key, ...studentFilter },
      select: { studentId: true, points: true, assessment: { select: { kind: true, maxPoints: true } } },
    }),
  ]);
  const out = new Map<
    string,
    { formative: number[]; sor: { points: number; maxPoints: number }[]; soch: { points: number; maxPoints: number }[] }
  >();
  const of = (id: string) => {
    let v = out.get(id);
    if (!v) out.set(id, (v = { formative: [], sor: [], soch: [] }));
    return v;
  };
  for (const m of marks) of(m.studentId).formative.push(m.value);
  for (const r of results)
    of(r.studentId)[r.assessment.kind === "SOR" ? "sor" : "soch"].push({
      points: r.points,
      maxPoints: r.assessment.maxPoints,
    });
  return out;
}

/** Confirms the term grades of a class and subject and closes the term for them. */
export async function confirmTerm(viewer: Viewer, input: JournalKey, now = new Date()): Promise<{ confirmed: number }> {
  const key = { classGroupId: input.classGroupId, subjectId: input.subjectId, termId: input.termId };
  return prisma.$transaction(async (tx) => {
    const { assignment, closure, organizationId } = await writeScope(tx, viewer, key);
    if (closure) throw new AppError("conflict", { termId: "diary.termClosed" });
    const weights = await weightsFor(assignment.classGroup.academicYear.label, tx);
    const enrolled = await tx.classEnrolment.findMany({
      where: { classGroupId: key.classGroupId, endedOn: null },
      select: { studentId: true },
    });
    const inputs = await termGradeInputs(tx, key);
    const rows: Prisma.TermGradeCreateManyInput[] = [];
    for (const { studentId } of enrolled) {
      const input = inputs.get(studentId);
      const result = input ? computeTermGrade({ ...input, weights }) : null;
      if (result)
        rows.push({
          organizationId,
          ...key,
          studentId,
          percent: result.percent,
          grade: result.grade,
          confirmedAt: now,
          confirmedById: viewer.userId,
        });
    }
    await tx.termGrade.deleteMany({ where: key });
    await tx.termGrade.createMany({ data: rows });
    await tx.termClosure.create({ data: { organizationId, ...key, closedById: viewer.userId, closedAt: now } });
    await tx.markChange.createMany({
      data: rows.map((r) => ({
        organizationId,
        ...key,
        studentId: r.studentId,
        kind: "TERM" as const,
        oldValue: null,
        newValue: String(r.grade),
        changedById: viewer.userId,
        changedAt: now,
      })),
    });
    await notifyTermGrades(
      tx,
      organizationId,
      key,
      rows.map((r) => r.studentId),
    );
    return { confirmed: rows.length };
  });
}

export interface HistoryRow {
  id: string;
  at: string;
  by: string;
  student: string;
  kind: "FORMATIVE" | "ATTENDANCE" | "SUMMATIVE" | "TERM";
  lessonDate: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

/** Change history of a journal (newest first), for those who may read it. */
export async function journalHistory(
  viewer: Viewer,
  key: JournalKey,
  limit = 200,
  now = new Date(),
): Promise<HistoryRow[]> {
  const { classGroup, assignment, term } = await journalScope(prisma, viewer, key, now);
  const rows = await prisma.markChange.findMany({
    where: { classGroupId: classGroup.id, subjectId: assignment.subjectId, termId: term.id },
    orderBy: { changedAt: "desc" },
    take: limit,
    include: { changedBy: { select: { displayName: true } } },
  });
  const people = await prisma.person.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.studentId))] } },
    select: { id: true, lastName: true, firstName: true },
  });
  const lessons = await prisma.lesson.findMany({
    where: { id: { in: rows.flatMap((r) => (r.lessonId ? [r.lessonId] : [])) } },
    select: { id: true, date: true },
  });
  const name = new Map(people.map((p) => [p.id, `${p.lastName} ${p.firstName}`]));
  const lessonDate = new Map(lessons.map((l) => [l.id, dayOf(l.date)]));
  return rows.map((r) => ({
    id: r.id,
    at: r.changedAt.toISOString(),
    by: r.changedBy.displayName,
    student: name.get(r.studentId) ?? "",
    kind: r.kind,
    lessonDate: r.lessonId ? (lessonDate.get(r.lessonId) ?? null) : null,
    oldValue: r.oldValue,
    newValue: r.newValue,
    reason: r.reason,
  }));
}
