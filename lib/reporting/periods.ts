/**
 * Reporting periods of a form: dates of the period, the due date as approved, and the effective deadline
 * (R5: a due date on a weekend or public holiday moves to the end of the next working day, Almaty time).
 */
import "server-only";
import Holidays from "date-holidays";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import type { Viewer } from "../auth/scope";
import { describeDay, effectiveDeadline } from "./deadline";
import type { PeriodInput } from "./designer-schemas";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Creates a period of a form with its effective deadline; an end before the start is refused. */
export async function createPeriod(viewer: Viewer, input: PeriodInput) {
  if (input.endsOn < input.startsOn) throw new AppError("validation", { endsOn: "reporting.period.endBeforeStart" });
  const deadline = effectiveDeadline(input.dueDate);
  return prisma.$transaction(async (tx) => {
    const form = await tx.form.findUnique({ where: { id: input.formId }, select: { id: true } });
    if (!form) throw new AppError("notFound");
    const clash = await tx.reportingPeriod.findFirst({
      where: { formId: input.formId, label: input.label },
      select: { id: true },
    });
    if (clash) throw new AppError("validation", { label: "reporting.period.labelTaken" });
    const created = await tx.reportingPeriod.create({
      data: {
        formId: input.formId,
        label: input.label,
        startsOn: day(input.startsOn),
        endsOn: day(input.endsOn),
        dueDate: day(input.dueDate),
        deadlineAt: deadline.endsAt,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "ReportingPeriod",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

/** Removes a period nobody has started a report for. */
export async function deletePeriod(viewer: Viewer, id: string) {
  return prisma.$transaction(async (tx) => {
    const period = await tx.reportingPeriod.findUnique({
      where: { id },
      include: { _count: { select: { submissions: true } } },
    });
    if (!period) throw new AppError("notFound");
    if (period._count.submissions > 0) throw new AppError("conflict", { id: "reporting.period.hasSubmissions" });
    await tx.reportingPeriod.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "delete",
      entity: "ReportingPeriod",
      entityId: id,
      before: period,
    });
    return period;
  });
}

export type SkipReason = "weekend" | "holiday" | "substitute" | "transferred";

export interface SkippedDay {
  date: string;
  reasons: SkipReason[];
  /** Names of the public holidays on that day, or of those it replaces, in the requested language. */
  holidays: string[];
}

export interface DeadlineInfo {
  dueDate: string;
  /** The effective deadline day. */
  date: string;
  endsAt: Date;
  moved: boolean;
  skipped: SkippedDay[];
}

const holidayNames = new Map<string, Map<string, string[]>>();

/** Public holidays of Kazakhstan in a year by date, named in a language (kk, ru or en). */
function namesOf(year: number, lang: string): Map<string, string[]> {
  const cacheKey = `${year}:${lang}`;
  let byDate = holidayNames.get(cacheKey);
  if (!byDate) {
    byDate = new Map();
    const hd = new Holidays("KZ", { languages: [lang] });
    for (const h of hd.getHolidays(year, lang) || []) {
      if (h.type !== "public" || h.substitute) continue;
      const date = h.date.slice(0, 10);
      byDate.set(
        date,
        [...(byDate.get(date) ?? []), h.name].filter((n, i, a) => a.indexOf(n) === i),
      );
    }
    holidayNames.set(cacheKey, byDate);
  }
  return byDate;
}

/**
 * The deadline in force for a due date, with every skipped day and why it was skipped (weekend, public
 * holiday by name, a day off in place of a holiday, a transferred day off), for "moved to … because …".
 */
export function deadlineInfo(dueDate: string, locale: string): DeadlineInfo {
  const lang = locale === "ru" || locale === "en" ? locale : "kk";
  const deadline = effectiveDeadline(dueDate);
  const skipped: SkippedDay[] = [];
  for (let ms = day(dueDate).getTime(); ms < day(deadline.date).getTime(); ms += 24 * 60 * 60 * 1000) {
    const date = isoDay(new Date(ms));
    const status = describeDay(date);
    const reasons: SkipReason[] = [];
    const holidays: string[] = [];
    const local = namesOf(Number(date.slice(0, 4)), lang);
    for (const r of status.reasons) {
      if (r === "weekend") reasons.push("weekend");
      else if (r.startsWith("transferred day off")) reasons.push("transferred");
      else if (r.startsWith("public holiday")) {
        reasons.push("holiday");
        holidays.push(...(local.get(date) ?? [r.slice("public holiday: ".length)]));
      } else if (r.startsWith("day off in place of")) {
        reasons.push("substitute");
        // "day off in place of Nauryz on 2026-03-21, …": name the replaced holidays in the language asked for.
        for (const m of r.matchAll(/ on (\d{4}-\d{2}-\d{2})/g))
          holidays.push(...(namesOf(Number(m[1]!.slice(0, 4)), lang).get(m[1]!) ?? []));
      }
    }
    skipped.push({ date, reasons: [...new Set(reasons)], holidays: [...new Set(holidays)] });
  }
  return { dueDate, date: deadline.date, endsAt: deadline.endsAt, moved: deadline.moved, skipped };
}
