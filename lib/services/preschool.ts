/**
 * The preschool queue. A parent puts a child (from birth until the 6th birthday) in the queue of a
 * district for a kindergarten place, optionally naming up to three kindergartens of that district; the
 * application holds a position ordered by priority category, then submission time. The district's staff
 * offer a place in a kindergarten; the parent accepts (the application is issued and leaves the queue, the
 * others move up) or declines (back in the queue at the same place) within the service's time limit; an
 * offer not answered in time lapses the same way as a refusal of it.
 */
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import { organizationWhere, type Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { parseIin } from "../identity";
import { dateValue } from "../diary/dates";
import { almatyDate } from "../time";
import { openApplicationKey, recordStatus, registeredChild, transition } from "./applications";
import { lockQueue, renumberQueue } from "./queue";
import { dueAt, preschoolAge, QUEUE_STATUSES } from "./rules";
import type { PreschoolApply } from "./schemas";
import { NAMED } from "../names";

type Tx = Prisma.TransactionClient;

const PRESCHOOL_KIND = { kind: { code: "PRESCHOOL" } } as const;

/** Districts with at least one active kindergarten (the parent's first choice), in code order. */
export function preschoolDistricts() {
  return prisma.territory.findMany({
    where: { level: "DISTRICT", organizations: { some: { status: "ACTIVE", ...PRESCHOOL_KIND } } },
    select: {
      id: true,
      nameKk: true,
      nameRu: true,
      nameEn: true,
      parent: { select: { nameKk: true, nameRu: true, nameEn: true } },
    },
    orderBy: { code: "asc" },
    take: 1000,
  });
}

/** Active kindergartens of one district. */
export function districtKindergartens(territoryId: string) {
  return prisma.organization.findMany({
    where: { territoryId, status: "ACTIVE", ...PRESCHOOL_KIND },
    select: NAMED,
    orderBy: { nameRu: "asc" },
  });
}

/**
 * A parent puts a child in a district's queue. Refused with a field error, writing nothing: an IIN failing
 * its check digit, a registered person who is not the parent's child, a child outside the age rule, a
 * territory that is not a district with kindergartens (or without an education department to run the
 * queue), a preferred organisation that is not a kindergarten of that district, a second open application.
 */
export async function applyPreschool(
  viewer: Viewer,
  input: PreschoolApply,
  now = new Date(),
): Promise<{ id: string; position: number }> {
  authorizeViewer(viewer, "services.applyForChild");
  const parsed = parseIin(input.childIin);
  if (!parsed.ok) throw new AppError("validation", { childIin: "services.iinInvalid" });
  const age = preschoolAge(parsed.facts.birthDate, almatyDate(now));
  if (age !== "ok") throw new AppError("validation", { childIin: `services.preschool.${age}` });

  return prisma.$transaction(async (tx) => {
    const person = await registeredChild(tx, input.childIin, viewer.userId);
    const district = await tx.territory.findFirst({
      where: { id: input.territoryId, level: "DISTRICT" },
      select: { id: true },
    });
    const department = district
      ? await tx.organization.findFirst({
          where: { territoryId: district.id, status: "ACTIVE", kind: { code: "EDU_DEPT_DISTRICT" } },
          select: { id: true },
        })
      : null;
    const kindergartens = district
      ? await tx.organization.count({ where: { territoryId: district.id, status: "ACTIVE", ...PRESCHOOL_KIND } })
      : 0;
    if (!district || !department || kindergartens === 0)
      throw new AppError("outOfScope", { territoryId: "services.districtOutOfScope" });
    if (input.preferredOrganizationIds.length) {
      const valid = await tx.organization.count({
        where: {
          id: { in: input.preferredOrganizationIds },
          territoryId: district.id,
          status: "ACTIVE",
          ...PRESCHOOL_KIND,
        },
      });
      if (valid !== input.preferredOrganizationIds.length)
        throw new AppError("outOfScope", { preferred1: "services.kindergartenOutOfScope" });
    }
    const { service, activeKey } = await openApplicationKey(tx, "PRESCHOOL", input.childIin, "childIin");
    await lockQueue(tx, district.id);
    const created = await tx.serviceApplication.create({
      data: {
        kind: "PRESCHOOL",
        applicantId: viewer.userId,
        organizationId: department.id,
        territoryId: district.id,
        preferredOrganizationIds: input.preferredOrganizationIds,
        priority: input.priority,
        childId: person?.id ?? null,
        childIin: input.childIin,
        childLastName: input.childLastName,
        childFirstName: input.childFirstName,
        childMiddleName: input.childMiddleName ?? null,
        childBirthDate: dateValue(parsed.facts.birthDate),
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
      after: { kind: created.kind, territoryId: district.id, priority: created.priority, status: created.status },
    });
    await renumberQueue(tx, district.id, { silentFor: created.id });
    const { queuePosition } = await tx.serviceApplication.findUniqueOrThrow({
      where: { id: created.id },
      select: { queuePosition: true },
    });
    return { id: created.id, position: queuePosition! };
  });
}

/** Offers not answered by their deadline lapse: back in the queue, with a timeline event and a notification. */
export async function lapseOffers(tx: Tx, where: Prisma.ServiceApplicationWhereInput, now: Date): Promise<number> {
  const lapsed = await tx.serviceApplication.findMany({
    where: { ...where, kind: "PRESCHOOL", status: "OFFERED", offerExpiresAt: { lt: now } },
  });
  for (const app of lapsed) {
    const changed = await tx.serviceApplication.updateMany({
      where: { id: app.id, version: app.version, status: "OFFERED" },
      data: { status: "DECLINED", offerExpiresAt: null, targetOrganizationId: null, version: { increment: 1 } },
    });
    if (changed.count === 1) await recordStatus(tx, app, "DECLINED", null);
  }
  return lapsed.length;
}

/** The applicant's own offers past their deadline lapse before the account page shows them. */
export async function lapseMyOffers(viewer: Viewer, now = new Date()): Promise<number> {
  authorizeViewer(viewer, "services.apply");
  return prisma.$transaction((tx) => lapseOffers(tx, { applicantId: viewer.userId }, now));
}

/** Every offer past its deadline lapses (the job runner, every minute). Returns how many lapsed. */
export async function lapseDueOffers(now = new Date()): Promise<number> {
  return prisma.$transaction((tx) => lapseOffers(tx, {}, now));
}

/** The district queue for staff: applications waiting or offered, in queue order. */
export async function districtQueue(viewer: Viewer, params: { territoryId?: string } = {}) {
  const { scope } = authorizeViewer(viewer, "services.process");
  const where: Prisma.ServiceApplicationWhereInput = {
    kind: "PRESCHOOL",
    organization: organizationWhere(scope),
    ...(params.territoryId ? { territoryId: params.territoryId } : {}),
  };
  return prisma.serviceApplication.findMany({
    where: { ...where, status: { in: [...QUEUE_STATUSES] } },
    orderBy: [{ territoryId: "asc" }, { queuePosition: "asc" }],
    select: {
      id: true,
      status: true,
      version: true,
      priority: true,
      queuePosition: true,
      childLastName: true,
      childFirstName: true,
      childBirthDate: true,
      createdAt: true,
      offerExpiresAt: true,
      preferredOrganizationIds: true,
      territory: { select: NAMED },
      targetOrganization: { select: NAMED },
    },
    take: 500,
  });
}

/**
 * The district's staff offer a place in a kindergarten of the application's district to an application
 * waiting in the queue; the parent has the service's time limit to answer.
 */
export async function offerPlace(
  viewer: Viewer,
  input: { applicationId: string; version: number; organizationId: string },
  now = new Date(),
): Promise<void> {
  const { scope } = authorizeViewer(viewer, "services.process");
  await prisma.$transaction(async (tx) => {
    const app = await tx.serviceApplication.findFirst({
      where: { id: input.applicationId, kind: "PRESCHOOL", organization: organizationWhere(scope) },
      select: { territoryId: true },
    });
    if (!app?.territoryId) throw new AppError("notFound");
    const kindergarten = await tx.organization.findFirst({
      where: { id: input.organizationId, territoryId: app.territoryId, status: "ACTIVE", ...PRESCHOOL_KIND },
      select: { id: true },
    });
    if (!kindergarten) throw new AppError("outOfScope", { organizationId: "services.kindergartenOutOfScope" });
    const service = await tx.serviceDefinition.findUniqueOrThrow({ where: { kind: "PRESCHOOL" } });
    const expires = dueAt(now, service.timeLimitDays);
    await transition(
      tx,
      viewer,
      input,
      ["SUBMITTED", "DECLINED"],
      "OFFERED",
      { targetOrganizationId: kindergarten.id, offerExpiresAt: expires, dueAt: expires },
      "services.process",
      {
        kind: "PRESCHOOL",
        organization: organizationWhere(scope),
      },
    );
  });
}

/**
 * The parent answers an offer before it lapses. Accepting issues the referral: the application leaves the
 * queue and the others move up. Declining puts it back in the queue at its place.
 */
export async function answerOffer(
  viewer: Viewer,
  input: { applicationId: string; version: number; accept: boolean },
  now = new Date(),
): Promise<void> {
  authorizeViewer(viewer, "services.apply");
  await prisma.$transaction(async (tx) => {
    const app = await tx.serviceApplication.findFirst({
      where: { id: input.applicationId, kind: "PRESCHOOL", applicantId: viewer.userId },
      select: { territoryId: true, status: true, offerExpiresAt: true },
    });
    if (!app?.territoryId) throw new AppError("notFound");
    if (app.status === "OFFERED" && app.offerExpiresAt && app.offerExpiresAt.getTime() < now.getTime())
      throw new AppError("conflict", { applicationId: "services.offerExpired" });
    const owner = { kind: "PRESCHOOL" as const, applicantId: viewer.userId };
    if (input.accept) {
      await transition(tx, viewer, input, ["OFFERED"], "ISSUED", { offerExpiresAt: null }, "services.apply", owner);
      await renumberQueue(tx, app.territoryId);
    } else {
      await transition(
        tx,
        viewer,
        input,
        ["OFFERED"],
        "DECLINED",
        { offerExpiresAt: null, targetOrganizationId: null },
        "services.apply",
        owner,
      );
    }
  });
}
