/**
 * Professional development (issue 24): providers and their courses — a catalogue the ministry's and the
 * regions' administrators keep (`courses.manage`) — and completions. A completion is recorded for an employee
 * by the admin of a school where the employee has an appointment in force, or by the admin of the course's
 * provider organisation (`courses.complete`); it issues a certificate numbered from a database sequence with a
 * random verification code (the same numbering and code as the certificates of study, lib/services/rules.ts),
 * verified on the one public verification page (/verify/certificate). The hours of the courses completed in
 * the last COURSE_HOURS_POLICY.years years are shown on the employee's card against the required figure.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "../db";
import { authorizeViewer } from "../auth/access";
import { organizationsWith, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { dateValue, dayOf } from "../diary/dates";
import { almatyDate } from "../time";
import { NAMED } from "../names";
import { certificateNumber, initials, normaliseQuery, verificationCode } from "../services/rules";
import { COURSE_HOURS_POLICY } from "./rules";
import { inForce } from "./staff";
import type { CompletionInput, CourseInput, ProviderInput } from "./schemas";

/** The catalogue: every provider with its courses (names in three languages, hours, format). */
export async function catalogue() {
  return prisma.courseProvider.findMany({
    orderBy: { nameRu: "asc" },
    select: {
      ...NAMED,
      organization: { select: NAMED },
      courses: { orderBy: { nameRu: "asc" }, select: { ...NAMED, hours: true, format: true } },
    },
    take: 500,
  });
}

export async function createProvider(viewer: Viewer, input: ProviderInput): Promise<{ id: string }> {
  authorizeViewer(viewer, "courses.manage");
  return prisma.$transaction(async (tx) => {
    if (input.organizationId) {
      const found = await tx.organization.count({ where: { id: input.organizationId } });
      if (!found) throw new AppError("validation", { organizationId: "validation.invalidOption" });
    }
    const created = await tx.courseProvider.create({
      data: {
        nameKk: input.nameKk,
        nameRu: input.nameRu,
        nameEn: input.nameEn,
        organizationId: input.organizationId ?? null,
        createdById: viewer.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "CourseProvider",
      entityId: created.id,
      after: input,
    });
    return created;
  });
}

export async function createCourse(viewer: Viewer, input: CourseInput): Promise<{ id: string }> {
  authorizeViewer(viewer, "courses.manage");
  return prisma.$transaction(async (tx) => {
    const provider = await tx.courseProvider.count({ where: { id: input.providerId } });
    if (!provider) throw new AppError("validation", { providerId: "validation.invalidOption" });
    const created = await tx.course.create({
      data: { ...input, createdById: viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Course",
      entityId: created.id,
      after: input,
    });
    return created;
  });
}

/**
 * Records a completion and issues its certificate: refused unless the viewer keeps the employee's school (an
 * appointment in force there) or the course's provider organisation; the date not in the future.
 */
export async function recordCompletion(
  viewer: Viewer,
  input: CompletionInput,
  now = new Date(),
): Promise<{ id: string; number: string; code: string }> {
  authorizeViewer(viewer, "courses.complete");
  const own = organizationsWith(viewer, "courses.complete");
  const today = almatyDate(now);
  if (input.completedOn > today) throw new AppError("validation", { completedOn: "staff.courses.future" });
  return prisma.$transaction(async (tx) => {
    const course = await tx.course.findUnique({
      where: { id: input.courseId },
      select: { id: true, provider: { select: { organizationId: true } } },
    });
    if (!course) throw new AppError("validation", { courseId: "validation.invalidOption" });
    const asProvider = course.provider.organizationId !== null && own.includes(course.provider.organizationId);
    const employee = await tx.employee.findFirst({
      where: {
        id: input.employeeId,
        ...(asProvider ? {} : { appointments: { some: { organizationId: { in: own }, ...inForce(today) } } }),
      },
      select: { id: true, person: { select: { lastName: true, firstName: true, middleName: true } } },
    });
    if (!employee) throw new AppError("notFound", { employeeId: "staff.outOfScope" });
    // the sequence hands out each value once, whatever runs at the same time
    const [row] = await tx.$queryRaw<
      { seq: bigint | number }[]
    >`SELECT nextval(pg_get_serial_sequence('"CourseCompletion"', 'seq')) AS seq`;
    const seq = Number(row!.seq);
    const created = await tx.courseCompletion.create({
      data: {
        seq,
        number: certificateNumber(seq, Number(today.slice(0, 4)), "COURSE_CERTIFICATE"),
        code: verificationCode(randomBytes(8)),
        courseId: course.id,
        employeeId: employee.id,
        completedOn: dateValue(input.completedOn),
        hours: input.hours,
        holderInitials: initials(employee.person),
        issuedById: viewer.userId,
      },
      select: { id: true, number: true, code: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "CourseCompletion",
      entityId: created.id,
      after: { ...input, number: created.number },
    });
    return created;
  });
}

/** The first day of the hours policy's window ending today. */
export function hoursWindowStart(now = new Date()): string {
  const today = almatyDate(now);
  return `${Number(today.slice(0, 4)) - COURSE_HOURS_POLICY.years}${today.slice(4)}`;
}

/** An employee's completions (newest first) and the hours within the policy's window against the required figure. */
export async function courseRecord(employeeId: string, now = new Date()) {
  const completions = await prisma.courseCompletion.findMany({
    where: { employeeId },
    orderBy: [{ completedOn: "desc" }, { seq: "desc" }],
    take: 100,
    select: {
      id: true,
      number: true,
      code: true,
      completedOn: true,
      hours: true,
      course: { select: { ...NAMED, provider: { select: NAMED } } },
    },
  });
  const from = hoursWindowStart(now);
  const hours = completions.filter((c) => dayOf(c.completedOn) >= from).reduce((sum, c) => sum + c.hours, 0);
  return {
    completions,
    hours,
    required: COURSE_HOURS_POLICY.hours,
    years: COURSE_HOURS_POLICY.years,
    below: hours < COURSE_HOURS_POLICY.hours,
  };
}

export interface CourseVerification {
  number: string;
  holderInitials: string;
  completedOn: Date;
  hours: number;
  course: { nameKk: string; nameRu: string; nameEn: string };
  provider: { nameKk: string; nameRu: string; nameEn: string };
}

/**
 * Public verification of a course certificate, the same way as a certificate of study (lib/services
 * verifyCertificate): by the code, or the number with the code, never the number alone; only the number, the
 * holder's initials, the course, the provider, the hours and the date. Null when no course certificate has it.
 */
export async function verifyCourseCertificate(query: string): Promise<CourseVerification | null> {
  const q = normaliseQuery(query);
  if (!q || "numberOnly" in q) return null;
  const found = await prisma.courseCompletion.findFirst({
    where: { code: q.code, ...(q.number ? { number: q.number } : {}) },
    select: {
      number: true,
      holderInitials: true,
      completedOn: true,
      hours: true,
      course: {
        select: {
          nameKk: true,
          nameRu: true,
          nameEn: true,
          provider: { select: { nameKk: true, nameRu: true, nameEn: true } },
        },
      },
    },
  });
  if (!found) return null;
  const { provider, ...course } = found.course;
  return { ...found, course, provider };
}
