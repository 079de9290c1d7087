/**
 * The import targets beyond organisations and pupils, each through the real database: classifier items,
 * historical marks and attendance, and the passport's budget lines — the dry run's classification with
 * localised reasons, the run, the same file again (all unchanged), the rollback, and the importer's scope.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { withCheckDigit } from "@/lib/identity";
import { pendingBudgetLines } from "@/lib/passport/passport";
import { budgetYears } from "@/lib/passport/rules";
import { suggestMapping, type Mapping } from "@/lib/import/mapping";
import { TARGETS, type ImportTargetName } from "@/lib/import/targets";
import {
  dryRunSource,
  getRun,
  rollbackRun,
  runOutcomes,
  runQueuedImports,
  startRun,
  storeSource,
} from "@/lib/import/runs";
import { refusal, useTemporaryBlobStore, viewer } from "@/tests/setup/helpers";

useTemporaryBlobStore("eiso-import-targets-");

let ministry: Viewer;
let region: Viewer;
let school: Viewer;
let school2: Viewer;

beforeAll(async () => {
  ministry = await viewer("u_ministry");
  region = await viewer("u_region");
  school = await viewer("u_school");
  school2 = await viewer("u_school2");
});

const mappingOf = (target: ImportTargetName, csv: string): Mapping =>
  suggestMapping(csv.split("\n")[0]!.split(";"), TARGETS[target].fields);

async function dry(who: Viewer, target: ImportTargetName, csv: string) {
  const sha = await storeSource(new Uint8Array(Buffer.from(csv, "utf8")));
  return dryRunSource(who, {
    target,
    sourceName: "rows.csv",
    sourceSha256: sha,
    options: {},
    mapping: mappingOf(target, csv),
  });
}

async function run(who: Viewer, target: ImportTargetName, csv: string) {
  const sha = await storeSource(new Uint8Array(Buffer.from(csv, "utf8")));
  const { id } = await startRun(who, {
    target,
    sourceName: "rows.csv",
    sourceSha256: sha,
    options: {},
    mapping: mappingOf(target, csv),
  });
  expect(await runQueuedImports()).toBe(`run ${id}`);
  return getRun(who, target, id);
}

const outcomes = (report: Awaited<ReturnType<typeof dry>>) =>
  report.results.map((r) => [r.line, r.outcome, r.reason ?? ""]);

describe("import into classifier items", () => {
  it("adds and renames items by classifier and item code, re-runs unchanged, rolls back; only the ministry", async () => {
    const code = `IMP_${Date.now().toString(36).toUpperCase()}`;
    const math = await prisma.classifierItem.findFirstOrThrow({
      where: { code: "MATH", classifier: { code: "SUBJECT" } },
    });
    const csv = [
      "Классификатор;Код;Атауы;Наименование;Name",
      `SUBJECT;${code};Астрономия;Астрономия;Astronomy`,
      `subject;MATH;${math.nameKk} (импорт);${math.nameRu};${math.nameEn}`,
      "NO_SUCH;X1;Белгісіз;Неизвестно;Unknown",
      "SUBJECT;bad code;Қате;Ошибка;Wrong",
      `SUBJECT;${code};Қайта;Повтор;Again`,
    ].join("\n");
    const report = await dry(ministry, "classifierItems", csv);
    expect(outcomes(report)).toEqual([
      [2, "new", ""],
      [3, "update", ""],
      [4, "invalid", "import.classifierUnknown"],
      [5, "invalid", "classifier.codeFormat"],
      [6, "duplicate", "import.duplicateInFile"],
    ]);
    expect(report.results[1]!.changes).toEqual(["nameKk"]);
    // nothing was written by the dry run
    expect(await prisma.classifierItem.count({ where: { code } })).toBe(0);

    const first = await run(ministry, "classifierItems", csv);
    expect(first).toMatchObject({ status: "DONE", countNew: 1, countUpdate: 1, countInvalid: 2, countDup: 1 });
    const added = await prisma.classifierItem.findFirstOrThrow({ where: { code } });
    expect([added.nameKk, added.nameEn]).toEqual(["Астрономия", "Astronomy"]);
    expect((await prisma.classifierItem.findUniqueOrThrow({ where: { id: math.id } })).nameKk).toBe(
      `${math.nameKk} (импорт)`,
    );
    expect(
      await prisma.auditLog.count({ where: { entity: "ClassifierItem", entityId: added.id, action: "create" } }),
    ).toBe(1);

    const again = await run(ministry, "classifierItems", csv);
    expect(again).toMatchObject({ countNew: 0, countUpdate: 0, countSame: 2 });

    expect(await rollbackRun(ministry, "classifierItems", first.id)).toEqual({ removed: 1, restored: 1, kept: [] });
    expect(await prisma.classifierItem.count({ where: { code } })).toBe(0);
    const restored = await prisma.classifierItem.findUniqueOrThrow({ where: { id: math.id } });
    expect([restored.nameKk, restored.nameRu]).toEqual([math.nameKk, math.nameRu]);

    // classifiers are the ministry's: a region admin may not import into them
    expect((await refusal(dry(region, "classifierItems", csv))).code).toBe("forbidden");
  });
});

/** School No. 1's 5 А: its pupils, and a past day of term 2 with the class's lessons and one without. */
async function fiveA() {
  const schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  const klass = await prisma.classGroup.findFirstOrThrow({
    where: { organizationId: schoolId, grade: 5, letter: "А" },
    include: {
      enrolments: { include: { student: { select: { id: true, iin: true } } }, orderBy: { studentId: "asc" } },
    },
  });
  const lesson = await prisma.lesson.findFirstOrThrow({
    where: { classGroupId: klass.id, date: { gte: new Date("2026-11-03"), lte: new Date("2026-11-20") } },
    orderBy: [{ date: "asc" }, { period: "asc" }],
    include: { subject: true, marks: true, attendance: true },
  });
  // a Sunday of term 2: the class has no lessons that day
  const sunday = "2026-11-08";
  expect(await prisma.lesson.count({ where: { classGroupId: klass.id, date: new Date(`${sunday}T00:00:00Z`) } })).toBe(
    0,
  );
  return { klass, lesson, sunday, day: lesson.date.toISOString().slice(0, 10) };
}

/** A valid IIN that no person has. */
async function unknownIin(): Promise<string> {
  for (let n = 100; ; n++) {
    const iin = withCheckDigit(`1001015${String(n).padStart(4, "0")}`);
    if (iin && !(await prisma.person.findUnique({ where: { iin } }))) return iin;
  }
}

describe("import of historical marks", () => {
  it("marks pupils on the class's lesson of the day (created when missing), re-runs unchanged, rolls back", async () => {
    const { klass, lesson, sunday, day } = await fiveA();
    const marked = lesson.marks[0]!;
    // the seeded journal has marks on its lessons: one of them is corrected by the import
    expect(marked).toBeDefined();
    const pupils = klass.enrolments.map((e) => e.student);
    const unmarked = pupils.find((p) => !lesson.marks.some((m) => m.studentId === p.id))!;
    const other = pupils.find((p) => p.id !== unmarked.id)!;
    const subject = lesson.subject.code;
    const header = "ИИН;Предмет;Дата;Оценка";
    const rows = [
      `${unmarked.iin};${subject};${day.split("-").reverse().join(".")};7`,
      `${other.iin};${lesson.subject.nameRu};${sunday.split("-").reverse().join(".")};9`,
      `${unmarked.iin};NO_SUBJECT;${day};5`,
      `${other.iin};${subject};${day};11`,
      `${await unknownIin()};${subject};${day};5`,
      `${other.iin};${subject};01.01.2099;5`,
    ];
    const markedIin = pupils.find((p) => p.id === marked.studentId)!.iin;
    rows.push(`${markedIin};${subject};${day};${marked.value === 10 ? 9 : marked.value + 1}`);
    const csv = [header, ...rows].join("\n");
    const report = await dry(region, "marks", csv);
    expect(outcomes(report)).toEqual([
      [2, "new", ""],
      [3, "new", ""],
      [4, "invalid", "import.subjectUnknown"],
      [5, "invalid", "diary.markRange"],
      [6, "invalid", "import.pupilUnknown"],
      [7, "invalid", "diary.futureLesson"],
      [8, "update", ""],
    ]);

    const first = await run(region, "marks", csv);
    expect(first).toMatchObject({ status: "DONE", countNew: 2, countUpdate: 1, countInvalid: 4 });
    expect(
      await prisma.mark.findUnique({ where: { lessonId_studentId: { lessonId: lesson.id, studentId: unmarked.id } } }),
    ).toMatchObject({ value: 7 });
    const created = await prisma.lesson.findFirstOrThrow({
      where: { classGroupId: klass.id, date: new Date(`${sunday}T00:00:00Z`) },
      include: { marks: true },
    });
    expect([created.subjectId, created.marks.map((m) => m.value)]).toEqual([lesson.subjectId, [9]]);

    const again = await run(region, "marks", csv);
    expect(again).toMatchObject({ countNew: 0, countUpdate: 0, countSame: 3 });

    expect(await rollbackRun(region, "marks", first.id)).toEqual({ removed: 2, restored: 1, kept: [] });
    expect(await prisma.mark.count({ where: { lessonId: lesson.id, studentId: unmarked.id } })).toBe(0);
    // the lesson the run created went with its mark
    expect(await prisma.lesson.count({ where: { id: created.id } })).toBe(0);
    expect((await prisma.mark.findUniqueOrThrow({ where: { id: marked.id } })).value).toBe(marked.value);

    // another school's admin: the same pupils are out of scope, and nothing says more
    const outside = await dry(school2, "marks", [header, rows[0], rows[1]].join("\n"));
    expect(outcomes(outside)).toEqual([
      [2, "invalid", "import.outOfScope"],
      [3, "invalid", "import.outOfScope"],
    ]);
    expect((await runOutcomes(region, "marks", first.id)).length).toBe(rows.length);
  });
});

describe("import of historical attendance", () => {
  it("marks a pupil absent for a day's lessons or one lesson, re-runs unchanged, rolls back", async () => {
    const { klass, sunday, day } = await fiveA();
    const lessons = await prisma.lesson.findMany({
      where: { classGroupId: klass.id, date: new Date(`${day}T00:00:00Z`) },
      include: { attendance: true },
      orderBy: { period: "asc" },
    });
    const pupils = klass.enrolments.map((e) => e.student);
    // a pupil present at every lesson that day, and another pupil for a single lesson
    const present = pupils.filter((p) => lessons.every((l) => !l.attendance.some((a) => a.studentId === p.id)));
    expect(present.length).toBeGreaterThanOrEqual(2);
    const [a, b] = present as [(typeof present)[0], (typeof present)[0]];
    const csv = [
      "ИИН;Дата;Урок;Посещаемость",
      `${a.iin};${day};;н`,
      `${b.iin};${day};${lessons[0]!.period};уважительная`,
      `${a.iin};${sunday};;н`,
      `${b.iin};${day};${lessons[0]!.period};?`,
      `${b.iin};${day};13;н`,
    ].join("\n");
    const report = await dry(region, "attendance", csv);
    expect(outcomes(report)).toEqual([
      [2, "new", ""],
      [3, "new", ""],
      [4, "invalid", "import.noLessons"],
      [5, "duplicate", "import.duplicateInFile"],
      [6, "invalid", "import.period"],
    ]);

    const first = await run(region, "attendance", csv);
    expect(first).toMatchObject({ status: "DONE", countNew: 2, countInvalid: 2, countDup: 1 });
    const recorded = await prisma.attendance.findMany({
      where: { studentId: { in: [a.id, b.id] }, lessonId: { in: lessons.map((l) => l.id) } },
    });
    expect(recorded.filter((r) => r.studentId === a.id).map((r) => r.status)).toEqual(lessons.map(() => "ABSENT"));
    expect(recorded.filter((r) => r.studentId === b.id).map((r) => r.status)).toEqual(["EXCUSED"]);

    const again = await run(region, "attendance", csv);
    expect(again).toMatchObject({ countNew: 0, countUpdate: 0, countSame: 2 });

    // one lesson changed in the journal since: that row is kept, the other removed
    await prisma.attendance.update({
      where: { id: recorded.find((r) => r.studentId === b.id)!.id },
      data: { status: "LATE" },
    });
    expect(await rollbackRun(region, "attendance", first.id)).toEqual({
      removed: 1,
      restored: 0,
      kept: [{ line: 3, key: `${b.iin}|${day}|${lessons[0]!.period}` }],
    });
    expect(
      await prisma.attendance.count({ where: { studentId: a.id, lessonId: { in: lessons.map((l) => l.id) } } }),
    ).toBe(0);
    await prisma.attendance.deleteMany({ where: { studentId: b.id, lessonId: lessons[0]!.id } });

    const outside = await dry(school2, "attendance", csv.split("\n").slice(0, 2).join("\n"));
    expect(outcomes(outside)).toEqual([[2, "invalid", "import.outOfScope"]]);
  });
});

describe("import of the passport's budget lines", () => {
  it("enters lines unconfirmed into the district's queue, re-runs unchanged, rolls back; own school only", async () => {
    const schoolId = school.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
    const [bin, bin2] = await Promise.all(
      [schoolId, school2.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!].map(
        async (id) => (await prisma.organization.findUniqueOrThrow({ where: { id } })).bin,
      ),
    );
    const year = budgetYears()[1]!;
    const taken = await prisma.budgetLine.findMany({ where: { organizationId: schoolId, year } });
    const free = ["REPUBLICAN", "PER_CAPITA", "PAID_SERVICES", "SPONSORSHIP"]
      .flatMap((source) => [1, 2, 3, 4].map((quarter) => ({ source, quarter })))
      .find((k) => !taken.some((t) => t.source === k.source && t.expense === "EQUIPMENT" && t.quarter === k.quarter))!;
    // a line the district has confirmed: the import corrects it
    const confirmedKey = {
      organizationId: schoolId,
      year,
      source: "LOCAL" as const,
      expense: "REPAIRS" as const,
      quarter: 4,
    };
    const decided = {
      status: "CONFIRMED" as const,
      decidedById: "u_district",
      decidedAt: new Date(),
      decisionNote: null,
    };
    const confirmed = await prisma.budgetLine.upsert({
      where: { organizationId_year_source_expense_quarter: confirmedKey },
      create: { ...confirmedKey, planned: 5000, spent: 100, comment: null, updatedById: "u_school", ...decided },
      update: { ...decided },
    });
    const csv = [
      "БИН;Год;Источник;Статья;Квартал;План;Израсходовано;Комментарий",
      `${bin};${year};${free.source};Оборудование;${free.quarter};1 000,5;500;`,
      `${bin};${year};LOCAL;FOOD;2;200;300;`,
      `${bin2};${year};LOCAL;FOOD;1;100;0;`,
      `${bin};1990;LOCAL;FOOD;1;100;0;`,
      `${bin};${year};${confirmed.source};${confirmed.expense};${confirmed.quarter};${confirmed.planned + 1};${confirmed.spent};`,
    ].join("\n");
    const report = await dry(school, "budgetLines", csv);
    expect(outcomes(report)).toEqual([
      [2, "new", ""],
      [3, "invalid", "passport.overspendComment"],
      [4, "invalid", "passport.outOfScope"],
      [5, "invalid", "passport.budgetYear"],
      [6, "update", ""],
    ]);

    const first = await run(school, "budgetLines", csv);
    expect(first).toMatchObject({ status: "DONE", countNew: 1, countInvalid: 3, countUpdate: 1 });
    const key = {
      organizationId: schoolId,
      year,
      source: free.source as "LOCAL",
      expense: "EQUIPMENT" as const,
      quarter: free.quarter,
    };
    const added = await prisma.budgetLine.findUniqueOrThrow({
      where: { organizationId_year_source_expense_quarter: key },
    });
    expect([added.planned, added.spent, added.status]).toEqual([1000.5, 500, "PENDING"]);
    // like a typed line, it waits in the district's confirm queue
    const district = await viewer("u_district");
    expect((await pendingBudgetLines(district)).map((l) => l.id)).toContain(added.id);
    expect((await prisma.budgetLine.findUniqueOrThrow({ where: { id: confirmed.id } })).status).toBe("PENDING");

    const again = await run(school, "budgetLines", csv);
    expect(again).toMatchObject({ countNew: 0, countUpdate: 0, countSame: 2 });

    expect(await rollbackRun(school, "budgetLines", first.id)).toEqual({
      removed: 1,
      restored: 1,
      kept: [],
    });
    expect(
      await prisma.budgetLine.findUnique({ where: { organizationId_year_source_expense_quarter: key } }),
    ).toBeNull();
    expect(await prisma.budgetLine.findUniqueOrThrow({ where: { id: confirmed.id } })).toMatchObject({
      status: "CONFIRMED",
      planned: confirmed.planned,
    });

    // the passport is its school's own: a region admin may not import budget lines
    expect((await refusal(dry(region, "budgetLines", csv))).code).toBe("forbidden");
  });
});
