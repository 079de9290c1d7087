import type { Role } from "../generated/prisma/enums";
import { roleHas, type Permission } from "./permissions";
import { ROLE_RANK } from "./roles";

/** One role assignment of the signed-in user, with the materialised path of its scope. */
export interface ViewerRole {
  role: Role;
  territoryId: string | null;
  /** Path of the scope territory ("/a/b/"), or of the organisation's territory for org-scoped roles. */
  territoryPath: string | null;
  organizationId: string | null;
}

export interface Viewer {
  userId: string;
  login: string;
  displayName: string;
  roles: ViewerRole[];
  /** Whether the person has an enabled second factor (loaded with the roles; absent in hand-made viewers). */
  secondFactor?: boolean;
}

/**
 * Where a permission reaches: the whole republic, or a union of territory subtrees and single
 * organisations. `null` means the viewer does not hold the permission at all.
 */
export type Scope = { all: true } | { all: false; territoryPaths: string[]; organizationIds: string[] };

export function scopeOf(viewer: Viewer, permission: Permission): Scope | null {
  const roles = viewer.roles.filter((r) => roleHas(r.role, permission));
  if (roles.length === 0) return null;
  if (roles.some((r) => r.role === "MINISTRY_ADMIN")) return { all: true };
  const territoryPaths = roles.filter((r) => !r.organizationId && r.territoryPath).map((r) => r.territoryPath!);
  if (territoryPaths.some((p) => p.split("/").filter(Boolean).length === 1)) return { all: true };
  const organizationIds = roles.filter((r) => r.organizationId).map((r) => r.organizationId!);
  return { all: false, territoryPaths, organizationIds };
}

/** The organisations where the viewer holds `permission` through a role assigned to that organisation. */
export function organizationsWith(viewer: Viewer, permission: Permission): string[] {
  return [
    ...new Set(
      viewer.roles.filter((r) => r.organizationId && roleHas(r.role, permission)).map((r) => r.organizationId!),
    ),
  ];
}

/** Whether the viewer holds `permission` through any of their roles (anywhere). */
export function holds(viewer: Viewer, permission: Permission): boolean {
  return viewer.roles.some((r) => roleHas(r.role, permission));
}

export function territoryInScope(scope: Scope, territoryPath: string): boolean {
  return scope.all || scope.territoryPaths.some((p) => territoryPath.startsWith(p));
}

export function organizationInScope(scope: Scope, org: { id: string; territoryPath: string }): boolean {
  return scope.all || scope.organizationIds.includes(org.id) || territoryInScope(scope, org.territoryPath);
}

/** Prisma `where` for organisations inside a scope (ownership goes into the query, not an `if` after it). */
export function organizationWhere(scope: Scope) {
  if (scope.all) return {};
  return {
    OR: [
      ...scope.territoryPaths.map((p) => ({ territory: { path: { startsWith: p } } })),
      ...(scope.organizationIds.length ? [{ id: { in: scope.organizationIds } }] : []),
      // an empty scope must match nothing
      { id: { in: [] as string[] } },
    ],
  };
}

export function territoryWhere(scope: Scope) {
  if (scope.all) return {};
  return { OR: [...scope.territoryPaths.map((p) => ({ path: { startsWith: p } })), { id: { in: [] as string[] } }] };
}

export function personWhere(scope: Scope) {
  if (scope.all) return {};
  return { organization: organizationWhere(scope) };
}

/** The target of a role grant: its scope resolved to a path (and organisation when org-scoped). */
export interface GrantTarget {
  role: Role;
  territoryPath: string;
  organizationId: string | null;
}

/**
 * A grant is allowed when the granter manages users at a scope containing the target and holds there an
 * administrative role of at least the granted role's rank — never wider than their own.
 */
export function canGrant(viewer: Viewer, target: GrantTarget): boolean {
  return viewer.roles.some((r) => {
    if (!roleHas(r.role, "users.manage")) return false;
    if (ROLE_RANK[r.role] < ROLE_RANK[target.role]) return false;
    if (r.role === "MINISTRY_ADMIN") return true;
    if (r.organizationId) return target.organizationId === r.organizationId;
    return r.territoryPath !== null && target.territoryPath.startsWith(r.territoryPath);
  });
}
