import "server-only";
import { cache } from "react";
import { auth } from "./config";
import { authorizeViewer, loadViewer } from "./access";
import type { Permission } from "./permissions";
import type { Scope, Viewer } from "./scope";

/** The signed-in user with their roles and scopes, read once per request; null when signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadViewer(userId) : null;
});

/** Session and permission check for actions, pages and route handlers: returns the scope or throws. */
export async function authorize(permission: Permission): Promise<{ viewer: Viewer; scope: Scope }> {
  return authorizeViewer(await getViewer(), permission);
}
