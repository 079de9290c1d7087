import "server-only";
/**
 * Dashboards (issue 27): an administrator composes a page of widgets from saved pivot views (as tables or
 * charts), single figures of the indicator catalogue with their trend, and text blocks in kk/ru/en; shares it
 * with roles inside their own territory, or — ministry and region — publishes it on the public statistics
 * pages. Who may open a dashboard goes into the query's `where` (owner, or a shared role held inside the
 * dashboard's territory); every widget reads through the viewer's scope (widgets.ts).
 */
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { expire, TAGS } from "../cache";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { roleHas } from "../auth/permissions";
import { holds, type Scope, type Viewer } from "../auth/scope";
import { ROLE_RANK } from "../auth/roles";
import { DatabankParamError, parsePivotParams } from "../databank/params";
import { runStats } from "../databank/query";
import {
  SHARE_ROLES,
  storedWidgets,
  type DashboardInput,
  type ShareRole,
  type Widget,
  type deleteInput,
  type publishInput,
  type shareInput,
} from "./schemas";
import type { z } from "zod";

const SELECT = {
  id: true,
  ownerId: true,
  titleKk: true,
  titleRu: true,
  titleEn: true,
  widgets: true,
  sharedWith: true,
  publishedAt: true,
  version: true,
  updatedAt: true,
  owner: { select: { displayName: true } },
  territory: { select: { id: true, path: true, level: true, nameKk: true, nameRu: true, nameEn: true } },
} satisfies Prisma.DashboardSelect;

export type DashboardRow = Prisma.DashboardGetPayload<{ select: typeof SELECT }>;
export type Dashboard = Omit<DashboardRow, "widgets"> & { widgets: Widget[] };

const toDashboard = (row: DashboardRow): Dashboard => ({ ...row, widgets: storedWidgets(row.widgets) });

/** "/a/b/c/" → ["/a/", "/a/b/", "/a/b/c/"]: the territories that contain it. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join("/")}/`);
}

/** Dashboards the viewer may open: their own, and those shared with a role they hold inside the territory. */
export function visibleWhere(viewer: Viewer): Prisma.DashboardWhereInput {
  const shared = viewer.roles
    .filter((r) => r.territoryPath && roleHas(r.role, "dashboards.read"))
    .map((r) => ({ sharedWith: { has: r.role }, territory: { path: { in: ancestorsOf(r.territoryPath!) } } }));
  return { OR: [{ ownerId: viewer.userId }, ...shared] };
}

export async function listDashboards(viewer: Viewer) {
  const rows = await prisma.dashboard.findMany({
    where: visibleWhere(viewer),
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: SELECT,
  });
  return rows.map(toDashboard);
}

/** A dashboard the viewer may open, or null (unknown and not visible look the same). */
export async function dashboardFor(viewer: Viewer, id: string): Promise<Dashboard | null> {
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return null;
  const row = await prisma.dashboard.findFirst({ where: { AND: [{ id }, visibleWhere(viewer)] }, select: SELECT });
  return row ? toDashboard(row) : null;
}

/** A dashboard of the viewer's own (the composer, sharing, publishing, deleting). */
export async function ownDashboard(viewer: Viewer, id: string): Promise<Dashboard | null> {
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return null;
  const row = await prisma.dashboard.findFirst({ where: { id, ownerId: viewer.userId }, select: SELECT });
  return row ? toDashboard(row) : null;
}

/** A published dashboard (public page), or null. */
export async function publishedDashboard(id: string): Promise<Dashboard | null> {
  if (!/^[a-z0-9]{1,40}$/i.test(id)) return null;
  const row = await prisma.dashboard.findFirst({ where: { id, publishedAt: { not: null } }, select: SELECT });
  return row ? toDashboard(row) : null;
}

export async function publishedDashboards() {
  const rows = await prisma.dashboard.findMany({
    where: { publishedAt: { not: null } },
    orderBy: { publishedAt: "desc" },
    take: 100,
    select: SELECT,
  });
  return rows.map(toDashboard);
}

/** The saved views a composer may put on a dashboard: their own. */
export async function composerViews(viewer: Viewer) {
  return prisma.databankView.findMany({
    where: { ownerId: viewer.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, name: true },
  });
}

/** The composer's territory: that of their highest composing role. */
function composerTerritory(viewer: Viewer): string {
  const role = viewer.roles
    .filter((r) => r.territoryId && roleHas(r.role, "dashboards.compose"))
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role])[0];
  if (!role) throw new AppError("forbidden");
  return role.territoryId!;
}

function composerRank(viewer: Viewer): number {
  return Math.max(
    0,
    ...viewer.roles.filter((r) => roleHas(r.role, "dashboards.compose")).map((r) => ROLE_RANK[r.role]),
  );
}

/** The roles the viewer may share with: those that read dashboards, not above the viewer's own rank. */
export function shareableRoles(viewer: Viewer): ShareRole[] {
  const rank = composerRank(viewer);
  return SHARE_ROLES.filter((r) => ROLE_RANK[r] <= rank);
}

const refuse = (key: string, params: Record<string, string | number> = {}, field = "widgets") =>
  new AppError("validation", { [field]: `dashboards.${key}` }, params, { message: `errors.dashboards.${key}` });

/**
 * Each view on the dashboard must be the composer's own and readable within their scope (its filters inside
 * it); a refusal names the widget by its number.
 */
async function checkViews(viewer: Viewer, scope: Scope, widgets: Widget[]): Promise<void> {
  const ids = [...new Set(widgets.flatMap((w) => (w.kind === "table" || w.kind === "chart" ? [w.viewId] : [])))];
  const views = await prisma.databankView.findMany({
    where: { id: { in: ids } },
    select: { id: true, ownerId: true, query: true },
  });
  const byId = new Map(views.map((v) => [v.id, v]));
  for (const [i, w] of widgets.entries()) {
    if (w.kind !== "table" && w.kind !== "chart") continue;
    const view = byId.get(w.viewId);
    if (!view) throw refuse("viewUnknown", { n: i + 1 });
    if (view.ownerId !== viewer.userId) throw refuse("viewNotVisible", { n: i + 1 });
    try {
      const parsed = parsePivotParams(new URLSearchParams(view.query));
      await runStats(scope, { ...parsed.query, limit: 1 });
    } catch (error) {
      if (error instanceof DatabankParamError) throw refuse("viewNotVisible", { n: i + 1 });
      throw error;
    }
  }
}

const snapshot = (d: { titleKk: string; titleRu: string; titleEn: string; widgets: unknown; sharedWith?: Role[] }) => ({
  titleKk: d.titleKk,
  titleRu: d.titleRu,
  titleEn: d.titleEn,
  widgets: d.widgets,
  ...(d.sharedWith ? { sharedWith: d.sharedWith } : {}),
});

/** Creates or updates (the owner's own, at the version they loaded) a dashboard; nothing written on a refusal. */
export async function saveDashboard(viewer: Viewer, scope: Scope, input: DashboardInput): Promise<{ id: string }> {
  await checkViews(viewer, scope, input.widgets);
  const data = {
    titleKk: input.titleKk,
    titleRu: input.titleRu,
    titleEn: input.titleEn,
    widgets: input.widgets as unknown as Prisma.InputJsonValue,
  };
  const result = await prisma.$transaction(async (tx) => {
    if (!input.id) {
      const created = await tx.dashboard.create({
        data: { ...data, ownerId: viewer.userId, territoryId: composerTerritory(viewer) },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "create",
        entity: "Dashboard",
        entityId: created.id,
        after: snapshot(data),
      });
      return created;
    }
    const before = await tx.dashboard.findFirst({ where: { id: input.id, ownerId: viewer.userId } });
    if (!before) throw new AppError("notFound");
    const updated = await tx.dashboard.updateMany({
      where: { id: input.id, ownerId: viewer.userId, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("stale");
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Dashboard",
      entityId: input.id,
      before: snapshot(before),
      after: snapshot(data),
    });
    return { id: input.id };
  });
  expire(TAGS.dashboards);
  return result;
}

export async function shareDashboard(viewer: Viewer, input: z.output<typeof shareInput>): Promise<void> {
  const roles = SHARE_ROLES.filter((r) => input[r] === "on");
  const allowed = shareableRoles(viewer);
  const outside = roles.find((r) => !allowed.includes(r));
  if (outside) throw refuse("shareOutsideScope", {}, "roles");
  await prisma.$transaction(async (tx) => {
    const before = await tx.dashboard.findFirst({ where: { id: input.id, ownerId: viewer.userId } });
    if (!before) throw new AppError("notFound");
    const updated = await tx.dashboard.updateMany({
      where: { id: input.id, ownerId: viewer.userId, version: input.version },
      data: { sharedWith: roles, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("stale");
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Dashboard",
      entityId: input.id,
      before: { sharedWith: before.sharedWith },
      after: { sharedWith: roles },
    });
  });
}

/** Publishing on the public statistics pages: ministry and region administrators only, their own dashboards. */
export async function publishDashboard(viewer: Viewer, input: z.output<typeof publishInput>): Promise<void> {
  if (!holds(viewer, "dashboards.publish"))
    throw new AppError("forbidden", {}, {}, { message: "errors.dashboards.publishNotAllowed" });
  await prisma.$transaction(async (tx) => {
    const before = await tx.dashboard.findFirst({ where: { id: input.id, ownerId: viewer.userId } });
    if (!before) throw new AppError("notFound");
    const publishedAt = input.publish ? (before.publishedAt ?? new Date()) : null;
    const updated = await tx.dashboard.updateMany({
      where: { id: input.id, ownerId: viewer.userId, version: input.version },
      data: { publishedAt, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("stale");
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Dashboard",
      entityId: input.id,
      before: { publishedAt: before.publishedAt },
      after: { publishedAt },
    });
  });
  expire(TAGS.dashboards);
}

export async function deleteDashboard(viewer: Viewer, input: z.output<typeof deleteInput>): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.dashboard.findFirst({ where: { id: input.id, ownerId: viewer.userId } });
    if (!before) throw new AppError("notFound");
    await tx.dashboard.delete({ where: { id: input.id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "delete",
      entity: "Dashboard",
      entityId: input.id,
      before: snapshot(before),
    });
  });
  expire(TAGS.dashboards);
}
