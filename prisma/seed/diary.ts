/**
 * E-diary demo data in school No. 1 of Kokshetau: the academic year 2026/2027 with its quarters, classes with
 * students, a weekly timetable, the lessons it generates up to today, formative marks, attendance by
 * exception, СОР/СОЧ results and (demo scale) the closed first quarter with confirmed term grades.
 *
 * The demo `teacher` is the homeroom teacher of 5 А and teaches it every subject; `teacher2` has 5 Ә (and
 * `teacher3` 7 А in the demo scale). The demo `parent` is the guardian of the demo `student` (5 А) and of her
 * brother in another class; `parent2` is the guardian of another 5 А pupil.
 *
 * Deterministic (own generator); lessons reach up to today (Asia/Almaty), clamped to the term.
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO_EXTRA_ACCOUNTS } from "./accounts";
import { computeTermGrade } from "../../lib/diary/grade";
import { addDays, dateValue, daysBetween, weekday } from "../../lib/diary/dates";
import { almatyDate } from "../../lib/time";
import { iinPrefix, withCheckDigit } from "../../lib/identity";
import { FEMALE_FIRST, MALE_FIRST, PATRONYMIC_STEMS, SURNAME_STEMS } from "./people";
import { rng } from "./random";
import type { Scale } from "./index";

export const DIARY_YEAR = "2026/2027";
export const DIARY_TERMS: [number, string, string][] = [
  [1, "2026-09-01", "2026-10-26"],
  [2, "2026-11-03", "2026-12-26"],
  [3, "2027-01-08", "2027-03-19"],
  [4, "2027-03-30", "2027-05-25"],
];

type ClassSeed = { grade: number; letter: string; teacher: string };

const SIZES: Record<
  Scale,
  { classes: ClassSeed[]; students: number; subjects: string[]; periods: number; pastTerm: boolean }
> = {
  tiny: {
    classes: [
      { grade: 5, letter: "А", teacher: "teacher" },
      { grade: 5, letter: "Ә", teacher: "teacher2" },
    ],
    students: 6,
    subjects: ["MATH", "KAZ_LANG", "ENG"],
    periods: 2,
    pastTerm: false,
  },
  demo: {
    classes: [
      { grade: 5, letter: "А", teacher: "teacher" },
      { grade: 5, letter: "Ә", teacher: "teacher2" },
      { grade: 7, letter: "А", teacher: "teacher3" },
    ],
    students: 25,
    subjects: ["MATH", "KAZ_LANG", "RUS_LANG", "ENG", "HIST_KZ", "PE"],
    periods: 5,
    pastTerm: true,
  },
  national: {
    classes: [
      { grade: 5, letter: "А", teacher: "teacher" },
      { grade: 5, letter: "Ә", teacher: "teacher2" },
      { grade: 7, letter: "А", teacher: "teacher3" },
    ],
    students: 25,
    subjects: ["MATH", "KAZ_LANG", "RUS_LANG", "ENG", "HIST_KZ", "PE"],
    periods: 5,
    pastTerm: true,
  },
};

const subjectId = (code: string) => `c_subject_${code.toLowerCase()}`;

export async function seedDiary(
  prisma: PrismaClient,
  scale: Scale,
  log: (line: string) => void = () => {},
  options: { today?: string } = {},
): Promise<void> {
  const size = SIZES[scale];
  const random = rng(2026_11_23);
  const today = options.today ?? almatyDate(new Date());
  const schoolAdmin = await prisma.roleAssignment.findFirstOrThrow({
    where: { userId: "u_school", role: "ORG_ADMIN" },
  });
  const organizationId = schoolAdmin.organizationId!;
  const teacherUser = await prisma.user.findUniqueOrThrow({ where: { id: "u_teacher" } });

  await prisma.gradeWeights.create({ data: { schoolYear: DIARY_YEAR, formative: 25, sor: 25, soch: 50 } });

  // Extra teachers and the second parent (same demo password).
  const extraUsers = DEMO_EXTRA_ACCOUNTS;
  for (const u of extraUsers) {
    await prisma.user.create({
      data: {
        id: u.id,
        login: u.login,
        passwordHash: teacherUser.passwordHash,
        displayName: u.displayName,
        roles: { create: [{ role: u.role, organizationId }] },
      },
    });
  }

  // Year, terms, weights
  const yearId = `ay_${organizationId}_2026`;
  await prisma.academicYear.create({
    data: {
      id: yearId,
      organizationId,
      label: DIARY_YEAR,
      startDate: dateValue("2026-09-01"),
      endDate: dateValue("2027-05-25"),
    },
  });
  const termId = (n: number) => `${yearId}_t${n}`;
  await prisma.term.createMany({
    data: DIARY_TERMS.map(([n, from, to]) => ({
      id: termId(n),
      academicYearId: yearId,
      organizationId,
      number: n,
      startDate: dateValue(from),
      endDate: dateValue(to),
    })),
  });

  // People: students with valid IINs that are not in the registry yet.
  const used = new Set(
    (
      await prisma.person.findMany({ where: { birthDate: { gte: dateValue("2008-01-01") } }, select: { iin: true } })
    ).map((p) => p.iin),
  );
  const makeStudent = (birthYear: number, fixed?: { sex: "MALE" | "FEMALE"; lastName: string; firstName: string }) => {
    const sex = fixed?.sex ?? (random.next() < 0.5 ? ("MALE" as const) : ("FEMALE" as const));
    const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
    let iin: string | null = null;
    while (!iin || used.has(iin))
      iin = withCheckDigit(iinPrefix(birthDate, sex) + String(random.int(0, 9999)).padStart(4, "0"));
    used.add(iin);
    const [stem, suffix] = random.pick(SURNAME_STEMS);
    return {
      id: `p${iin}`,
      iin,
      lastName: fixed?.lastName ?? stem + suffix + (sex === "FEMALE" ? "а" : ""),
      firstName: fixed?.firstName ?? random.pick(sex === "MALE" ? MALE_FIRST : FEMALE_FIRST),
      middleName: "Ерланұлы",
      birthDate: dateValue(birthDate),
      sex,
      organizationId,
    };
  };

  const classes = size.classes.map((c, index) => ({ ...c, index, id: `cg_${yearId}_${c.grade}_${index}` }));
  const people: ReturnType<typeof makeStudent>[] = [];
  const roster = new Map<string, string[]>();
  for (const c of classes) {
    const ids: string[] = [];
    for (let i = 0; i < size.students; i++) {
      const birthYear = 2026 - c.grade - 6;
      const fixed =
        c.index === 0 && i === 0
          ? { sex: "FEMALE" as const, lastName: "Омарова", firstName: "Аружан" }
          : c.index === classes.length - 1 && i === 0
            ? { sex: "MALE" as const, lastName: "Омаров", firstName: "Даурен" }
            : undefined;
      const p = makeStudent(birthYear, fixed);
      if (!fixed) p.middleName = random.pick(PATRONYMIC_STEMS) + (p.sex === "MALE" ? "ұлы" : "қызы");
      people.push(p);
      ids.push(p.id);
    }
    roster.set(c.id, ids);
  }
  await prisma.person.createMany({ data: people });
  const aruzhan = roster.get(classes[0]!.id)![0]!;
  const dauren = roster.get(classes[classes.length - 1]!.id)![0]!;
  const otherChild = roster.get(classes[0]!.id)![1]!;

  await prisma.classGroup.createMany({
    data: classes.map((c) => ({
      id: c.id,
      organizationId,
      academicYearId: yearId,
      grade: c.grade,
      letter: c.letter,
      languageId: "c_language_kk",
      homeroomTeacherId: `u_${c.teacher}`,
    })),
  });
  await prisma.classEnrolment.createMany({
    data: classes.flatMap((c) =>
      roster.get(c.id)!.map((studentId) => ({ organizationId, academicYearId: yearId, classGroupId: c.id, studentId })),
    ),
  });
  await prisma.teachingAssignment.createMany({
    data: classes.flatMap((c) =>
      size.subjects.map((s) => ({
        organizationId,
        classGroupId: c.id,
        subjectId: subjectId(s),
        teacherId: `u_${c.teacher}`,
      })),
    ),
  });
  await prisma.user.update({ where: { id: "u_student" }, data: { personId: aruzhan } });
  await prisma.guardianship.createMany({
    data: [
      { userId: "u_parent", studentId: aruzhan, relation: "father" },
      { userId: "u_parent", studentId: dauren, relation: "father" },
      { userId: "u_parent2", studentId: otherChild, relation: "mother" },
    ],
  });

  // Timetable: every weekday `periods` lessons, subjects rotating.
  const slots: Prisma.TimetableSlotCreateManyInput[] = [];
  for (const c of classes) {
    for (let day = 1; day <= 5; day++) {
      for (let period = 1; period <= size.periods; period++) {
        slots.push({
          classGroupId: c.id,
          subjectId: subjectId(size.subjects[(day * size.periods + period + c.index) % size.subjects.length]!),
          weekday: day,
          period,
        });
      }
    }
  }
  await prisma.timetableSlot.createMany({ data: slots });

  // Lessons, marks, attendance, summative results per term.
  const ability = new Map(people.map((p) => [p.id, p.id === aruzhan ? 9 : p.id === dauren ? 6 : random.int(4, 10)]));
  const terms = DIARY_TERMS.filter(([n, from]) => from <= today && (n === 2 || (size.pastTerm && n === 1)));
  let lessonCount = 0;
  let markCount = 0;
  for (const [n, from, to] of terms) {
    const last = to < today ? to : today;
    const lessons: Prisma.LessonCreateManyInput[] = [];
    const marks: Prisma.MarkCreateManyInput[] = [];
    const attendance: Prisma.AttendanceCreateManyInput[] = [];
    const perSubjectCount = new Map<string, number>();
    for (const c of classes) {
      const students = roster.get(c.id)!;
      for (const day of daysBetween(from, last)) {
        const wd = weekday(day);
        if (wd > 5) continue;
        for (const slot of slots.filter((s) => s.classGroupId === c.id && s.weekday === wd)) {
          const key = `${c.id}:${slot.subjectId}`;
          const number = (perSubjectCount.get(key) ?? 0) + 1;
          perSubjectCount.set(key, number);
          const id = `${c.id}_${day}_${slot.period}`;
          lessons.push({
            id,
            organizationId,
            classGroupId: c.id,
            subjectId: slot.subjectId,
            termId: termId(n),
            date: dateValue(day),
            period: slot.period,
            topic: `${number}-сабақ: ${n}-тоқсан тақырыбы`,
            homework: `§${number}, ${random.int(1, 12)}-жаттығу`,
          });
          for (const studentId of students) {
            const r = random.next();
            const broSkips = studentId === dauren && n === 2 && day >= "2026-11-17" && day <= "2026-11-19";
            if (broSkips || r < 0.03) {
              attendance.push({
                organizationId,
                lessonId: id,
                studentId,
                status: "ABSENT",
                updatedById: `u_${c.teacher}`,
              });
              continue;
            }
            if (r < 0.045)
              attendance.push({
                organizationId,
                lessonId: id,
                studentId,
                status: r < 0.037 ? "LATE" : "EXCUSED",
                updatedById: `u_${c.teacher}`,
              });
            if (random.next() < 0.35) {
              const value = Math.max(1, Math.min(10, ability.get(studentId)! + random.int(-2, 1)));
              marks.push({ organizationId, lessonId: id, studentId, value, updatedById: `u_${c.teacher}` });
            }
          }
        }
      }
    }
    for (let i = 0; i < lessons.length; i += 2000) await prisma.lesson.createMany({ data: lessons.slice(i, i + 2000) });
    for (let i = 0; i < marks.length; i += 5000) await prisma.mark.createMany({ data: marks.slice(i, i + 5000) });
    for (let i = 0; i < attendance.length; i += 5000)
      await prisma.attendance.createMany({ data: attendance.slice(i, i + 5000) });
    lessonCount += lessons.length;
    markCount += marks.length;

    // СОР after two weeks (and a second one and the СОЧ in a finished term).
    const assessments: { kind: "SOR" | "SOCH"; number: number; date: string; max: number }[] = [
      { kind: "SOR", number: 1, date: addDays(from, 14), max: 15 },
    ];
    if (to < today)
      assessments.push(
        { kind: "SOR", number: 2, date: addDays(from, 35), max: 20 },
        { kind: "SOCH", number: 1, date: addDays(to, -4), max: 25 },
      );
    const results: Prisma.SummativeResultCreateManyInput[] = [];
    for (const c of classes) {
      for (const s of size.subjects) {
        for (const a of assessments.filter((x) => x.date <= today)) {
          const id = `sa_${c.id}_${s}_${n}_${a.kind}_${a.number}`;
          await prisma.summativeAssessment.create({
            data: {
              id,
              organizationId,
              classGroupId: c.id,
              subjectId: subjectId(s),
              termId: termId(n),
              kind: a.kind,
              number: a.number,
              date: dateValue(a.date),
              maxPoints: a.max,
            },
          });
          for (const studentId of roster.get(c.id)!) {
            const share = Math.min(1, Math.max(0, (ability.get(studentId)! + random.int(-2, 1)) / 10));
            results.push({
              organizationId,
              assessmentId: id,
              studentId,
              points: Math.round(share * a.max),
              updatedById: `u_${c.teacher}`,
            });
          }
        }
      }
    }
    await prisma.summativeResult.createMany({ data: results });

    // A finished term: confirmed term grades and closure per class and subject.
    if (to < today) {
      const grades: Prisma.TermGradeCreateManyInput[] = [];
      for (const c of classes) {
        for (const s of size.subjects) {
          const lessonIds = new Set(
            lessons.filter((l) => l.classGroupId === c.id && l.subjectId === subjectId(s)).map((l) => l.id),
          );
          for (const studentId of roster.get(c.id)!) {
            const own = (kind: "SOR" | "SOCH") =>
              results
                .filter((r) => r.studentId === studentId && r.assessmentId.startsWith(`sa_${c.id}_${s}_${n}_${kind}_`))
                .map((r) => ({
                  points: r.points,
                  maxPoints: assessments.find((a) => r.assessmentId.endsWith(`_${a.kind}_${a.number}`))!.max,
                }));
            const result = computeTermGrade({
              formative: marks
                .filter((m) => m.studentId === studentId && lessonIds.has(m.lessonId))
                .map((m) => m.value),
              sor: own("SOR"),
              soch: own("SOCH"),
            });
            if (result)
              grades.push({
                organizationId,
                classGroupId: c.id,
                subjectId: subjectId(s),
                termId: termId(n),
                studentId,
                percent: result.percent,
                grade: result.grade,
                confirmedById: `u_${c.teacher}`,
                confirmedAt: dateValue(to),
              });
          }
          await prisma.termClosure.create({
            data: {
              organizationId,
              classGroupId: c.id,
              subjectId: subjectId(s),
              termId: termId(n),
              closedById: `u_${c.teacher}`,
              closedAt: dateValue(to),
            },
          });
        }
      }
      await prisma.termGrade.createMany({ data: grades });
    }
  }
  log(`diary: ${classes.length} classes, ${people.length} students, ${lessonCount} lessons, ${markCount} marks`);
}
