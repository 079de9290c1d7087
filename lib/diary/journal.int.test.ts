import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { computeTermGrade } from "./grade";
import { confirmTerm, createAssessment, journalChoices, journalHistory, loadJournal, saveJournal } from "./journal";
import type { JournalChange } from "./schemas";
import { refusal, viewer } from "@/tests/setup/helpers";

// The tiny seed has lessons up to the real today; the tests pin "now" to the seed's demo day.
const NOW = new Date("2026-11-23T10:00:00Z");
const MATH = "c_subject_math";

let teacher: Viewer;
let teacher2: Viewer;
let parent: Viewer;
let classA: string;
let classB: string;
let term2: string;
let students: string[];
let pastLesson: string;
let futureLesson: string;
let sor: { id: string; maxPoints: number };
let key: { classGroupId: string; subjectId: string; termId: string };

beforeAll(async () => {
  teacher = await viewer("u_teacher");
  teacher2 = await viewer("u_teacher2");
  parent = await viewer("u_parent");
  const classes = await prisma.classGroup.findMany({ orderBy: [{ grade: "asc" }, { id: "asc" }] });
  classA = classes.find((c) => c.homeroomTeacherId === "u_teacher")!.id;
  classB = classes.find((c) => c.homeroomTeacherId === "u_teacher2")!.id;
  term2 = (await prisma.term.findFirstOrThrow({ where: { number: 2 } })).id;
  key = { classGroupId: classA, subjectId: MATH, termId: term2 };
  students = (
    await prisma.classEnrolment.findMany({ where: { classGroupId: classA }, orderBy: { studentId: "asc" } })
  ).map((e) => e.studentId);
  pastLesson = (
    await prisma.lesson.findFirstOrThrow({
      where: { classGroupId: classA, subjectId: MATH, termId: term2 },
      orderBy: { date: "asc" },
    })
  ).id;
  const future = await prisma.lesson.create({
    data: {
      organizationId: classes[0]!.organizationId,
      classGroupId: classA,
      subjectId: MATH,
      termId: term2,
      date: new Date("2026-12-10T00:00:00Z"),
      period: 7,
    },
  });
  futureLesson = future.id;
  const a = await prisma.summativeAssessment.findFirstOrThrow({ where: { ...key, kind: "SOR" } });
  sor = { id: a.id, maxPoints: a.maxPoints };
});

describe("journal read", () => {
  it("gives the teacher the grid of their class with students, lessons and the seeded marks", async () => {
    const j = await loadJournal(teacher, key, NOW);
    expect(j.editable).toBe(true);
    expect(j.students).toHaveLength(6);
    expect(j.lessons.length).toBeGreaterThan(0);
    expect(j.lessons.every((l) => l.date >= "2026-11-03")).toBe(true);
    expect(j.assessments.map((a) => a.kind)).toContain("SOR");
    expect(j.term.number).toBe(2);
    expect(Object.keys(j.marks).length + Object.keys(j.attendance).length).toBeGreaterThan(0);
  });

  it("refuses a teacher of another class (IDOR by id)", async () => {
    const error = await refusal(loadJournal(teacher2, key, NOW));
    expect(error.code).toBe("forbidden");
    expect(error.fieldErrors.classGroupId).toBe("diary.notYourClass");
  });

  it("refuses parents the journal", async () => {
    const error = await refusal(loadJournal(parent, key, NOW));
    expect(error.code).toBe("forbidden");
  });

  it("lets the school administrator read but not write", async () => {
    const school = await viewer("u_school");
    const j = await loadJournal(school, key, NOW);
    expect(j.editable).toBe(false);
    await refusal(
      saveJournal(
        school,
        { ...key, changes: [{ type: "mark", lessonId: pastLesson, studentId: students[0]!, value: 8 }] },
        NOW,
      ),
    );
  });

  it("lists only the viewer's classes in the picker", async () => {
    const mine = await journalChoices(teacher);
    expect(mine.map((c) => c.id)).toEqual([classA]);
    const other = await journalChoices(teacher2);
    expect(other.map((c) => c.id)).toEqual([classB]);
  });
});

describe("journal save", () => {
  it("saves marks, attendance, points and lesson topic in one batch and records the history", async () => {
    // start from empty cells so that each change is a real change
    await prisma.mark.deleteMany({ where: { lessonId: pastLesson, studentId: students[0]! } });
    await prisma.attendance.deleteMany({ where: { lessonId: pastLesson, studentId: students[1]! } });
    await prisma.summativeResult.deleteMany({ where: { assessmentId: sor.id, studentId: students[2]! } });
    const before = await prisma.markChange.count();
    const result = await saveJournal(
      teacher,
      {
        ...key,
        changes: [
          { type: "mark", lessonId: pastLesson, studentId: students[0]!, value: 9 },
          { type: "attendance", lessonId: pastLesson, studentId: students[1]!, status: "ABSENT" },
          { type: "result", assessmentId: sor.id, studentId: students[2]!, points: sor.maxPoints },
          { type: "lesson", lessonId: pastLesson, topic: "Бөлшектер", homework: "§4, 1–5" },
          // a future lesson may get its topic and homework in advance
          { type: "lesson", lessonId: futureLesson, topic: "Келесі тақырып", homework: "" },
        ],
      },
      NOW,
    );
    expect(result.saved).toBe(5);
    const mark = await prisma.mark.findUniqueOrThrow({
      where: { lessonId_studentId: { lessonId: pastLesson, studentId: students[0]! } },
    });
    expect(mark.value).toBe(9);
    expect(
      (
        await prisma.attendance.findUniqueOrThrow({
          where: { lessonId_studentId: { lessonId: pastLesson, studentId: students[1]! } },
        })
      ).status,
    ).toBe("ABSENT");
    expect((await prisma.lesson.findUniqueOrThrow({ where: { id: pastLesson } })).topic).toBe("Бөлшектер");
    // mark, attendance and points are history entries; lesson texts are not
    expect((await prisma.markChange.count()) - before).toBe(3);
    const rows = await journalHistory(teacher, key, 50, NOW);
    expect(rows.some((r) => r.kind === "FORMATIVE" && r.newValue === "9" && r.by === "Айгерім Ахметова")).toBe(true);
  });

  it("clears a cell with null", async () => {
    await saveJournal(
      teacher,
      { ...key, changes: [{ type: "attendance", lessonId: pastLesson, studentId: students[1]!, status: null }] },
      NOW,
    );
    expect(
      await prisma.attendance.findUnique({
        where: { lessonId_studentId: { lessonId: pastLesson, studentId: students[1]! } },
      }),
    ).toBeNull();
  });

  const bad: [string, (ids: { other: string }) => JournalChange, string][] = [
    [
      "a mark above 10",
      () => ({ type: "mark", lessonId: pastLesson, studentId: students[3]!, value: 11 }),
      "diary.markRange",
    ],
    [
      "a mark of 0",
      () => ({ type: "mark", lessonId: pastLesson, studentId: students[3]!, value: 0 }),
      "diary.markRange",
    ],
    [
      "a mark on a lesson not yet held",
      () => ({ type: "mark", lessonId: futureLesson, studentId: students[3]!, value: 7 }),
      "diary.futureLesson",
    ],
    [
      "attendance on a lesson not yet held",
      () => ({ type: "attendance", lessonId: futureLesson, studentId: students[3]!, status: "ABSENT" }),
      "diary.futureLesson",
    ],
    [
      "attendance for a student of another class",
      ({ other }) => ({ type: "attendance", lessonId: pastLesson, studentId: other, status: "ABSENT" }),
      "diary.notEnrolled",
    ],
    [
      "points above the maximum",
      () => ({ type: "result", assessmentId: sor.id, studentId: students[3]!, points: sor.maxPoints + 1 }),
      "diary.pointsAboveMax",
    ],
    [
      "a lesson of another class",
      () => ({ type: "mark", lessonId: "nope", studentId: students[3]!, value: 5 }),
      "diary.lessonUnknown",
    ],
  ];

  it.each(bad)("refuses %s and writes nothing of the batch", async (_name, make, message) => {
    const other = (await prisma.classEnrolment.findFirstOrThrow({ where: { classGroupId: classB } })).studentId;
    const marksBefore = await prisma.mark.count();
    const changesBefore = await prisma.markChange.count();
    const cell = { lessonId_studentId: { lessonId: pastLesson, studentId: students[4]! } };
    const valueBefore = (await prisma.mark.findUnique({ where: cell }))?.value ?? null;
    const error = await refusal(
      saveJournal(
        teacher,
        {
          ...key,
          changes: [
            // a valid change first: it must not be written either
            { type: "mark", lessonId: pastLesson, studentId: students[4]!, value: valueBefore === 6 ? 7 : 6 },
            make({ other }),
          ],
        },
        NOW,
      ),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({ "changes.1": message });
    expect(await prisma.mark.count()).toBe(marksBefore);
    expect(await prisma.markChange.count()).toBe(changesBefore);
    expect((await prisma.mark.findUnique({ where: cell }))?.value ?? null).toBe(valueBefore);
  });

  it("refuses a teacher writing another class's journal (IDOR)", async () => {
    const error = await refusal(
      saveJournal(
        teacher2,
        { ...key, changes: [{ type: "mark", lessonId: pastLesson, studentId: students[0]!, value: 2 }] },
        NOW,
      ),
    );
    expect(error.code).toBe("forbidden");
    const mark = await prisma.mark.findUniqueOrThrow({
      where: { lessonId_studentId: { lessonId: pastLesson, studentId: students[0]! } },
    });
    expect(mark.value).toBe(9);
  });

  it("refuses an assessment with points out of range or outside the term", async () => {
    expect(
      (await refusal(createAssessment(teacher, { ...key, kind: "SOR", maxPoints: 10, date: "2027-02-01" }))).fieldErrors
        .date,
    ).toBe("diary.dateOutsideTerm");
    const created = await createAssessment(teacher, {
      ...key,
      kind: "SOCH",
      maxPoints: 20,
      date: "2026-11-20",
      title: "ТЖБ",
    });
    const row = await prisma.summativeAssessment.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.kind, row.number, row.maxPoints]).toEqual(["SOCH", 1, 20]);
  });
});

describe("term confirmation", () => {
  it("confirms grades computed by the term-grade rule, closes the term, then demands a reason", async () => {
    const student = students[5]!;
    const inputs = {
      formative: (await prisma.mark.findMany({ where: { studentId: student, lesson: key } })).map((m) => m.value),
      sor: (
        await prisma.summativeResult.findMany({
          where: { studentId: student, assessment: { ...key, kind: "SOR" } },
          include: { assessment: true },
        })
      ).map((r) => ({ points: r.points, maxPoints: r.assessment.maxPoints })),
      soch: (
        await prisma.summativeResult.findMany({
          where: { studentId: student, assessment: { ...key, kind: "SOCH" } },
          include: { assessment: true },
        })
      ).map((r) => ({ points: r.points, maxPoints: r.assessment.maxPoints })),
    };
    const expected = computeTermGrade(inputs);
    const result = await confirmTerm(teacher, key, NOW);
    expect(result.confirmed).toBeGreaterThan(0);
    const grade = await prisma.termGrade.findUnique({
      where: { termId_subjectId_studentId: { termId: term2, subjectId: MATH, studentId: student } },
    });
    expect(grade?.grade ?? null).toBe(expected?.grade ?? null);
    expect((await loadJournal(teacher, key, NOW)).closed).not.toBeNull();

    // closed: a change without a reason is refused, with a reason it is saved and shows in the history
    const noReason = await refusal(
      saveJournal(
        teacher,
        { ...key, changes: [{ type: "mark", lessonId: pastLesson, studentId: students[0]!, value: 10 }] },
        NOW,
      ),
    );
    expect(noReason.fieldErrors).toEqual({ "changes.0": "diary.reasonRequired" });
    await saveJournal(
      teacher,
      {
        ...key,
        changes: [{ type: "mark", lessonId: pastLesson, studentId: students[0]!, value: 10, reason: "Қайта тапсырды" }],
      },
      NOW,
    );
    const rows = await journalHistory(teacher, key, 50, NOW);
    expect(rows.find((r) => r.reason === "Қайта тапсырды")).toMatchObject({
      oldValue: "9",
      newValue: "10",
      kind: "FORMATIVE",
    });

    // confirming twice is refused
    expect((await refusal(confirmTerm(teacher, key, NOW))).fieldErrors.termId).toBe("diary.termClosed");
    // a teacher of another class cannot confirm
    expect((await refusal(confirmTerm(teacher2, { ...key, termId: term2 }, NOW))).code).toBe("forbidden");
  });
});
