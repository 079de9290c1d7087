/**
 * Attestation (issue 24): a teacher applies from their account page for the next qualification category — only
 * the next step, never while an application of theirs is open, and not before the category in force is old
 * enough (lib/staff/rules.ts: MIN_YEARS_IN_CATEGORY, nextCategory, eligibleFrom). The application goes to the
 * commission of the level the category's row of COMMISSION_LEVEL names (district, region or ministry); the
 * commission — the administrators of that level whose territory holds the teacher's school — sees its queue
 * and records the result: awarded with the decision's number (a CategoryAward in the same transaction, see
 * writeAward) or refused with a reason. The teacher is notified through createNotifications either way.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { createNotifications } from "../notifications/create";
import { dayOf } from "../diary/dates";
import { almatyDate } from "../time";
import { NAMED } from "../names";
import {
  COMMISSION_LEVEL,
  COMMISSION_LEVELS,
  COMMISSION_ROLE,
  eligibleFrom,
  nextCategory,
  type CommissionLevel,
  type QualificationCategory,
} from "./rules";
import { writeAward } from "./staff";
import type { AttestationApply, AttestationDecide, AttestationQuery } from "./schemas";

type Tx = Prisma.TransactionClient;

export const QUEUE_PAGE_SIZE = 50;

/** The day from which the employee may apply: from the award in force, or from their earliest appointment. */
function sinceOf(employee: { categoryAwardedOn: Date | null; appointments: { startDate: Date }[] }): string | null {
  if (employee.categoryAwardedOn) return dayOf(employee.categoryAwardedOn);
  const first = employee.appointments.map((a) => dayOf(a.startDate)).sort()[0];
  return first ?? null;
}

async function ownEmployee(db: Tx | typeof prisma, viewer: Viewer) {
  const user = await db.user.findUnique({ where: { id: viewer.userId }, select: { personId: true } });
  if (!user?.personId) return null;
  return db.employee.findUnique({
    where: { personId: user.personId },
    select: {
      id: true,
      category: true,
      categoryAwardedOn: true,
      categoryExpiresOn: true,
      appointments: {
        select: { startDate: true, organizationId: true, kind: true, endDate: true },
        orderBy: { startDate: "asc" },
      },
    },
  });
}

/**
 * What the teacher's account page shows: the next category, from when they may apply, the open application,
 * the past ones. Null when the person is not an employee.
 */
export async function ownAttestation(viewer: Viewer, now = new Date()) {
  const employee = await ownEmployee(prisma, viewer);
  if (!employee) return null;
  const applications = await prisma.attestationApplication.findMany({
    where: { employeeId: employee.id },
    orderBy: { submittedAt: "desc" },
    take: 20,
    select: {
      id: true,
      category: true,
      level: true,
      status: true,
      submittedAt: true,
      decidedAt: true,
      reason: true,
      award: { select: { decisionNumber: true } },
    },
  });
  const next = nextCategory(employee.category);
  const since = sinceOf(employee);
  const from = since ? eligibleFrom(since) : null;
  const open = applications.find((a) => a.status === "SUBMITTED") ?? null;
  const today = almatyDate(now);
  return {
    next,
    level: next ? COMMISSION_LEVEL[next] : null,
    eligibleFrom: from,
    canApply: Boolean(next && !open && from && from <= today),
    open,
    applications,
  };
}

/** A teacher applies for the next category (see the module's comment for the rules); nothing is written otherwise. */
export async function applyForAttestation(
  viewer: Viewer,
  input: AttestationApply,
  now = new Date(),
): Promise<{ id: string }> {
  const today = almatyDate(now);
  return prisma.$transaction(async (tx) => {
    const found = await ownEmployee(tx, viewer);
    if (!found) throw new AppError("forbidden");
    // the employee row locked: two applications at once cannot both see "none open"
    await tx.$queryRaw`SELECT id FROM "Employee" WHERE id = ${found.id} FOR UPDATE`;
    const employee = (await ownEmployee(tx, viewer))!;
    const next = nextCategory(employee.category);
    if (!next) throw new AppError("validation", { category: "staff.attestation.top" });
    if (input.category !== next)
      throw new AppError("validation", { category: "staff.attestation.notNext" }, { category: next });
    const open = await tx.attestationApplication.count({ where: { employeeId: employee.id, status: "SUBMITTED" } });
    if (open) throw new AppError("conflict", { category: "staff.attestation.open" });
    const since = sinceOf(employee);
    const from = since ? eligibleFrom(since) : null;
    if (!from || from > today)
      throw new AppError("validation", { category: "staff.attestation.tooEarly" }, { date: from ?? "—" });
    const current = employee.appointments.filter(
      (a) => dayOf(a.startDate) <= today && (!a.endDate || dayOf(a.endDate) >= today),
    );
    const school = current.find((a) => a.kind === "MAIN") ?? current[0];
    if (!school) throw new AppError("validation", { category: "staff.attestation.noAppointment" });
    const created = await tx.attestationApplication.create({
      data: {
        employeeId: employee.id,
        organizationId: school.organizationId,
        fromCategory: employee.category,
        category: next,
        level: COMMISSION_LEVEL[next],
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "AttestationApplication",
      entityId: created.id,
      after: { employeeId: employee.id, category: next, level: COMMISSION_LEVEL[next] },
    });
    return created;
  });
}

/**
 * The applications the viewer's commissions see: for each of their roles that sits on a commission, the
 * applications of that level from schools inside the role's territory (the ministry: the whole republic).
 */
export function commissionWhere(viewer: Viewer): Prisma.AttestationApplicationWhereInput {
  const seats: Prisma.AttestationApplicationWhereInput[] = [];
  for (const level of COMMISSION_LEVELS) {
    for (const r of viewer.roles) {
      if (r.role !== COMMISSION_ROLE[level]) continue;
      if (level === "ministry") seats.push({ level });
      else if (r.territoryPath)
        seats.push({ level, organization: { territory: { path: { startsWith: r.territoryPath } } } });
    }
  }
  // no seat: nothing
  return { OR: [...seats, { id: { in: [] } }] };
}

/** The levels at which the viewer sits on a commission. */
export function commissionLevels(viewer: Viewer): CommissionLevel[] {
  return COMMISSION_LEVELS.filter((l) => viewer.roles.some((r) => r.role === COMMISSION_ROLE[l]));
}

const queueSelect = {
  id: true,
  fromCategory: true,
  category: true,
  level: true,
  status: true,
  submittedAt: true,
  decidedAt: true,
  reason: true,
  organization: { select: NAMED },
  award: { select: { decisionNumber: true, awardedOn: true } },
  employee: {
    select: {
      id: true,
      categoryAwardedOn: true,
      person: { select: { lastName: true, firstName: true, middleName: true } },
    },
  },
} satisfies Prisma.AttestationApplicationSelect;

export type QueueRow = Prisma.AttestationApplicationGetPayload<{ select: typeof queueSelect }>;

/** One page of the commission's queue: the open applications oldest first, or the decided ones newest first. */
export async function commissionQueue(viewer: Viewer, query: AttestationQuery) {
  authorizeViewer(viewer, "staff.attest");
  const where: Prisma.AttestationApplicationWhereInput = {
    AND: [
      commissionWhere(viewer),
      query.status === "open" ? { status: "SUBMITTED" } : { status: { not: "SUBMITTED" } },
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.attestationApplication.findMany({
      where,
      select: queueSelect,
      orderBy:
        query.status === "open" ? [{ submittedAt: "asc" }, { id: "asc" }] : [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
    }),
    prisma.attestationApplication.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: QUEUE_PAGE_SIZE };
}

/**
 * The commission records its result on an open application of its queue: awarded (the award written in the
 * same transaction, the employee's category updated) or refused with a reason; the teacher is notified.
 */
export async function decideAttestation(viewer: Viewer, input: AttestationDecide, now = new Date()): Promise<void> {
  authorizeViewer(viewer, "staff.attest");
  const today = almatyDate(now);
  await prisma.$transaction(async (tx) => {
    const application = await tx.attestationApplication.findFirst({
      where: { AND: [{ id: input.id }, commissionWhere(viewer)] },
      select: { id: true, status: true, category: true, employeeId: true, employee: { select: { personId: true } } },
    });
    if (!application) throw new AppError("notFound");
    await tx.$queryRaw`SELECT id FROM "Employee" WHERE id = ${application.employeeId} FOR UPDATE`;
    const claimed = await tx.attestationApplication.updateMany({
      where: { id: application.id, status: "SUBMITTED" },
      data: {
        status: input.decision === "award" ? "AWARDED" : "REFUSED",
        decidedAt: now,
        decidedById: viewer.userId,
        reason: input.decision === "refuse" ? input.reason! : null,
      },
    });
    if (claimed.count !== 1) throw new AppError("conflict", { id: "staff.attestation.decided" });
    if (input.decision === "award") {
      if (input.awardedOn! > today) throw new AppError("validation", { awardedOn: "staff.attestation.future" });
      const employee = await tx.employee.findUniqueOrThrow({
        where: { id: application.employeeId },
        select: { id: true, category: true, categoryExpiresOn: true },
      });
      const award = await writeAward(tx, viewer.userId, employee, {
        category: application.category as QualificationCategory,
        awardedOn: input.awardedOn!,
        decisionNumber: input.decisionNumber!,
      });
      await tx.attestationApplication.update({ where: { id: application.id }, data: { awardId: award.id } });
    }
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "AttestationApplication",
      entityId: application.id,
      before: { status: "SUBMITTED" },
      after: {
        status: input.decision === "award" ? "AWARDED" : "REFUSED",
        decisionNumber: input.decisionNumber,
        reason: input.reason,
      },
    });
    const users = await tx.user.findMany({ where: { personId: application.employee.personId }, select: { id: true } });
    await createNotifications(
      tx,
      users.map((u) => ({
        userId: u.id,
        kind: "staff_attestation" as const,
        payload: {
          decision: input.decision,
          category: application.category,
          decisionNumber: input.decisionNumber ?? "",
          reason: input.reason ?? "",
        },
      })),
    );
  });
}

/** Counts for the page's tabs (open applications of the viewer's commissions). */
export async function openCount(viewer: Viewer): Promise<number> {
  return prisma.attestationApplication.count({ where: { AND: [commissionWhere(viewer), { status: "SUBMITTED" }] } });
}
