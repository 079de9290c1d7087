import "server-only";
import { cache } from "react";
import { auth } from "./config";
import { authorizeViewer, loadViewer } from "./access";
import type { Permission } from "./permissions";
import { scopeOf, type Scope, type Viewer } from "./scope";
import { SECOND_FACTOR } from "./roles";
import { AppError } from "../errors";

/** The signed-in user with their roles and scopes, read once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadViewer(userId) : null;
});

/**
 * Session and permission check for actions, pages and route handlers: returns the scope or throws. A role
 * that requires a second factor (roles.ts) grants nothing to a request until the person has set one up: its
 * permissions are refused with a message that sends them to the set-up page (the admin area redirects there).
 */
export async function authorize(permission: Permission): Promise<{ viewer: Viewer; scope: Scope }> {
  const viewer = await getViewer();
  if (!viewer || viewer.secondFactor !== false) return authorizeViewer(viewer, permission);
  const usable = { ...viewer, roles: viewer.roles.filter((r) => SECOND_FACTOR[r.role] !== "required") };
  const scope = scopeOf(usable, permission);
  if (scope) return { viewer: usable, scope };
  if (scopeOf(viewer, permission))
    throw new AppError("forbidden", {}, {}, { message: "security.factor.requiredFirst" });
  return authorizeViewer(viewer, permission);
}
