import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Permission } from "./permissions";
import { scopeOf, type Scope, type Viewer } from "./scope";

interface ViewerRow {
  id: string;
  login: string;
  displayName: string;
  role: Viewer["roles"][number]["role"] | null;
  territoryId: string | null;
  organizationId: string | null;
  territoryPath: string | null;
  secondFactor: boolean;
}

/**
 * Loads a user's roles with the materialised paths of their scopes (null when unknown or inactive). Every
 * signed-in request runs this, so it is one SQL statement rather than a query per relation.
 */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const rows = await prisma.$queryRaw<ViewerRow[]>`
    SELECT u.id, u.login, u."displayName", r.role::text AS role, r."territoryId", r."organizationId",
           COALESCE(t.path, ot.path) AS "territoryPath",
           EXISTS (SELECT 1 FROM "SecondFactor" f WHERE f."userId" = u.id AND f."enabledAt" IS NOT NULL) AS "secondFactor"
    FROM "User" u
    LEFT JOIN "RoleAssignment" r ON r."userId" = u.id
    LEFT JOIN "Territory" t ON t.id = r."territoryId"
    LEFT JOIN "Organization" o ON o.id = r."organizationId"
    LEFT JOIN "Territory" ot ON ot.id = o."territoryId"
    WHERE u.id = ${userId} AND u.active
    ORDER BY r."createdAt", r.id`;
  const user = rows[0];
  if (!user) return null;
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    secondFactor: Boolean(user.secondFactor),
    roles: rows
      .filter((r) => r.role !== null)
      .map((r) => ({
        role: r.role!,
        territoryId: r.territoryId,
        territoryPath: r.territoryPath,
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
