/**
 * Import target: historical attendance (by exception: absent, late, excused), keyed by the pupil's IIN, the
 * date and the lesson number — or the whole day when no lesson is given, which marks every lesson of the
 * pupil's class that day. The pupil is placed in the class they were in on the date (its school inside the
 * importer's scope); the lessons are the journal's own (a day without lessons in the class is refused: the
 * marks import, or the journal, creates lessons). A rollback restores each lesson's status before the run.
 */
import { recordAudit } from "../../audit";
import { almatyDate } from "../../time";
import type { TargetField } from "../mapping";
import { checkDay, iinProblem, placePupils } from "./diary-common";
import { parsePeriod } from "./marks";
import type { ImportTarget, RollbackResult, RowResult, Written } from "./types";

export const ATTENDANCE_FIELDS: readonly TargetField[] = [
  { name: "iin", required: true, synonyms: ["ЖСН", "ИИН", "IIN", "Оқушының ЖСН", "ИИН ученика"] },
  { name: "date", required: true, synonyms: ["Күні", "Дата", "Date", "dt"], transform: "date" },
  { name: "period", required: false, synonyms: ["Сабақ", "Сабақ нөмірі", "Урок", "Номер урока", "Period", "Lesson"] },
  {
    name: "absence",
    required: true,
    synonyms: ["Қатысу", "Белгі", "Посещаемость", "Отметка", "Attendance", "Absence", "Status"],
  },
];

type Status = "ABSENT" | "LATE" | "EXCUSED";

const STATUS_WORDS: Record<string, Status> = {
  absent: "ABSENT",
  н: "ABSENT",
  n: "ABSENT",
  жоқ: "ABSENT",
  келмеді: "ABSENT",
  отсутствовал: "ABSENT",
  отсутствует: "ABSENT",
  late: "LATE",
  к: "LATE",
  кешікті: "LATE",
  опоздал: "LATE",
  опоздание: "LATE",
  excused: "EXCUSED",
  с: "EXCUSED",
  себепті: "EXCUSED",
  ув: "EXCUSED",
  уважительная: "EXCUSED",
  "по уважительной причине": "EXCUSED",
};

/** An attendance word or code in kk/ru/en ("н", "absent", "уважительная"); null when it is none of them. */
export function parseAbsence(text: string): Status | null {
  const t = text.trim().toLocaleLowerCase("ru").replace(/\.$/, "");
  return (
    STATUS_WORDS[t] ?? (["ABSENT", "LATE", "EXCUSED"].includes(t.toUpperCase()) ? (t.toUpperCase() as Status) : null)
  );
}

function attendanceKey(values: Record<string, string>): string {
  return values.iin && values.date ? `${values.iin.trim()}|${values.date}|${values.period?.trim() || "day"}` : "";
}

interface AttendanceData {
  studentId: string;
  organizationId: string;
  status: Status;
  /** Each lesson's status before the run (null: no row, i.e. present). */
  lessons: Record<string, Status | null>;
}

export const attendanceTarget: ImportTarget<{ today: string }> = {
  permission: "import.history",
  fields: ATTENDANCE_FIELDS,
  keyOf: attendanceKey,

  async prepare() {
    return { today: almatyDate() };
  },

  async classify(db, context, scope, rows) {
    const out: RowResult[] = [];
    const checked: { line: number; key: string; iin: string; date: string; period: number | null; status: Status }[] =
      [];
    for (const { line, values } of rows) {
      const key = attendanceKey(values);
      const invalid = (field: string, reason: string) =>
        out.push({ line, key, outcome: "invalid", changes: [], field, reason });
      const iin = (values.iin ?? "").trim();
      const problem = iinProblem(iin);
      if (problem) {
        invalid("iin", problem);
        continue;
      }
      const date = (values.date ?? "").trim();
      const dateOk = checkDay(date, context.today);
      if (!dateOk.ok) {
        invalid("date", dateOk.reason);
        continue;
      }
      const period = parsePeriod(values.period);
      if (period === undefined) {
        invalid("period", "import.period");
        continue;
      }
      const status = parseAbsence(values.absence ?? "");
      if (!status) {
        invalid("absence", "import.absence");
        continue;
      }
      checked.push({ line, key, iin, date, period, status });
    }
    const placements = await placePupils(db, scope, checked);
    const placed = checked.flatMap((row) => {
      const placement = placements.get(row.line)!;
      if (placement.ok) return [{ ...row, ...placement.placed }];
      const { field, reason, params } = placement;
      out.push({ line: row.line, key: row.key, outcome: "invalid", changes: [], field, reason, params });
      return [];
    });
    const lessons = placed.length
      ? await db.lesson.findMany({
          where: {
            classGroupId: { in: [...new Set(placed.map((c) => c.classGroupId))] },
            date: { in: [...new Set(placed.map((c) => new Date(`${c.date}T00:00:00Z`)))] },
          },
          orderBy: { period: "asc" },
          select: {
            id: true,
            classGroupId: true,
            date: true,
            period: true,
            attendance: {
              where: { studentId: { in: [...new Set(placed.map((c) => c.studentId))] } },
              select: { studentId: true, status: true },
            },
          },
        })
      : [];
    for (const row of placed) {
      const chosen = lessons.filter(
        (l) =>
          l.classGroupId === row.classGroupId &&
          l.date.toISOString().slice(0, 10) === row.date &&
          (row.period === null || l.period === row.period),
      );
      if (!chosen.length) {
        out.push({
          line: row.line,
          key: row.key,
          outcome: "invalid",
          changes: [],
          field: "date",
          reason: "import.noLessons",
        });
        continue;
      }
      const now = Object.fromEntries(
        chosen.map((l) => [
          l.id,
          (l.attendance.find((a) => a.studentId === row.studentId)?.status ?? null) as Status | null,
        ]),
      );
      const data = { studentId: row.studentId, organizationId: row.organizationId, status: row.status, lessons: now };
      if (Object.values(now).every((s) => s === row.status))
        out.push({ line: row.line, key: row.key, outcome: "unchanged", changes: [] });
      else if (Object.values(now).every((s) => s === null))
        out.push({ line: row.line, key: row.key, outcome: "new", changes: [], data });
      else out.push({ line: row.line, key: row.key, outcome: "update", changes: ["absence"], data });
    }
    return out;
  },

  async write(tx, actorId, rows) {
    const out = new Map<number, Written>();
    for (const row of rows) {
      const d = row.data as unknown as AttendanceData;
      const before: Record<string, Status | null> = {};
      let first: string | undefined;
      for (const lessonId of Object.keys(d.lessons)) {
        const key = { lessonId_studentId: { lessonId, studentId: d.studentId } };
        const current = await tx.attendance.findUnique({ where: key, select: { status: true } });
        before[lessonId] = current?.status ?? null;
        if (current?.status === d.status) continue;
        const saved = await tx.attendance.upsert({
          where: key,
          create: {
            organizationId: d.organizationId,
            lessonId,
            studentId: d.studentId,
            status: d.status,
            updatedById: actorId,
          },
          update: { status: d.status, updatedById: actorId },
        });
        first ??= saved.id;
        await recordAudit(tx, {
          actorId,
          action: current ? "update" : "create",
          entity: "Attendance",
          entityId: saved.id,
          before: current ?? undefined,
          after: { lessonId, studentId: d.studentId, status: d.status },
        });
      }
      out.set(row.line, {
        entityId: first,
        before: { lessons: before },
        after: { studentId: d.studentId, status: d.status, lessons: Object.keys(d.lessons) },
      });
    }
    return out;
  },

  async rollback(tx, actorId, rows) {
    const result: RollbackResult = { removed: 0, restored: 0, kept: [] };
    for (const row of rows) {
      const after = row.after as { studentId: string; status: Status; lessons: string[] };
      const before = (row.before as { lessons: Record<string, Status | null> }).lessons;
      const current = await tx.attendance.findMany({
        where: { studentId: after.studentId, lessonId: { in: after.lessons } },
      });
      // every lesson still holds what the run wrote, else the row is left as it is
      const byLesson = new Map(current.map((a) => [a.lessonId, a]));
      if (!after.lessons.every((l) => byLesson.get(l)?.status === after.status)) {
        result.kept.push({ line: row.line, key: row.key });
        continue;
      }
      for (const lessonId of after.lessons) {
        const record = byLesson.get(lessonId)!;
        const was = before[lessonId] ?? null;
        if (was === record.status) continue;
        if (was === null) await tx.attendance.delete({ where: { id: record.id } });
        else await tx.attendance.update({ where: { id: record.id }, data: { status: was, updatedById: actorId } });
        await recordAudit(tx, {
          actorId,
          action: was === null ? "delete" : "update",
          entity: "Attendance",
          entityId: record.id,
          before: record,
          after: was === null ? undefined : { status: was },
        });
      }
      if (row.outcome === "new") result.removed++;
      else result.restored++;
    }
    return result;
  },
};
