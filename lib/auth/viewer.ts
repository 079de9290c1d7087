import "server-only";
import { cache } from "react";
import { prisma } from "../db";
import { auth } from "./config";
import type { Permission } from "./permissions";
import { scopeOf, type Scope, type Viewer } from "./scope";
import { AppError } from "../errors";

/** The signed-in user with their roles and scopes, read once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadViewer(userId);
});

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

/** Session and permission check for actions, queries and route handlers: returns the scope or throws. */
export async function authorize(permission: Permission, viewer?: Viewer | null): Promise<{ viewer: Viewer; scope: Scope }> {
  const v = viewer === undefined ? await getViewer() : viewer;
  if (!v) throw new AppError("unauthenticated");
  const scope = scopeOf(v, permission);
  if (!scope) throw new AppError("forbidden");
  return { viewer: v, scope };
}
