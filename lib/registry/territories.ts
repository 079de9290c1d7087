import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "../db";
import { recordAudit, changedFields } from "../audit";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { TerritoryLevel } from "../generated/prisma/enums";
import { territoryInScope, territoryWhere, type Scope, type Viewer } from "../auth/scope";
import { pageWindow, type ListParams, type Page } from "../data-table/params";
import { NAMED, localName, nameField } from "../names";
import type { TerritoryInput, TerritoryUpdate } from "./schemas";
import { enqueueSearch } from "../search/outbox";

export const TERRITORY_SORTS = ["code", "name", "level"] as const;
export type TerritorySort = (typeof TERRITORY_SORTS)[number];

export const TERRITORY_LEVELS = [
  "REPUBLIC",
  "REGION",
  "DISTRICT",
  "SETTLEMENT",
] as const satisfies readonly TerritoryLevel[];

/** The level a parent must have for each level of child (the republic has no parent). */
export const PARENT_LEVEL: Record<Exclude<TerritoryLevel, "REPUBLIC">, TerritoryLevel> = {
  REGION: "REPUBLIC",
  DISTRICT: "REGION",
  SETTLEMENT: "DISTRICT",
};

const parentSelect = {
  select: { id: true, code: true, level: true, path: true, nameKk: true, nameRu: true, nameEn: true },
} as const;

const listInclude = { parent: parentSelect } satisfies Prisma.TerritoryInclude;

export type TerritoryListItem = Prisma.TerritoryGetPayload<{ include: typeof listInclude }>;

/**
 * One page of territories. Territories are not personal data: every holder of registry.territory.read sees
 * all of them. Filters: level, and `region` (a region id: the territories below it).
 */
export async function listTerritories(
  params: ListParams<TerritorySort>,
  locale: string,
): Promise<Page<TerritoryListItem>> {
  const { q, filters } = params;
  const level = (TERRITORY_LEVELS as readonly string[]).includes(filters.level ?? "")
    ? (filters.level as TerritoryLevel)
    : undefined;
  const regionPath = filters.region
    ? (await prisma.territory.findFirst({ where: { id: filters.region, level: "REGION" }, select: { path: true } }))
        ?.path
    : undefined;
  const where: Prisma.TerritoryWhereInput = {
    AND: [
      q
        ? {
            OR: [
              { code: { startsWith: q } },
              { nameKk: { contains: q, mode: "insensitive" } },
              { nameRu: { contains: q, mode: "insensitive" } },
              { nameEn: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
      level ? { level } : {},
      // An unknown region id matches nothing rather than everything.
      filters.region
        ? regionPath
          ? { path: { startsWith: regionPath }, NOT: { path: regionPath } }
          : { id: { in: [] } }
        : {},
      filters.level && !level ? { id: { in: [] } } : {},
    ],
  };
  const name = nameField(locale);
  const orderBy: Prisma.TerritoryOrderByWithRelationInput[] =
    params.sort === "code"
      ? [{ code: params.dir }]
      : params.sort === "level"
        ? [{ level: params.dir }, { code: "asc" }]
        : [{ [name]: params.dir }, { code: "asc" }];
  const [rows, total] = await Promise.all([
    prisma.territory.findMany({ where, include: listInclude, orderBy, ...pageWindow(params) }),
    prisma.territory.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/** A territory with its parent (any reader may see any territory), or null. */
export async function getTerritory(id: string) {
  return prisma.territory.findUnique({
    where: { id },
    include: { ...listInclude, _count: { select: { children: true, organizations: true } } },
  });
}

/** The regions, for the list's filter. */
export async function regionOptions(locale: string) {
  const rows = await prisma.territory.findMany({
    where: { level: "REGION" },
    orderBy: { code: "asc" },
    select: NAMED,
  });
  return rows.map((r) => ({ value: r.id, label: localName(r, locale) }));
}

/**
 * Whether a writer may create a territory under `parent` or edit one whose parent it is: the ministry
 * anywhere, a region administrator only below their region (the parent must be inside the scope, so a
 * region administrator can neither add a region nor edit their own).
 */
export function mayWriteUnder(scope: Scope, parent: { path: string } | null): boolean {
  if (scope.all) return true;
  return parent !== null && territoryInScope(scope, parent.path);
}

/** Territories that may be the parent of a new territory for this writer (republic, regions, districts). */
export async function parentOptions(scope: Scope, locale: string) {
  const rows = await prisma.territory.findMany({
    where: { AND: [{ level: { in: ["REPUBLIC", "REGION", "DISTRICT"] } }, territoryWhere(scope)] },
    orderBy: { path: "asc" },
    select: { id: true, code: true, level: true, path: true, nameKk: true, nameRu: true, nameEn: true },
  });
  // Children right after their parent: order by the chain of codes, not by generated ids.
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  const chain = (path: string) =>
    path
      .split("/")
      .filter(Boolean)
      .map((id) => codeOf.get(id) ?? id)
      .join("/");
  return rows
    .map((r) => ({ row: r, key: chain(r.path) }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ row }) => ({
      value: row.id,
      level: row.level,
      label: `${"— ".repeat(Math.max(0, row.path.split("/").filter(Boolean).length - 1))}${row.code} ${localName(row, locale)}`,
    }));
}

async function checkCode(
  tx: Prisma.TransactionClient,
  code: string,
  selfId: string | null,
  fieldErrors: Record<string, string>,
) {
  const duplicate = await tx.territory.findFirst({
    where: { code, NOT: selfId ? { id: selfId } : undefined },
    select: { id: true },
  });
  if (duplicate) fieldErrors.code = "territory.codeDuplicate";
}

export async function createTerritory(viewer: Viewer, scope: Scope, input: TerritoryInput) {
  return prisma.$transaction(async (tx) => {
    const fieldErrors: Record<string, string> = {};
    const parent = await tx.territory.findUnique({
      where: { id: input.parentId },
      select: { id: true, level: true, path: true },
    });
    if (!parent) fieldErrors.parentId = "territory.unknown";
    else if (!mayWriteUnder(scope, parent)) fieldErrors.parentId = "territory.outOfScope";
    else if (parent.level !== PARENT_LEVEL[input.level]) fieldErrors.parentId = "territory.parentLevel";
    await checkCode(tx, input.code, null, fieldErrors);
    if (Object.keys(fieldErrors).length || !parent) throw new AppError("validation", fieldErrors);

    // The path holds the territory's own id, known only once the row exists: insert under a unique
    // placeholder path, then set the real one in the same transaction.
    const placeholder = `${parent.path}~${randomUUID()}/`;
    const { id } = await tx.territory.create({
      data: {
        code: input.code,
        level: input.level,
        parentId: parent.id,
        path: placeholder,
        nameKk: input.nameKk,
        nameRu: input.nameRu,
        nameEn: input.nameEn,
      },
      select: { id: true },
    });
    const created = await tx.territory.update({ where: { id }, data: { path: `${parent.path}${id}/` } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Territory",
      entityId: id,
      after: created,
    });
    await enqueueSearch(tx, "territory", [id]);
    return created;
  });
}

export async function updateTerritory(viewer: Viewer, scope: Scope, input: TerritoryUpdate) {
  return prisma.$transaction(async (tx) => {
    const { id, version, parentId, ...data } = input;
    const current = await tx.territory.findUnique({ where: { id }, include: { parent: { select: { path: true } } } });
    if (!current) throw new AppError("notFound");
    if (!mayWriteUnder(scope, current.parent)) throw new AppError("outOfScope");
    const fieldErrors: Record<string, string> = {};
    if (parentId !== null && parentId !== current.parentId) fieldErrors.parentId = "territory.parentFixed";
    await checkCode(tx, data.code, id, fieldErrors);
    if (Object.keys(fieldErrors).length) throw new AppError("validation", fieldErrors);

    const updated = await tx.territory.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("stale");
    const after = await tx.territory.findUniqueOrThrow({ where: { id } });
    const { parent: _parent, ...before } = current;
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Territory",
      entityId: id,
      ...changedFields(before, after),
    });
    await enqueueSearch(tx, "territory", [id]);
    return after;
  });
}
