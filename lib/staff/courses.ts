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
import { holds, organizationsWith, organizationWhere, scopeOf, type Viewer } from "../auth/scope";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { dateValue, dayOf } from "../diary/dates";
import { almatyDate } from "../time";
import { localName, NAMED } from "../names";
import { publicUrl } from "../env";
import { renderCourseCertificatePdf, type CoursePdfLanguage } from "./pdf";
import { certificateNumber, initials, normaliseQuery, verificationCode } from "../services/rules";
import { COURSE_HOURS_POLICY, PROVIDER_KIND } from "./rules";
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

/**
 * The providers whose courses and completions the viewer manages on the provider's page: those linked to an
 * organisation of kind "professional development institute" where the viewer holds `courses.provide`.
 */
export function ownProvidersWhere(viewer: Viewer): Prisma.CourseProviderWhereInput {
  return {
    organizationId: { in: organizationsWith(viewer, "courses.provide") },
    organization: { kind: { code: PROVIDER_KIND } },
  };
}

/** Whether the viewer administers a professional development provider (the provider's page is theirs). */
export async function providesCourses(viewer: Viewer): Promise<boolean> {
  if (!holds(viewer, "courses.provide")) return false;
  return (await prisma.courseProvider.count({ where: ownProvidersWhere(viewer) })) > 0;
}

/**
 * A course of the catalogue: the ministry's and regions' administrators (`courses.manage`) add it to any
 * provider; a provider's administrator (`courses.provide`) to their own provider only.
 */
export async function createCourse(viewer: Viewer, input: CourseInput): Promise<{ id: string }> {
  const manages = holds(viewer, "courses.manage");
  if (!manages) authorizeViewer(viewer, "courses.provide");
  return prisma.$transaction(async (tx) => {
    const provider = await tx.courseProvider.count({
      where: { id: input.providerId, ...(manages ? {} : ownProvidersWhere(viewer)) },
    });
    if (!provider) throw new AppError("validation", { providerId: "validation.invalidOption" });
    if (input.audienceId) {
      const position = await tx.classifierItem.count({
        where: { id: input.audienceId, classifier: { code: "POSITION" } },
      });
      if (!position) throw new AppError("validation", { audienceId: "validation.invalidOption" });
    }
    const { startsOn, endsOn, seats, audienceId, ...rest } = input;
    const created = await tx.course.create({
      data: {
        ...rest,
        startsOn: startsOn ? dateValue(startsOn) : null,
        endsOn: endsOn ? dateValue(endsOn) : null,
        seats: seats ?? null,
        audienceId: audienceId ?? null,
        createdById: viewer.userId,
      },
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
 * Issues the certificate of a completion — the one writer of `CourseCompletion`, for a completion recorded on
 * the employee's card and for an application the provider completes: the number from the sequence, a random
 * verification code, the holder's initials, the audit entry. Runs in the caller's transaction.
 */
export async function issueCertificate(
  tx: Prisma.TransactionClient,
  actorId: string,
  input: {
    courseId: string;
    employee: { id: string; person: { lastName: string; firstName: string; middleName: string | null } };
    completedOn: string;
    hours: number;
  },
): Promise<{ id: string; number: string; code: string }> {
  // the sequence hands out each value once, whatever runs at the same time
  const [row] = await tx.$queryRaw<
    { seq: bigint | number }[]
  >`SELECT nextval(pg_get_serial_sequence('"CourseCompletion"', 'seq')) AS seq`;
  const seq = Number(row!.seq);
  const created = await tx.courseCompletion.create({
    data: {
      seq,
      number: certificateNumber(seq, Number(input.completedOn.slice(0, 4)), "COURSE_CERTIFICATE"),
      code: verificationCode(randomBytes(8)),
      courseId: input.courseId,
      employeeId: input.employee.id,
      completedOn: dateValue(input.completedOn),
      hours: input.hours,
      holderInitials: initials(input.employee.person),
      issuedById: actorId,
    },
    select: { id: true, number: true, code: true },
  });
  await recordAudit(tx, {
    actorId,
    action: "create",
    entity: "CourseCompletion",
    entityId: created.id,
    after: {
      courseId: input.courseId,
      employeeId: input.employee.id,
      completedOn: input.completedOn,
      hours: input.hours,
      number: created.number,
    },
  });
  return created;
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
    return issueCertificate(tx, viewer.userId, {
      courseId: course.id,
      employee,
      completedOn: input.completedOn,
      hours: input.hours,
    });
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

/**
 * The PDF of a course certificate, for its holder (the account linked to the employee's person), an
 * administrator whose `staff.read` scope holds an organisation where the employee has an appointment, and the
 * administrator of the course's provider. Anyone else gets "not found" (the id reveals nothing).
 */
export async function courseCertificatePdf(
  viewer: Viewer,
  id: string,
  language: CoursePdfLanguage,
): Promise<{ number: string; pdf: Uint8Array }> {
  const user = await prisma.user.findUnique({ where: { id: viewer.userId }, select: { personId: true } });
  const scope = scopeOf(viewer, "staff.read");
  const owners: Prisma.CourseCompletionWhereInput[] = [
    ...(user?.personId ? [{ employee: { personId: user.personId } }] : []),
    ...(scope ? [{ employee: { appointments: { some: { organization: organizationWhere(scope) } } } }] : []),
    ...(holds(viewer, "courses.provide") ? [{ course: { provider: ownProvidersWhere(viewer) } }] : []),
  ];
  if (!owners.length) throw new AppError("notFound");
  const found = await prisma.courseCompletion.findFirst({
    where: { id, OR: owners },
    select: {
      number: true,
      code: true,
      completedOn: true,
      hours: true,
      createdAt: true,
      employee: { select: { person: { select: { lastName: true, firstName: true, middleName: true } } } },
      course: { select: { ...NAMED, provider: { select: NAMED } } },
    },
  });
  if (!found) throw new AppError("notFound");
  const p = found.employee.person;
  const pdf = await renderCourseCertificatePdf({
    number: found.number,
    code: found.code,
    language,
    fullName: [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" "),
    course: localName(found.course, language),
    provider: localName(found.course.provider, language),
    hours: found.hours,
    completedOn: found.completedOn,
    issuedAt: found.createdAt,
    verifyUrl: publicUrl(`/${language}/verify/certificate?code=${encodeURIComponent(found.code)}`),
  });
  return { number: found.number, pdf };
}
