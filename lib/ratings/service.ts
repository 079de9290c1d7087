import "server-only";
/**
 * Rating methods and their publication (R17). The ministry manages national ratings; a region
 * administrator the ratings inside its region (districts of the region, schools of its districts). Every
 * function checks the permission and puts the viewer's scope into its query: a method outside the scope
 * is "not found".
 */
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { authorizeViewer } from "../auth/access";
import { territoryWhere, type Scope, type Viewer } from "../auth/scope";
import { LEVEL_PARENT, SENSITIVITY, methodIndicatorsSchema, type Level, type MethodIndicator } from "./catalogue";
import { loadInputs, methodOf, runRating, storeRating, type EntryResult } from "./runner";

export interface MethodSummary {
  id: string;
  code: string;
  level: Level;
  territory: { id: string; code: string; nameKk: string; nameRu: string; nameEn: string };
  nameKk: string;
  nameRu: string;
  nameEn: string;
  versions: {
    id: string;
    number: number;
    status: "DRAFT" | "PUBLISHED";
    aggregation: string;
    indicators: MethodIndicator[];
    approvalOrder: string | null;
    approvedOn: Date | null;
  }[];
  years: number[];
}

const methodSelect = {
  id: true,
  code: true,
  level: true,
  nameKk: true,
  nameRu: true,
  nameEn: true,
  territory: { select: { id: true, code: true, path: true, nameKk: true, nameRu: true, nameEn: true } },
  versions: {
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      aggregation: true,
      indicators: true,
      approvalOrder: true,
      approvedOn: true,
    },
  },
  ratings: { orderBy: { year: "asc" }, select: { year: true } },
} as const satisfies Prisma.RatingMethodSelect;

type MethodRow = Prisma.RatingMethodGetPayload<{ select: typeof methodSelect }>;

function summary(m: MethodRow): MethodSummary {
  const { path: _path, ...territory } = m.territory;
  return {
    id: m.id,
    code: m.code,
    level: m.level,
    territory,
    nameKk: m.nameKk,
    nameRu: m.nameRu,
    nameEn: m.nameEn,
    versions: m.versions.map((v) => ({ ...v, indicators: methodIndicatorsSchema.parse(v.indicators) })),
    years: m.ratings.map((r) => r.year),
  };
}

function inScope(scope: Scope): Prisma.RatingMethodWhereInput {
  return scope.all ? {} : { territory: territoryWhere(scope) };
}

export async function listMethods(viewer: Viewer): Promise<MethodSummary[]> {
  const { scope } = authorizeViewer(viewer, "ratings.manage");
  const rows = await prisma.ratingMethod.findMany({
    where: inScope(scope),
    select: methodSelect,
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
  return rows.map(summary);
}

export async function getMethod(viewer: Viewer, id: string): Promise<MethodSummary> {
  const { scope } = authorizeViewer(viewer, "ratings.manage");
  const row = await prisma.ratingMethod.findFirst({ where: { id, ...inScope(scope) }, select: methodSelect });
  if (!row) throw new AppError("notFound");
  return summary(row);
}

/** Territories in the viewer's scope over which a method of the level may be defined. */
export async function territoriesFor(viewer: Viewer, level: Level) {
  const { scope } = authorizeViewer(viewer, "ratings.manage");
  return prisma.territory.findMany({
    where: { level: LEVEL_PARENT[level], ...territoryWhere(scope) },
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: { code: "asc" },
  });
}

export async function createMethod(
  viewer: Viewer,
  input: { code: string; level: Level; territoryId: string; nameKk: string; nameRu: string; nameEn: string },
): Promise<{ id: string }> {
  const { scope } = authorizeViewer(viewer, "ratings.manage");
  const territory = await prisma.territory.findFirst({
    where: { id: input.territoryId, ...territoryWhere(scope) },
    select: { id: true, level: true },
  });
  if (!territory) throw new AppError("outOfScope");
  if (territory.level !== LEVEL_PARENT[input.level])
    throw new AppError("validation", { territoryId: "ratings.territoryLevel" });
  if (await prisma.ratingMethod.findUnique({ where: { code: input.code }, select: { id: true } }))
    throw new AppError("duplicate", { code: "ratings.codeTaken" });
  return prisma.$transaction(async (tx) => {
    const method = await tx.ratingMethod.create({
      data: {
        ...input,
        createdById: viewer.userId,
        versions: { create: { number: 1, aggregation: "arithmetic", indicators: [] } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "RatingMethod",
      entityId: method.id,
      after: input,
    });
    return method;
  });
}

/**
 * Saves the method's indicators, weights and aggregation: into its draft version, or — when the latest
 * version is published (published versions never change) — into a new draft version.
 */
export async function saveVersion(
  viewer: Viewer,
  input: {
    methodId: string;
    aggregation: "arithmetic" | "geometric";
    indicators: MethodIndicator[];
    approvalOrder: string | null;
    approvedOn: Date | null;
  },
): Promise<{ number: number }> {
  const { scope } = authorizeViewer(viewer, "ratings.manage");
  const indicators = methodIndicatorsSchema.parse(input.indicators);
  return prisma.$transaction(async (tx) => {
    const method = await tx.ratingMethod.findFirst({
      where: { id: input.methodId, ...inScope(scope) },
      select: {
        id: true,
        versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, status: true } },
      },
    });
    if (!method) throw new AppError("notFound");
    const latest = method.versions[0];
    const data = {
      aggregation: input.aggregation,
      indicators: indicators as Prisma.InputJsonValue,
      approvalOrder: input.approvalOrder,
      approvedOn: input.approvedOn,
    };
    let number: number;
    if (latest && latest.status === "DRAFT") {
      await tx.ratingMethodVersion.update({ where: { id: latest.id }, data });
      number = latest.number;
    } else {
      number = (latest?.number ?? 0) + 1;
      await tx.ratingMethodVersion.create({ data: { methodId: method.id, number, ...data } });
    }
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "RatingMethod",
      entityId: method.id,
      after: { version: number, ...data },
    });
    return { number };
  });
}

type Tx = Prisma.TransactionClient;

async function prepare(db: Tx | typeof prisma, scope: Scope, methodId: string, year: number) {
  const method = await db.ratingMethod.findFirst({
    where: { id: methodId, ...inScope(scope) },
    select: {
      id: true,
      level: true,
      territory: { select: { path: true } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, status: true, aggregation: true, indicators: true },
      },
    },
  });
  if (!method) throw new AppError("notFound");
  const version = method.versions[0];
  if (!version) throw new AppError("validation", { indicators: "ratings.noIndicators" });
  const indicators = methodIndicatorsSchema.parse(version.indicators);
  const inputs = await loadInputs(db, {
    level: method.level,
    path: method.territory.path,
    year,
    codes: indicators.map((i) => i.code),
  });
  const entries = runRating(methodOf(version.aggregation, indicators), inputs.rows, SENSITIVITY);
  return { method, version, inputs, entries };
}

export interface PreviewRow extends EntryResult {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** What publishing the latest version for a year would give (nothing is written). */
export async function previewRating(viewer: Viewer, input: { methodId: string; year: number }): Promise<PreviewRow[]> {
  const { scope } = authorizeViewer(viewer, "ratings.manage");
  const { inputs, entries } = await prepare(prisma, scope, input.methodId, input.year);
  const byId = new Map(inputs.entities.map((e) => [e.id, e]));
  return entries.map((e) => {
    const { id: _id, ...entity } = byId.get(e.entityId)!;
    return { ...e, ...entity };
  });
}

/**
 * Publishes the rating of a year with the method's latest version, in one transaction: the inputs are
 * loaded and frozen, the results and the sensitivity analysis stored, the version marked published. A year
 * already published, or any refusal of the computation, writes nothing.
 */
export async function publishRating(
  viewer: Viewer,
  input: { methodId: string; year: number },
): Promise<{ id: string; entities: number }> {
  const { scope } = authorizeViewer(viewer, "ratings.manage");
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.rating.findFirst({
        where: { methodId: input.methodId, year: input.year, method: inScope(scope) },
        select: { id: true },
      });
      if (existing) throw new AppError("conflict", { year: "ratings.alreadyPublished" }, { year: input.year });
      const { method, version, inputs, entries } = await prepare(tx, scope, input.methodId, input.year);
      const id = await storeRating(
        tx,
        { methodId: method.id, versionId: version.id, year: input.year, publishedById: viewer.userId },
        inputs.entities,
        entries,
      );
      if (version.status === "DRAFT")
        await tx.ratingMethodVersion.update({
          where: { id: version.id },
          data: { status: "PUBLISHED", publishedAt: new Date() },
        });
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "create",
        entity: "Rating",
        entityId: id,
        after: { methodId: method.id, versionId: version.id, year: input.year, entities: entries.length },
      });
      return { id, entities: entries.length };
    },
    { timeout: 120_000 },
  );
}
