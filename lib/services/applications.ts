/**
 * Applications for electronic services and their processing. Parents apply for their own children; staff
 * (school, district, region, ministry administrators) process applications to organisations inside their
 * scope. Every status change writes a timeline event, an audit entry and an in-app notification in the
 * same transaction; a change of a stale version or of a closed application is refused.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ApplicationStatus, ServiceKind } from "../generated/prisma/enums";
import { authorizeViewer } from "../auth/access";
import { organizationWhere, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { parseIin } from "../identity";
import { pageWindow, type Page } from "../data-table/params";
import { dateValue } from "../diary/dates";
import { almatyDate } from "../time";
import { admissionAge, admissionYears, dueAt, OPEN_STATUSES } from "./rules";
import type { FirstGradeApply } from "./schemas";
import { renumberQueue } from "./queue";
import { STATUS_NOTIFICATION, type ServicesNotificationKind } from "./notifications";
import { rolesWith } from "../auth/permissions";
import { NAMED } from "../names";
import { createNotifications } from "../notifications/create";

type Tx = Prisma.TransactionClient;

/** The catalogue with each service's time limit, in catalogue order. */
export function listServices() {
  return prisma.serviceDefinition.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" } });
}

/** Appends a timeline event and tells the applicant (and, for a new application, the organisation's admins). */
export async function recordStatus(
  tx: Tx,
  application: {
    id: string;
    kind: ServiceKind;
    applicantId: string;
    organizationId: string;
    targetOrganizationId?: string | null;
  },
  status: ApplicationStatus,
  actorId: string | null,
  note?: string | null,
): Promise<void> {
  await tx.serviceApplicationEvent.create({
    data: { applicationId: application.id, status, actorId, note: note ?? null },
  });
  const payload = {
    applicationId: application.id,
    service: application.kind,
    status,
    ...(note && status !== "SUBMITTED" ? { reason: note } : {}),
  };
  await createNotifications(tx, [
    {
      userId: application.applicantId,
      organizationId: application.organizationId,
      kind: STATUS_NOTIFICATION[status],
      payload,
    },
  ]);
  // Staff who now have to act: the organisation applied to, or the school joined once a transfer is released.
  const staffOrg =
    status === "SUBMITTED"
      ? application.organizationId
      : status === "RELEASED" && application.kind === "TRANSFER"
        ? application.targetOrganizationId
        : null;
  if (staffOrg) {
    const staff = await tx.roleAssignment.findMany({
      where: { organizationId: staffOrg, role: { in: [...rolesWith("services.process")] } },
      select: { userId: true },
    });
    if (staff.length) {
      await createNotifications(
        tx,
        [...new Set(staff.map((s) => s.userId))].map((userId) => ({
          userId,
          organizationId: staffOrg,
          kind: "services_new" satisfies ServicesNotificationKind,
          payload: { applicationId: application.id, service: application.kind },
        })),
      );
    }
  }
}

/** Applications staff may see: to an organisation in their scope, or a transfer to a school in it. */
export function staffWhere(scope: Parameters<typeof organizationWhere>[0]): Prisma.ServiceApplicationWhereInput {
  return {
    OR: [
      { organization: organizationWhere(scope) },
      { kind: "TRANSFER", targetOrganization: organizationWhere(scope) },
    ],
  };
}

/**
 * The service a new application is for and the application's active key (one open application per kind
 * and subject: a child's IIN, a student's id). Refused when the service is switched off, or with a
 * `duplicate` error on `field` when an application for the subject is still open.
 */
export async function openApplicationKey(tx: Tx, kind: ServiceKind, subject: string, field: string) {
  const service = await tx.serviceDefinition.findUnique({ where: { kind } });
  if (!service?.active) throw new AppError("notFound");
  const activeKey = `${kind}:${subject}`;
  if (await tx.serviceApplication.findUnique({ where: { activeKey }, select: { id: true } })) {
    throw new AppError("duplicate", { [field]: "services.duplicate" });
  }
  return { service, activeKey };
}

/** The registered person of a child's IIN, if any; refused when that person is not the parent's child. */
export async function registeredChild(tx: Tx, childIin: string, parentUserId: string) {
  const person = await tx.person.findUnique({
    where: { iin: childIin },
    select: { id: true, guardians: { where: { userId: parentUserId }, select: { id: true } } },
  });
  if (person && person.guardians.length === 0) throw new AppError("validation", { childIin: "services.notYourChild" });
  return person;
}

/** Schools open for first-grade applications (active general schools), for the parent's choice. */
export function admissionSchools(where: Prisma.OrganizationWhereInput = {}) {
  return prisma.organization.findMany({
    where: { ...where, status: "ACTIVE", kind: { code: "SCHOOL" } },
    select: {
      id: true,
      nameKk: true,
      nameRu: true,
      nameEn: true,
      territory: { select: { nameKk: true, nameRu: true, nameEn: true } },
    },
    orderBy: [{ territory: { code: "asc" } }, { nameRu: "asc" }],
    take: 500,
  });
}

/**
 * A parent applies for a child's admission to first grade. Refused with a field error: an IIN failing its
 * check digit, an IIN of a registered person who is not the parent's child, a child too young or too old
 * for the admission year, a year not open, an organisation that is not an active school, a second open
 * application for the same child. Nothing is written when refused.
 */
export async function applyFirstGrade(
  viewer: Viewer,
  input: FirstGradeApply,
  now = new Date(),
): Promise<{ id: string }> {
  authorizeViewer(viewer, "services.applyForChild");
  const parsed = parseIin(input.childIin);
  if (!parsed.ok) throw new AppError("validation", { childIin: "services.iinInvalid" });
  if (!admissionYears(almatyDate(now)).includes(input.admissionYear))
    throw new AppError("validation", { admissionYear: "services.yearClosed" });

  return prisma.$transaction(async (tx) => {
    const person = await registeredChild(tx, input.childIin, viewer.userId);
    const age = admissionAge(parsed.facts.birthDate, input.admissionYear);
    if (age !== "ok") throw new AppError("validation", { childIin: `services.${age}` }, { year: input.admissionYear });
    const school = await tx.organization.findFirst({
      where: { id: input.organizationId, status: "ACTIVE", kind: { code: "SCHOOL" } },
      select: { id: true },
    });
    if (!school) throw new AppError("outOfScope", { organizationId: "services.schoolOutOfScope" });
    const { service, activeKey } = await openApplicationKey(tx, "FIRST_GRADE", input.childIin, "childIin");
    const created = await tx.serviceApplication.create({
      data: {
        kind: "FIRST_GRADE",
        applicantId: viewer.userId,
        organizationId: school.id,
        childId: person?.id ?? null,
        childIin: input.childIin,
        childLastName: input.childLastName,
        childFirstName: input.childFirstName,
        childMiddleName: input.childMiddleName ?? null,
        childBirthDate: dateValue(parsed.facts.birthDate),
        admissionYear: input.admissionYear,
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
      after: { kind: created.kind, organizationId: created.organizationId, status: created.status },
    });
    return { id: created.id };
  });
}

const listSelect = {
  id: true,
  kind: true,
  status: true,
  childLastName: true,
  childFirstName: true,
  childMiddleName: true,
  admissionYear: true,
  reason: true,
  note: true,
  dueAt: true,
  createdAt: true,
  version: true,
  organization: { select: NAMED },
  targetOrganization: { select: NAMED },
  territory: { select: NAMED },
  targetGrade: true,
  priority: true,
  queuePosition: true,
  previousPosition: true,
  offerExpiresAt: true,
  certificate: { select: { id: true, number: true, code: true, language: true } },
  events: { orderBy: { at: "asc" as const }, select: { status: true, note: true, at: true } },
} satisfies Prisma.ServiceApplicationSelect;

export type ApplicationRow = Prisma.ServiceApplicationGetPayload<{ select: typeof listSelect }>;

/** The signed-in person's own applications and documents, newest first. */
export async function myApplications(viewer: Viewer): Promise<ApplicationRow[]> {
  authorizeViewer(viewer, "services.apply");
  return prisma.serviceApplication.findMany({
    where: { applicantId: viewer.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: listSelect,
    take: 200,
  });
}

/** The staff queue: applications to organisations inside the viewer's scope, oldest open first. */
export async function staffQueue(
  viewer: Viewer,
  params: {
    page: number;
    pageSize: number;
    status?: ApplicationStatus | "OPEN";
    overdue?: boolean;
    kind?: ServiceKind;
    q?: string;
  },
  now = new Date(),
): Promise<Page<ApplicationRow & { childIin: string; childBirthDate: Date; applicant: { displayName: string } }>> {
  const { scope } = authorizeViewer(viewer, "services.process");
  const where: Prisma.ServiceApplicationWhereInput = {
    ...staffWhere(scope),
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.status === "OPEN" || params.overdue
      ? { status: { in: [...OPEN_STATUSES] } }
      : params.status
        ? { status: params.status }
        : {}),
    ...(params.overdue ? { dueAt: { lt: now }, NOT: { kind: "PRESCHOOL", status: { not: "OFFERED" } } } : {}),
    ...(params.q
      ? {
          OR: [
            { childLastName: { contains: params.q, mode: "insensitive" as const } },
            { childIin: { startsWith: params.q } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.serviceApplication.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: { ...listSelect, childIin: true, childBirthDate: true, applicant: { select: { displayName: true } } },
      ...pageWindow(params),
    }),
    prisma.serviceApplication.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/**
 * One application for staff (inside their scope) with what they may decide: the first-grade classes, a
 * transfer's classes at the school joined, a preschool application's kindergartens of the district.
 */
export async function applicationForStaff(viewer: Viewer, id: string, now = new Date()) {
  const { scope } = authorizeViewer(viewer, "services.process");
  const today = dateValue(almatyDate(now));
  const application = await prisma.serviceApplication.findFirst({
    where: { id, ...staffWhere(scope) },
    select: {
      ...listSelect,
      childIin: true,
      childBirthDate: true,
      classGroupId: true,
      preferredOrganizationIds: true,
      applicant: { select: { displayName: true } },
    },
  });
  if (!application) throw new AppError("notFound");
  const sides = await transferSides(prisma, scope, application.id);
  const classes =
    application.kind === "FIRST_GRADE" && application.admissionYear
      ? await prisma.classGroup.findMany({
          where: {
            organizationId: application.organization.id,
            grade: 1,
            academicYear: {
              startDate: {
                gte: dateValue(`${application.admissionYear}-01-01`),
                lte: dateValue(`${application.admissionYear}-12-31`),
              },
            },
          },
          select: {
            id: true,
            grade: true,
            letter: true,
            academicYear: { select: { label: true } },
            _count: { select: { enrolments: true } },
          },
          orderBy: { letter: "asc" },
        })
      : application.kind === "TRANSFER" && application.targetOrganization && sides.target
        ? await prisma.classGroup.findMany({
            where: {
              organizationId: application.targetOrganization.id,
              ...(application.targetGrade ? { grade: application.targetGrade } : {}),
              academicYear: { startDate: { lte: today }, endDate: { gte: today } },
            },
            select: {
              id: true,
              grade: true,
              letter: true,
              academicYear: { select: { label: true } },
              _count: { select: { enrolments: { where: { endedOn: null } } } },
            },
            orderBy: [{ grade: "asc" }, { letter: "asc" }],
          })
        : [];
  const kindergartens =
    application.kind === "PRESCHOOL" && application.territory
      ? await prisma.organization.findMany({
          where: { territoryId: application.territory.id, status: "ACTIVE", kind: { code: "PRESCHOOL" } },
          select: NAMED,
          orderBy: { nameRu: "asc" },
        })
      : [];
  return { application, classes, kindergartens, sides };
}

/** Which side of a transfer the staff scope covers: the school left (source), the school joined (target). */
export async function transferSides(
  db: Tx | typeof prisma,
  scope: Parameters<typeof organizationWhere>[0],
  applicationId: string,
): Promise<{ source: boolean; target: boolean }> {
  const [source, target] = await Promise.all([
    db.serviceApplication.count({ where: { id: applicationId, organization: organizationWhere(scope) } }),
    db.serviceApplication.count({
      where: { id: applicationId, kind: "TRANSFER", targetOrganization: organizationWhere(scope) },
    }),
  ]);
  return { source: source > 0, target: target > 0 };
}

/**
 * Moves an application inside the viewer's scope from one of `from` to `to` with optimistic concurrency:
 * another change in between (version), a closed application or one outside the scope is refused.
 */
export async function transition(
  tx: Tx,
  viewer: Viewer,
  input: { applicationId: string; version: number },
  from: readonly ApplicationStatus[],
  to: ApplicationStatus,
  data: Prisma.ServiceApplicationUncheckedUpdateManyInput = {},
  permission: "services.process" | "services.apply" = "services.process",
  ownerWhere?: Prisma.ServiceApplicationWhereInput,
) {
  const { scope } = authorizeViewer(viewer, permission);
  const owner =
    ownerWhere ??
    (permission === "services.apply" ? { applicantId: viewer.userId } : { organization: organizationWhere(scope) });
  const current = await tx.serviceApplication.findFirst({ where: { id: input.applicationId, ...owner } });
  if (!current) throw new AppError("notFound");
  if (current.version !== input.version) throw new AppError("stale");
  if (!from.includes(current.status)) throw new AppError("conflict", { status: "services.wrongStatus" });
  const closes = !(OPEN_STATUSES as readonly string[]).includes(to);
  const changed = await tx.serviceApplication.updateMany({
    where: { id: current.id, version: current.version, status: { in: [...from] } },
    data: {
      ...data,
      status: to,
      version: { increment: 1 },
      ...(closes ? { activeKey: null, decidedAt: new Date(), queuePosition: null } : {}),
    },
  });
  if (changed.count !== 1) throw new AppError("stale");
  await recordStatus(
    tx,
    current,
    to,
    viewer.userId,
    typeof data.reason === "string" ? data.reason : typeof data.note === "string" ? data.note : null,
  );
  await recordAudit(tx, {
    actorId: viewer.userId,
    action: "update",
    entity: "ServiceApplication",
    entityId: current.id,
    before: { status: current.status },
    after: { status: to },
  });
  return current;
}

/** Applications taken into review by the organisation applied to (a preschool application waits in its queue instead). */
function reviewable(scope: Parameters<typeof organizationWhere>[0]): Prisma.ServiceApplicationWhereInput {
  return { organization: organizationWhere(scope), kind: { not: "PRESCHOOL" } };
}

/** Staff take an application into review. */
export async function startReview(viewer: Viewer, input: { applicationId: string; version: number }): Promise<void> {
  const { scope } = authorizeViewer(viewer, "services.process");
  await prisma.$transaction((tx) =>
    transition(tx, viewer, input, ["SUBMITTED"], "IN_REVIEW", {}, "services.process", reviewable(scope)),
  );
}

/** Staff ask the applicant for more information (the reason says what is missing). */
export async function requestInformation(
  viewer: Viewer,
  input: { applicationId: string; version: number; reason: string },
): Promise<void> {
  if (input.reason.trim().length < 5) throw new AppError("validation", { reason: "services.reasonRequired" });
  const { scope } = authorizeViewer(viewer, "services.process");
  await prisma.$transaction((tx) =>
    transition(
      tx,
      viewer,
      input,
      ["SUBMITTED", "IN_REVIEW"],
      "NEEDS_INFO",
      { reason: input.reason.trim() },
      "services.process",
      reviewable(scope),
    ),
  );
}

/** The applicant answers a request for more information; the application returns to review. */
export async function answerInformation(
  viewer: Viewer,
  input: { applicationId: string; version: number; note: string },
): Promise<void> {
  await prisma.$transaction((tx) =>
    transition(tx, viewer, input, ["NEEDS_INFO"], "IN_REVIEW", { note: input.note.trim() }, "services.apply"),
  );
}

/** Staff refuse an open application; the reason is mandatory and reaches the applicant. */
export async function refuseApplication(
  viewer: Viewer,
  input: { applicationId: string; version: number; reason: string },
): Promise<void> {
  if (input.reason.trim().length < 5) throw new AppError("validation", { reason: "services.reasonRequired" });
  const { scope } = authorizeViewer(viewer, "services.process");
  await prisma.$transaction(async (tx) => {
    const current = await tx.serviceApplication.findFirst({
      where: { id: input.applicationId, ...staffWhere(scope) },
      select: { kind: true, territoryId: true },
    });
    if (!current) throw new AppError("notFound");
    if (current.kind === "TRANSFER") {
      // The school left decides before releasing; the school joined after.
      const sides = await transferSides(tx, scope, input.applicationId);
      const from = [
        ...(sides.source ? (["SUBMITTED", "IN_REVIEW", "NEEDS_INFO"] as const) : []),
        ...(sides.target ? (["RELEASED"] as const) : []),
      ];
      await transition(tx, viewer, input, from, "REFUSED", { reason: input.reason.trim() }, "services.process", {
        ...staffWhere(scope),
      });
      return;
    }
    await transition(tx, viewer, input, OPEN_STATUSES, "REFUSED", { reason: input.reason.trim() });
    if (current.kind === "PRESCHOOL" && current.territoryId) await renumberQueue(tx, current.territoryId);
  });
}

/**
 * Staff accept a first-grade application into a first-grade class of the school for the admission year:
 * the child enters the registry when new (with the applicant as guardian) and is enrolled in the class.
 */
export async function acceptFirstGrade(
  viewer: Viewer,
  input: { applicationId: string; version: number; classGroupId: string },
): Promise<{ studentId: string }> {
  const { scope } = authorizeViewer(viewer, "services.process");
  return prisma.$transaction(async (tx) => {
    const app = await tx.serviceApplication.findFirst({
      where: { id: input.applicationId, kind: "FIRST_GRADE", organization: organizationWhere(scope) },
    });
    if (!app) throw new AppError("notFound");
    const year = app.admissionYear!;
    const cls = await tx.classGroup.findFirst({
      where: {
        id: input.classGroupId,
        organizationId: app.organizationId,
        grade: 1,
        academicYear: { startDate: { gte: dateValue(`${year}-01-01`), lte: dateValue(`${year}-12-31`) } },
      },
      select: { id: true, academicYearId: true, organizationId: true },
    });
    if (!cls) throw new AppError("validation", { classGroupId: "services.classInvalid" });
    let person = await tx.person.findUnique({
      where: { iin: app.childIin },
      select: { id: true, guardians: { where: { userId: app.applicantId }, select: { id: true } } },
    });
    if (person && person.guardians.length === 0)
      throw new AppError("conflict", { classGroupId: "services.notYourChild" });
    if (!person) {
      const facts = parseIin(app.childIin);
      const created = await tx.person.create({
        data: {
          iin: app.childIin,
          lastName: app.childLastName,
          firstName: app.childFirstName,
          middleName: app.childMiddleName,
          birthDate: app.childBirthDate,
          sex: facts.ok ? facts.facts.sex : "MALE",
          organizationId: cls.organizationId,
          guardians: { create: { userId: app.applicantId, relation: null } },
        },
      });
      person = { id: created.id, guardians: [] };
    }
    if (await tx.classEnrolment.findFirst({ where: { academicYearId: cls.academicYearId, studentId: person.id } })) {
      throw new AppError("conflict", { classGroupId: "services.alreadyEnrolled" });
    }
    await tx.classEnrolment.create({
      data: {
        organizationId: cls.organizationId,
        academicYearId: cls.academicYearId,
        classGroupId: cls.id,
        studentId: person.id,
      },
    });
    await transition(tx, viewer, input, OPEN_STATUSES, "APPROVED", { childId: person.id, classGroupId: cls.id });
    return { studentId: person.id };
  });
}
