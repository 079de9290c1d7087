/**
 * Transfer to another school. A parent asks for their child to move from the school they are in now to
 * another general school (and a grade there); the school left releases the student (or refuses with a
 * reason), then the school joined accepts into one of its classes (or refuses with a reason). On acceptance
 * the enrolment at the school left ends that day and one at the school joined starts: marks, attendance
 * and term grades stay attached to the student, and both enrolments stay in the student's history.
 */
import "server-only";
import { prisma } from "../db";
import { authorizeViewer } from "../auth/access";
import { organizationWhere, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { familyWhere } from "../diary/access";
import { dateValue } from "../diary/dates";
import { almatyDate } from "../time";
import { admissionSchools, openApplicationKey, recordStatus, transferSides, transition } from "./applications";
import { dueAt } from "./rules";
import type { TransferApply } from "./schemas";
import type { ServicesNotificationKind } from "./notifications";
import { rolesWith } from "../auth/permissions";
import { createNotifications } from "../notifications/create";

/** The enrolment a student has now: in a class of a year under way, not ended. */
function currentEnrolmentWhere(today: Date) {
  return { endedOn: null, academicYear: { startDate: { lte: today }, endDate: { gte: today } } };
}

/** The parent's children in a class now, with their school and class, and the schools to move to. */
export async function transferOptions(viewer: Viewer, now = new Date()) {
  authorizeViewer(viewer, "services.applyForChild");
  const today = dateValue(almatyDate(now));
  const [children, schools] = await Promise.all([
    prisma.person.findMany({
      where: {
        AND: [
          familyWhere(viewer),
          { guardians: { some: { userId: viewer.userId } } },
          { enrolments: { some: currentEnrolmentWhere(today) } },
        ],
      },
      select: {
        id: true,
        lastName: true,
        firstName: true,
        middleName: true,
        enrolments: {
          where: currentEnrolmentWhere(today),
          select: {
            organizationId: true,
            classGroup: { select: { grade: true, letter: true } },
            academicYear: { select: { organization: { select: { nameKk: true, nameRu: true, nameEn: true } } } },
          },
          take: 1,
        },
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    admissionSchools(),
  ]);
  return { children, schools };
}

/**
 * A parent asks for a transfer. Refused with a field error, writing nothing: a student who is not the
 * parent's child, one not in a class now, a target that is not an active general school, the school the
 * student is in already, a second open transfer of the same student.
 */
export async function applyTransfer(viewer: Viewer, input: TransferApply, now = new Date()): Promise<{ id: string }> {
  authorizeViewer(viewer, "services.applyForChild");
  const today = dateValue(almatyDate(now));
  return prisma.$transaction(async (tx) => {
    const student = await tx.person.findFirst({
      where: { id: input.studentId, guardians: { some: { userId: viewer.userId } } },
      select: {
        id: true,
        iin: true,
        lastName: true,
        firstName: true,
        middleName: true,
        birthDate: true,
        enrolments: { where: currentEnrolmentWhere(today), select: { organizationId: true }, take: 1 },
      },
    });
    if (!student) throw new AppError("validation", { studentId: "services.notYourChild" });
    const enrolment = student.enrolments[0];
    if (!enrolment) throw new AppError("conflict", { studentId: "services.notEnrolled" });
    const target = await tx.organization.findFirst({
      where: { id: input.targetOrganizationId, status: "ACTIVE", kind: { code: "SCHOOL" } },
      select: { id: true },
    });
    if (!target) throw new AppError("outOfScope", { targetOrganizationId: "services.schoolOutOfScope" });
    if (target.id === enrolment.organizationId)
      throw new AppError("validation", { targetOrganizationId: "services.sameSchool" });
    const { service, activeKey } = await openApplicationKey(tx, "TRANSFER", student.id, "studentId");
    const created = await tx.serviceApplication.create({
      data: {
        kind: "TRANSFER",
        applicantId: viewer.userId,
        organizationId: enrolment.organizationId,
        targetOrganizationId: target.id,
        targetGrade: input.targetGrade,
        childId: student.id,
        childIin: student.iin,
        childLastName: student.lastName,
        childFirstName: student.firstName,
        childMiddleName: student.middleName,
        childBirthDate: student.birthDate,
        note: input.note ?? null,
        activeKey,
        dueAt: dueAt(now, service.timeLimitDays),
        createdAt: now,
      },
    });
    await recordStatus(tx, created, "SUBMITTED", viewer.userId);
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "ServiceApplication",
      entityId: created.id,
      after: {
        kind: created.kind,
        organizationId: created.organizationId,
        targetOrganizationId: target.id,
        status: created.status,
      },
    });
    return { id: created.id };
  });
}

/** The school left releases the student: the school joined now decides (and is notified). */
export async function releaseTransfer(
  viewer: Viewer,
  input: { applicationId: string; version: number },
): Promise<void> {
  const { scope } = authorizeViewer(viewer, "services.process");
  await prisma.$transaction((tx) =>
    transition(tx, viewer, input, ["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"], "RELEASED", {}, "services.process", {
      kind: "TRANSFER",
      organization: organizationWhere(scope),
    }),
  );
}

/**
 * The school joined accepts a released transfer into one of its classes of the year under way: the
 * enrolment at the school left ends today, one in the chosen class starts today, the student's school in
 * the registry changes. Refused for a class of another school or year, or a student already in it.
 */
export async function acceptTransfer(
  viewer: Viewer,
  input: { applicationId: string; version: number; classGroupId: string },
  now = new Date(),
): Promise<{ enrolmentId: string }> {
  const { scope } = authorizeViewer(viewer, "services.process");
  const today = dateValue(almatyDate(now));
  return prisma.$transaction(async (tx) => {
    const app = await tx.serviceApplication.findFirst({
      where: { id: input.applicationId, kind: "TRANSFER", targetOrganization: organizationWhere(scope) },
    });
    if (!app || !app.childId || !app.targetOrganizationId) throw new AppError("notFound");
    if (!(await transferSides(tx, scope, app.id)).target) throw new AppError("notFound");
    const cls = await tx.classGroup.findFirst({
      where: {
        id: input.classGroupId,
        organizationId: app.targetOrganizationId,
        academicYear: { startDate: { lte: today }, endDate: { gte: today } },
      },
      select: { id: true, academicYearId: true, organizationId: true, grade: true, letter: true },
    });
    if (!cls) throw new AppError("validation", { classGroupId: "services.transferClassInvalid" });
    // The status and version are checked first, so a stale or already decided application writes nothing.
    await transition(tx, viewer, input, ["RELEASED"], "APPROVED", { classGroupId: cls.id }, "services.process", {
      kind: "TRANSFER",
      targetOrganization: organizationWhere(scope),
    });
    const left = await tx.classEnrolment.findFirst({
      where: { studentId: app.childId, organizationId: app.organizationId, ...currentEnrolmentWhere(today) },
      select: { id: true, classGroupId: true },
    });
    if (left) await tx.classEnrolment.update({ where: { id: left.id }, data: { endedOn: today } });
    if (await tx.classEnrolment.findFirst({ where: { academicYearId: cls.academicYearId, studentId: app.childId } })) {
      throw new AppError("conflict", { classGroupId: "services.alreadyEnrolled" });
    }
    const joined = await tx.classEnrolment.create({
      data: {
        organizationId: cls.organizationId,
        academicYearId: cls.academicYearId,
        classGroupId: cls.id,
        studentId: app.childId,
        startedOn: today,
      },
    });
    await tx.person.update({
      where: { id: app.childId },
      data: { organizationId: cls.organizationId, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "ClassEnrolment",
      entityId: joined.id,
      before: left ? { classGroupId: left.classGroupId, organizationId: app.organizationId } : null,
      after: { classGroupId: cls.id, organizationId: cls.organizationId, startedOn: almatyDate(now) },
    });
    // The school left learns that the student has gone.
    const staff = await tx.roleAssignment.findMany({
      where: { organizationId: app.organizationId, role: { in: [...rolesWith("services.process")] } },
      select: { userId: true },
    });
    if (staff.length) {
      await createNotifications(
        tx,
        [...new Set(staff.map((s) => s.userId))].map((userId) => ({
          userId,
          organizationId: app.organizationId,
          kind: "services_transferred" satisfies ServicesNotificationKind,
          payload: { applicationId: app.id, service: "TRANSFER" },
        })),
      );
    }
    return { enrolmentId: joined.id };
  });
}
