/**
 * Applications for professional development courses (issue 24). A teacher applies from their account page for
 * a course run that takes applications: it has places left, it has not started, the teacher holds the position
 * it is for (when it names one), and they have no live application for it already. The admin of the school of
 * the teacher's appointment approves (a place is taken) or refuses with a reason; the teacher is notified
 * either way. The provider's administrator marks the attendance of the approved applicants and completes those
 * who attended: the certificate is issued by the one writer (`issueCertificate`), and the teacher is notified.
 * The course row is locked while places are counted, so two applications at once cannot take the last place.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { organizationsWith, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { createNotifications } from "../notifications/create";
import { dateValue, dayOf } from "../diary/dates";
import { almatyDate } from "../time";
import { NAMED } from "../names";
import { issueCertificate, ownProvidersWhere } from "./courses";
import { inForce } from "./staff";
import type { CourseApply, CourseAttendance, CourseComplete, CourseDecide } from "./schemas";

type Tx = Prisma.TransactionClient;

/** The statuses that hold a place on a course. */
const TAKING = ["SUBMITTED", "APPROVED", "COMPLETED"] as const;
const HOLDING = ["APPROVED", "COMPLETED"] as const;

async function ownEmployee(db: Tx | typeof prisma, viewer: Viewer, today: string) {
  const user = await db.user.findUnique({ where: { id: viewer.userId }, select: { personId: true } });
  if (!user?.personId) return null;
  return db.employee.findUnique({
    where: { personId: user.personId },
    select: {
      id: true,
      appointments: {
        where: inForce(today),
        select: { organizationId: true, positionId: true, kind: true },
        orderBy: { startDate: "asc" },
      },
    },
  });
}

async function notifyEmployee(
  tx: Tx,
  employeeId: string,
  kind: "staff_course_decision" | "staff_course_certificate",
  payload: Record<string, string>,
) {
  const users = await tx.user.findMany({ where: { person: { employee: { id: employeeId } } }, select: { id: true } });
  await createNotifications(
    tx,
    users.map((u) => ({ userId: u.id, kind, payload })),
  );
}

const courseSelect = {
  ...NAMED,
  hours: true,
  format: true,
  startsOn: true,
  endsOn: true,
  seats: true,
  audience: { select: NAMED },
  provider: { select: NAMED },
} as const;

/**
 * What the teacher's account page shows: the course runs open for applications (not started, with places),
 * each with the places left and whether the teacher may apply, and the teacher's own applications.
 */
export async function ownCourseApplications(viewer: Viewer, now = new Date()) {
  const today = almatyDate(now);
  const employee = await ownEmployee(prisma, viewer, today);
  if (!employee) return null;
  const [courses, applications] = await Promise.all([
    prisma.course.findMany({
      where: { seats: { not: null }, startsOn: { gt: dateValue(today) } },
      orderBy: [{ startsOn: "asc" }, { nameRu: "asc" }],
      take: 100,
      select: {
        ...courseSelect,
        audienceId: true,
        _count: { select: { applications: { where: { status: { in: [...TAKING] } } } } },
      },
    }),
    prisma.courseApplication.findMany({
      where: { employeeId: employee.id },
      orderBy: { submittedAt: "desc" },
      take: 50,
      select: {
        id: true,
        status: true,
        reason: true,
        attended: true,
        submittedAt: true,
        course: { select: courseSelect },
        completion: { select: { id: true, number: true, code: true } },
      },
    }),
  ]);
  const live = new Set(applications.filter((a) => a.status !== "REFUSED").map((a) => a.course.id));
  const positions = new Set(employee.appointments.map((a) => a.positionId));
  return {
    courses: courses.map(({ _count, audienceId, ...c }) => {
      const left = Math.max(0, c.seats! - _count.applications);
      return {
        ...c,
        left,
        applied: live.has(c.id),
        forOthers: Boolean(audienceId && !positions.has(audienceId)),
      };
    }),
    applications,
  };
}

/** A teacher applies for a course (see the module's comment for the rules); nothing is written otherwise. */
export async function applyForCourse(viewer: Viewer, input: CourseApply, now = new Date()): Promise<{ id: string }> {
  const today = almatyDate(now);
  return prisma.$transaction(async (tx) => {
    const employee = await ownEmployee(tx, viewer, today);
    if (!employee) throw new AppError("forbidden");
    // the course row locked: the places are counted once at a time
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Course" WHERE id = ${input.courseId} FOR UPDATE`;
    if (!locked.length) throw new AppError("validation", { courseId: "validation.invalidOption" });
    const course = await tx.course.findUniqueOrThrow({
      where: { id: input.courseId },
      select: { id: true, seats: true, startsOn: true, audienceId: true },
    });
    if (course.seats === null || !course.startsOn)
      throw new AppError("validation", { courseId: "staff.applications.closed" });
    if (dayOf(course.startsOn) <= today)
      throw new AppError("validation", { courseId: "staff.applications.started" }, { date: dayOf(course.startsOn) });
    const school = employee.appointments.find((a) => a.kind === "MAIN") ?? employee.appointments[0];
    if (!school) throw new AppError("validation", { courseId: "staff.applications.noAppointment" });
    if (course.audienceId && !employee.appointments.some((a) => a.positionId === course.audienceId))
      throw new AppError("validation", { courseId: "staff.applications.audience" });
    const duplicate = await tx.courseApplication.count({
      where: { courseId: course.id, employeeId: employee.id, status: { not: "REFUSED" } },
    });
    if (duplicate) throw new AppError("conflict", { courseId: "staff.applications.duplicate" });
    const taken = await tx.courseApplication.count({ where: { courseId: course.id, status: { in: [...TAKING] } } });
    if (taken >= course.seats) throw new AppError("conflict", { courseId: "staff.applications.full" });
    const created = await tx.courseApplication.create({
      data: { courseId: course.id, employeeId: employee.id, organizationId: school.organizationId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "CourseApplication",
      entityId: created.id,
      after: { courseId: course.id, employeeId: employee.id, organizationId: school.organizationId },
    });
    return created;
  });
}

const applicantSelect = {
  id: true,
  status: true,
  reason: true,
  attended: true,
  submittedAt: true,
  decidedAt: true,
  version: true,
  employee: { select: { id: true, person: { select: { lastName: true, firstName: true, middleName: true } } } },
  organization: { select: NAMED },
  completion: { select: { id: true, number: true, code: true } },
} as const;

/** The school admin's queue: the applications of their school's staff (open ones first). */
export async function schoolApplications(viewer: Viewer) {
  authorizeViewer(viewer, "staff.manage");
  return prisma.courseApplication.findMany({
    where: { organizationId: { in: organizationsWith(viewer, "staff.manage") } },
    orderBy: [{ status: "asc" }, { submittedAt: "desc" }],
    take: 200,
    select: { ...applicantSelect, course: { select: courseSelect } },
  });
}

/**
 * The school admin decides an open application of their school: approved (when a place is left and the course
 * has not started) or refused with a reason; the teacher is notified.
 */
export async function decideCourseApplication(viewer: Viewer, input: CourseDecide, now = new Date()): Promise<void> {
  authorizeViewer(viewer, "staff.manage");
  const today = almatyDate(now);
  await prisma.$transaction(async (tx) => {
    const application = await tx.courseApplication.findFirst({
      where: { id: input.id, organizationId: { in: organizationsWith(viewer, "staff.manage") } },
      select: { id: true, courseId: true, employeeId: true, status: true },
    });
    if (!application) throw new AppError("notFound");
    await tx.$queryRaw`SELECT id FROM "Course" WHERE id = ${application.courseId} FOR UPDATE`;
    const course = await tx.course.findUniqueOrThrow({
      where: { id: application.courseId },
      select: { seats: true, startsOn: true, nameKk: true, nameRu: true, nameEn: true },
    });
    if (input.decision === "approve") {
      if (course.startsOn && dayOf(course.startsOn) <= today)
        throw new AppError("validation", { id: "staff.applications.started" }, { date: dayOf(course.startsOn) });
      const held = await tx.courseApplication.count({
        where: { courseId: application.courseId, status: { in: [...HOLDING] } },
      });
      if (course.seats !== null && held >= course.seats)
        throw new AppError("conflict", { id: "staff.applications.full" });
    }
    const claimed = await tx.courseApplication.updateMany({
      where: { id: application.id, status: "SUBMITTED" },
      data: {
        status: input.decision === "approve" ? "APPROVED" : "REFUSED",
        reason: input.decision === "refuse" ? input.reason! : null,
        decidedAt: now,
        decidedById: viewer.userId,
        version: { increment: 1 },
      },
    });
    if (claimed.count !== 1) throw new AppError("conflict", { id: "staff.applications.decided" });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "CourseApplication",
      entityId: application.id,
      before: { status: "SUBMITTED" },
      after: { status: input.decision === "approve" ? "APPROVED" : "REFUSED", reason: input.reason },
    });
    await notifyEmployee(tx, application.employeeId, "staff_course_decision", {
      decision: input.decision,
      courseKk: course.nameKk,
      courseRu: course.nameRu,
      courseEn: course.nameEn,
      reason: input.reason ?? "",
    });
  });
}

/** The provider's page: its courses with their approved and completed applicants. */
export async function providerCourses(viewer: Viewer) {
  authorizeViewer(viewer, "courses.provide");
  return prisma.courseProvider.findMany({
    where: ownProvidersWhere(viewer),
    orderBy: { nameRu: "asc" },
    take: 20,
    select: {
      ...NAMED,
      organization: { select: NAMED },
      courses: {
        orderBy: [{ startsOn: "desc" }, { nameRu: "asc" }],
        take: 100,
        select: {
          ...courseSelect,
          _count: { select: { applications: { where: { status: { in: [...TAKING] } } } } },
          applications: {
            where: { status: { in: [...HOLDING] } },
            orderBy: { submittedAt: "asc" },
            take: 500,
            select: applicantSelect,
          },
        },
      },
    },
  });
}

/** An approved application of one of the viewer's providers' courses, locked for the change. */
async function providersApplication(tx: Tx, viewer: Viewer, id: string) {
  const found = await tx.courseApplication.findFirst({
    where: { id, course: { provider: ownProvidersWhere(viewer) } },
    select: { id: true },
  });
  if (!found) throw new AppError("notFound");
  await tx.$queryRaw`SELECT id FROM "CourseApplication" WHERE id = ${found.id} FOR UPDATE`;
  return tx.courseApplication.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      status: true,
      attended: true,
      decidedAt: true,
      employeeId: true,
      course: { select: { id: true, hours: true, startsOn: true, nameKk: true, nameRu: true, nameEn: true } },
      employee: { select: { id: true, person: { select: { lastName: true, firstName: true, middleName: true } } } },
    },
  });
}

/** The provider marks whether an approved applicant attended (changeable until the completion). */
export async function markAttendance(viewer: Viewer, input: CourseAttendance): Promise<void> {
  authorizeViewer(viewer, "courses.provide");
  await prisma.$transaction(async (tx) => {
    const application = await providersApplication(tx, viewer, input.id);
    if (application.status !== "APPROVED") throw new AppError("conflict", { id: "staff.applications.notApproved" });
    const attended = input.attended === "yes";
    await tx.courseApplication.update({
      where: { id: application.id },
      data: { attended, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "CourseApplication",
      entityId: application.id,
      before: { attended: application.attended },
      after: { attended },
    });
  });
}

/**
 * The provider completes an approved applicant who attended: the certificate for the course's hours is issued
 * in the same transaction (dated not before the approval, not in the future), and the teacher is notified.
 */
export async function completeApplication(
  viewer: Viewer,
  input: CourseComplete,
  now = new Date(),
): Promise<{ number: string; code: string }> {
  authorizeViewer(viewer, "courses.provide");
  const today = almatyDate(now);
  if (input.completedOn > today) throw new AppError("validation", { completedOn: "staff.courses.future" });
  return prisma.$transaction(async (tx) => {
    const application = await providersApplication(tx, viewer, input.id);
    if (application.status !== "APPROVED") throw new AppError("conflict", { id: "staff.applications.notApproved" });
    if (application.attended !== true) throw new AppError("validation", { id: "staff.applications.notAttended" });
    const approvedOn = application.decidedAt ? almatyDate(application.decidedAt) : null;
    if (approvedOn && input.completedOn < approvedOn)
      throw new AppError("validation", { completedOn: "staff.applications.beforeApproval" }, { date: approvedOn });
    const certificate = await issueCertificate(tx, viewer.userId, {
      courseId: application.course.id,
      employee: application.employee,
      completedOn: input.completedOn,
      hours: application.course.hours,
    });
    await tx.courseApplication.update({
      where: { id: application.id },
      data: { status: "COMPLETED", completionId: certificate.id, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "CourseApplication",
      entityId: application.id,
      before: { status: "APPROVED" },
      after: { status: "COMPLETED", number: certificate.number },
    });
    await notifyEmployee(tx, application.employeeId, "staff_course_certificate", {
      number: certificate.number,
      courseKk: application.course.nameKk,
      courseRu: application.course.nameRu,
      courseEn: application.course.nameEn,
    });
    return { number: certificate.number, code: certificate.code };
  });
}
