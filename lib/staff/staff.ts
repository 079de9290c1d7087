/**
 * The personnel registry (issue 24): employees are persons of the registry (IIN checked) with appointments —
 * validity intervals at an organisation, never a single "current" row: an end sets the end date and reason,
 * a transfer ends one appointment and starts another linked to it. Qualification categories are kept as a
 * history of awards, the one in force copied onto the employee. The school admin keeps its own staff
 * (`staff.manage`); district, region and ministry admins read their territory (`staff.read`, the scope in the
 * query's WHERE); a person reads their own record. Every write is one transaction with its audit entry; the
 * rules (lib/staff/rules.ts) refuse overlapping main jobs, too many hours and skipped categories naming the field.
 */
import "server-only";
import { prisma } from "../db";
import { checkRecordAttributes } from "../registry/attributes";
import { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { organizationsWith, organizationWhere, type Scope, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { addDays, dateValue, dayOf } from "../diary/dates";
import { almatyDate } from "../time";
import { parseIin } from "../identity";
import { pageWindow, type ListParams, type Page } from "../data-table/params";
import { NAMED } from "../names";
import {
  defaultExpiry,
  DUE_MONTHS,
  MAX_WEEKLY_HOURS,
  overlaps,
  QUALIFICATION_CATEGORIES,
  skipsCategory,
  type QualificationCategory,
} from "./rules";
import type { AwardInput, EndInput, HireInput, TransferInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export const STAFF_SORTS = ["name", "position", "startDate", "expiry"] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];
export const STAFF_FILTERS = ["organization", "position", "category", "status", "due"] as const;

/** The organisations whose staff the viewer keeps (their own school). */
export function ownOrganizationIds(viewer: Viewer): string[] {
  authorizeViewer(viewer, "staff.manage");
  return organizationsWith(viewer, "staff.manage");
}

function checkOwn(viewer: Viewer, organizationId: string, field = "organizationId"): void {
  if (!ownOrganizationIds(viewer).includes(organizationId))
    throw new AppError("outOfScope", { [field]: "staff.outOfScope" });
}

const today = (now = new Date()) => almatyDate(now);

/** The day DUE_MONTHS months from today (categories expiring up to it are due for attestation). */
export function dueLimit(now = new Date()): string {
  const [y, m, d] = today(now).split("-").map(Number) as [number, number, number];
  const month = m - 1 + DUE_MONTHS;
  return dayOf(new Date(Date.UTC(y + Math.floor(month / 12), month % 12, Math.min(d, 28))));
}

/** Appointments in force on a day: started, and not ended before it. */
export function inForce(day: string): Prisma.AppointmentWhereInput {
  return { startDate: { lte: dateValue(day) }, OR: [{ endDate: null }, { endDate: { gte: dateValue(day) } }] };
}

const listSelect = {
  id: true,
  kind: true,
  rate: true,
  weeklyHours: true,
  startDate: true,
  endDate: true,
  endReason: true,
  organization: { select: NAMED },
  position: { select: NAMED },
  subjects: { select: NAMED, orderBy: { sortOrder: "asc" } },
  employee: {
    select: {
      id: true,
      category: true,
      categoryExpiresOn: true,
      person: { select: { iin: true, lastName: true, firstName: true, middleName: true } },
    },
  },
} satisfies Prisma.AppointmentSelect;

export type StaffRow = Prisma.AppointmentGetPayload<{ select: typeof listSelect }>;

/** The `where` of a staff list: the scope, then the filters and the search (an IIN prefix or name words). */
function staffWhere(scope: Scope, params: Pick<ListParams<string>, "q" | "filters">, now = new Date()) {
  const { q, filters } = params;
  const day = today(now);
  const words = q.split(/\s+/).filter(Boolean);
  const person: Prisma.PersonWhereInput = /^\d+$/.test(q)
    ? { iin: { startsWith: q } }
    : {
        AND: words.map((w) => ({
          OR: [
            { lastName: { contains: w, mode: "insensitive" as const } },
            { firstName: { contains: w, mode: "insensitive" as const } },
          ],
        })),
      };
  const status = filters.status || "current";
  const category = (QUALIFICATION_CATEGORIES as readonly string[]).includes(filters.category ?? "")
    ? (filters.category as QualificationCategory)
    : undefined;
  const where: Prisma.AppointmentWhereInput = {
    AND: [
      { organization: organizationWhere(scope) },
      status === "ended" ? { endDate: { lt: dateValue(day) } } : status === "all" ? {} : inForce(day),
      filters.organization ? { organizationId: filters.organization } : {},
      filters.position ? { positionId: filters.position } : {},
      filters.category ? (category ? { employee: { category } } : { id: { in: [] } }) : {},
      filters.due === "1" ? { employee: { categoryExpiresOn: { lte: dateValue(dueLimit(now)) } } } : {},
      q ? { employee: { person } } : {},
    ],
  };
  return where;
}

function staffOrder(params: Pick<ListParams<StaffSort>, "sort" | "dir">): Prisma.AppointmentOrderByWithRelationInput[] {
  const dir = params.dir;
  const byName: Prisma.AppointmentOrderByWithRelationInput[] = [
    { employee: { person: { lastName: dir } } },
    { employee: { person: { firstName: dir } } },
    { id: "asc" },
  ];
  switch (params.sort) {
    case "position":
      return [{ position: { sortOrder: dir } }, ...byName];
    case "startDate":
      return [{ startDate: dir }, { id: "asc" }];
    case "expiry":
      return [{ employee: { categoryExpiresOn: { sort: dir, nulls: "last" } } }, { id: "asc" }];
    default:
      return byName;
  }
}

/** One page of appointments in the scope (current by default), with the person and their category. */
export async function listStaff(
  scope: Scope,
  params: ListParams<StaffSort>,
  now = new Date(),
): Promise<Page<StaffRow>> {
  const where = staffWhere(scope, params, now);
  const [rows, total] = await Promise.all([
    prisma.appointment.findMany({ where, select: listSelect, orderBy: staffOrder(params), ...pageWindow(params) }),
    prisma.appointment.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/** The same rows for a CSV/XLSX download (at most 50,000). */
export async function exportStaff(scope: Scope, params: ListParams<StaffSort>, now = new Date()): Promise<StaffRow[]> {
  return prisma.appointment.findMany({
    where: staffWhere(scope, params, now),
    select: listSelect,
    orderBy: staffOrder(params),
    take: 50_000,
  });
}

/** Options of the list's filters and the forms: organisations in scope, positions, subjects, languages. */
export async function staffOptions(scope: Scope) {
  const [organizations, positions, subjects, languages] = await Promise.all([
    prisma.organization.findMany({
      where: { AND: [organizationWhere(scope), { appointments: { some: {} } }] },
      select: NAMED,
      orderBy: { nameRu: "asc" },
      take: 200,
    }),
    classifierItems("POSITION"),
    classifierItems("SUBJECT"),
    classifierItems("LANGUAGE"),
  ]);
  return { organizations, positions, subjects, languages };
}

export function classifierItems(code: string) {
  return prisma.classifierItem.findMany({
    where: { classifier: { code } },
    select: { ...NAMED, code: true },
    orderBy: { sortOrder: "asc" },
  });
}

/** An employee's card: the person, education, category and its history, every appointment (career history). */
export async function employeeCard(scope: Scope, employeeId: string) {
  const employee = await prisma.employee.findFirst({
    where: { id: employeeId, appointments: { some: { organization: organizationWhere(scope) } } },
    include: {
      person: { select: { iin: true, lastName: true, firstName: true, middleName: true, birthDate: true, sex: true } },
      awards: { orderBy: { awardedOn: "desc" } },
      appointments: {
        orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
        include: {
          organization: { select: NAMED },
          position: { select: NAMED },
          subjects: { select: NAMED, orderBy: { sortOrder: "asc" } },
        },
      },
    },
  });
  if (!employee) throw new AppError("notFound");
  return employee;
}

/** The signed-in person's own record (null when their account is not linked to an employee). */
export async function ownRecord(viewer: Viewer) {
  const user = await prisma.user.findUnique({ where: { id: viewer.userId }, select: { personId: true } });
  if (!user?.personId) return null;
  return prisma.employee.findUnique({
    where: { personId: user.personId },
    include: {
      person: { select: { lastName: true, firstName: true, middleName: true } },
      awards: { orderBy: { awardedOn: "desc" } },
      appointments: {
        orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
        include: {
          organization: { select: NAMED },
          position: { select: NAMED },
          subjects: { select: NAMED, orderBy: { sortOrder: "asc" } },
        },
      },
    },
  });
}

async function checkItems(tx: Tx, classifier: string, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const found = await tx.classifierItem.count({ where: { id: { in: ids }, classifier: { code: classifier } } });
  if (found !== new Set(ids).size) throw new AppError("validation", { [field]: "validation.invalidOption" });
}

/**
 * The rules over a person's other appointments (locked with the employee row so two hires cannot pass at once):
 * no second main job overlapping a main one, and no more than MAX_WEEKLY_HOURS weekly hours over the
 * appointments overlapping the new one.
 */
async function checkRules(
  tx: Tx,
  employeeId: string,
  next: { start: string; end: string | null; kind: "MAIN" | "PART_TIME"; weeklyHours: number },
  except: string[] = [],
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Employee" WHERE id = ${employeeId} FOR UPDATE`;
  const others = await tx.appointment.findMany({
    where: { employeeId, id: { notIn: except } },
    select: { kind: true, weeklyHours: true, startDate: true, endDate: true },
  });
  const overlapping = others.filter((a) =>
    overlaps({ start: dayOf(a.startDate), end: a.endDate ? dayOf(a.endDate) : null }, next),
  );
  if (next.kind === "MAIN" && overlapping.some((a) => a.kind === "MAIN"))
    throw new AppError("validation", { kind: "staff.mainOverlap" });
  const hours = overlapping.reduce((sum, a) => sum + a.weeklyHours, 0) + next.weeklyHours;
  if (hours > MAX_WEEKLY_HOURS)
    throw new AppError("validation", { weeklyHours: "staff.hoursTotal" }, { max: MAX_WEEKLY_HOURS, total: hours });
}

const appointmentData = (input: Pick<HireInput, "positionId" | "kind" | "rate" | "weeklyHours" | "subjects">) => ({
  positionId: input.positionId,
  kind: input.kind,
  rate: new Prisma.Decimal(input.rate),
  weeklyHours: input.weeklyHours,
  subjects: { connect: (input.subjects ?? []).map((id) => ({ id })) },
});

/**
 * Hires a person (found by IIN, or added to the registry with the names given) into the viewer's school.
 * With a vacancy, the vacancy is closed as filled by the new appointment in the same transaction.
 */
export async function hire(viewer: Viewer, input: HireInput): Promise<{ appointmentId: string; employeeId: string }> {
  checkOwn(viewer, input.organizationId);
  const iin = parseIin(input.iin);
  if (!iin.ok) throw new AppError("validation", { iin: `iin.${iin.problem}` });
  return prisma.$transaction(async (tx) => {
    await checkItems(tx, "POSITION", [input.positionId], "positionId");
    await checkItems(tx, "SUBJECT", input.subjects ?? [], "subjects");
    let person = await tx.person.findUnique({ where: { iin: input.iin }, select: { id: true } });
    if (!person) {
      const missing: Record<string, string> = {};
      if (!input.lastName) missing.lastName = "staff.nameForNewPerson";
      if (!input.firstName) missing.firstName = "staff.nameForNewPerson";
      if (Object.keys(missing).length) throw new AppError("validation", missing);
      person = await tx.person.create({
        data: {
          iin: input.iin,
          lastName: input.lastName!,
          firstName: input.firstName!,
          middleName: input.middleName ?? null,
          birthDate: dateValue(iin.facts.birthDate),
          sex: iin.facts.sex,
          organizationId: input.organizationId,
        },
        select: { id: true },
      });
    }
    const employee = await tx.employee.upsert({
      where: { personId: person.id },
      create: { personId: person.id },
      update: {},
      select: { id: true },
    });
    await checkRules(tx, employee.id, {
      start: input.startDate,
      end: input.endDate ?? null,
      kind: input.kind,
      weeklyHours: input.weeklyHours,
    });
    // the appointment's custom attributes, checked by the one schema built from the definitions of appointments
    const attributes = await checkRecordAttributes(tx, "APPOINTMENT", input.organizationId, input.attributes ?? {});
    const created = await tx.appointment.create({
      data: {
        ...appointmentData(input),
        attributes,
        organizationId: input.organizationId,
        employeeId: employee.id,
        startDate: dateValue(input.startDate),
        endDate: input.endDate ? dateValue(input.endDate) : null,
        createdById: viewer.userId,
      },
      select: { id: true },
    });
    if (input.vacancyId) {
      const filled = await tx.vacancy.updateMany({
        where: { id: input.vacancyId, organizationId: input.organizationId, status: "OPEN" },
        data: { status: "FILLED", filledById: created.id, closedAt: new Date() },
      });
      if (filled.count !== 1) throw new AppError("conflict", { vacancyId: "staff.vacancyNotOpen" });
    }
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Appointment",
      entityId: created.id,
      after: { ...input, iin: undefined, employeeId: employee.id },
    });
    return { appointmentId: created.id, employeeId: employee.id };
  });
}

async function ownAppointment(tx: Tx, viewer: Viewer, id: string, version: number) {
  const appointment = await tx.appointment.findUnique({ where: { id } });
  if (!appointment || !ownOrganizationIds(viewer).includes(appointment.organizationId)) throw new AppError("notFound");
  if (appointment.version !== version) throw new AppError("stale");
  if (appointment.endDate && appointment.endDate < dateValue(today()))
    throw new AppError("conflict", { id: "staff.ended" });
  return appointment;
}

/** Ends an appointment on a day with a reason (the row stays, with its end). */
export async function endAppointment(viewer: Viewer, input: EndInput): Promise<void> {
  ownOrganizationIds(viewer);
  await prisma.$transaction(async (tx) => {
    const before = await ownAppointment(tx, viewer, input.id, input.version);
    if (input.endDate < dayOf(before.startDate)) throw new AppError("validation", { endDate: "staff.endBeforeStart" });
    await tx.appointment.update({
      where: { id: before.id },
      data: { endDate: dateValue(input.endDate), endReason: input.endReason, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Appointment",
      entityId: before.id,
      before: { endDate: before.endDate, endReason: before.endReason },
      after: { endDate: input.endDate, endReason: input.endReason },
    });
  });
}

/** A transfer: the appointment ends the day before `startDate` (reason TRANSFER), a new one starts then. */
export async function transfer(viewer: Viewer, input: TransferInput): Promise<{ appointmentId: string }> {
  checkOwn(viewer, input.organizationId);
  return prisma.$transaction(async (tx) => {
    const before = await ownAppointment(tx, viewer, input.id, input.version);
    if (input.startDate <= dayOf(before.startDate))
      throw new AppError("validation", { startDate: "staff.transferBeforeStart" });
    await checkItems(tx, "POSITION", [input.positionId], "positionId");
    await checkItems(tx, "SUBJECT", input.subjects ?? [], "subjects");
    const endDate = addDays(input.startDate, -1);
    await checkRules(
      tx,
      before.employeeId,
      { start: input.startDate, end: null, kind: input.kind, weeklyHours: input.weeklyHours },
      [before.id],
    );
    await tx.appointment.update({
      where: { id: before.id },
      data: { endDate: dateValue(endDate), endReason: "TRANSFER", version: { increment: 1 } },
    });
    const created = await tx.appointment.create({
      data: {
        ...appointmentData(input),
        organizationId: input.organizationId,
        employeeId: before.employeeId,
        startDate: dateValue(input.startDate),
        previousId: before.id,
        createdById: viewer.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Appointment",
      entityId: created.id,
      before: { id: before.id, endDate: before.endDate },
      after: { ...input, previousId: before.id },
    });
    return { appointmentId: created.id };
  });
}

/**
 * Writes an award inside the caller's transaction: the CategoryAward row, the category in force copied onto the
 * employee, the audit entry. One step up at most; the expiry is five years on unless given.
 */
export async function writeAward(
  tx: Tx,
  actorId: string,
  employee: { id: string; category: QualificationCategory; categoryExpiresOn: Date | null },
  input: Omit<AwardInput, "employeeId">,
): Promise<{ id: string }> {
  if (skipsCategory(employee.category, input.category))
    throw new AppError("validation", { category: "staff.categorySkipped" });
  const expiresOn = input.expiresOn ?? defaultExpiry(input.category, input.awardedOn);
  const award = await tx.categoryAward.create({
    data: {
      employeeId: employee.id,
      category: input.category,
      awardedOn: dateValue(input.awardedOn),
      expiresOn: expiresOn ? dateValue(expiresOn) : null,
      decisionNumber: input.decisionNumber,
      createdById: actorId,
    },
  });
  await tx.employee.update({
    where: { id: employee.id },
    data: {
      category: input.category,
      categoryAwardedOn: award.awardedOn,
      categoryExpiresOn: award.expiresOn,
      categoryDecision: input.decisionNumber,
      version: { increment: 1 },
    },
  });
  await recordAudit(tx, {
    actorId,
    action: "update",
    entity: "Employee",
    entityId: employee.id,
    before: { category: employee.category, categoryExpiresOn: employee.categoryExpiresOn },
    after: { category: input.category, expiresOn, decisionNumber: input.decisionNumber },
  });
  return { id: award.id };
}

/**
 * Records a category awarded by a commission's decision for an employee with an appointment in force at the
 * viewer's school (see writeAward).
 */
export async function awardCategory(viewer: Viewer, input: AwardInput): Promise<void> {
  const own = ownOrganizationIds(viewer);
  await prisma.$transaction(async (tx) => {
    const employee = await tx.employee.findFirst({
      where: { id: input.employeeId, appointments: { some: { organizationId: { in: own }, ...inForce(today()) } } },
    });
    if (!employee) throw new AppError("notFound");
    await writeAward(tx, viewer.userId, employee, input);
  });
}
