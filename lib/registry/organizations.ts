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
import {
  attributeFilterNames,
  attributeFilters,
  checkAttributes,
  compareAttributeValues,
  listAttributeDefinitions,
} from "./attributes";
import { ATTRIBUTE_FIELD_PREFIX, type AttributeDefinitionLike, type AttributeValues } from "./attribute-schemas";

export const ORGANIZATION_SORTS = ["name", "bin", "updatedAt", "territory"] as const;
export type OrganizationSort = (typeof ORGANIZATION_SORTS)[number] | `${typeof ATTRIBUTE_FIELD_PREFIX}${string}`;

/** The sorts of the list: the built-in ones and each custom attribute of organisations (`attr_<code>`). */
export function organizationSorts(defs: readonly { code: string }[]): OrganizationSort[] {
  return [...ORGANIZATION_SORTS, ...defs.map((d) => `${ATTRIBUTE_FIELD_PREFIX}${d.code}` as const)];
}

/** The filters of the list: kind, status, territory and those of the custom attributes. */
export function organizationFilters(defs: readonly AttributeDefinitionLike[]): string[] {
  return ["kind", "status", "territory", ...attributeFilterNames(defs)];
}

/** At most this many rows in an export. */
export const ORGANIZATION_EXPORT_LIMIT = 20_000;

const listInclude = {
  kind: { select: { code: true, nameKk: true, nameRu: true, nameEn: true } },
  territory: { select: { id: true, nameKk: true, nameRu: true, nameEn: true, path: true } },
} satisfies Prisma.OrganizationInclude;

export type OrganizationListItem = Prisma.OrganizationGetPayload<{ include: typeof listInclude }>;

/** One page of organisations inside the scope, filtered by text, kind, status, territory subtree and attributes. */
export async function listOrganizations(
  scope: Scope,
  params: ListParams<OrganizationSort>,
  locale: string,
): Promise<Page<OrganizationListItem>> {
  const { rows, total } = await orderedOrganizations(scope, params, locale, pageWindow(params));
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/**
 * Every organisation of the list (same scope, search, filters and order, without pages) for the CSV/XLSX
 * export, at most ORGANIZATION_EXPORT_LIMIT.
 */
export async function exportOrganizations(
  scope: Scope,
  params: ListParams<OrganizationSort>,
  locale: string,
): Promise<OrganizationListItem[]> {
  return (await orderedOrganizations(scope, params, locale, { skip: 0, take: ORGANIZATION_EXPORT_LIMIT })).rows;
}

async function orderedOrganizations(
  scope: Scope,
  params: ListParams<OrganizationSort>,
  locale: string,
  window: { skip: number; take: number },
): Promise<{ rows: OrganizationListItem[]; total: number }> {
  const { q, filters } = params;
  const territoryPath = filters.territory
    ? (await prisma.territory.findUnique({ where: { id: filters.territory }, select: { path: true } }))?.path
    : undefined;
  const defs = await listAttributeDefinitions(prisma, "ORGANIZATION");
  const where: Prisma.OrganizationWhereInput = {
    AND: [
      organizationWhere(scope),
      ...attributeFilters(defs, filters),
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
  const sortDef = defs.find((d) => `${ATTRIBUTE_FIELD_PREFIX}${d.code}` === params.sort);
  if (sortDef) {
    // A JSON value cannot be ordered by in Prisma: the matching ids with the value, ordered here (typed:
    // numbers as numbers), then the page's rows.
    const keys = await prisma.organization.findMany({
      where,
      select: { id: true, attributes: true, nameKk: true, nameRu: true, nameEn: true },
    });
    const value = (r: (typeof keys)[number]) => (r.attributes as AttributeValues | null)?.[sortDef.code];
    keys.sort(
      (a, b) =>
        compareAttributeValues(value(a), value(b), params.dir, locale) ||
        a[name].localeCompare(b[name], locale) ||
        a.id.localeCompare(b.id),
    );
    const ids = keys.slice(window.skip, window.skip + window.take).map((k) => k.id);
    const found = await prisma.organization.findMany({ where: { id: { in: ids } }, include: listInclude });
    const byId = new Map(found.map((r) => [r.id, r]));
    return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: keys.length };
  }
  const orderBy: Prisma.OrganizationOrderByWithRelationInput[] =
    params.sort === "bin"
      ? [{ bin: params.dir }]
      : params.sort === "updatedAt"
        ? [{ updatedAt: params.dir }, { id: "asc" }]
        : params.sort === "territory"
          ? [{ territory: { [name]: params.dir } }, { [name]: "asc" }]
          : [{ [name]: params.dir }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    prisma.organization.findMany({ where, include: listInclude, orderBy, ...window }),
    prisma.organization.count({ where }),
  ]);
  return { rows, total };
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
