import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Permission } from "./permissions";
import { scopeOf, type Scope, type Viewer } from "./scope";

/** Loads a user's roles with the materialised paths of their scopes (null when unknown or inactive). */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await prisma.user.findFirst({
    where: { id: userId, active: true },
    include: {
      roles: {
        include: {
          territory: { select: { path: true } },
          organization: { select: { territory: { select: { path: true } } } },
        },
      },
    },
  });
  if (!user) return null;
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    roles: user.roles.map((r) => ({
      role: r.role,
      territoryId: r.territoryId,
      territoryPath: r.territory?.path ?? r.organization?.territory.path ?? null,
      organizationId: r.organizationId,
    })),
  };
}

/** Permission check with scope for a known viewer: returns the scope or throws (services call this). */
export function authorizeViewer(viewer: Viewer | null, permission: Permission): { viewer: Viewer; scope: Scope } {
  if (!viewer) throw new AppError("unauthenticated");
  const scope = scopeOf(viewer, permission);
  if (!scope) throw new AppError("forbidden");
  return { viewer, scope };
}
