/**
 * `npm run bench:diary [-- --schools 300 --runs 200 --batches 100]`: the e-diary at national scale.
 *
 * 1. Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL — its public
 *    schema is dropped and recreated): the `tiny` seed, then `--schools` schools with one class each of 30
 *    students, 6 subjects × 60 lessons of a term, formative marks (≈ 1,000,000 with 300 schools),
 *    attendance by exception and a СОР per subject; then ANALYZE (planner statistics, as on a live server).
 * 2. Times the services behind the pages (server time without HTTP and rendering):
 *    - a parent's diary (lib/diary/diary.ts loadStudentDiary) for random students: p50 / p95, target ≤ 100 ms;
 *    - a teacher's journal grid for a class of 30 × 60 lessons (loadJournal): p50 / p95, target ≤ 150 ms;
 *    - marks saved per second through saveJournal in batches of 30 (one transaction per batch).
 *
 * Prints the figures and writes bench/results/diary-<date>.json.
 */
import { loadViewer } from "../lib/auth/access";
import { addDays, dateValue, weekday } from "../lib/diary/dates";
import { loadStudentDiary } from "../lib/diary/diary";
import { loadJournal, saveJournal } from "../lib/diary/journal";
import type { Prisma } from "../lib/generated/prisma/client";
import { rng } from "../prisma/seed/random";
import { closeBenchDatabase, log, ms, openBenchDatabase, option, summary, writeResult } from "./lib";

const SCHOOLS = option("schools", 300);
const RUNS = option("runs", 200);
const BATCHES = option("batches", 100);
const STUDENTS = 30;
const SUBJECTS = ["MATH", "KAZ_LANG", "RUS_LANG", "ENG", "HIST_KZ", "PE"];
const LESSONS_PER_SUBJECT = 60;
const TODAY = "2026-11-23";
const NOW = new Date(`${TODAY}T10:00:00Z`);

try {
  let t = process.hrtime.bigint();
  const { db, label } = await openBenchDatabase();
  console.log(`Diary benchmark on ${label}: ${SCHOOLS} schools`);
  const prisma = db.prisma;
  log(`migrate + tiny seed: ${(ms(t) / 1000).toFixed(1)} s`);

  t = process.hrtime.bigint();
  const random = rng(42);
  const district = await prisma.territory.findFirstOrThrow({ where: { level: "DISTRICT" } });
  const hash = (await prisma.user.findUniqueOrThrow({ where: { id: "u_teacher" } })).passwordHash;
  await prisma.user.createMany({
    data: [
      { id: "u_bench_teacher", login: "bench-teacher", passwordHash: hash, displayName: "Bench teacher" },
      { id: "u_bench_parent", login: "bench-parent", passwordHash: hash, displayName: "Bench parent" },
    ],
  });
  // school days of the term: 60 weekdays up to today
  const days: string[] = [];
  for (let d = TODAY; days.length < LESSONS_PER_SUBJECT; d = addDays(d, -1)) if (weekday(d) <= 5) days.unshift(d);

  let marks = 0;
  const classes: { id: string; termId: string; students: string[]; organizationId: string }[] = [];
  for (let s = 0; s < SCHOOLS; s++) {
    const orgId = `o_bench_${s}`;
    await prisma.organization.create({
      data: {
        id: orgId,
        bin: `99${String(s).padStart(10, "0")}`,
        nameKk: `Bench ${s}`,
        nameRu: `Bench ${s}`,
        nameEn: `Bench ${s}`,
        kindId: "c_org_kind_school",
        territoryId: district.id,
      },
    });
    await prisma.roleAssignment.createMany({
      data: [
        { userId: "u_bench_teacher", role: "TEACHER", organizationId: orgId },
        { userId: "u_bench_parent", role: "PARENT", organizationId: orgId },
      ],
    });
    const yearId = `ay_${orgId}`;
    const termId = `${yearId}_t1`;
    const classId = `cg_${orgId}`;
    await prisma.academicYear.create({
      data: {
        id: yearId,
        organizationId: orgId,
        label: "2026/2027",
        startDate: dateValue("2026-09-01"),
        endDate: dateValue("2027-05-25"),
      },
    });
    await prisma.term.create({
      data: {
        id: termId,
        academicYearId: yearId,
        organizationId: orgId,
        number: 1,
        startDate: dateValue(days[0]!),
        endDate: dateValue("2026-12-26"),
      },
    });
    await prisma.classGroup.create({
      data: {
        id: classId,
        organizationId: orgId,
        academicYearId: yearId,
        grade: 7,
        letter: "А",
        homeroomTeacherId: "u_bench_teacher",
      },
    });
    const students = Array.from({ length: STUDENTS }, (_, i) => `p_bench_${s}_${i}`);
    await prisma.person.createMany({
      data: students.map((id, i) => ({
        id,
        iin: `9${String(s).padStart(5, "0")}${String(i).padStart(6, "0")}`,
        lastName: `Оқушы${i}`,
        firstName: `Аты${i}`,
        birthDate: dateValue("2013-05-05"),
        sex: "FEMALE" as const,
        organizationId: orgId,
      })),
    });
    await prisma.classEnrolment.createMany({
      data: students.map((studentId) => ({
        organizationId: orgId,
        academicYearId: yearId,
        classGroupId: classId,
        studentId,
      })),
    });
    await prisma.teachingAssignment.createMany({
      data: SUBJECTS.map((code) => ({
        organizationId: orgId,
        classGroupId: classId,
        subjectId: `c_subject_${code.toLowerCase()}`,
        teacherId: "u_bench_teacher",
      })),
    });
    const lessons: Prisma.LessonCreateManyInput[] = [];
    const markRows: Prisma.MarkCreateManyInput[] = [];
    const absences: Prisma.AttendanceCreateManyInput[] = [];
    days.forEach((day, d) =>
      SUBJECTS.forEach((code, p) => {
        const id = `${classId}_${d}_${p}`;
        lessons.push({
          id,
          organizationId: orgId,
          classGroupId: classId,
          subjectId: `c_subject_${code.toLowerCase()}`,
          termId,
          date: dateValue(day),
          period: p + 1,
          topic: `Тақырып ${d}`,
          homework: `§${d}`,
        });
        for (const studentId of students) {
          const r = random.next();
          if (r < 0.03) absences.push({ organizationId: orgId, lessonId: id, studentId, status: "ABSENT" });
          else if (r < 0.03 + 0.31)
            markRows.push({ organizationId: orgId, lessonId: id, studentId, value: random.int(3, 10) });
        }
      }),
    );
    await prisma.lesson.createMany({ data: lessons });
    for (let i = 0; i < markRows.length; i += 5000) await prisma.mark.createMany({ data: markRows.slice(i, i + 5000) });
    await prisma.attendance.createMany({ data: absences });
    for (const code of SUBJECTS) {
      const aid = `sa_${classId}_${code}`;
      await prisma.summativeAssessment.create({
        data: {
          id: aid,
          organizationId: orgId,
          classGroupId: classId,
          subjectId: `c_subject_${code.toLowerCase()}`,
          termId,
          kind: "SOR",
          number: 1,
          date: dateValue(days[20]!),
          maxPoints: 20,
        },
      });
      await prisma.summativeResult.createMany({
        data: students.map((studentId) => ({
          organizationId: orgId,
          assessmentId: aid,
          studentId,
          points: random.int(5, 20),
        })),
      });
    }
    await prisma.guardianship.create({ data: { userId: "u_bench_parent", studentId: students[s % STUDENTS]! } });
    marks += markRows.length;
    classes.push({ id: classId, termId, students, organizationId: orgId });
    if ((s + 1) % 50 === 0) log(`${s + 1} schools, ${marks.toLocaleString("en")} marks`);
  }
  const seedSeconds = ms(t) / 1000;
  log(`diary data: ${SCHOOLS} schools, ${marks.toLocaleString("en")} marks in ${seedSeconds.toFixed(0)} s`);
  // planner statistics after the bulk load, as autovacuum would gather them on a running server
  t = process.hrtime.bigint();
  await db.raw.exec("ANALYZE");
  log(`analyze: ${(ms(t) / 1000).toFixed(1)} s`);

  const parent = (await loadViewer("u_bench_parent"))!;
  const teacher = (await loadViewer("u_bench_teacher"))!;
  const children = await prisma.guardianship.findMany({
    where: { userId: "u_bench_parent" },
    select: { studentId: true },
  });

  // warm-up
  for (let i = 0; i < 5; i++) await loadStudentDiary(parent, children[i]!.studentId, {}, NOW);
  const diaryTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await loadStudentDiary(parent, children[random.int(0, children.length - 1)]!.studentId, {}, NOW);
    diaryTimes.push(ms(start));
  }
  const diary = summary(diaryTimes);
  log(`parent diary: p50 ${diary.p50} ms, p95 ${diary.p95} ms (target ≤ 100 ms)`);

  const journalTimes: number[] = [];
  const journalRuns = Math.max(20, Math.floor(RUNS / 4));
  for (let i = 0; i < journalRuns + 3; i++) {
    const c = classes[random.int(0, classes.length - 1)]!;
    const start = process.hrtime.bigint();
    const j = await loadJournal(teacher, { classGroupId: c.id, subjectId: "c_subject_math", termId: c.termId }, NOW);
    if (i >= 3) journalTimes.push(ms(start));
    if (j.students.length !== STUDENTS || j.lessons.length !== LESSONS_PER_SUBJECT)
      throw new Error(`journal is ${j.students.length} × ${j.lessons.length}`);
  }
  const journal = summary(journalTimes);
  log(`journal 30 × 60: p50 ${journal.p50} ms, p95 ${journal.p95} ms (target ≤ 150 ms)`);

  t = process.hrtime.bigint();
  let saved = 0;
  for (let b = 0; b < BATCHES; b++) {
    const c = classes[b % classes.length]!;
    const d = random.int(0, days.length - 1);
    const changes = c.students.map((studentId) => ({
      type: "mark" as const,
      lessonId: `${c.id}_${d}_0`,
      studentId,
      value: random.int(1, 10),
    }));
    await saveJournal(teacher, { classGroupId: c.id, subjectId: "c_subject_math", termId: c.termId, changes }, NOW);
    saved += changes.length;
  }
  const seconds = ms(t) / 1000;
  const perSecond = saved / seconds;
  log(
    `saves: ${saved} marks in ${BATCHES} batches of ${STUDENTS}: ${perSecond.toFixed(0)} marks/s (${((seconds * 1000) / BATCHES).toFixed(1)} ms per batch)`,
  );

  writeResult("diary", {
    database: db.kind,
    schools: SCHOOLS,
    marks,
    seedSeconds: Math.round(seedSeconds),
    parentDiaryMs: diary,
    journalMs: journal,
    saves: { batches: BATCHES, batchSize: STUDENTS, marksPerSecond: Math.round(perSecond) },
  });
} finally {
  await closeBenchDatabase();
}
