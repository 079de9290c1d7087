import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { absentDayRuns, exportCsv, exportStudent, listChildren, loadStudentDiary } from "./diary";
import kk from "@/messages/kk/diary.json";
import { refusal, viewer } from "@/tests/setup/helpers";

const NOW = new Date("2026-11-23T10:00:00Z");

let parent: Viewer;
let parent2: Viewer;
let student: Viewer;
let aruzhan: string;
let dauren: string;
let otherChild: string;

beforeAll(async () => {
  parent = await viewer("u_parent");
  parent2 = await viewer("u_parent2");
  student = await viewer("u_student");
  aruzhan = (await prisma.user.findUniqueOrThrow({ where: { id: "u_student" } })).personId!;
  dauren = (await prisma.person.findFirstOrThrow({ where: { lastName: "Омаров", firstName: "Даурен" } })).id;
  otherChild = (await prisma.guardianship.findFirstOrThrow({ where: { userId: "u_parent2" } })).studentId;
});

describe("children", () => {
  it("gives a parent exactly their two children and a student only themselves", async () => {
    expect((await listChildren(parent)).map((c) => c.id).sort()).toEqual([aruzhan, dauren].sort());
    expect((await listChildren(student)).map((c) => c.id)).toEqual([aruzhan]);
    expect((await listChildren(parent2)).map((c) => c.id)).toEqual([otherChild]);
  });
});

describe("student diary", () => {
  it("shows the timetable on coming school days whose lessons are not in the journal yet", async () => {
    const enrolment = await prisma.classEnrolment.findFirstOrThrow({
      where: { studentId: aruzhan },
      include: { academicYear: { include: { terms: true } } },
      orderBy: { academicYear: { startDate: "desc" } },
    });
    const last = await prisma.lesson.findFirstOrThrow({
      where: { classGroupId: enrolment.classGroupId },
      orderBy: { date: "desc" },
    });
    const lastDay = last.date.toISOString().slice(0, 10);
    const term = enrolment.academicYear.terms.find(
      (t) =>
        t.startDate <= last.date && last.date <= t.endDate && t.endDate.getTime() - last.date.getTime() > 14 * 864e5,
    );
    // the seed generates lessons up to the day it runs; near a term's end nothing is left to plan
    if (!term) return;
    // a week after the last generated lesson, seen on the day of that lesson
    const week = new Date(last.date.getTime() + 7 * 864e5).toISOString().slice(0, 10);
    const now = new Date(`${lastDay}T06:00:00Z`);
    const d = await loadStudentDiary(parent, aruzhan, { week }, now);
    const planned = d.week.lessons.filter((l) => l.planned);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((l) => l.date > lastDay && l.mark === null && l.homework === null)).toBe(true);
    const slots = await prisma.timetableSlot.count({ where: { classGroupId: enrolment.classGroupId } });
    expect(planned.length).toBeLessThanOrEqual(slots);
    // the week that holds the journal's lessons plans nothing on the days already held
    const held = await loadStudentDiary(parent, aruzhan, { week: lastDay }, now);
    expect(held.week.lessons.filter((l) => l.planned && l.date <= lastDay)).toEqual([]);
  });

  it("shows the week, the subjects with the term-grade formula and the attendance summary", async () => {
    const d = await loadStudentDiary(parent, aruzhan, {}, NOW);
    expect(d.student.firstName).toBe("Аружан");
    expect(d.term?.number).toBe(2);
    expect(d.week.monday).toBe("2026-11-23");
    expect(d.week.lessons.every((l) => l.date >= "2026-11-23" && l.date <= "2026-11-29")).toBe(true);
    expect(d.subjects.length).toBe(3);
    const graded = d.subjects.filter((s) => s.grade);
    expect(graded.length).toBeGreaterThan(0);
    for (const s of graded) expect(s.grade!.explanation.terms.length).toBeGreaterThan(0);
    expect(d.attendance.held).toBeGreaterThan(0);
  });

  it("raises the alert for three school days absent in a row", async () => {
    const d = await loadStudentDiary(parent, dauren, {}, NOW);
    expect(d.alerts.find((a) => a.kind === "absentDays")).toMatchObject({
      from: "2026-11-17",
      to: "2026-11-19",
      days: 3,
    });
  });

  it("refuses parent A opening child B (IDOR) and a student opening a classmate", async () => {
    expect((await refusal(loadStudentDiary(parent2, aruzhan, {}, NOW))).fieldErrors.studentId).toBe(
      "diary.notYourChild",
    );
    expect((await refusal(loadStudentDiary(parent, otherChild, {}, NOW))).code).toBe("forbidden");
    expect((await refusal(loadStudentDiary(student, dauren, {}, NOW))).code).toBe("forbidden");
  });

  it("lets the class teacher read a pupil but not a pupil of another class", async () => {
    const teacher2 = await viewer("u_teacher2");
    await expect(loadStudentDiary(teacher2, dauren, {}, NOW)).resolves.toBeTruthy();
    expect((await refusal(loadStudentDiary(teacher2, aruzhan, {}, NOW))).code).toBe("forbidden");
  });

  it("refuses users without the diary permission", async () => {
    const editor = await viewer("u_editor");
    expect((await refusal(loadStudentDiary(editor, aruzhan, {}, NOW))).code).toBe("forbidden");
  });
});

describe("export", () => {
  it("exports all the child's data as JSON and CSV, refused to another parent", async () => {
    const data = await exportStudent(parent, aruzhan);
    const marks = await prisma.mark.count({ where: { studentId: aruzhan } });
    expect(data.marks).toHaveLength(marks);
    expect(data.student.iin).toMatch(/^\d{12}$/);
    const csv = exportCsv(data, {
      ...kk.export,
      statuses: kk.status,
      summative: (kind, n) => kk.subjects[kind].replace("{n}", String(n)),
    });
    expect(csv.split("\r\n")[0]).toContain("Жазба,Күні,Пән");
    expect(csv.split("\r\n").filter((l) => l.startsWith("Баға,"))).toHaveLength(marks);
    expect(csv).not.toMatch(/\r\n(mark|attendance|sor|soch|term_grade),/);
    expect(csv).not.toMatch(/,(ABSENT|LATE|EXCUSED),/);
    expect((await refusal(exportStudent(parent2, aruzhan))).code).toBe("forbidden");
    // the student downloads their own data; their teacher (who reads the diary) does not get the export
    expect((await exportStudent(student, aruzhan)).student.id).toBe(aruzhan);
    expect((await refusal(exportStudent(await viewer("u_teacher"), aruzhan))).code).toBe("forbidden");
  });
});

describe("absentDayRuns", () => {
  it("finds runs of at least three school days", () => {
    const days = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"];
    expect(absentDayRuns(days, new Set(["2026-11-17", "2026-11-18", "2026-11-19"]))).toEqual([
      { from: "2026-11-17", to: "2026-11-19", days: 3 },
    ]);
    expect(absentDayRuns(days, new Set(["2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20"]))).toEqual([]);
  });
});
