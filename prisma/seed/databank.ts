/**
 * History for the data bank: the lists of forms of 2022–2024 (contingent D-1 and staff D-3) and the D-3
 * of 2025, with closed periods and every school's report accepted through the whole reporting line (events
 * submit → approvals → accept, some handed over late), and their values in the data bank — so the public
 * statistics have several years for every demo territory. Then the precomputed summary of every year.
 *
 * Runs after seedReporting (it starts from the accepted 2025 contingent of each school). Deterministic.
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { ReportingLevel } from "../../lib/generated/prisma/enums";
import { definitionSchema } from "../../lib/reporting/definition";
import { factRows } from "../../lib/reporting/facts";
import { refreshAllSummaries } from "../../lib/databank/summary";
import { CONTINGENT_DEFINITION, STAFF_DEFINITION, previousContingent, staffValues } from "./reporting";
import { rng } from "./random";

type Values = Record<string, number | string | boolean>;

const DAY = 24 * 60 * 60 * 1000;
const dateOf = (s: string) => new Date(`${s}T00:00:00Z`);
/** Almaty office hours (UTC+5). */
const at = (date: string, hours = 10) => new Date(`${date}T${String(hours - 5).padStart(2, "0")}:00:00Z`);

export const HISTORY_YEARS = [2022, 2023, 2024] as const;

export async function seedDatabank(prisma: PrismaClient, log: (line: string) => void = () => {}): Promise<void> {
  const random = rng(2026_0005);
  const { effectiveDeadline } = await import("../../lib/reporting/deadline");
  const contingentDef = definitionSchema.parse(CONTINGENT_DEFINITION);
  const staffDef = definitionSchema.parse(STAFF_DEFINITION);

  const base = await prisma.submission.findMany({
    where: { periodId: "rp2025_d1", status: "ACCEPTED" },
    select: {
      organizationId: true,
      values: true,
      organization: { select: { territory: { select: { level: true } } } },
    },
    orderBy: { organizationId: "asc" },
  });
  if (!base.length) return;

  await prisma.formList.createMany({
    data: HISTORY_YEARS.map((year) => ({
      id: `fl${year}`,
      year,
      orderNumber: String(10 + (year % 10)),
      orderDate: dateOf(`${year}-01-18`),
      status: "PUBLISHED" as const,
      publishedAt: at(`${year}-01-20`),
    })),
  });
  const forms: Prisma.FormCreateManyInput[] = [];
  const versions: Prisma.FormVersionCreateManyInput[] = [];
  const periods: Prisma.ReportingPeriodCreateManyInput[] = [];
  const addForm = (year: number, code: "D-1" | "D-3") => {
    const key = `${year}_${code === "D-1" ? "d1" : "d3"}`;
    const d1 = code === "D-1";
    forms.push({
      id: `f${key}`,
      formListId: `fl${year}`,
      code,
      nameKk: d1
        ? "Оқушылар контингенті (сыныптар және жыныс бойынша)"
        : "Педагог кадрлар біліктілік санаттары бойынша",
      nameRu: d1 ? "Контингент учащихся (по классам и полу)" : "Педагогические кадры по квалификационным категориям",
      nameEn: d1 ? "Contingent of students (by grade and sex)" : "Teaching staff by qualification category",
      periodicity: "ANNUAL",
      orgKinds: ["SCHOOL"],
    });
    versions.push({
      id: `fv${key}`,
      formId: `f${key}`,
      number: 1,
      definition: (d1 ? CONTINGENT_DEFINITION : STAFF_DEFINITION) as Prisma.InputJsonValue,
      frozen: true,
      createdById: "u_ministry",
    });
    const due = d1 ? `${year}-10-05` : `${year}-11-25`;
    periods.push({
      id: `rp${key}`,
      formId: `f${key}`,
      label: String(year),
      startsOn: dateOf(d1 ? `${year}-09-01` : `${year}-09-01`),
      endsOn: dateOf(d1 ? `${year}-09-05` : `${year}-10-01`),
      dueDate: dateOf(due),
      deadlineAt: effectiveDeadline(due).endsAt,
      closedAt: at(`${year}-12-20`, 17),
    });
    return `rp${key}`;
  };
  const schedule: { year: number; code: "D-1" | "D-3"; periodId: string; formVersionId: string }[] = [];
  for (const year of HISTORY_YEARS) {
    schedule.push({ year, code: "D-1", periodId: addForm(year, "D-1"), formVersionId: `fv${year}_d1` });
    schedule.push({ year, code: "D-3", periodId: addForm(year, "D-3"), formVersionId: `fv${year}_d3` });
  }
  // The staff report of 2025 (the contingent of 2025 is in the reporting seed).
  forms.push({
    id: "f2025_d3",
    formListId: "fl2025",
    code: "D-3",
    nameKk: "Педагог кадрлар біліктілік санаттары бойынша",
    nameRu: "Педагогические кадры по квалификационным категориям",
    nameEn: "Teaching staff by qualification category",
    periodicity: "ANNUAL",
    orgKinds: ["SCHOOL"],
  });
  versions.push({
    id: "fv2025_d3",
    formId: "f2025_d3",
    number: 1,
    definition: STAFF_DEFINITION as Prisma.InputJsonValue,
    frozen: true,
    createdById: "u_ministry",
  });
  periods.push({
    id: "rp2025_d3",
    formId: "f2025_d3",
    label: "2025",
    startsOn: dateOf("2025-09-01"),
    endsOn: dateOf("2025-10-01"),
    dueDate: dateOf("2025-11-25"),
    deadlineAt: effectiveDeadline("2025-11-25").endsAt,
    closedAt: at("2025-12-19", 17),
  });
  schedule.push({ year: 2025, code: "D-3", periodId: "rp2025_d3", formVersionId: "fv2025_d3" });
  await prisma.form.createMany({ data: forms });
  await prisma.formVersion.createMany({ data: versions });
  await prisma.reportingPeriod.createMany({ data: periods });
  const deadlines = new Map(periods.map((p) => [p.id, p.deadlineAt as Date]));

  const submissions: Prisma.SubmissionCreateManyInput[] = [];
  const events: Prisma.SubmissionEventCreateManyInput[] = [];
  const facts: Prisma.DataValueCreateManyInput[] = [];
  for (const school of base) {
    // Contingent per year, going back from 2025.
    const contingent = new Map<number, Values>([[2025, school.values as Values]]);
    for (let year = 2024; year >= HISTORY_YEARS[0]; year--) {
      const v = previousContingent(random, contingent.get(year + 1)!);
      // Classes follow the year's own contingent (about 25 pupils a class).
      let classes = 0;
      for (let g = 1; g <= 11; g++) classes += Math.ceil((v[`grades.g${g}.total`] as number) / 25);
      v["summary.classes_total"] = classes;
      contingent.set(year, v);
    }
    const chain: ReportingLevel[] =
      school.organization.territory.level === "REGION" ? ["REGION", "MINISTRY"] : ["DISTRICT", "REGION", "MINISTRY"];
    for (const item of schedule) {
      const pupils = contingent.get(item.year)!;
      const values = item.code === "D-1" ? pupils : staffValues(random, pupils["summary.students_total"] as number);
      const late = random.next() < 0.1;
      const submittedAt = new Date(
        deadlines.get(item.periodId)!.getTime() +
          (late ? random.int(1, 8) : -random.int(1, 15)) * DAY -
          random.int(6, 14) * 3_600_000,
      );
      const id = `s_${item.periodId.slice(2)}_${school.organizationId}`;
      let when = submittedAt;
      events.push({
        submissionId: id,
        organizationId: school.organizationId,
        action: "submit",
        level: "ORGANIZATION",
        actorId: null,
        at: when,
      });
      for (const level of chain) {
        when = new Date(when.getTime() + random.int(1, 4) * DAY);
        events.push({
          submissionId: id,
          organizationId: school.organizationId,
          action: level === "MINISTRY" ? "accept" : "approve",
          level,
          actorId: level === "MINISTRY" ? "u_ministry" : null,
          at: when,
        });
      }
      submissions.push({
        id,
        organizationId: school.organizationId,
        periodId: item.periodId,
        formVersionId: item.formVersionId,
        status: "ACCEPTED",
        values: values as Prisma.InputJsonValue,
        submittedAt,
        late,
        version: 1 + chain.length,
        createdAt: new Date(submittedAt.getTime() - 3 * DAY),
        updatedAt: when,
      });
      for (const f of factRows(item.code === "D-1" ? contingentDef : staffDef, values)) {
        facts.push({
          organizationId: school.organizationId,
          periodId: item.periodId,
          submissionId: id,
          year: item.year,
          formCode: item.code,
          indicator: f.indicator,
          rowKey: f.rowKey,
          value: f.value,
        });
      }
    }
  }
  for (let i = 0; i < submissions.length; i += 1000)
    await prisma.submission.createMany({ data: submissions.slice(i, i + 1000) });
  for (let i = 0; i < events.length; i += 2000)
    await prisma.submissionEvent.createMany({ data: events.slice(i, i + 2000) });
  for (let i = 0; i < facts.length; i += 5000) await prisma.dataValue.createMany({ data: facts.slice(i, i + 5000) });
  const years = await refreshAllSummaries(prisma);
  log(
    `data bank: ${submissions.length} accepted reports of ${HISTORY_YEARS.join(", ")} and 2025 (D-3), ${facts.length} values; summary of ${years.join(", ")}`,
  );
}
