/**
 * Import target: historical marks (formative, 1–10) from another e-diary, keyed by the pupil's IIN, the
 * subject and the date. The pupil is placed in the class they were in on that date (its school inside the
 * importer's scope) and the mark goes to that class's lesson of the subject on that day — the one at the
 * given period, or the first — which the run creates when the journal has none (the rollback removes it
 * again while nothing else is recorded for it). A mark already there with another value is an update.
 */
import { recordAudit, recordAudits } from "../../audit";
import { almatyDate } from "../../time";
import type { TargetField } from "../mapping";
import { Lookup } from "../lookup";
import { checkDay, iinProblem, placePupils, type Placed } from "./diary-common";
import { newId, rollbackRows } from "./rollback";
import type { Db, ImportTarget, RowResult, Written } from "./types";

export const MARK_FIELDS: readonly TargetField[] = [
  { name: "iin", required: true, synonyms: ["ЖСН", "ИИН", "IIN", "Оқушының ЖСН", "ИИН ученика"] },
  {
    name: "subject",
    required: true,
    synonyms: ["Пән", "Пән коды", "Предмет", "Код предмета", "Subject", "subject code"],
  },
  { name: "date", required: true, synonyms: ["Күні", "Дата", "Date", "dt"], transform: "date" },
  { name: "mark", required: true, synonyms: ["Баға", "Оценка", "Отметка", "Mark", "Grade"] },
  { name: "period", required: false, synonyms: ["Сабақ", "Сабақ нөмірі", "Урок", "Номер урока", "Period", "Lesson"] },
];

/** A subject by its code or kk/ru/en name, and today (a lesson after it has not taken place). */
export interface DiaryContext {
  subjects: Lookup;
  today: string;
}

export async function subjectLookup(db: Db): Promise<Lookup> {
  const items = await db.classifierItem.findMany({
    where: { classifier: { code: "SUBJECT" } },
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
  });
  return new Lookup(items.map((i) => ({ id: i.id, code: i.code, names: [i.nameKk, i.nameRu, i.nameEn] })));
}

/** A lesson number 1–12, or null for an empty cell; undefined when it is not one. */
export function parsePeriod(text: string | undefined): number | null | undefined {
  if (!text) return null;
  if (!/^\d{1,2}$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 12 ? n : undefined;
}

interface MarkData extends Placed {
  subjectId: string;
  date: string;
  period: number | null;
  value: number;
  [key: string]: unknown;
}

function markKey(values: Record<string, string>): string {
  return values.iin && values.subject && values.date
    ? `${values.iin.trim()}|${values.subject.trim()}|${values.date}`
    : "";
}

const lessonKey = (d: { classGroupId: string; subjectId: string; date: string; period: number | null }) =>
  `${d.classGroupId}|${d.subjectId}|${d.date}|${d.period ?? ""}`;

export const marksTarget: ImportTarget<DiaryContext> = {
  permission: "import.history",
  fields: MARK_FIELDS,
  keyOf: markKey,

  async prepare(db) {
    return { subjects: await subjectLookup(db), today: almatyDate() };
  },

  async classify(db, context, scope, rows) {
    const out: RowResult[] = [];
    const checked: {
      line: number;
      key: string;
      iin: string;
      date: string;
      subjectId: string;
      period: number | null;
      value: number;
    }[] = [];
    for (const { line, values } of rows) {
      const key = markKey(values);
      const invalid = (field: string, reason: string, params?: Record<string, string | number>) =>
        out.push({ line, key, outcome: "invalid", changes: [], field, reason, params });
      const iin = (values.iin ?? "").trim();
      const problem = iinProblem(iin);
      if (problem) {
        invalid("iin", problem);
        continue;
      }
      const subject = context.subjects.find(values.subject ?? "");
      if (!subject.ok) {
        invalid("subject", subject.problem === "ambiguous" ? "import.ambiguous" : "import.subjectUnknown");
        continue;
      }
      const date = (values.date ?? "").trim();
      const dateOk = checkDay(date, context.today);
      if (!dateOk.ok) {
        invalid("date", dateOk.reason);
        continue;
      }
      const mark = (values.mark ?? "").trim();
      if (!/^\d{1,2}$/.test(mark) || Number(mark) < 1 || Number(mark) > 10) {
        invalid("mark", "diary.markRange");
        continue;
      }
      const period = parsePeriod(values.period);
      if (period === undefined) {
        invalid("period", "import.period");
        continue;
      }
      checked.push({ line, key, iin, date, subjectId: subject.id, period, value: Number(mark) });
    }
    const placements = await placePupils(db, scope, checked);
    const candidates: { line: number; key: string; data: MarkData }[] = [];
    for (const row of checked) {
      const placement = placements.get(row.line)!;
      if (!placement.ok) {
        const { field, reason, params } = placement;
        out.push({ line: row.line, key: row.key, outcome: "invalid", changes: [], field, reason, params });
        continue;
      }
      candidates.push({
        line: row.line,
        key: row.key,
        data: { ...placement.placed, subjectId: row.subjectId, date: row.date, period: row.period, value: row.value },
      });
    }
    // the classes' lessons on the rows' days, with the marks of the rows' pupils
    const lessons = candidates.length
      ? await db.lesson.findMany({
          where: {
            classGroupId: { in: [...new Set(candidates.map((c) => c.data.classGroupId))] },
            date: { in: [...new Set(candidates.map((c) => new Date(`${c.data.date}T00:00:00Z`)))] },
          },
          orderBy: { period: "asc" },
          select: {
            id: true,
            classGroupId: true,
            subjectId: true,
            date: true,
            period: true,
            marks: {
              where: { studentId: { in: [...new Set(candidates.map((c) => c.data.studentId))] } },
              select: { id: true, studentId: true, value: true },
            },
          },
        })
      : [];
    for (const c of candidates) {
      const d = c.data;
      const sameDay = lessons.filter(
        (l) => l.classGroupId === d.classGroupId && l.date.toISOString().slice(0, 10) === d.date,
      );
      const lesson = sameDay.find((l) => l.subjectId === d.subjectId && (d.period === null || l.period === d.period));
      if (!lesson && d.period !== null && sameDay.some((l) => l.period === d.period)) {
        out.push({
          line: c.line,
          key: c.key,
          outcome: "invalid",
          changes: [],
          field: "period",
          reason: "import.periodTaken",
        });
        continue;
      }
      const mark = lesson?.marks.find((m) => m.studentId === d.studentId);
      if (!mark) {
        out.push({
          line: c.line,
          key: c.key,
          outcome: "new",
          changes: [],
          data: { ...d, lessonId: lesson?.id ?? null },
        });
        continue;
      }
      if (mark.value === d.value) {
        out.push({ line: c.line, key: c.key, outcome: "unchanged", changes: [], id: mark.id });
        continue;
      }
      out.push({
        line: c.line,
        key: c.key,
        outcome: "update",
        changes: ["value"],
        id: mark.id,
        data: { value: d.value },
      });
    }
    return out;
  },

  async write(tx, actorId, rows) {
    const out = new Map<number, Written>();
    const inserted = rows.filter((r) => r.outcome === "new");
    if (inserted.length) {
      // the lessons the journal lacks, one per class, subject, day (and period), created before the marks
      const lessonOf = new Map<string, { id: string; created: boolean }>();
      for (const row of inserted) {
        const d = row.data as MarkData & { lessonId: string | null };
        const key = lessonKey(d);
        if (d.lessonId || lessonOf.has(key)) continue;
        const date = new Date(`${d.date}T00:00:00Z`);
        const existing = await tx.lesson.findFirst({
          where: {
            classGroupId: d.classGroupId,
            subjectId: d.subjectId,
            date,
            ...(d.period ? { period: d.period } : {}),
          },
          orderBy: { period: "asc" },
          select: { id: true },
        });
        if (existing) {
          lessonOf.set(key, { id: existing.id, created: false });
          continue;
        }
        const last = await tx.lesson.aggregate({
          where: { classGroupId: d.classGroupId, date },
          _max: { period: true },
        });
        const lesson = await tx.lesson.create({
          data: {
            organizationId: d.organizationId,
            classGroupId: d.classGroupId,
            subjectId: d.subjectId,
            termId: d.termId,
            date,
            period: d.period ?? (last._max.period ?? 0) + 1,
          },
          select: { id: true },
        });
        lessonOf.set(key, { id: lesson.id, created: true });
      }
      const claimed = new Set<string>();
      const marks = inserted.map((row) => {
        const d = row.data as MarkData & { lessonId: string | null };
        const lesson = d.lessonId ? { id: d.lessonId, created: false } : lessonOf.get(lessonKey(d))!;
        // the first row on a lesson the run created carries it, so the rollback removes it
        const extraId = lesson.created && !claimed.has(lesson.id) ? lesson.id : undefined;
        if (extraId) claimed.add(extraId);
        return {
          line: row.line,
          extraId,
          record: {
            id: newId(),
            organizationId: d.organizationId,
            lessonId: lesson.id,
            studentId: d.studentId,
            value: d.value,
            updatedById: actorId,
          },
        };
      });
      await tx.mark.createMany({ data: marks.map((m) => m.record) });
      await recordAudits(
        tx,
        marks.map((m) => ({
          actorId,
          action: "create" as const,
          entity: "Mark",
          entityId: m.record.id,
          after: m.record,
        })),
      );
      for (const m of marks)
        out.set(m.line, { entityId: m.record.id, extraId: m.extraId, after: { value: m.record.value } });
    }
    for (const row of rows.filter((r) => r.outcome === "update")) {
      const current = await tx.mark.findUniqueOrThrow({ where: { id: row.id! }, select: { value: true } });
      const value = (row.data as { value: number }).value;
      await tx.mark.update({ where: { id: row.id! }, data: { value, updatedById: actorId } });
      await recordAudit(tx, {
        actorId,
        action: "update",
        entity: "Mark",
        entityId: row.id!,
        before: { value: current.value },
        after: { value },
      });
      out.set(row.line, { entityId: row.id!, before: { value: current.value }, after: { value } });
    }
    return out;
  },

  rollback(tx, actorId, rows) {
    return rollbackRows(tx, actorId, rows, {
      entity: "Mark",
      load: (db, ids) => db.mark.findMany({ where: { id: { in: ids } } }),
      same: (record, row) => record.value === (row.after as { value: number } | null)?.value,
      remove: async (db, removed) => {
        await db.mark.deleteMany({ where: { id: { in: removed.map((r) => r.entityId!) } } });
        const lessons = removed.map((r) => r.extraId).filter((id): id is string => !!id);
        // a lesson the run created goes too, unless something else has been recorded for it since
        if (lessons.length)
          await db.lesson.deleteMany({
            where: {
              id: { in: lessons },
              marks: { none: {} },
              attendance: { none: {} },
              topic: null,
              homework: null,
            },
          });
      },
      restore: async (db, row) => {
        const value = (row.before as { value: number }).value;
        await db.mark.update({ where: { id: row.entityId! }, data: { value, updatedById: actorId } });
      },
    });
  },
};
