import "server-only";
import { prisma } from "../db";
import { recordAudit, changedFields } from "../audit";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { organizationInScope, organizationWhere, territoryInScope, type Scope, type Viewer } from "../auth/scope";
import { pageWindow, type ListParams, type Page } from "../data-table/params";
import { NAMED, nameField } from "../names";
import type { OrganizationInput } from "./schemas";
import { enqueueSearch } from "../search/outbox";
import { expire, TAGS } from "../cache";
import { attributeWhere, checkAttributes, listAttributeDefinitions } from "./attributes";
import { ATTRIBUTE_FIELD_PREFIX } from "./attribute-schemas";

export const ORGANIZATION_SORTS = ["name", "bin", "updatedAt", "territory"] as const;
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number];

const listInclude = {
  kind: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
  territory: { select: { id: true, nameKk: true, nameRu: true, nameEn: true, path: true } },
} satisfies Prisma.OrganizationInclude;

export type OrganizationListItem = Prisma.OrganizationGetPayload<{ include: typeof listInclude }>;

/** One page of organisations inside the scope, filtered by text, kind, status and territory subtree. */
export async function listOrganizations(
  scope: Scope,
  params: ListParams<OrganizationSort>,
  locale: string,
): Promise<Page<OrganizationListItem>> {
  const { q, filters } = params;
  const territoryPath = filters.territory
    ? (await prisma.territory.findUnique({ where: { id: filters.territory }, select: { path: true } }))?.path
    : undefined;
  const attributeFilters = Object.keys(filters).some((f) => f.startsWith(ATTRIBUTE_FIELD_PREFIX))
    ? (await listAttributeDefinitions()).flatMap((d) => {
        const value = filters[`${ATTRIBUTE_FIELD_PREFIX}${d.code}`];
        return value ? [attributeWhere(d, value)] : [];
      })
    : [];
  const where: Prisma.OrganizationWhereInput = {
    AND: [
      organizationWhere(scope),
      ...attributeFilters,
      q
        ? {
            OR: [
              { bin: { startsWith: q } },
              { nameKk: { contains: q, mode: "insensitive" } },
              { nameRu: { contains: q, mode: "insensitive" } },
              { nameEn: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
      filters.kind ? { kind: { code: filters.kind } } : {},
      filters.status ? { status: filters.status as "ACTIVE" } : {},
      filters.territory ? { territory: { path: { startsWith: territoryPath ?? "-" } } } : {},
    ],
  };
  const name = nameField(locale);
  const orderBy: Prisma.OrganizationOrderByWithRelationInput[] =
    params.sort === "bin"
      ? [{ bin: params.dir }]
      : params.sort === "updatedAt"
        ? [{ updatedAt: params.dir }, { id: "asc" }]
        : params.sort === "territory"
          ? [{ territory: { [name]: params.dir } }, { [name]: "asc" }]
          : [{ [name]: params.dir }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    prisma.organization.findMany({ where, include: listInclude, orderBy, ...pageWindow(params) }),
    prisma.organization.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/** An organisation inside the scope, or null (outside the scope looks the same as not existing). */
export async function getOrganization(scope: Scope, id: string) {
  return prisma.organization.findFirst({
    where: { AND: [{ id }, organizationWhere(scope)] },
    include: {
      ...listInclude,
      reportsTo: { select: { id: true, nameKk: true, nameRu: true, nameEn: true, bin: true } },
      language: true,
    },
  });
}

/** Reporting-line candidates: authorities and organisations a new or edited organisation may report to. */
export async function reportingCandidates(excludeId?: string) {
  return prisma.organization.findMany({
    where: {
      kind: { code: { in: ["MINISTRY", "EDU_DEPT_REGION", "EDU_DEPT_DISTRICT", "UNIVERSITY", "COLLEGE"] } },
      NOT: excludeId ? { id: excludeId } : undefined,
    },
    select: NAMED,
    orderBy: { nameKk: "asc" },
  });
}

/**
 * Checks everything an organisation points at: its territory (inside the writer's scope, unless unchanged),
 * kind and language from their classifiers, a reporting line without loops, and a BIN not yet registered.
 */
async function checkReferences(
  tx: Prisma.TransactionClient,
  scope: Scope,
  input: OrganizationInput,
  current: { id: string; territoryId: string } | null,
) {
  const selfId = current?.id ?? null;
  const fieldErrors: Record<string, string> = {};
  const territory = await tx.territory.findUnique({ where: { id: input.territoryId }, select: { path: true } });
  if (!territory) fieldErrors.territoryId = "territory.unknown";
  else if (input.territoryId !== current?.territoryId && !territoryInScope(scope, territory.path))
    fieldErrors.territoryId = "territory.outOfScope";

  const kind = await tx.classifierItem.findFirst({ where: { id: input.kindId, classifier: { code: "ORG_KIND" } } });
  if (!kind) fieldErrors.kindId = "organization.kind";
  if (input.languageId) {
    const language = await tx.classifierItem.findFirst({
      where: { id: input.languageId, classifier: { code: "LANGUAGE" } },
    });
    if (!language) fieldErrors.languageId = "validation.invalidOption";
  }
  if (input.reportsToId) {
    if (input.reportsToId === selfId) fieldErrors.reportsToId = "organization.reportsToSelf";
    else {
      // Walk up the chosen organisation's reporting line: meeting this organisation would close a loop.
      let cursor: string | null = input.reportsToId;
      const seen = new Set<string>();
      let first = true;
      while (cursor && !seen.has(cursor)) {
        seen.add(cursor);
        const row: { reportsToId: string | null } | null = await tx.organization.findUnique({
          where: { id: cursor },
          select: { reportsToId: true },
        });
        if (!row) {
          if (first) fieldErrors.reportsToId = "organization.unknown";
          break;
        }
        first = false;
        if (selfId && row.reportsToId === selfId) {
          fieldErrors.reportsToId = "organization.reportsToCycle";
          break;
        }
        cursor = row.reportsToId;
      }
    }
  }
  const duplicate = await tx.organization.findFirst({
    where: { bin: input.bin, NOT: selfId ? { id: selfId } : undefined },
    select: { id: true },
  });
  if (duplicate) fieldErrors.bin = "bin.duplicate";
  if (Object.keys(fieldErrors).length) throw new AppError("validation", fieldErrors);
}

export async function createOrganization(viewer: Viewer, scope: Scope, input: OrganizationInput) {
  const created = await prisma.$transaction(async (tx) => {
    await checkReferences(tx, scope, input, null);
    const attributes = await checkAttributes(tx, input.kindId, input.attributes ?? {});
    const created = await tx.organization.create({ data: { ...input, attributes } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Organization",
      entityId: created.id,
      after: created,
    });
    await enqueueSearch(tx, "organization", [created.id]);
    return created;
  });
  expire(TAGS.attributes);
  return created;
}

export async function updateOrganization(
  viewer: Viewer,
  scope: Scope,
  input: OrganizationInput & { id: string; version: number },
) {
  const saved = await prisma.$transaction(async (tx) => {
    const { id, version, ...data } = input;
    const current = await tx.organization.findUnique({
      where: { id },
      include: { territory: { select: { path: true } } },
    });
    if (!current || !organizationInScope(scope, { id, territoryPath: current.territory.path }))
      throw new AppError("notFound");
    await checkReferences(tx, scope, data, current);
    // without attribute fields the stored values stay as they are
    const attributes =
      data.attributes === undefined ? undefined : await checkAttributes(tx, data.kindId, data.attributes);
    const updated = await tx.organization.updateMany({
      where: { id, version },
      data: { ...data, attributes, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("stale");
    const after = await tx.organization.findUniqueOrThrow({ where: { id } });
    const diff = changedFields(current, after);
    await recordAudit(tx, { actorId: viewer.userId, action: "update", entity: "Organization", entityId: id, ...diff });
    await enqueueSearch(tx, "organization", [id]);
    return after;
  });
  expire(TAGS.attributes);
  return saved;
}
