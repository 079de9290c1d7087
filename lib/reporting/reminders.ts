/**
 * Escalating in-app reminders of reporting deadlines: the administrators of every obliged organisation
 * that has not handed over a report get one notification 7 days before the deadline, one 1 day before and
 * one after it; district administrators get a daily list of their overdue organisations. Review levels
 * late by their process's days are escalated (and passed through when the process says so) by
 * workflow.escalateLate, run here too.
 *
 * Idempotent: every notification has a `dedupeKey` (unique), so running it again — from several
 * processes at once, too — creates nothing new. It is run by the job runner every few minutes
 * (lib/jobs, once across all instances) and by `npm run reporting:remind`.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { almatyDate } from "../time";
import { obligedOrganizationsWhere } from "./obligations";
import type { ReportingNotificationKind } from "./notifications";
import { escalateLate, reviewRoles } from "./workflow";
import { rolesWith } from "../auth/permissions";
import { NAMED } from "../names";
import { createNotifications, type NewNotification } from "../notifications/create";

const DAY = 24 * 60 * 60 * 1000;
/** Overdue reminders stop this long after the deadline (the board still shows who is overdue). */
const OVERDUE_WINDOW = 60 * DAY;
const HANDED_OVER = ["SUBMITTED", "APPROVED_DISTRICT", "APPROVED_REGION", "ACCEPTED"] as const;
/** Most organisations named in one district digest. */
const DIGEST_LIMIT = 50;

export type ReminderStage = "d7" | "d1" | "overdue";

/** The reminder due at `now` for a deadline, or null (more than 7 days ahead, or long past). */
export function reminderStage(deadlineAt: Date, now: Date): ReminderStage | null {
  const left = deadlineAt.getTime() - now.getTime();
  if (left < 0) return -left <= OVERDUE_WINDOW ? "overdue" : null;
  if (left <= DAY) return "d1";
  if (left <= 7 * DAY) return "d7";
  return null;
}

export interface ReminderRun {
  periods: number;
  created: number;
  /** Escalation notices of late review levels, and submissions passed through. */
  escalated: number;
  passed: number;
}

/** Creates the reminders due at `now` (see the module comment); returns how many were new. */
export async function generateReminders(now: Date = new Date()): Promise<ReminderRun> {
  const periods = await prisma.reportingPeriod.findMany({
    where: {
      closedAt: null,
      form: { formList: { status: "PUBLISHED" } },
      deadlineAt: { gte: new Date(now.getTime() - OVERDUE_WINDOW), lte: new Date(now.getTime() + 7 * DAY) },
    },
    include: { form: { select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true, orgKinds: true } } },
  });
  let created = 0;
  for (const period of periods) {
    const stage = reminderStage(period.deadlineAt, now);
    if (!stage) continue;
    const owing: Prisma.OrganizationWhereInput = {
      AND: [
        obligedOrganizationsWhere(period.form),
        { submissions: { none: { periodId: period.id, supersededAt: null, status: { in: [...HANDED_OVER] } } } },
      ],
    };
    const payload = {
      periodId: period.id,
      periodLabel: period.label,
      formCode: period.form.code,
      formNameKk: period.form.nameKk,
      formNameRu: period.form.nameRu,
      formNameEn: period.form.nameEn,
      deadlineAt: period.deadlineAt.toISOString(),
    };
    const admins = await prisma.roleAssignment.findMany({
      where: { role: { in: [...rolesWith("reporting.submit")] }, user: { active: true }, organization: owing },
      select: { userId: true, organizationId: true },
    });
    const data: NewNotification[] = admins.map((a) => ({
      userId: a.userId,
      organizationId: a.organizationId,
      kind: `reporting_reminder_${stage}` satisfies ReportingNotificationKind,
      payload,
      dedupeKey: `reminder:${period.id}:${a.organizationId}:${a.userId}:${stage}`,
    }));

    if (stage === "overdue") {
      const day = almatyDate(now);
      const districtAdmins = await prisma.roleAssignment.findMany({
        where: { role: { in: reviewRoles("DISTRICT") }, user: { active: true }, territoryId: { not: null } },
        select: { userId: true, territory: { select: { path: true } } },
      });
      for (const d of districtAdmins) {
        const where: Prisma.OrganizationWhereInput = {
          AND: [owing, { territory: { path: { startsWith: d.territory!.path } } }],
        };
        const [count, orgs] = await Promise.all([
          prisma.organization.count({ where }),
          prisma.organization.findMany({
            where,
            select: NAMED,
            orderBy: { nameKk: "asc" },
            take: DIGEST_LIMIT,
          }),
        ]);
        if (count === 0) continue;
        data.push({
          userId: d.userId,
          kind: "reporting_overdue_list" satisfies ReportingNotificationKind,
          payload: { ...payload, count, organizations: orgs },
          dedupeKey: `overdue-list:${period.id}:${d.userId}:${day}`,
        });
      }
    }
    for (let i = 0; i < data.length; i += 1000) {
      const batch = data.slice(i, i + 1000);
      created += await prisma.$transaction((tx) => createNotifications(tx, batch));
    }
  }
  const late = await escalateLate(now);
  return { periods: periods.length, created, escalated: late.notified, passed: late.passed };
}
