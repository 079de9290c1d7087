"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { computeTermGrade } from "@/lib/diary/grade";
import { saveJournalAction } from "@/lib/diary/actions";
import type { JournalData } from "@/lib/diary/journal";
import type { JournalChange } from "@/lib/diary/schemas";
import { Input, Textarea } from "@/components/ui/input";
import { formatClock, formatDay, formatDayMonth, formatNumber, formatWeekday } from "@/lib/format";

type Status = "ABSENT" | "LATE" | "EXCUSED";
type Student = JournalData["students"][number];
type Column =
  | { kind: "lesson"; id: string; date: string; period: number }
  | { kind: "result"; id: string; label: string; max: number; date: string };
type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Student>();
const key = (a: string, b: string) => `${a}:${b}`;
const SAVE_DELAY_MS = 600;
const BATCH = 30;

/**
 * The class journal grid: students × lessons (+ СОР/СОЧ columns and the live term grade). Keyboard entry: a
 * focused cell takes a mark (1–10) or an attendance letter as soon as one types; Enter saves and moves down,
 * Tab moves right, Esc cancels, Delete clears, arrows move. Changes are saved in batches in the background;
 * the save state is shown, and cells the server refused are marked with its message and restored.
 */
export function JournalGrid({ data }: { data: JournalData }) {
  const t = useTranslations("diary.journal");
  const tg = useTranslations("diary.grade");
  const locale = useLocale();
  const [marks, setMarks] = useState<Record<string, number>>(data.marks);
  const [attendance, setAttendance] = useState<Record<string, Status>>(data.attendance);
  const [results, setResults] = useState<Record<string, number>>(data.results);
  const [lessons, setLessons] = useState(data.lessons);
  const saved = useRef({ marks: data.marks, attendance: data.attendance, results: data.results });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [editing, setEditing] = useState<{ row: number; col: number; text: string; select?: boolean } | null>(null);
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const [reason, setReason] = useState("");
  const [lessonEdit, setLessonEdit] = useState<string | null>(null);
  const pending = useRef(new Map<string, JournalChange>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const skipBlur = useRef(false);
  const codes = useMemo(
    () => ({
      ABSENT: t("codes.absent"),
      LATE: t("codes.late"),
      EXCUSED: t("codes.excused"),
    }),
    [t],
  );

  const columns: Column[] = useMemo(
    () => [
      ...lessons.map((l) => ({ kind: "lesson" as const, id: l.id, date: l.date, period: l.period })),
      ...data.assessments.map((a) => ({
        kind: "result" as const,
        id: a.id,
        label: `${a.kind === "SOR" ? t("sor") : t("soch")} ${a.number}`,
        max: a.maxPoints,
        date: a.date,
      })),
    ],
    [lessons, data.assessments, t],
  );
  const editable = data.editable;
  const closed = Boolean(data.closed);

  // ───────── saving ─────────
  // A refused change puts the last saved value back into its cell.
  const restore = useCallback((c: JournalChange) => {
    const s = saved.current;
    if (c.type === "mark")
      setMarks((m) => withValue(m, key(c.lessonId, c.studentId), s.marks[key(c.lessonId, c.studentId)]));
    else if (c.type === "attendance")
      setAttendance((a) => withValue(a, key(c.lessonId, c.studentId), s.attendance[key(c.lessonId, c.studentId)]));
    else if (c.type === "result")
      setResults((r) => withValue(r, key(c.assessmentId, c.studentId), s.results[key(c.assessmentId, c.studentId)]));
  }, []);

  // Saving waits for a pause in typing; the timer calls the newest `flush` through a ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), SAVE_DELAY_MS);
  }, []);

  const flush = useCallback(async () => {
    if (inFlight.current || pending.current.size === 0) return;
    inFlight.current = true;
    const entries = [...pending.current.entries()].slice(0, BATCH);
    for (const [k] of entries) pending.current.delete(k);
    setSave({ kind: "saving" });
    const fd = new FormData();
    fd.set("classGroupId", data.classGroup.id);
    fd.set("subjectId", data.subject.id);
    fd.set("termId", data.term.id);
    fd.set("changes", JSON.stringify(entries.map(([, c]) => c)));
    try {
      const result = await saveJournalAction(null, fd);
      if (result.ok) {
        const s = saved.current;
        const m = { ...s.marks };
        const a = { ...s.attendance };
        const r = { ...s.results };
        for (const [, c] of entries) {
          if (c.type === "mark") {
            if (c.value === null) delete m[key(c.lessonId, c.studentId)];
            else m[key(c.lessonId, c.studentId)] = c.value;
          } else if (c.type === "attendance") {
            if (c.status === null) delete a[key(c.lessonId, c.studentId)];
            else a[key(c.lessonId, c.studentId)] = c.status;
          } else if (c.type === "result") {
            if (c.points === null) delete r[key(c.assessmentId, c.studentId)];
            else r[key(c.assessmentId, c.studentId)] = c.points;
          }
        }
        saved.current = { marks: m, attendance: a, results: r };
        setSave(pending.current.size ? { kind: "pending" } : { kind: "saved", at: new Date() });
      } else {
        // the whole batch was refused: mark the offending cells, restore them, send the others again
        const cellErrors: Record<string, string> = {};
        const bad = new Set<number>();
        for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
          const index = Number(field.split(".")[1]);
          if (!Number.isInteger(index) || !entries[index]) continue;
          bad.add(index);
          cellErrors[entries[index]![0]] = message;
        }
        entries.forEach(([k, c], i) => {
          if (bad.has(i) || bad.size === 0) {
            restore(c);
            if (bad.size === 0) cellErrors[k] = result.message ?? "";
          } else if (!pending.current.has(k)) pending.current.set(k, c);
        });
        setErrors((e) => ({ ...e, ...cellErrors }));
        setSave({ kind: "error", message: result.message ?? "" });
      }
    } catch {
      for (const [k, c] of entries) if (!pending.current.has(k)) pending.current.set(k, c);
      setSave({ kind: "error", message: t("offline") });
    } finally {
      inFlight.current = false;
      if (pending.current.size) schedule();
    }
  }, [data.classGroup.id, data.subject.id, data.term.id, t, restore, schedule]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current.size || inFlight.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  function queue(cell: string, change: JournalChange) {
    const withReason = closed && change.type !== "lesson" ? { ...change, reason } : change;
    pending.current.set(cell, withReason);
    setErrors((e) => {
      if (!(cell in e)) return e;
      const next = { ...e };
      delete next[cell];
      return next;
    });
    setSave({ kind: "pending" });
    schedule();
  }

  // ───────── entry ─────────
  function parseEntry(
    text: string,
    column: Column,
  ): { mark?: number | null; status?: Status | null; points?: number | null } | { error: string } {
    const v = text.trim().toLowerCase();
    if (column.kind === "result") {
      if (v === "") return { points: null };
      const n = Number(v.replace(",", "."));
      if (!Number.isFinite(n) || n < 0) return { error: t("badPoints") };
      if (n > column.max) return { error: t("aboveMax", { max: column.max }) };
      return { points: n };
    }
    if (v === "") return { mark: null, status: null };
    for (const [status, code] of Object.entries(codes) as [Status, string][]) {
      if (v === code.toLowerCase()) return { status };
    }
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 10) return { error: t("badMark") };
    return { mark: n };
  }

  function commit(row: number, col: number, text: string): boolean {
    const column = columns[col];
    const student = data.students[row];
    if (!column || !student) return true;
    const cell = key(column.id, student.id);
    const parsed = parseEntry(text, column);
    if ("error" in parsed) {
      setErrors((e) => ({ ...e, [cell]: parsed.error }));
      return false;
    }
    if (column.kind === "result") {
      setResults((r) => withValue(r, cell, parsed.points ?? undefined));
      queue(`r:${cell}`, {
        type: "result",
        assessmentId: column.id,
        studentId: student.id,
        points: parsed.points ?? null,
      });
      return true;
    }
    if ("mark" in parsed && parsed.mark !== undefined) {
      setMarks((m) => withValue(m, cell, parsed.mark ?? undefined));
      queue(`m:${cell}`, { type: "mark", lessonId: column.id, studentId: student.id, value: parsed.mark });
    }
    if ("status" in parsed && parsed.status !== undefined) {
      setAttendance((a) => withValue(a, cell, parsed.status ?? undefined));
      queue(`a:${cell}`, { type: "attendance", lessonId: column.id, studentId: student.id, status: parsed.status });
    }
    return true;
  }

  function move(row: number, col: number) {
    const r = Math.max(0, Math.min(data.students.length - 1, row));
    const c = Math.max(0, Math.min(columns.length - 1, col));
    setFocus({ row: r, col: c });
    requestAnimationFrame(() => document.getElementById(`jc-${r}-${c}`)?.focus());
  }

  function cellKeyDown(e: KeyboardEvent<HTMLElement>, row: number, col: number) {
    if (editing) return;
    if (e.key === "ArrowDown") return (e.preventDefault(), move(row + 1, col));
    if (e.key === "ArrowUp") return (e.preventDefault(), move(row - 1, col));
    if (e.key === "ArrowRight") return (e.preventDefault(), move(row, col + 1));
    if (e.key === "ArrowLeft") return (e.preventDefault(), move(row, col - 1));
    if (!editable || (closed && !reason.trim())) return;
    const column = columns[col];
    if (column && column.date > data.today) return;
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      commit(row, col, "");
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEditing(row, col, displayText(row, col), true);
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEditing(row, col, e.key);
    }
  }

  /** Starts editing a cell: with the typed character, or (Enter, F2, double click) with its value selected. */
  function startEditing(row: number, col: number, text: string, select = false) {
    skipBlur.current = false;
    setEditing({ row, col, text, select });
  }

  function editorKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!editing) return;
    const { row, col, text } = editing;
    if (e.key === "Escape") {
      e.preventDefault();
      skipBlur.current = true;
      setEditing(null);
      const column = columns[col];
      const student = data.students[row];
      if (column && student) {
        const cell = key(column.id, student.id);
        setErrors((errs) => {
          if (!(cell in errs)) return errs;
          const next = { ...errs };
          delete next[cell];
          return next;
        });
      }
      move(row, col);
      return;
    }
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      if (!commit(row, col, text)) return;
      skipBlur.current = true;
      setEditing(null);
      if (e.key === "Enter") move(row + 1, col);
      else move(row, col + (e.shiftKey ? -1 : 1));
    }
  }

  function displayText(row: number, col: number): string {
    const column = columns[col];
    const student = data.students[row];
    if (!column || !student) return "";
    const cell = key(column.id, student.id);
    if (column.kind === "result") return results[cell] === undefined ? "" : String(results[cell]);
    return marks[cell] === undefined ? "" : String(marks[cell]);
  }

  // ───────── grid ─────────
  const termGrade = useCallback(
    (studentId: string) => {
      const formative = lessons.flatMap((l) =>
        marks[key(l.id, studentId)] === undefined ? [] : [marks[key(l.id, studentId)]!],
      );
      const part = (kind: "SOR" | "SOCH") =>
        data.assessments
          .filter((a) => a.kind === kind && results[key(a.id, studentId)] !== undefined)
          .map((a) => ({ points: results[key(a.id, studentId)]!, maxPoints: a.maxPoints }));
      return computeTermGrade({ formative, sor: part("SOR"), soch: part("SOCH"), weights: data.weights });
    },
    [lessons, marks, results, data.assessments, data.weights],
  );

  // Column definitions carry ids and headers only; cells are rendered from the current state below
  // (the table's row model gives the order), so an edit shows at once.
  const tableColumns = useMemo(
    () =>
      helper.columns([
        helper.display({ id: "student", header: () => t("student") }),
        ...columns.map((column) =>
          helper.display({
            id: column.id,
            header: () =>
              column.kind === "lesson" ? (
                <button
                  type="button"
                  className="font-normal"
                  onClick={() => setLessonEdit(column.id)}
                  title={t("editLesson")}
                  data-testid={`lesson-${column.id}`}
                >
                  <span className="block text-xs text-slate-500" aria-hidden>
                    {formatWeekday(column.date, locale)}
                  </span>
                  <span className="sr-only">{formatDay(column.date, locale)}</span>
                  <span aria-hidden>{formatDayMonth(column.date, locale)}</span>
                </button>
              ) : (
                <span title={column.date}>
                  {column.label}
                  <span className="block text-xs font-normal text-slate-500">/{column.max}</span>
                </span>
              ),
          }),
        ),
        helper.display({ id: "termGrade", header: () => t("termGrade") }),
      ]),
    [columns, t, locale],
  );
  const columnIndex = useMemo(() => new Map(columns.map((c, i) => [c.id, i])), [columns]);
  // The journal opens at today's column (the last lesson held so far): the grid scrolls inside its own area,
  // the students' names stay at the left, and the columns up to today end at the right edge.
  const scroller = useRef<HTMLDivElement>(null);
  const todayColumn = useMemo(() => {
    const held = columns.filter((c) => c.kind === "lesson" && c.date <= data.today);
    return held.at(-1)?.id ?? null;
  }, [columns, data.today]);
  useEffect(() => {
    const box = scroller.current;
    if (!box || !todayColumn) return;
    const th = box.querySelector<HTMLElement>(`th[data-column="${CSS.escape(todayColumn)}"]`);
    if (!th) return;
    box.scrollLeft = Math.max(0, th.offsetLeft + th.offsetWidth - box.clientWidth + 8);
  }, [todayColumn]);

  function renderGrade(student: Student) {
    const result = termGrade(student.id);
    const confirmed = data.confirmed[student.id];
    return (
      <span className="whitespace-nowrap" data-testid={`grade-${student.id}`} data-grade={result?.grade ?? ""}>
        {result ? (
          <>
            <strong>{result.grade}</strong>{" "}
            <span className="text-xs text-slate-600">
              ({formatNumber(result.roundedPercent, locale)}%{result.partial ? "*" : ""})
            </span>
          </>
        ) : (
          "—"
        )}
        {confirmed && (
          <span className="ml-1 rounded bg-green-100 px-1 text-xs text-green-800" title={tg("confirmed")}>
            ✓ {confirmed.grade}
          </span>
        )}
      </span>
    );
  }

  function renderCell(column: Column, col: number, student: Student, row: number) {
    const cell = key(column.id, student.id);
    const future = column.date > data.today;
    const error = errors[cell];
    const isEditing = editing && editing.row === row && editing.col === col;
    const status = column.kind === "lesson" ? attendance[cell] : undefined;
    return (
      <div
        id={`jc-${row}-${col}`}
        role="gridcell"
        tabIndex={focus.row === row && focus.col === col ? 0 : -1}
        aria-invalid={error ? true : undefined}
        aria-readonly={!editable || future ? true : undefined}
        title={error ?? (future ? t("future") : undefined)}
        data-testid={`cell-${student.id}-${column.id}`}
        data-status={status ?? ""}
        data-kind={column.kind}
        onFocus={() => setFocus({ row, col })}
        onKeyDown={(e) => cellKeyDown(e, row, col)}
        onDoubleClick={() =>
          editable && !future && (!closed || reason.trim()) && startEditing(row, col, displayText(row, col), true)
        }
        className={`flex h-8 min-w-10 items-center justify-center gap-0.5 rounded outline-none focus:ring-2 focus:ring-brand-500 ${future ? "bg-slate-50 text-slate-300" : ""} ${error ? "bg-red-100 ring-1 ring-red-500" : ""}`}
      >
        {isEditing ? (
          <input
            autoFocus
            aria-label={`${student.lastName} ${student.firstName}, ${column.kind === "lesson" ? column.date : column.label}`}
            value={editing.text}
            onFocus={(e) => editing.select && e.currentTarget.select()}
            onChange={(e) => setEditing({ ...editing, text: e.target.value, select: false })}
            onKeyDown={editorKeyDown}
            onBlur={() => {
              if (skipBlur.current) return;
              if (commit(row, col, editing.text)) setEditing(null);
            }}
            className="w-10 rounded border border-brand-500 px-1 text-center"
          />
        ) : column.kind === "lesson" ? (
          <>
            {marks[cell] !== undefined && <span className="font-semibold">{marks[cell]}</span>}
            {status && (
              <span
                className={`rounded px-1 text-xs ${status === "ABSENT" ? "bg-red-100 text-red-800" : status === "LATE" ? "bg-amber-100 text-amber-900" : "bg-sky-100 text-sky-900"}`}
              >
                {codes[status]}
              </span>
            )}
          </>
        ) : (
          results[cell] !== undefined && <span className="font-semibold">{results[cell]}</span>
        )}
      </div>
    );
  }

  const table = useTable({ features, columns: tableColumns, data: data.students, getRowId: (row) => row.id });
  const editedLesson = lessons.find((l) => l.id === lessonEdit);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p
          aria-live="polite"
          data-testid="save-state"
          data-state={save.kind}
          className={save.kind === "error" ? "font-medium text-red-700" : "text-slate-600"}
        >
          {save.kind === "saving" || save.kind === "pending"
            ? t("saving")
            : save.kind === "saved"
              ? t("saved", { time: formatClock(save.at) })
              : save.kind === "error"
                ? `${t("saveError")} ${save.message}`
                : editable
                  ? t("hint")
                  : t("readOnly")}
        </p>
        <p className="text-slate-500">
          {t("legend", { absent: codes.ABSENT, late: codes.LATE, excused: codes.EXCUSED })}
        </p>
      </div>
      {closed && editable && (
        <label className="flex max-w-xl flex-col gap-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <span className="font-medium">{t("reasonLabel")}</span>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} density="sm" maxLength={500} />
        </label>
      )}
      <div
        ref={scroller}
        className="max-h-[70vh] max-w-full overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        data-testid="journal-scroller"
      >
        <table role="grid" aria-label={t("gridLabel")} className="border-separate border-spacing-0 text-sm">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header, i) => (
                  <th
                    key={header.id}
                    scope="col"
                    className={`sticky top-0 border-b border-slate-200 bg-slate-100 px-2 py-1 text-center font-semibold ${i === 0 ? "left-0 z-20 text-left" : "z-10"}`}
                    data-column={header.column.id}
                  >
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-student-id={row.id} className="hover:bg-brand-50">
                {row.getAllCells().map((cell, i) => {
                  const id = cell.column.id;
                  if (i === 0) {
                    return (
                      <th
                        key={cell.id}
                        scope="row"
                        className="sticky left-0 z-10 border-b border-r border-slate-100 bg-white px-2 py-1 text-left font-normal"
                      >
                        <span className="block max-w-[7.5rem] truncate sm:max-w-none sm:whitespace-nowrap">
                          {row.index + 1}. {row.original.lastName} {row.original.firstName}
                        </span>
                      </th>
                    );
                  }
                  const col = columnIndex.get(id);
                  return (
                    <td key={cell.id} className="border-b border-slate-100 px-0.5 py-0.5 text-center">
                      {col === undefined
                        ? renderGrade(row.original)
                        : renderCell(columns[col]!, col, row.original, row.index)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editedLesson && (
        <LessonEditor
          key={editedLesson.id}
          lesson={editedLesson}
          editable={editable}
          onSave={(topic, homework) => {
            setLessons((ls) => ls.map((l) => (l.id === editedLesson.id ? { ...l, topic, homework } : l)));
            queue(`l:${editedLesson.id}`, { type: "lesson", lessonId: editedLesson.id, topic, homework });
            setLessonEdit(null);
          }}
          onClose={() => setLessonEdit(null)}
        />
      )}
    </div>
  );
}

function withValue<V>(map: Record<string, V>, k: string, value: V | undefined): Record<string, V> {
  const next = { ...map };
  if (value === undefined) delete next[k];
  else next[k] = value;
  return next;
}

function LessonEditor({
  lesson,
  editable,
  onSave,
  onClose,
}: {
  lesson: JournalData["lessons"][number];
  editable: boolean;
  onSave: (topic: string, homework: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("diary.journal");
  const [topic, setTopic] = useState(lesson.topic);
  const [homework, setHomework] = useState(lesson.homework);
  return (
    <section
      className="max-w-2xl space-y-2 rounded-lg bg-white p-4 shadow-sm"
      aria-label={t("lessonTitle", { date: lesson.date })}
    >
      <h2 className="font-semibold">{t("lessonTitle", { date: lesson.date })}</h2>
      <label className="block text-sm">
        <span className="font-medium">{t("topic")}</span>
        <Input
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          readOnly={!editable}
          maxLength={500}
          density="sm"
          className="mt-1 w-full"
        />
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("homework")}</span>
        <Textarea
          value={homework}
          onChange={(e) => setHomework(e.target.value)}
          readOnly={!editable}
          maxLength={2000}
          rows={2}
          density="sm"
          className="mt-1 w-full"
        />
      </label>
      <div className="flex gap-2">
        {editable && (
          <button
            type="button"
            onClick={() => onSave(topic.trim(), homework.trim())}
            className="rounded bg-brand-600 px-3 py-1 text-white"
          >
            {t("saveLesson")}
          </button>
        )}
        <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1">
          {t("close")}
        </button>
      </div>
    </section>
  );
}
