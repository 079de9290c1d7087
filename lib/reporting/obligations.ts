/**
 * Who must submit what: an active organisation owes a form of a published list when its kind is among the
 * form's organisation kinds, or when it is an addressee of the form (ad-hoc requests, R6).
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { SubmissionStatus } from "../generated/prisma/enums";

/** Prisma `where` for the organisations obliged to submit a form (active ones only). */
export function obligedOrganizationsWhere(form: {
  id: string;
  orgKinds: readonly string[];
}): Prisma.OrganizationWhereInput {
  return {
    status: "ACTIVE",
    OR: [
      ...(form.orgKinds.length ? [{ kind: { code: { in: [...form.orgKinds] } } }] : []),
      { addressedForms: { some: { formId: form.id } } },
    ],
  };
}

/** True when the organisation must submit the form (whatever the state of its list). */
export async function isObliged(
  organizationId: string,
  form: { id: string; orgKinds: readonly string[] },
  tx: Prisma.TransactionClient = prisma,
): Promise<boolean> {
  return (
    (await tx.organization.count({ where: { AND: [{ id: organizationId }, obligedOrganizationsWhere(form)] } })) > 0
  );
}

/** Statuses after which the organisation has nothing more to do for a period (unless returned). */
const HANDED_OVER: readonly SubmissionStatus[] = ["SUBMITTED", "APPROVED_DISTRICT", "APPROVED_REGION", "ACCEPTED"];

export type DueState = "done" | "due" | "overdue";

export interface DuePeriod {
  id: string;
  label: string;
  startsOn: Date;
  endsOn: Date;
  dueDate: Date;
  /** The effective deadline (end of the due date moved past weekends and holidays, Almaty time). */
  deadlineAt: Date;
  closedAt: Date | null;
  submission: {
    id: string;
    status: SubmissionStatus;
    revision: number;
    submittedAt: Date | null;
    late: boolean;
    corrected: boolean;
    returnReason: string | null;
  } | null;
  /** done: handed over; due: still to hand over, deadline ahead; overdue: still to hand over, deadline passed. */
  state: DueState;
  /** Whole days until the deadline (negative when passed). */
  daysLeft: number;
}

export interface DueForm {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  periodicity: string;
  adHoc: boolean;
  periods: DuePeriod[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The forms an organisation must submit for a year (published lists only), each with its periods, this
 * organisation's current submission per period and whether it is still due or overdue.
 */
export async function formsDueFor(organizationId: string, year: number, now: Date = new Date()): Promise<DueForm[]> {
  const org = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: { status: true, kind: { select: { code: true } } },
  });
  if (!org || org.status !== "ACTIVE") return [];
  const forms = await prisma.form.findMany({
    where: {
      formList: { year, status: "PUBLISHED" },
      OR: [{ orgKinds: { has: org.kind.code } }, { addressees: { some: { organizationId } } }],
    },
    include: { periods: { orderBy: [{ dueDate: "asc" }, { label: "asc" }] } },
    orderBy: { code: "asc" },
  });
  const periodIds = forms.flatMap((f) => f.periods.map((p) => p.id));
  const submissions = periodIds.length
    ? await prisma.submission.findMany({
        where: { organizationId, periodId: { in: periodIds }, supersededAt: null },
        select: {
          id: true,
          periodId: true,
          status: true,
          revision: true,
          submittedAt: true,
          late: true,
          corrected: true,
          returnReason: true,
        },
        orderBy: { revision: "desc" },
      })
    : [];
  const latest = new Map<string, (typeof submissions)[number]>();
  for (const s of submissions) if (!latest.has(s.periodId)) latest.set(s.periodId, s);
  return forms.map((f) => ({
    id: f.id,
    code: f.code,
    nameKk: f.nameKk,
    nameRu: f.nameRu,
    nameEn: f.nameEn,
    periodicity: f.periodicity,
    adHoc: f.adHoc,
    periods: f.periods.map((p) => {
      const s = latest.get(p.id) ?? null;
      const handedOver = s !== null && HANDED_OVER.includes(s.status);
      const state: DueState = handedOver ? "done" : now.getTime() > p.deadlineAt.getTime() ? "overdue" : "due";
      return {
        id: p.id,
        label: p.label,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        dueDate: p.dueDate,
        deadlineAt: p.deadlineAt,
        closedAt: p.closedAt,
        submission: s
          ? {
              id: s.id,
              status: s.status,
              revision: s.revision,
              submittedAt: s.submittedAt,
              late: s.late,
              corrected: s.corrected,
              returnReason: s.returnReason,
            }
          : null,
        state,
        daysLeft: Math.floor((p.deadlineAt.getTime() - now.getTime()) / DAY_MS),
      };
    }),
  }));
}
