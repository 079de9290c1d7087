/**
 * The personnel registry (every scale): the adults of every school (the seed's staff people, and the demo
 * teachers linked to accounts) become employees with a main appointment — teachers with a subject, rate and
 * weekly hours, one a school as director — and a qualification category whose expiry is spread over the next
 * five years (about one in six due within twelve months); some hold a second, part-time appointment. The demo
 * district's schools publish a few vacancies. Written with createMany in chunks (national scale).
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { almatyDate } from "../../lib/time";
import { addDays } from "../../lib/diary/dates";
import { defaultExpiry } from "../../lib/staff/rules";
import { certificateNumber, initials, verificationCode } from "../../lib/services/rules";
import { rng } from "./random";

const CHUNK = 5000;
const item = (classifier: string, code: string) => `c_${classifier}_${code}`.toLowerCase();
const SUBJECTS = [
  "KAZ_LANG",
  "RUS_LANG",
  "ENG",
  "MATH",
  "PHYSICS",
  "CHEMISTRY",
  "BIOLOGY",
  "HIST_KZ",
  "INFORMATICS",
  "PE",
];
const d = (day: string) => new Date(`${day}T00:00:00Z`);

export async function seedStaff(
  prisma: PrismaClient,
  log: (line: string) => void = () => {},
  now = new Date(),
): Promise<void> {
  const random = rng(2026_1207);
  const creator = (await prisma.user.findUnique({ where: { id: "u_ministry" }, select: { id: true } }))?.id;
  if (!creator) return;
  // the demo teachers linked to accounts (persons made by the forums' seed) teach at the demo school
  const teachers = await prisma.user.findMany({
    where: { id: { in: ["u_teacher", "u_teacher2", "u_teacher3"] }, personId: { not: null } },
    select: { id: true, personId: true, person: { select: { organizationId: true } } },
    orderBy: { id: "asc" },
  });
  const adults = await prisma.person.findMany({
    where: {
      birthDate: { lt: d("2000-01-01") },
      organization: { kind: { code: "SCHOOL" } },
      id: { notIn: teachers.map((u) => u.personId!) },
    },
    select: { id: true, organizationId: true, lastName: true, firstName: true, middleName: true },
    orderBy: { iin: "asc" },
  });
  const today = almatyDate(now);
  const year = Number(today.slice(0, 4));
  const employees: Prisma.EmployeeCreateManyInput[] = [];
  const awards: Prisma.CategoryAwardCreateManyInput[] = [];
  const appointments: Prisma.AppointmentCreateManyInput[] = [];
  const subjects: [string, string][] = [];
  const directors = new Set<string>();
  for (const p of adults) {
    const employeeId = `e_${p.id}`;
    const organizationId = p.organizationId!;
    // categories: a spread, the higher ones rarer; expiries spread over the next five years
    const r = random.next();
    const category =
      r < 0.3 ? "no_category" : r < 0.6 ? "moderator" : r < 0.82 ? "expert" : r < 0.95 ? "researcher" : "master";
    const awardedOn = addDays(today, -random.int(0, 5 * 365 - 1));
    const expiresOn = defaultExpiry(category, awardedOn);
    employees.push({
      id: employeeId,
      personId: p.id,
      institution: random.pick(["ЕҰУ", "ҚазҰУ", "Абай атындағы ҚазҰПУ", "Ш. Уәлиханов атындағы КУ", "ҚарУ"]),
      specialty: random.pick(["Математика", "Физика", "Қазақ тілі мен әдебиеті", "Тарих", "Биология", "Ағылшын тілі"]),
      diplomaYear: random.int(1988, 2022),
      higherEducation: random.next() < 0.92,
      category,
      categoryAwardedOn: category === "no_category" ? null : d(awardedOn),
      categoryExpiresOn: expiresOn ? d(expiresOn) : null,
      categoryDecision: category === "no_category" ? null : `АТ-${random.int(1000, 9999)}`,
    });
    if (category !== "no_category")
      awards.push({
        id: `ca_${p.id}`,
        employeeId,
        category,
        awardedOn: d(awardedOn),
        expiresOn: expiresOn ? d(expiresOn) : null,
        decisionNumber: employees[employees.length - 1]!.categoryDecision!,
        createdById: creator,
      });
    const director = !directors.has(organizationId);
    directors.add(organizationId);
    const id = `ap_${p.id}`;
    const hours = director ? 6 : random.pick([16, 16, 18, 20, 24]);
    appointments.push({
      id,
      organizationId,
      employeeId,
      positionId: item("POSITION", director ? "DIRECTOR" : "TEACHER"),
      kind: "MAIN",
      rate: hours > 18 ? 1.5 : 1,
      weeklyHours: hours,
      startDate: d(`${random.int(2000, year - 1)}-09-01`),
      createdById: creator,
    });
    subjects.push([id, item("SUBJECT", random.pick(SUBJECTS))]);
    if (!director && random.next() < 0.1) {
      const extra = `ap2_${p.id}`;
      appointments.push({
        id: extra,
        organizationId,
        employeeId,
        positionId: item("POSITION", "TEACHER"),
        kind: "PART_TIME",
        rate: 0.25,
        weeklyHours: 4,
        startDate: d(`${year - 1}-09-01`),
        createdById: creator,
      });
      subjects.push([extra, item("SUBJECT", random.pick(SUBJECTS))]);
    }
  }
  teachers.forEach((u, i) => {
    const employeeId = `e_${u.personId}`;
    const category = (["expert", "moderator", "no_category"] as const)[i % 3]!;
    // the first teacher's category falls due within the year, the second's in three years
    const awardedOn = addDays(today, i === 0 ? -(5 * 365 - 120) : -(2 * 365 + 30));
    const expiresOn = defaultExpiry(category, awardedOn);
    employees.push({
      id: employeeId,
      personId: u.personId!,
      institution: "Абай атындағы ҚазҰПУ",
      specialty: "Математика",
      diplomaYear: 2005 + i,
      category,
      categoryAwardedOn: category === "no_category" ? null : d(awardedOn),
      categoryExpiresOn: expiresOn ? d(expiresOn) : null,
      categoryDecision: category === "no_category" ? null : `АТ-${100 + i}`,
    });
    if (category !== "no_category")
      awards.push({
        id: `ca_${u.personId}`,
        employeeId,
        category,
        awardedOn: d(awardedOn),
        expiresOn: expiresOn ? d(expiresOn) : null,
        decisionNumber: `АТ-${100 + i}`,
        createdById: creator,
      });
    const id = `ap_${u.personId}`;
    appointments.push({
      id,
      organizationId: u.person!.organizationId!,
      employeeId,
      positionId: item("POSITION", "TEACHER"),
      kind: "MAIN",
      rate: 1,
      weeklyHours: 18,
      startDate: d(`${year - 3 - i}-09-01`),
      createdById: creator,
    });
    subjects.push([id, item("SUBJECT", ["MATH", "PHYSICS", "KAZ_LANG"][i]!)]);
  });
  for (let i = 0; i < employees.length; i += CHUNK)
    await prisma.employee.createMany({ data: employees.slice(i, i + CHUNK) });
  for (let i = 0; i < awards.length; i += CHUNK)
    await prisma.categoryAward.createMany({ data: awards.slice(i, i + CHUNK) });
  for (let i = 0; i < appointments.length; i += CHUNK)
    await prisma.appointment.createMany({ data: appointments.slice(i, i + CHUNK) });
  for (let i = 0; i < subjects.length; i += 1000) {
    const chunk = subjects.slice(i, i + 1000);
    const values = chunk.map((_, j) => `($${2 * j + 1}, $${2 * j + 2})`).join(", ");
    await prisma.$executeRawUnsafe(`INSERT INTO "_AppointmentSubjects" ("A", "B") VALUES ${values}`, ...chunk.flat());
  }

  // vacancies: the first schools of the demo district (not the demo admin's own school, which the e2e test uses)
  const demoAdmin = await prisma.roleAssignment.findFirst({ where: { userId: "u_school", role: "ORG_ADMIN" } });
  const district = demoAdmin?.organizationId
    ? (await prisma.organization.findUnique({ where: { id: demoAdmin.organizationId }, select: { territoryId: true } }))
        ?.territoryId
    : undefined;
  const schools = await prisma.organization.findMany({
    where: { kind: { code: "SCHOOL" }, id: { not: demoAdmin?.organizationId ?? "" } },
    select: { id: true, territoryId: true },
    orderBy: [{ territoryId: "asc" }, { bin: "asc" }],
    take: 400,
  });
  const chosen = [
    ...schools.filter((s) => s.territoryId === district),
    ...schools.filter((s) => s.territoryId !== district),
  ]
    .filter((_, i) => i < 2 || i % 37 === 0)
    .slice(0, 6);
  const texts = [
    "Мектепке математика пәнінің мұғалімі қажет: 5–9 сыныптар, жүктеме аптасына 18 сағат. Жас мамандарға тәлімгер бекітіледі.",
    "Требуется учитель физики, 7–11 классы. Работа в одну смену, кабинет оборудован. Рассматриваем выпускников педагогических вузов.",
    "Ағылшын тілі мұғалімі: 1–4 сыныптар, аптасына 16 сағат, 1 қыркүйектен бастап.",
  ];
  const vacancies: Prisma.VacancyCreateManyInput[] = chosen.map((s, i) => ({
    id: `vac_${i + 1}`,
    organizationId: s.id,
    positionId: item("POSITION", "TEACHER"),
    subjectId: item("SUBJECT", ["MATH", "PHYSICS", "ENG"][i % 3]!),
    languageId: item("LANGUAGE", i % 2 ? "RU" : "KK"),
    weeklyHours: [18, 16, 16][i % 3]!,
    startDate: d(`${year}-09-01` > today ? `${year}-09-01` : `${year + 1}-09-01`),
    description: texts[i % 3]!,
    createdById: creator,
  }));
  await prisma.vacancy.createMany({ data: vacancies });

  // professional development: two providers with courses; "Orleu" is the demo institute's (its administrator
  // keeps its courses), with two runs taking applications and one run under way
  const institute = await prisma.organization.findFirst({
    where: { kind: { code: "PD_INSTITUTE" } },
    select: { id: true },
    orderBy: { bin: "asc" },
  });
  await prisma.courseProvider.createMany({
    data: [
      {
        id: "cp_orleu",
        nameKk: "«Өрлеу» біліктілікті арттыру орталығы",
        nameRu: "Центр повышения квалификации «Өрлеу»",
        nameEn: "Orleu professional development centre",
        organizationId: institute?.id ?? null,
        createdById: creator,
      },
      {
        id: "cp_nis",
        nameKk: "НЗМ Педагогикалық шеберлік орталығы",
        nameRu: "Центр педагогического мастерства НИШ",
        nameEn: "NIS Centre of Excellence",
        createdById: creator,
      },
    ],
  });
  await prisma.course.createMany({
    data: [
      {
        id: "co_digital",
        providerId: "cp_orleu",
        nameKk: "Мұғалімнің цифрлық сауаттылығы",
        nameRu: "Цифровая грамотность учителя",
        nameEn: "Digital literacy for teachers",
        hours: 72,
        format: "BLENDED",
        createdById: creator,
      },
      {
        id: "co_assess",
        providerId: "cp_orleu",
        nameKk: "Критериалды бағалау",
        nameRu: "Критериальное оценивание",
        nameEn: "Criteria-based assessment",
        hours: 36,
        format: "ONLINE",
        createdById: creator,
      },
      {
        id: "co_math",
        providerId: "cp_nis",
        nameKk: "Математиканы оқыту әдістемесі",
        nameRu: "Методика преподавания математики",
        nameEn: "Teaching mathematics",
        hours: 80,
        format: "IN_PERSON",
        createdById: creator,
      },
    ],
  });
  await seedCourseRuns(prisma, {
    creator,
    today,
    district,
    adminSchool: demoAdmin?.organizationId ?? null,
    adults,
  });
  log(
    `staff: ${employees.length} employees, ${appointments.length} appointments, ${awards.length} categories, ${vacancies.length} vacancies`,
  );
}

/**
 * Course runs, completions and applications: about a third of the employees completed courses within the last
 * six years (certificates numbered from the sequence, as the portal numbers them); "Orleu" runs two courses
 * that take applications (one for every pedagogue, one for directors) and one that started ten days ago, whose
 * applicants from the demo district's schools (not the demo admin's own school, which the end-to-end test
 * uses) are approved, marked or completed.
 */
async function seedCourseRuns(
  prisma: PrismaClient,
  o: {
    creator: string;
    today: string;
    district: string | undefined;
    adminSchool: string | null;
    adults: {
      id: string;
      organizationId: string | null;
      lastName: string;
      firstName: string;
      middleName: string | null;
    }[];
  },
): Promise<void> {
  const random = rng(2026_1208);
  await prisma.course.createMany({
    data: [
      {
        id: "co_run_inclusive",
        providerId: "cp_orleu",
        nameKk: "Инклюзивті білім беру: мұғалімнің құралдары",
        nameRu: "Инклюзивное образование: инструменты учителя",
        nameEn: "Inclusive education: the teacher's tools",
        hours: 72,
        format: "BLENDED",
        startsOn: d(addDays(o.today, 30)),
        endsOn: d(addDays(o.today, 41)),
        seats: 25,
        createdById: o.creator,
      },
      {
        id: "co_run_leaders",
        providerId: "cp_orleu",
        nameKk: "Мектеп басшысының көшбасшылығы",
        nameRu: "Лидерство руководителя школы",
        nameEn: "School leadership",
        hours: 36,
        format: "ONLINE",
        startsOn: d(addDays(o.today, 45)),
        endsOn: d(addDays(o.today, 50)),
        seats: 15,
        audienceId: item("POSITION", "DIRECTOR"),
        createdById: o.creator,
      },
      {
        id: "co_run_stem",
        providerId: "cp_orleu",
        nameKk: "Жаратылыстану пәндерін зерттеу арқылы оқыту",
        nameRu: "Исследовательское обучение естественным наукам",
        nameEn: "Inquiry-based science teaching",
        hours: 72,
        format: "IN_PERSON",
        startsOn: d(addDays(o.today, -10)),
        endsOn: d(addDays(o.today, 2)),
        seats: 20,
        createdById: o.creator,
      },
    ],
  });
  const courses = [
    { id: "co_digital", hours: 72 },
    { id: "co_assess", hours: 36 },
    { id: "co_math", hours: 80 },
  ];
  const codes = new Set<string>();
  const code = () => {
    for (;;) {
      const bytes = Uint8Array.from({ length: 8 }, () => random.int(0, 255));
      const c = verificationCode(bytes);
      if (!codes.has(c)) return (codes.add(c), c);
    }
  };
  const completions: Prisma.CourseCompletionCreateManyInput[] = [];
  for (const p of o.adults) {
    if (random.next() >= 0.35) continue;
    const taken = random.next() < 0.3 ? 2 : 1;
    for (let k = 0; k < taken; k++) {
      const course = courses[(k + random.int(0, 2)) % 3]!;
      const completedOn = addDays(o.today, -random.int(20, 6 * 365));
      const seq = completions.length + 1;
      completions.push({
        id: `cc_${p.id}_${k}`,
        seq,
        number: certificateNumber(seq, Number(completedOn.slice(0, 4)), "COURSE_CERTIFICATE"),
        code: code(),
        courseId: course.id,
        employeeId: `e_${p.id}`,
        completedOn: d(completedOn),
        hours: course.hours,
        holderInitials: initials(p),
        issuedById: o.creator,
      });
    }
  }
  // applications: employees of the demo district's other schools (the run under way, and one taking applications)
  const district = o.district
    ? new Set(
        (
          await prisma.organization.findMany({
            where: { territoryId: o.district, id: { not: o.adminSchool ?? "" } },
            select: { id: true },
          })
        ).map((s) => s.id),
      )
    : new Set<string>();
  // the demo district's first, then other schools' (a small scale has one adult a school)
  const others = o.adults.filter((p) => p.organizationId && p.organizationId !== o.adminSchool);
  const local = [
    ...others.filter((p) => district.has(p.organizationId!)),
    ...others.filter((p) => !district.has(p.organizationId!)),
  ].slice(0, 8);
  const STATUSES = ["COMPLETED", "APPROVED", "SUBMITTED", "APPROVED", "COMPLETED", "APPROVED", "SUBMITTED", "APPROVED"];
  const applications: Prisma.CourseApplicationCreateManyInput[] = [];
  local.forEach((p, i) => {
    const status = STATUSES[i] as "COMPLETED" | "APPROVED" | "SUBMITTED";
    let completionId: string | null = null;
    if (status === "COMPLETED") {
      const seq = completions.length + 1;
      completionId = `cc_${p.id}_run`;
      completions.push({
        id: completionId,
        seq,
        number: certificateNumber(seq, Number(o.today.slice(0, 4)), "COURSE_CERTIFICATE"),
        code: code(),
        courseId: "co_run_stem",
        employeeId: `e_${p.id}`,
        completedOn: d(o.today),
        hours: 72,
        holderInitials: initials(p),
        issuedById: o.creator,
      });
    }
    applications.push({
      id: `capp_${i + 1}`,
      courseId: status === "SUBMITTED" ? "co_run_inclusive" : "co_run_stem",
      employeeId: `e_${p.id}`,
      organizationId: p.organizationId!,
      status,
      attended: status === "COMPLETED" ? true : status === "APPROVED" ? (i % 4 === 1 ? true : null) : null,
      submittedAt: new Date(`${addDays(o.today, status === "SUBMITTED" ? -2 : -25)}T05:00:00Z`),
      decidedAt: status === "SUBMITTED" ? null : new Date(`${addDays(o.today, -20)}T05:00:00Z`),
      decidedById: status === "SUBMITTED" ? null : o.creator,
      completionId,
    });
  });
  for (let i = 0; i < completions.length; i += CHUNK)
    await prisma.courseCompletion.createMany({ data: completions.slice(i, i + CHUNK) });
  // the portal's next certificate continues the numbering
  await prisma.$executeRawUnsafe(
    `SELECT setval(pg_get_serial_sequence('"CourseCompletion"', 'seq'), COALESCE((SELECT MAX(seq) FROM "CourseCompletion"), 0) + 1, false)`,
  );
  await prisma.courseApplication.createMany({ data: applications });
}
