/**
 * Statistical reporting demo data: the 2025 and 2026 lists of forms (with the approving orders), four forms
 * of 2026 (organisation passport, contingent of students by grade and sex, staff by qualification, an
 * ad-hoc request), their periods and submissions in every state across several districts, and the accepted
 * values of the closed 2025 period in the data bank (the "previous period" of the 2026 reviews).
 *
 * Deterministic (own generator seeded with a constant); bounded for the national scale.
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { ReportingLevel, SubmissionStatus } from "../../lib/generated/prisma/enums";
import { definitionSchema, type FormDefinition } from "../../lib/reporting/definition";
import { factRows } from "../../lib/reporting/facts";
import { rng } from "./random";
import type { Scale } from "./index";

type Text = { kk: string; ru: string; en: string };
const L = (kk: string, ru: string, en: string): Text => ({ kk, ru, en });

const int = (key: string, label: Text, extra: { required?: boolean; min?: number; max?: number } = {}) => ({
  key,
  label,
  type: "integer" as const,
  required: true,
  min: 0,
  ...extra,
});

// ───────────────────────── Definitions ─────────────────────────

const GRADES = Array.from({ length: 11 }, (_, i) => i + 1);

/** D-1: contingent of students by grade (1–11) and sex, with the Kazakh-language classes. */
export const CONTINGENT_DEFINITION = {
  sections: [
    {
      kind: "fields",
      key: "summary",
      title: L("Жалпы мәліметтер", "Общие сведения", "Summary"),
      fields: [
        int("students_total", L("Оқушылардың барлығы", "Всего учащихся", "Students, total")),
        int("classes_total", L("Сынып-жинақтар саны", "Число классов-комплектов", "Classes, total")),
        int("shifts", L("Ауысымдар саны", "Число смен", "Shifts"), { min: 1, max: 3 }),
      ],
    },
    {
      kind: "table",
      key: "grades",
      title: L("Сыныптар бойынша оқушылар контингенті", "Контингент учащихся по классам", "Students by grade"),
      rows: GRADES.map((g) => ({ key: `g${g}`, label: L(`${g}-сынып`, `${g} класс`, `Grade ${g}`) })),
      columns: [
        int("total", L("Барлығы", "Всего", "Total")),
        int("girls", L("оның ішінде қыздар", "из них девочек", "of them girls")),
        int(
          "kazakh",
          L("қазақ тілінде оқитын сыныптарда", "в классах с казахским языком обучения", "in Kazakh-language classes"),
        ),
      ],
    },
  ],
  rules: [
    {
      expression: "sum(grades.*.total) = students_total",
      severity: "error",
      message: L(
        "Сыныптар бойынша сома оқушылардың барлығына тең болуы керек.",
        "Сумма по классам должна равняться общему числу учащихся.",
        "The sum over grades must equal the total number of students.",
      ),
    },
    ...GRADES.map((g) => ({
      expression: `grades.g${g}.girls <= grades.g${g}.total`,
      severity: "error",
      message: L(
        `${g}-сынып: қыздар саны барлығынан аспауы керек.`,
        `${g} класс: девочек не может быть больше, чем всего.`,
        `Grade ${g}: girls cannot exceed the total.`,
      ),
    })),
    ...GRADES.map((g) => ({
      expression: `grades.g${g}.kazakh <= grades.g${g}.total`,
      severity: "error",
      message: L(
        `${g}-сынып: қазақ тілінде оқитындар барлығынан аспауы керек.`,
        `${g} класс: обучающихся на казахском языке не может быть больше, чем всего.`,
        `Grade ${g}: students in Kazakh-language classes cannot exceed the total.`,
      ),
    })),
    {
      expression: "students_total <= classes_total * 35",
      severity: "warning",
      message: L(
        "Сыныптағы орташа оқушы саны 35-тен асады: түсініктеме беріңіз.",
        "Средняя наполняемость класса больше 35: дайте пояснение.",
        "More than 35 students per class on average: please explain.",
      ),
    },
  ],
};

/** D-3: teaching staff by qualification category, with a sum rule. */
export const STAFF_DEFINITION = {
  sections: [
    {
      kind: "fields",
      key: "staff",
      title: L(
        "Педагогтер біліктілік санаттары бойынша",
        "Педагоги по квалификационным категориям",
        "Teachers by qualification category",
      ),
      fields: [
        int("teachers_total", L("Педагогтердің барлығы", "Всего педагогов", "Teachers, total")),
        int("master", L("педагог-шебер", "педагог-мастер", "teacher-master")),
        int("researcher", L("педагог-зерттеуші", "педагог-исследователь", "teacher-researcher")),
        int("expert", L("педагог-сарапшы", "педагог-эксперт", "teacher-expert")),
        int("moderator", L("педагог-модератор", "педагог-модератор", "teacher-moderator")),
        int("no_category", L("санаты жоқ", "без категории", "without a category")),
        int("higher_education", L("жоғары білімі барлар", "с высшим образованием", "with higher education")),
        int("vacancies", L("бос орындар", "вакансии", "vacancies"), { required: false }),
      ],
    },
    {
      kind: "fields",
      key: "profile",
      title: L(
        "Педагогтер жынысы, жасы және жұмыс түрі бойынша",
        "Педагоги по полу, возрасту и виду занятости",
        "Teachers by sex, age and employment",
      ),
      fields: [
        int("women", L("әйелдер", "женщины", "women"), { required: false }),
        int("under_30", L("30 жасқа дейін", "моложе 30 лет", "under 30"), { required: false }),
        int("age_30_49", L("30–49 жас", "30–49 лет", "aged 30–49"), { required: false }),
        int("age_50_plus", L("50 жас және одан асқан", "50 лет и старше", "50 and over"), { required: false }),
        int("part_time", L("қоса атқарушылар", "совместители", "part-time only"), { required: false }),
      ],
    },
  ],
  rules: [
    {
      expression: "teachers_total = master + researcher + expert + moderator + no_category",
      severity: "error",
      message: L(
        "Санаттар бойынша сома педагогтердің барлығына тең болуы керек.",
        "Сумма по категориям должна равняться общему числу педагогов.",
        "The categories must add up to the total number of teachers.",
      ),
    },
    {
      expression: "higher_education <= teachers_total",
      severity: "error",
      message: L(
        "Жоғары білімі барлар педагогтердің барлығынан аспауы керек.",
        "Педагогов с высшим образованием не может быть больше общего числа.",
        "Teachers with higher education cannot exceed the total.",
      ),
    },
    {
      expression: "vacancies <= teachers_total / 5",
      severity: "warning",
      message: L(
        "Бос орындар педагогтердің 20 %-ынан көп: түсініктеме беріңіз.",
        "Вакансий больше 20 % от числа педагогов: дайте пояснение.",
        "Vacancies exceed 20 % of the teachers: please explain.",
      ),
    },
  ],
};

/** P-1: organisation passport. */
export const PASSPORT_DEFINITION = {
  sections: [
    {
      kind: "fields",
      key: "general",
      title: L("Ұйымның паспорты", "Паспорт организации", "Organisation passport"),
      fields: [
        {
          key: "director",
          label: L("Басшының аты-жөні", "ФИО руководителя", "Head's full name"),
          type: "text",
          required: true,
        },
        {
          key: "founded",
          label: L("Құрылған жылы", "Год основания", "Year founded"),
          type: "integer",
          required: true,
          min: 1800,
          max: 2026,
        },
        {
          key: "language",
          label: L("Оқыту тілі", "Язык обучения", "Language of instruction"),
          type: "choice",
          classifier: "LANGUAGE",
          required: true,
        },
        {
          key: "capacity",
          label: L("Жобалық қуаты (орын)", "Проектная мощность (мест)", "Design capacity (places)"),
          type: "integer",
          required: true,
          min: 1,
        },
        {
          key: "area",
          label: L("Ғимарат ауданы, м²", "Площадь здания, м²", "Building area, m²"),
          type: "decimal",
          min: 0,
        },
        {
          key: "internet",
          label: L("Интернетке қосылған", "Подключение к интернету", "Connected to the internet"),
          type: "boolean",
          required: true,
        },
        {
          key: "internet_speed",
          label: L("Интернет жылдамдығы, Мбит/с", "Скорость интернета, Мбит/с", "Internet speed, Mbit/s"),
          type: "decimal",
          min: 0,
        },
        { key: "computers", label: L("Компьютерлер саны", "Число компьютеров", "Computers"), type: "integer", min: 0 },
        {
          key: "licence_date",
          label: L("Лицензия берілген күн", "Дата выдачи лицензии", "Licence issued on"),
          type: "date",
        },
      ],
    },
    {
      kind: "fields",
      key: "material",
      title: L("Материалдық-техникалық база", "Материально-техническая база", "Material resources"),
      fields: [
        { key: "gym", label: L("Спорт залы", "Спортивный зал", "Gym"), type: "boolean" },
        int("canteen_seats", L("Асхана орындары", "Мест в столовой", "Canteen seats"), { required: false }),
        int("shifts", L("Ауысымдар саны", "Число смен", "Shifts"), { required: false, min: 1, max: 3 }),
        int("boards", L("Интерактивті тақталар", "Интерактивные доски", "Interactive boards"), { required: false }),
        int("buses", L("Мектеп автобустары", "Школьные автобусы", "School buses"), { required: false }),
      ],
    },
  ],
  rules: [
    {
      expression: "computers <= capacity",
      severity: "warning",
      message: L(
        "Компьютерлер орын санынан көп: тексеріңіз.",
        "Компьютеров больше, чем мест: проверьте.",
        "More computers than places: please check.",
      ),
    },
  ],
};

/** AH-1: an ad-hoc request — readiness for the heating season. */
export const HEATING_DEFINITION = {
  sections: [
    {
      kind: "fields",
      key: "heating",
      title: L("Жылыту маусымына дайындық", "Готовность к отопительному сезону", "Readiness for the heating season"),
      fields: [
        {
          key: "ready",
          label: L("Жылыту жүйесі дайын", "Система отопления готова", "Heating system ready"),
          type: "boolean",
          required: true,
        },
        {
          key: "fuel_tonnes",
          label: L("Отын қоры, тонна", "Запас топлива, тонн", "Fuel stock, tonnes"),
          type: "decimal",
          min: 0,
        },
        { key: "boilers", label: L("Қазандықтар саны", "Число котельных", "Boiler rooms"), type: "integer", min: 0 },
        { key: "note", label: L("Ескерту", "Примечание", "Note"), type: "text" },
      ],
    },
  ],
  rules: [],
};

// ───────────────────────── Prefill mappings ─────────────────────────

const TEACHERS = { positions: ["TEACHER"] };
/**
 * The cells of D-3 filled from the personnel registry and those of P-1 filled from the passport
 * (lib/reporting/prefill.ts). Data: the ministry maps next year's form without a release.
 */
export const PREFILL_MAPPINGS: Prisma.PrefillMappingCreateManyInput[] = [
  { formCode: "D-3", cellKey: "staff.teachers_total", source: "STAFF", measure: "employees", params: TEACHERS },
  ...(["master", "researcher", "expert", "moderator", "no_category"] as const).map((category) => ({
    formCode: "D-3",
    cellKey: `staff.${category}`,
    source: "STAFF" as const,
    measure: "employees",
    params: { ...TEACHERS, category },
  })),
  {
    formCode: "D-3",
    cellKey: "staff.higher_education",
    source: "STAFF",
    measure: "employees",
    params: { ...TEACHERS, higherEducation: true },
  },
  { formCode: "D-3", cellKey: "staff.vacancies", source: "STAFF", measure: "vacancies", params: TEACHERS },
  {
    formCode: "D-3",
    cellKey: "profile.women",
    source: "STAFF",
    measure: "employees",
    params: { ...TEACHERS, sex: "FEMALE" },
  },
  {
    formCode: "D-3",
    cellKey: "profile.under_30",
    source: "STAFF",
    measure: "employees",
    params: { ...TEACHERS, ageTo: 29 },
  },
  {
    formCode: "D-3",
    cellKey: "profile.age_30_49",
    source: "STAFF",
    measure: "employees",
    params: { ...TEACHERS, ageFrom: 30, ageTo: 49 },
  },
  {
    formCode: "D-3",
    cellKey: "profile.age_50_plus",
    source: "STAFF",
    measure: "employees",
    params: { ...TEACHERS, ageFrom: 50 },
  },
  {
    formCode: "D-3",
    cellKey: "profile.part_time",
    source: "STAFF",
    measure: "employees",
    params: { ...TEACHERS, kind: "PART_TIME" },
  },
  ...(
    [
      ["general.capacity", "capacity"],
      ["general.internet", "internet"],
      ["general.internet_speed", "internetMbps"],
      ["general.computers", "computers"],
      ["material.gym", "gym"],
      ["material.canteen_seats", "canteenSeats"],
      ["material.shifts", "shifts"],
      ["material.boards", "boards"],
      ["material.buses", "buses"],
    ] as const
  ).map(([cellKey, measure]) => ({ formCode: "P-1", cellKey, source: "PASSPORT" as const, measure, params: {} })),
];

// ───────────────────────── Values ─────────────────────────

type Random = ReturnType<typeof rng>;
type Values = Record<string, number | string | boolean>;

export function contingentValues(random: Random, size: number, kazakhShare: number): Values {
  const v: Values = {};
  let total = 0;
  let classes = 0;
  for (const g of GRADES) {
    const t = Math.max(8, Math.round(random.int(18, 34) * size * (g > 9 ? 0.7 : 1)));
    const girls = Math.round(t * (0.44 + random.next() * 0.1));
    const kazakh = Math.min(t, Math.round(t * kazakhShare));
    v[`grades.g${g}.total`] = t;
    v[`grades.g${g}.girls`] = girls;
    v[`grades.g${g}.kazakh`] = kazakh;
    total += t;
    classes += Math.ceil(t / 25);
  }
  v["summary.students_total"] = total;
  v["summary.classes_total"] = classes;
  v["summary.shifts"] = total > 600 ? 2 : 1;
  return v;
}

/** Last year's contingent: this year's moved by a few per cent (sometimes by much more). */
export function previousContingent(random: Random, current: Values): Values {
  const v: Values = {};
  let total = 0;
  for (const g of GRADES) {
    const factor = random.next() < 0.08 ? 0.6 + random.next() * 0.15 : 0.92 + random.next() * 0.12;
    const t = Math.max(5, Math.round((current[`grades.g${g}.total`] as number) * factor));
    v[`grades.g${g}.total`] = t;
    v[`grades.g${g}.girls`] = Math.min(t, Math.round(t * (0.45 + random.next() * 0.08)));
    v[`grades.g${g}.kazakh`] = Math.min(
      t,
      Math.round(((current[`grades.g${g}.kazakh`] as number) / (current[`grades.g${g}.total`] as number)) * t),
    );
    total += t;
  }
  v["summary.students_total"] = total;
  v["summary.classes_total"] = current["summary.classes_total"] as number;
  v["summary.shifts"] = current["summary.shifts"] as number;
  return v;
}

export function staffValues(random: Random, students: number): Values {
  const total = Math.max(8, Math.round(students / random.int(11, 16)));
  const master = Math.round(total * 0.03);
  const researcher = Math.round(total * (0.08 + random.next() * 0.05));
  const expert = Math.round(total * (0.15 + random.next() * 0.1));
  const moderator = Math.round(total * (0.2 + random.next() * 0.1));
  return {
    "staff.teachers_total": total,
    "staff.master": master,
    "staff.researcher": researcher,
    "staff.expert": expert,
    "staff.moderator": moderator,
    "staff.no_category": total - master - researcher - expert - moderator,
    "staff.higher_education": Math.round(total * (0.85 + random.next() * 0.12)),
    "staff.vacancies": random.int(0, 3),
  };
}

function passportValues(random: Random, students: number, language: string): Values {
  const capacity = Math.round((students * (0.9 + random.next() * 0.4)) / 10) * 10;
  return {
    "general.director": random.pick([
      "Ахметова Гүлнар Серікқызы",
      "Омаров Ерлан Бақытұлы",
      "Иванова Ольга Петровна",
      "Жұмабеков Нұрлан Асқарұлы",
      "Сейітова Айжан Маратқызы",
    ]),
    "general.founded": random.int(1936, 2019),
    "general.language": language,
    "general.capacity": capacity,
    "general.area": Math.round(capacity * (6 + random.next() * 4)),
    "general.internet": true,
    "general.internet_speed": random.pick([20, 50, 100, 100, 200]),
    "general.computers": Math.round(capacity / random.int(8, 15)),
  };
}

// ───────────────────────── Seed ─────────────────────────

const LIMITS: Record<Scale, number> = { tiny: 100, demo: 400, national: 600 };

const DAY = 24 * 60 * 60 * 1000;
/** "Today" of the demo data: what happened before it is history, deadlines after it are still ahead. */
const SEED_NOW = new Date("2026-11-23T07:00:00Z");
const at = (date: string, hours = 10) => new Date(`${date}T${String(hours - 5).padStart(2, "0")}:00:00Z`);
const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const dateOf = (s: string) => new Date(`${s}T00:00:00Z`);

type State =
  | "draft"
  | "missing"
  | "submitted"
  | "late"
  | "returned"
  | "approvedDistrict"
  | "approvedRegion"
  | "accepted"
  | "correction";
/** The first organisations (the demo district and region first) take these in turn, so each state is present. */
const CYCLE: State[] = [
  "draft",
  "late",
  "approvedDistrict",
  "approvedRegion",
  "returned",
  "submitted",
  "accepted",
  "correction",
  "missing",
];
const WEIGHTED: State[] = [
  "draft",
  "missing",
  "submitted",
  "submitted",
  "late",
  "returned",
  "approvedDistrict",
  "approvedDistrict",
  "approvedRegion",
  "approvedRegion",
  "accepted",
  "accepted",
  "accepted",
  "correction",
];

const RETURN_REASONS = [
  "2-сыныптағы оқушылар саны өткен жылмен салыстырғанда күрт өзгерді: деректерді тексеріп, түсініктеме беріңіз.",
  "Сынып-жинақтар саны мектеп паспортымен сәйкес келмейді.",
  "Количество девочек в 7 классе не совпадает с данными НОБД, проверьте.",
];

interface SeedOrg {
  id: string;
  territoryPath: string;
  districtLevel: boolean;
  kind: string;
  language: string;
}

export async function seedReporting(
  prisma: PrismaClient,
  scale: Scale,
  log: (line: string) => void = () => {},
): Promise<void> {
  const random = rng(2026_0004);
  // Loaded here, not at the top: the deadline module reads a JSON file, and the seed's account list is
  // also imported by test tooling that cannot load JSON modules.
  const { effectiveDeadline } = await import("../../lib/reporting/deadline");
  for (const d of [CONTINGENT_DEFINITION, STAFF_DEFINITION, PASSPORT_DEFINITION, HEATING_DEFINITION])
    definitionSchema.parse(d);

  const lists = [
    {
      id: "fl2025",
      year: 2025,
      orderNumber: "12",
      orderDate: dateOf("2025-01-20"),
      status: "PUBLISHED" as const,
      publishedAt: at("2025-01-22"),
    },
    {
      id: "fl2026",
      year: 2026,
      orderNumber: "7",
      orderDate: dateOf("2026-01-15"),
      status: "PUBLISHED" as const,
      publishedAt: at("2026-01-19"),
    },
  ];
  await prisma.formList.createMany({ data: lists });

  const forms: Prisma.FormCreateManyInput[] = [
    {
      id: "f2025_d1",
      formListId: "fl2025",
      code: "D-1",
      nameKk: "Оқушылар контингенті (сыныптар және жыныс бойынша)",
      nameRu: "Контингент учащихся (по классам и полу)",
      nameEn: "Contingent of students (by grade and sex)",
      periodicity: "ANNUAL",
      orgKinds: ["SCHOOL"],
    },
    {
      id: "f2026_p1",
      formListId: "fl2026",
      code: "P-1",
      nameKk: "Білім беру ұйымының паспорты",
      nameRu: "Паспорт организации образования",
      nameEn: "Education organisation passport",
      periodicity: "ANNUAL",
      orgKinds: ["SCHOOL", "PRESCHOOL"],
    },
    {
      id: "f2026_d1",
      formListId: "fl2026",
      code: "D-1",
      nameKk: "Оқушылар контингенті (сыныптар және жыныс бойынша)",
      nameRu: "Контингент учащихся (по классам и полу)",
      nameEn: "Contingent of students (by grade and sex)",
      periodicity: "ANNUAL",
      orgKinds: ["SCHOOL"],
    },
    {
      id: "f2026_d3",
      formListId: "fl2026",
      code: "D-3",
      nameKk: "Педагог кадрлар біліктілік санаттары бойынша",
      nameRu: "Педагогические кадры по квалификационным категориям",
      nameEn: "Teaching staff by qualification category",
      periodicity: "ANNUAL",
      orgKinds: ["SCHOOL"],
    },
    {
      id: "f2026_ah1",
      formListId: "fl2026",
      code: "AH-1",
      nameKk: "Жылыту маусымына дайындық туралы жедел сұрау",
      nameRu: "Оперативный запрос о готовности к отопительному сезону",
      nameEn: "Ad-hoc request: readiness for the heating season",
      periodicity: "ONE_OFF",
      orgKinds: [],
      adHoc: true,
    },
  ];
  await prisma.form.createMany({ data: forms });
  // Reporting processes beside the standard one the migration made: an ad-hoc request may need the
  // ministry only. Assigned to nothing in the demo (the ministry assigns it at /admin/reporting/processes).
  await prisma.reportingProcess.create({
    data: {
      id: "proc_ministry_only",
      code: "ministry-only",
      nameKk: "Тек министрлік (жедел сұраулар)",
      nameRu: "Только министерство (оперативные запросы)",
      nameEn: "Ministry only (ad-hoc requests)",
      levels: { create: [{ position: 0, level: "MINISTRY", days: 5 }] },
    },
  });
  await prisma.formVersion.createMany({
    data: [
      {
        id: "fv2025_d1",
        formId: "f2025_d1",
        number: 1,
        definition: CONTINGENT_DEFINITION as Prisma.InputJsonValue,
        frozen: true,
        createdById: "u_ministry",
      },
      {
        id: "fv2026_p1",
        formId: "f2026_p1",
        number: 1,
        definition: PASSPORT_DEFINITION as Prisma.InputJsonValue,
        frozen: true,
        createdById: "u_ministry",
      },
      {
        id: "fv2026_d1",
        formId: "f2026_d1",
        number: 1,
        definition: CONTINGENT_DEFINITION as Prisma.InputJsonValue,
        frozen: true,
        createdById: "u_ministry",
      },
      {
        id: "fv2026_d3",
        formId: "f2026_d3",
        number: 1,
        definition: STAFF_DEFINITION as Prisma.InputJsonValue,
        frozen: true,
        createdById: "u_ministry",
      },
      {
        id: "fv2026_ah1",
        formId: "f2026_ah1",
        number: 1,
        definition: HEATING_DEFINITION as Prisma.InputJsonValue,
        frozen: true,
        createdById: "u_ministry",
      },
    ],
  });
  const period = (
    id: string,
    formId: string,
    label: string,
    startsOn: string,
    endsOn: string,
    dueDate: string,
    closedAt: Date | null = null,
  ) => ({
    id,
    formId,
    label,
    startsOn: dateOf(startsOn),
    endsOn: dateOf(endsOn),
    dueDate: dateOf(dueDate),
    deadlineAt: effectiveDeadline(dueDate).endsAt,
    closedAt,
  });
  const periods = {
    d1_2025: period("rp2025_d1", "f2025_d1", "2025", "2025-09-01", "2025-09-05", "2025-10-05", at("2025-12-19", 17)),
    p1: period("rp2026_p1", "f2026_p1", "2026", "2026-01-01", "2026-12-31", "2026-12-01"),
    d1: period("rp2026_d1", "f2026_d1", "2026", "2026-09-01", "2026-09-05", "2026-10-05"),
    d3: period("rp2026_d3", "f2026_d3", "2026", "2026-09-01", "2026-10-01", "2026-11-25"),
    ah1: period("rp2026_ah1", "f2026_ah1", "2026-11", "2026-11-01", "2026-11-05", "2026-11-10"),
  };
  await prisma.reportingPeriod.createMany({ data: Object.values(periods) });
  await prisma.prefillMapping.createMany({ data: PREFILL_MAPPINGS });

  // The organisations reporting in the demo: schools first in the demo region, the demo school first of all.
  const demoSchool = (
    await prisma.roleAssignment.findFirst({
      where: { user: { login: "school" }, role: "ORG_ADMIN" },
      select: { organizationId: true },
    })
  )?.organizationId;
  const rows = await prisma.organization.findMany({
    where: { kind: { code: { in: ["SCHOOL", "PRESCHOOL"] } }, status: "ACTIVE" },
    select: {
      id: true,
      nameEn: true,
      kind: { select: { code: true } },
      language: { select: { code: true } },
      territory: { select: { path: true, code: true, level: true } },
    },
  });
  const akmola = "t110000000";
  rows.sort((a, b) => {
    const rank = (o: (typeof rows)[number]) =>
      o.id === demoSchool ? 0 : o.territory.path.includes(`/${akmola}/`) ? 1 : 2;
    return (
      rank(a) - rank(b) ||
      a.territory.code.localeCompare(b.territory.code) ||
      a.nameEn.localeCompare(b.nameEn, "en", { numeric: true })
    );
  });
  // Spread the first, cyclic states over districts: one organisation per district in turn.
  const byDistrict = new Map<string, typeof rows>();
  for (const o of rows) byDistrict.set(o.territory.path, [...(byDistrict.get(o.territory.path) ?? []), o]);
  const ordered: typeof rows = [];
  for (let round = 0; ordered.length < rows.length; round++)
    for (const list of byDistrict.values()) if (list[round]) ordered.push(list[round]!);
  if (demoSchool) {
    const i = ordered.findIndex((o) => o.id === demoSchool);
    if (i > 0) ordered.unshift(...ordered.splice(i, 1));
  }
  const orgs: SeedOrg[] = ordered.slice(0, LIMITS[scale]).map((o) => ({
    id: o.id,
    territoryPath: o.territory.path,
    districtLevel: o.territory.level === "DISTRICT" || o.territory.level === "SETTLEMENT",
    kind: o.kind.code,
    language: o.language?.code ?? "KK",
  }));
  const schools = orgs.filter((o) => o.kind === "SCHOOL");

  const submissions: Prisma.SubmissionCreateManyInput[] = [];
  const events: Prisma.SubmissionEventCreateManyInput[] = [];
  const facts: Prisma.DataValueCreateManyInput[] = [];
  const contingentDef = definitionSchema.parse(CONTINGENT_DEFINITION);
  const staffDef = definitionSchema.parse(STAFF_DEFINITION);
  const demoActors = (o: SeedOrg) => ({
    district: o.territoryPath.includes("/t110200000/") ? "u_district" : null,
    region: o.territoryPath.includes(`/${akmola}/`) ? "u_region" : null,
    org: o.id === demoSchool ? "u_school" : null,
  });
  const ev = (
    submissionId: string,
    o: SeedOrg,
    action: string,
    level: ReportingLevel,
    actorId: string | null,
    when: Date,
    reason: string | null = null,
  ) => events.push({ submissionId, organizationId: o.id, action, level, actorId, reason, at: when });
  const accept = (
    submissionId: string,
    o: SeedOrg,
    p: { id: string },
    year: number,
    formCode: string,
    def: FormDefinition,
    values: Values,
  ) => {
    for (const f of factRows(def, values))
      facts.push({
        organizationId: o.id,
        periodId: p.id,
        submissionId,
        year,
        formCode,
        indicator: f.indicator,
        rowKey: f.rowKey,
        value: f.value,
      });
  };

  /**
   * One organisation's submission of a period in a given state, with its event history: submitted
   * `offset` days after the due date (negative: before it), then approved up the chain as the state says.
   */
  const place = (
    o: SeedOrg,
    p: (typeof periods)[keyof typeof periods],
    formVersionId: string,
    key: string,
    state: State,
    values: Values,
    accepted?: { year: number; formCode: string; def: FormDefinition },
  ) => {
    if (state === "missing") return;
    const actors = demoActors(o);
    const id = `s_${key}_${o.id}`;
    const due = p.deadlineAt;
    // Some reports further up the chain were late too (timeliness below 100 % in the final reports).
    let late =
      state === "late" ||
      ((state === "approvedDistrict" || state === "approvedRegion" || state === "accepted") && random.next() < 0.12);
    // Handed over during office hours: `due` is the last instant of the due day (Almaty time).
    let submittedAt = new Date(
      plusDays(due, late ? random.int(1, 9) : -random.int(0, 12)).getTime() -
        random.int(6, 14) * 3_600_000 -
        random.int(0, 59) * 60_000,
    );
    // Everything the seed records happened before "today" of the demo, the steps up the chain included.
    const span = 4 * 3 + 3 + (state === "correction" ? 21 : 0);
    if (plusDays(submittedAt, span) > SEED_NOW) {
      submittedAt = new Date(plusDays(SEED_NOW, -span - random.int(1, 5)).getTime() - random.int(1, 8) * 3_600_000);
      late = submittedAt > due;
    }
    const base = {
      organizationId: o.id,
      periodId: p.id,
      formVersionId,
      values: values as Prisma.InputJsonValue,
      createdAt: plusDays(submittedAt, -random.int(1, 5)),
    };
    if (state === "draft") {
      submissions.push({
        ...base,
        id,
        status: "DRAFT",
        values: Object.fromEntries(Object.entries(values).slice(0, 10)) as Prisma.InputJsonValue,
      });
      return;
    }
    const chain: ("DISTRICT" | "REGION" | "MINISTRY")[] = o.districtLevel
      ? ["DISTRICT", "REGION", "MINISTRY"]
      : ["REGION", "MINISTRY"];
    const steps =
      state === "approvedDistrict"
        ? chain.indexOf("DISTRICT") + 1
        : state === "approvedRegion"
          ? chain.indexOf("REGION") + 1
          : state === "accepted" || state === "correction"
            ? chain.length
            : 0;
    const actorOf = (level: string) =>
      level === "DISTRICT" ? actors.district : level === "REGION" ? actors.region : "u_ministry";
    ev(id, o, "submit", "ORGANIZATION", actors.org, submittedAt);
    let when = submittedAt;
    let status: SubmissionStatus = "SUBMITTED";
    for (const level of chain.slice(0, steps)) {
      when = plusDays(when, random.int(1, 4));
      status = level === "DISTRICT" ? "APPROVED_DISTRICT" : level === "REGION" ? "APPROVED_REGION" : "ACCEPTED";
      ev(id, o, level === "MINISTRY" ? "accept" : "approve", level, actorOf(level), when);
    }
    let returnReason: string | null = null;
    if (state === "returned") {
      returnReason = random.pick(RETURN_REASONS);
      when = plusDays(when, random.int(1, 3));
      ev(id, o, "return", chain[0]!, actorOf(chain[0]!), when, returnReason);
      status = "RETURNED";
    }
    const common = { ...base, submittedAt, submittedById: actors.org, late, returnReason, updatedAt: when };
    if (state === "correction") {
      const fixedAt = plusDays(when, random.int(10, 20));
      const reason = "Педагогтердің тарификациясы бойынша 10-сынып контингенті қате енгізілген, түзетілді.";
      const corrected = { ...values };
      if (typeof corrected["grades.g10.total"] === "number") {
        corrected["grades.g10.total"] = (corrected["grades.g10.total"] as number) + 3;
        corrected["summary.students_total"] = (corrected["summary.students_total"] as number) + 3;
      }
      submissions.push({ ...common, id, status: "ACCEPTED", supersededAt: fixedAt, version: 5 });
      const id2 = `s_${key}_${o.id}_r2`;
      submissions.push({
        ...base,
        id: id2,
        revision: 2,
        status: "SUBMITTED",
        values: corrected as Prisma.InputJsonValue,
        corrected: true,
        correctionReason: reason,
        submittedAt: plusDays(fixedAt, 1),
        submittedById: actors.org,
        late,
        createdAt: fixedAt,
        updatedAt: plusDays(fixedAt, 1),
      });
      ev(id, o, "superseded", "ORGANIZATION", actors.org, fixedAt, reason);
      ev(id2, o, "correction", "ORGANIZATION", actors.org, fixedAt, reason);
      ev(id2, o, "submit", "ORGANIZATION", actors.org, plusDays(fixedAt, 1));
      if (accepted) accept(id, o, p, accepted.year, accepted.formCode, accepted.def, values);
      return;
    }
    submissions.push({ ...common, id, status, version: 1 + events.filter((e) => e.submissionId === id).length });
    if (status === "ACCEPTED" && accepted) accept(id, o, p, accepted.year, accepted.formCode, accepted.def, values);
  };

  // D-1: the closed 2025 period accepted everywhere; 2026 in every state.
  schools.forEach((o, i) => {
    const size = 0.6 + random.next() * 2.2;
    const kazakhShare =
      o.language === "KK"
        ? 0.95 + random.next() * 0.05
        : o.language === "RU"
          ? random.next() * 0.1
          : 0.4 + random.next() * 0.3;
    const current = contingentValues(random, size, kazakhShare);
    place(o, periods.d1_2025, "fv2025_d1", "2025_d1", "accepted", previousContingent(random, current), {
      year: 2025,
      formCode: "D-1",
      def: contingentDef,
    });
    const state: State = i < CYCLE.length ? CYCLE[i]! : random.pick(WEIGHTED);
    place(o, periods.d1, "fv2026_d1", "2026_d1", state, current, { year: 2026, formCode: "D-1", def: contingentDef });
    // D-3 (due in two days): about half handed over, the rest drafts or nothing yet.
    if (o.id !== demoSchool) {
      const staffState: State = random.pick([
        "missing",
        "missing",
        "draft",
        "submitted",
        "submitted",
        "approvedDistrict",
      ]);
      place(
        o,
        periods.d3,
        "fv2026_d3",
        "2026_d3",
        staffState,
        staffValues(random, current["summary.students_total"] as number),
        { year: 2026, formCode: "D-3", def: staffDef },
      );
    }
  });
  // P-1 (due next month): a third of the organisations have started.
  orgs.forEach((o) => {
    if (o.id === demoSchool || random.next() > 0.35) return;
    place(
      o,
      periods.p1,
      "fv2026_p1",
      "2026_p1",
      random.next() < 0.5 ? "draft" : "submitted",
      passportValues(random, random.int(150, 1200), o.language),
    );
  });
  // AH-1: addressed to the schools of the demo region and to two departments without a district.
  const addressees = schools.filter((o) => o.territoryPath.includes(`/${akmola}/`));
  const departments = await prisma.organization.findMany({
    where: { kind: { code: "EDU_DEPT_REGION" }, territoryId: { in: [akmola, "t710000000"] } },
    select: { id: true, territory: { select: { path: true } } },
    orderBy: { id: "asc" },
  });
  const ahOrgs: SeedOrg[] = [
    ...addressees,
    ...departments.map((d) => ({
      id: d.id,
      territoryPath: d.territory.path,
      districtLevel: false,
      kind: "EDU_DEPT_REGION",
      language: "KK",
    })),
  ];
  await prisma.formAddressee.createMany({ data: ahOrgs.map((o) => ({ formId: "f2026_ah1", organizationId: o.id })) });
  ahOrgs.forEach((o, i) => {
    const state: State =
      o.id === demoSchool
        ? "missing"
        : !o.districtLevel
          ? "submitted"
          : (["submitted", "late", "missing", "approvedDistrict", "approvedRegion"] as State[])[i % 5]!;
    place(o, periods.ah1, "fv2026_ah1", "2026_ah1", state, {
      "heating.ready": random.next() < 0.85,
      "heating.fuel_tonnes": random.int(20, 400),
      "heating.boilers": random.int(0, 2),
    });
  });

  for (let i = 0; i < submissions.length; i += 1000)
    await prisma.submission.createMany({ data: submissions.slice(i, i + 1000) });
  for (let i = 0; i < events.length; i += 2000)
    await prisma.submissionEvent.createMany({ data: events.slice(i, i + 2000) });
  for (let i = 0; i < facts.length; i += 5000) await prisma.dataValue.createMany({ data: facts.slice(i, i + 5000) });
  log(
    `reporting: ${forms.length} forms, ${submissions.length} submissions, ${events.length} events, ${facts.length} data values`,
  );
}
