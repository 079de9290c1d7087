/**
 * A class's weekly timetable (weekday × period → subject) and the lessons it generates for a term: every
 * working day of Kazakhstan's calendar (holidays and transferred days off skipped) gets the lessons of its
 * weekday; lessons that already exist are kept. School administrators only, in their school.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { isWorkingDay } from "../reporting/deadline";
import { dateValue, dayOf, daysBetween, weekday } from "./dates";
import { managedSchools } from "./setup";

export const MAX_PERIODS = 8;

async function schoolClass(viewer: Viewer, classGroupId: string) {
  const c = await prisma.classGroup.findFirst({
    where: { id: classGroupId, organizationId: { in: managedSchools(viewer) } },
    include: {
      academicYear: { include: { terms: { orderBy: { number: "asc" } } } },
      assignments: {
        include: { subject: { select: { id: true, nameKk: true, nameRu: true, nameEn: true, sortOrder: true } } },
      },
      slots: true,
    },
  });
  if (!c) throw new AppError("notFound", { classGroupId: "diary.classUnknown" });
  return c;
}

export async function loadTimetable(viewer: Viewer, classGroupId: string) {
  const c = await schoolClass(viewer, classGroupId);
  return {
    classGroup: { id: c.id, grade: c.grade, letter: c.letter, year: c.academicYear.label },
    terms: c.academicYear.terms.map((t) => ({
      id: t.id,
      number: t.number,
      startDate: dayOf(t.startDate),
      endDate: dayOf(t.endDate),
    })),
    subjects: [...c.assignments].sort((a, b) => a.subject.sortOrder - b.subject.sortOrder).map((a) => a.subject),
    slots: Object.fromEntries(c.slots.map((s) => [`${s.weekday}.${s.period}`, s.subjectId])) as Record<string, string>,
  };
}

/** Replaces the timetable; every subject must be assigned to the class. */
export async function saveTimetable(
  viewer: Viewer,
  input: { classGroupId: string; slots: { weekday: number; period: number; subjectId: string }[] },
): Promise<{ slots: number }> {
  const c = await schoolClass(viewer, input.classGroupId);
  const assigned = new Set(c.assignments.map((a) => a.subjectId));
  const problems: Record<string, string> = {};
  for (const s of input.slots) {
    if (s.weekday < 1 || s.weekday > 6 || s.period < 1 || s.period > MAX_PERIODS)
      problems[`slot.${s.weekday}.${s.period}`] = "validation.invalidOption";
    else if (!assigned.has(s.subjectId)) problems[`slot.${s.weekday}.${s.period}`] = "diary.subjectNotAssigned";
  }
  if (Object.keys(problems).length) throw new AppError("validation", problems);
  await prisma.$transaction(async (tx) => {
    await tx.timetableSlot.deleteMany({ where: { classGroupId: c.id } });
    await tx.timetableSlot.createMany({ data: input.slots.map((s) => ({ classGroupId: c.id, ...s })) });
  });
  return { slots: input.slots.length };
}

/** Creates the lessons of a term from the timetable (working days only; existing lessons are kept). */
export async function generateLessons(
  viewer: Viewer,
  input: { classGroupId: string; termId: string },
): Promise<{ created: number }> {
  const c = await schoolClass(viewer, input.classGroupId);
  const term = c.academicYear.terms.find((t) => t.id === input.termId);
  if (!term) throw new AppError("notFound", { termId: "diary.termUnknown" });
  if (c.slots.length === 0) throw new AppError("validation", { termId: "diary.noTimetable" });
  const rows: Prisma.LessonCreateManyInput[] = [];
  for (const day of daysBetween(dayOf(term.startDate), dayOf(term.endDate))) {
    const wd = weekday(day);
    const slots = c.slots.filter((s) => s.weekday === wd);
    if (!slots.length || (wd <= 5 && !isWorkingDay(day))) continue;
    for (const s of slots)
      rows.push({
        organizationId: c.organizationId,
        classGroupId: c.id,
        subjectId: s.subjectId,
        termId: term.id,
        date: dateValue(day),
        period: s.period,
      });
  }
  const result = await prisma.lesson.createMany({ data: rows, skipDuplicates: true });
  return { created: result.count };
}
