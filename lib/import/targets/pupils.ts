/**
 * Import target: pupils with their class enrolment, keyed by IIN. Each row is checked with the person
 * form's schema (`personInput`: IIN check digit and century, names) and its rules (birth date and sex, when
 * given, agreeing with the IIN); the school by BIN must be inside the importer's scope
 * (`registry.person.write`), and the class ("5А", "5 А", "5-А") must exist in the school's current academic
 * year. An existing person outside the scope is refused, never shown. Fields a mapping leaves out keep
 * their current values.
 */
import { personInput } from "../../registry/schemas";
import { organizationInScope, type Scope } from "../../auth/scope";
import { parseIin } from "../../identity";
import type { TargetField } from "../mapping";
import { recordAudit, recordAudits } from "../../audit";
import { existingRow, issueReason } from "./common";
import { holds, newId, rollbackRows } from "./rollback";
import type { Db, ImportTarget, RowResult, Written } from "./types";

export const PUPIL_FIELDS: readonly TargetField[] = [
  { name: "iin", required: true, synonyms: ["ЖСН", "ИИН", "IIN", "Жеке сәйкестендіру нөмірі"] },
  {
    name: "lastName",
    required: true,
    synonyms: ["Тегі", "Фамилия", "Last name", "Surname"],
    namePart: "surname",
  },
  {
    name: "firstName",
    required: true,
    synonyms: ["Аты", "Имя", "First name", "Name"],
    namePart: "name",
  },
  {
    name: "middleName",
    required: false,
    synonyms: ["Әкесінің аты", "Отчество", "Middle name", "Patronymic"],
    namePart: "patronymic",
  },
  { name: "birthDate", required: false, synonyms: ["Туған күні", "Дата рождения", "Birth date"], transform: "date" },
  { name: "sex", required: false, synonyms: ["Жынысы", "Пол", "Sex", "Gender"] },
  { name: "school", required: true, synonyms: ["Мектеп БСН", "БСН", "БИН школы", "БИН", "School BIN", "BIN"] },
  { name: "class", required: true, synonyms: ["Сынып", "Класс", "Class", "Grade"] },
];

/** The person columns an import sets (what a run writes and a rollback restores), and the enrolment's class. */
export const PUPIL_COLUMNS = ["lastName", "firstName", "middleName", "organizationId", "classGroupId"] as const;

const SEX: Record<string, "MALE" | "FEMALE"> = {
  m: "MALE",
  м: "MALE",
  male: "MALE",
  ер: "MALE",
  муж: "MALE",
  мужской: "MALE",
  f: "FEMALE",
  ж: "FEMALE",
  female: "FEMALE",
  әйел: "FEMALE",
  жен: "FEMALE",
  женский: "FEMALE",
};

/** "5А", "5 А", "5-А", "11 Б" → grade and letter (upper case); null when it is not a class. */
export function parseClass(text: string): { grade: number; letter: string } | null {
  const m = /^(\d{1,2})\s*[-\s]?\s*(\p{L}{1,3})$/u.exec(text.trim());
  if (!m) return null;
  const grade = Number(m[1]);
  return grade >= 0 && grade <= 12 ? { grade, letter: m[2]!.toLocaleUpperCase("kk") } : null;
}

interface School {
  id: string;
  path: string;
  classes?: Map<string, { id: string; academicYearId: string }>;
}

interface Context {
  schools: Map<string, School>;
  today: Date;
}

/** The classes of a school's current academic year (the one holding today, else the latest started), by "5|А". */
async function classesOf(db: Db, school: School, today: Date) {
  if (school.classes) return school.classes;
  const years = await db.academicYear.findMany({
    where: { organizationId: school.id, startDate: { lte: today } },
    orderBy: { startDate: "desc" },
    select: { id: true, endDate: true },
  });
  const year = years.find((y) => y.endDate >= today) ?? years[0];
  const classes = year
    ? await db.classGroup.findMany({
        where: { academicYearId: year.id },
        select: { id: true, grade: true, letter: true },
      })
    : [];
  school.classes = new Map(
    classes.map((c) => [`${c.grade}|${c.letter.toLocaleUpperCase("kk")}`, { id: c.id, academicYearId: year!.id }]),
  );
  return school.classes;
}

export const pupilsTarget: ImportTarget<Context> = {
  permission: "registry.person.write",
  fields: PUPIL_FIELDS,
  keyOf: (values) => (values.iin ?? "").trim(),

  async prepare(db) {
    const schools = await db.organization.findMany({
      where: { kind: { code: "SCHOOL" } },
      select: { id: true, bin: true, territory: { select: { path: true } } },
    });
    return {
      schools: new Map(schools.map((s) => [s.bin, { id: s.id, path: s.territory.path }])),
      today: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
    };
  },

  async classify(db, context, scope: Scope, rows) {
    const out: RowResult[] = [];
    const candidates: { line: number; key: string; data: Record<string, unknown>; mapped: Set<string> }[] = [];
    for (const { line, values } of rows) {
      const key = (values.iin ?? "").trim();
      const invalid = (field: string, reason: string, params?: Record<string, string | number>) =>
        out.push({ line, key, outcome: "invalid", changes: [], field, reason, params });
      const school = context.schools.get((values.school ?? "").trim());
      if (!school) {
        invalid("school", "organization.unknown");
        continue;
      }
      if (!organizationInScope(scope, { id: school.id, territoryPath: school.path })) {
        invalid("school", "import.outOfScope");
        continue;
      }
      let sex = "";
      if (values.sex) {
        const s = SEX[values.sex.toLowerCase()] ?? values.sex.toUpperCase();
        sex = s;
      }
      const parsed = personInput.safeParse({
        iin: key,
        lastName: values.lastName ?? "",
        firstName: values.firstName ?? "",
        middleName: values.middleName ?? "",
        birthDate: values.birthDate ?? "",
        sex,
        organizationId: school.id,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const { reason, params } = issueReason(issue);
        invalid(String(issue.path[0] ?? "iin"), reason, params);
        continue;
      }
      // the person form's rules: birth date and sex, when given, agree with the IIN
      const facts = (parseIin(key) as { ok: true; facts: { birthDate: string; sex: "MALE" | "FEMALE" } }).facts;
      if (parsed.data.birthDate && parsed.data.birthDate !== facts.birthDate) {
        invalid("birthDate", "iin.birthDateMismatch", { expected: facts.birthDate });
        continue;
      }
      if (parsed.data.sex && parsed.data.sex !== facts.sex) {
        invalid("sex", "iin.sexMismatch");
        continue;
      }
      const grade = parseClass(values.class ?? "");
      const klass = grade && (await classesOf(db, school, context.today)).get(`${grade.grade}|${grade.letter}`);
      if (!klass) {
        invalid("class", "diary.classUnknown");
        continue;
      }
      const mapped = new Set(Object.keys(values));
      mapped.add("organizationId");
      mapped.add("classGroupId");
      candidates.push({
        line,
        key,
        mapped,
        data: {
          iin: key,
          lastName: parsed.data.lastName,
          firstName: parsed.data.firstName,
          middleName: parsed.data.middleName,
          birthDate: facts.birthDate,
          sex: facts.sex,
          organizationId: school.id,
          classGroupId: klass.id,
          academicYearId: klass.academicYearId,
        },
      });
    }
    const existing = await db.person.findMany({
      where: { iin: { in: candidates.map((c) => c.key) } },
      select: {
        id: true,
        iin: true,
        lastName: true,
        firstName: true,
        middleName: true,
        organizationId: true,
        organization: { select: { territory: { select: { path: true } } } },
        enrolments: { select: { academicYearId: true, classGroupId: true } },
      },
    });
    const byIin = new Map(existing.map((p) => [p.iin, p]));
    for (const c of candidates) {
      const person = byIin.get(c.key);
      if (!person) {
        out.push({ line: c.line, key: c.key, outcome: "new", changes: [], data: c.data });
        continue;
      }
      const inScope =
        scope.all ||
        (person.organizationId !== null &&
          organizationInScope(scope, {
            id: person.organizationId,
            territoryPath: person.organization!.territory.path,
          }));
      if (!inScope) {
        out.push({
          line: c.line,
          key: c.key,
          outcome: "invalid",
          changes: [],
          field: "iin",
          reason: "import.outOfScope",
        });
        continue;
      }
      const enrolment = person.enrolments.find((e) => e.academicYearId === c.data.academicYearId);
      const current: Record<string, unknown> = { ...person, classGroupId: enrolment?.classGroupId ?? null };
      out.push(existingRow(c, person.id, current, PUPIL_COLUMNS, { academicYearId: c.data.academicYearId }));
    }
    return out;
  },

  async write(tx, actorId, rows) {
    const out = new Map<number, Written>();
    const inserted = rows.filter((r) => r.outcome === "new");
    if (inserted.length) {
      const classIds = [...new Set(inserted.map((r) => r.data!.classGroupId as string))];
      const classes = new Map(
        (
          await tx.classGroup.findMany({ where: { id: { in: classIds } }, select: { id: true, organizationId: true } })
        ).map((c) => [c.id, c.organizationId]),
      );
      const people = inserted.map((r) => {
        const d = r.data as Record<string, string | null>;
        return {
          id: newId(),
          iin: d.iin!,
          lastName: d.lastName!,
          firstName: d.firstName!,
          middleName: d.middleName ?? null,
          birthDate: new Date(`${d.birthDate}T00:00:00Z`),
          sex: d.sex as "MALE" | "FEMALE",
          organizationId: d.organizationId ?? null,
        };
      });
      await tx.person.createMany({ data: people });
      const enrolments = inserted.map((r, i) => ({
        id: newId(),
        organizationId: classes.get(r.data!.classGroupId as string)!,
        academicYearId: r.data!.academicYearId as string,
        classGroupId: r.data!.classGroupId as string,
        studentId: people[i]!.id,
      }));
      await tx.classEnrolment.createMany({ data: enrolments });
      await recordAudits(
        tx,
        people.map((p) => ({ actorId, action: "create" as const, entity: "Person", entityId: p.id, after: p })),
      );
      inserted.forEach((r, i) => {
        const p = people[i]!;
        out.set(r.line, {
          entityId: p.id,
          version: 1,
          extraId: enrolments[i]!.id,
          after: {
            lastName: p.lastName,
            firstName: p.firstName,
            middleName: p.middleName,
            classGroupId: enrolments[i]!.classGroupId,
            academicYearId: enrolments[i]!.academicYearId,
          },
        });
      });
    }
    for (const row of rows.filter((r) => r.outcome === "update")) {
      const { classGroupId, academicYearId, ...person } = row.data as Record<string, string | null>;
      const current = await tx.person.findUniqueOrThrow({ where: { id: row.id! } });
      const fields = Object.fromEntries(Object.entries(person).filter(([k]) => k !== "iin"));
      const before: Record<string, unknown> = Object.fromEntries(
        Object.keys(fields).map((k) => [k, (current as Record<string, unknown>)[k]]),
      );
      let extraId: string | undefined;
      if (row.changes.includes("classGroupId")) {
        const enrolment = await tx.classEnrolment.findUnique({
          where: { academicYearId_studentId: { academicYearId: academicYearId!, studentId: row.id! } },
        });
        before.classGroupId = enrolment?.classGroupId ?? null;
        if (enrolment)
          await tx.classEnrolment.update({ where: { id: enrolment.id }, data: { classGroupId: classGroupId! } });
        else {
          const klass = await tx.classGroup.findUniqueOrThrow({
            where: { id: classGroupId! },
            select: { organizationId: true },
          });
          extraId = (
            await tx.classEnrolment.create({
              data: {
                organizationId: klass.organizationId,
                academicYearId: academicYearId!,
                classGroupId: classGroupId!,
                studentId: row.id!,
              },
            })
          ).id;
        }
        before.academicYearId = academicYearId;
      }
      const after = await tx.person.update({ where: { id: row.id! }, data: { ...fields, version: { increment: 1 } } });
      await recordAudit(tx, {
        actorId,
        action: "update",
        entity: "Person",
        entityId: after.id,
        before,
        after: row.data,
      });
      out.set(row.line, {
        entityId: after.id,
        before,
        version: after.version,
        extraId,
        after: { ...fields, ...(row.changes.includes("classGroupId") ? { classGroupId, academicYearId } : {}) },
      });
    }
    return out;
  },

  rollback(tx, actorId, rows) {
    return rollbackRows(tx, actorId, rows, {
      entity: "Person",
      load: (db, ids) =>
        db.person.findMany({
          where: { id: { in: ids } },
          include: { enrolments: { select: { academicYearId: true, classGroupId: true } } },
        }),
      same: (record, row) => {
        const { classGroupId, academicYearId, ...fields } = (row.after ?? {}) as Record<string, unknown>;
        if (!holds(record, fields)) return false;
        if (!academicYearId) return true;
        const enrolment = record.enrolments.find((e) => e.academicYearId === academicYearId);
        return (enrolment?.classGroupId ?? null) === (classGroupId ?? null);
      },
      remove: async (db, removed) => {
        const ids = removed.map((r) => r.entityId!);
        await db.classEnrolment.deleteMany({ where: { studentId: { in: ids } } });
        await db.person.deleteMany({ where: { id: { in: ids } } });
      },
      restore: async (db, row) => {
        const { classGroupId, academicYearId, ...fields } = (row.before ?? {}) as Record<string, string | null>;
        if (academicYearId !== undefined) {
          if (row.extraId) await db.classEnrolment.deleteMany({ where: { id: row.extraId } });
          else if (classGroupId)
            await db.classEnrolment.updateMany({
              where: { academicYearId: academicYearId!, studentId: row.entityId! },
              data: { classGroupId },
            });
        }
        await db.person.update({ where: { id: row.entityId! }, data: { ...fields, version: { increment: 1 } } });
      },
    });
  },
};
