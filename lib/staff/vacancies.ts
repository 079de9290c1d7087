/**
 * Vacancies (issue 24): a school publishes a vacancy (position, subject, weekly hours, language, start date and a
 * public text without phone numbers or e-mail addresses — contact goes through the portal's messages); the
 * public list `/vacancies` shows the open ones by region, district and subject, with no personal data. Filling
 * a vacancy with a new appointment (lib/staff/staff.ts `hire`) closes it in the same transaction.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { cached, TAGS } from "../cache";
import { dateValue, dayOf } from "../diary/dates";
import { NAMED } from "../names";
import { ownOrganizationIds } from "./staff";
import type { VacancyInput, VacancyQuery, VacancyWithdraw } from "./schemas";

export const PUBLIC_PAGE_SIZE = 20;

async function checkItem(tx: Prisma.TransactionClient, classifier: string, id: string | undefined, field: string) {
  if (!id) return;
  const found = await tx.classifierItem.count({ where: { id, classifier: { code: classifier } } });
  if (!found) throw new AppError("validation", { [field]: "validation.invalidOption" });
}

/** Publishes a vacancy of the viewer's school. */
export async function publishVacancy(viewer: Viewer, input: VacancyInput): Promise<{ id: string }> {
  if (!ownOrganizationIds(viewer).includes(input.organizationId))
    throw new AppError("outOfScope", { organizationId: "staff.outOfScope" });
  return prisma.$transaction(async (tx) => {
    await checkItem(tx, "POSITION", input.positionId, "positionId");
    await checkItem(tx, "SUBJECT", input.subjectId, "subjectId");
    await checkItem(tx, "LANGUAGE", input.languageId, "languageId");
    const created = await tx.vacancy.create({
      data: {
        organizationId: input.organizationId,
        positionId: input.positionId,
        subjectId: input.subjectId ?? null,
        languageId: input.languageId ?? null,
        weeklyHours: input.weeklyHours,
        startDate: dateValue(input.startDate),
        description: input.description,
        createdById: viewer.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Vacancy",
      entityId: created.id,
      after: input,
    });
    return created;
  });
}

/** Withdraws an open vacancy of the viewer's school. */
export async function withdrawVacancy(viewer: Viewer, input: VacancyWithdraw): Promise<void> {
  const own = ownOrganizationIds(viewer);
  await prisma.$transaction(async (tx) => {
    const done = await tx.vacancy.updateMany({
      where: { id: input.id, organizationId: { in: own }, status: "OPEN" },
      data: { status: "WITHDRAWN", closedAt: new Date() },
    });
    if (done.count !== 1) throw new AppError("notFound");
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Vacancy",
      entityId: input.id,
      after: { status: "WITHDRAWN" },
    });
  });
}

/** The vacancies of the viewer's school, open first. */
export async function ownVacancies(viewer: Viewer) {
  return prisma.vacancy.findMany({
    where: { organizationId: { in: ownOrganizationIds(viewer) } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 200,
    include: {
      position: { select: NAMED },
      subject: { select: NAMED },
      language: { select: NAMED },
      filledBy: { select: { employeeId: true } },
    },
  });
}

const publicSelect = {
  id: true,
  weeklyHours: true,
  startDate: true,
  description: true,
  organization: { select: { ...NAMED, bin: true, territory: { select: { ...NAMED, parent: { select: NAMED } } } } },
  position: { select: NAMED },
  subject: { select: NAMED },
  language: { select: NAMED },
} satisfies Prisma.VacancySelect;

/** Open vacancies for the public: organisation, territory, position, subject, hours, language, text — nobody's data. */
export async function publicVacancies(query: VacancyQuery) {
  const where: Prisma.VacancyWhereInput = {
    status: "OPEN",
    ...(query.subject ? { subjectId: query.subject } : {}),
    organization: query.district
      ? { territoryId: query.district }
      : query.region
        ? { territory: { parentId: query.region } }
        : {},
  };
  const [rows, total, regions, districts, subjects] = await Promise.all([
    prisma.vacancy.findMany({
      where,
      select: publicSelect,
      orderBy: [{ startDate: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * PUBLIC_PAGE_SIZE,
      take: PUBLIC_PAGE_SIZE,
    }),
    prisma.vacancy.count({ where }),
    prisma.territory.findMany({ where: { level: "REGION" }, select: NAMED, orderBy: { code: "asc" } }),
    query.region
      ? prisma.territory.findMany({ where: { parentId: query.region }, select: NAMED, orderBy: { code: "asc" } })
      : Promise.resolve([]),
    prisma.classifierItem.findMany({
      where: { classifier: { code: "SUBJECT" } },
      select: NAMED,
      orderBy: { sortOrder: "asc" },
    }),
  ]);
  // plain values only: the cached copy goes through JSON
  return {
    rows: rows.map((r) => ({ ...r, startDate: dayOf(r.startDate) })),
    total,
    regions,
    districts,
    subjects,
    pageSize: PUBLIC_PAGE_SIZE,
  };
}

export const cachedPublicVacancies = cached(publicVacancies, ["vacancies:public:1"], {
  tags: [TAGS.vacancies],
  revalidate: 300,
});
