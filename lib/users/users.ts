import "server-only";
import { prisma } from "../db";
import { recordAudit, changedFields } from "../audit";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { canGrant, organizationWhere, territoryWhere, type GrantTarget, type Scope, type Viewer } from "../auth/scope";
import { ROLE_SCOPE, ROLES } from "../auth/roles";
import { roleHas } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { revokeUserSessions } from "../auth/sessions";
import { pageWindow, type ListParams, type Page } from "../data-table/params";
import { nameField } from "../names";
import { userWhere } from "./scope";
import {
  isStrongPassword,
  type PasswordResetInput,
  type RoleGrantInput,
  type RoleRevokeInput,
  type UserActiveInput,
  type UserCreateInput,
  type UserUpdateInput,
} from "./schemas";

type Tx = Prisma.TransactionClient;

export const USER_SORTS = ["login", "displayName", "createdAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];

const names = { nameKk: true, nameRu: true, nameEn: true } as const;

const roleInclude = {
  territory: { select: { id: true, level: true, path: true, ...names } },
  organization: { select: { id: true, bin: true, ...names, territory: { select: { path: true } } } },
} satisfies Prisma.RoleAssignmentInclude;

const userSelect = {
  id: true,
  login: true,
  displayName: true,
  locale: true,
  active: true,
  version: true,
  lastLoginAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserSelect;

export type UserListItem = Prisma.UserGetPayload<{
  select: typeof userSelect & { roles: { include: typeof roleInclude } };
}>;

/** Role assignments whose scope lies inside an administrator's scope. */
function assignmentWhere(scope: Scope): Prisma.RoleAssignmentWhereInput {
  if (scope.all) return {};
  return { OR: [{ territory: territoryWhere(scope) }, { organization: organizationWhere(scope) }] };
}

/** The target of an existing assignment, as canGrant() sees it. */
function targetOf(assignment: {
  role: Role;
  territory: { path: string } | null;
  organization: { id: string; territory: { path: string } } | null;
}): GrantTarget {
  return {
    role: assignment.role,
    territoryPath: assignment.territory?.path ?? assignment.organization?.territory.path ?? "",
    organizationId: assignment.organization?.id ?? null,
  };
}

/**
 * Whether the viewer may change a user's account (profile, status, password): every role the user holds
 * must be one the viewer could grant — an administrator never manages an account that outranks them.
 */
export function canManageUser(viewer: Viewer, roles: Parameters<typeof targetOf>[0][]): boolean {
  return roles.every((r) => canGrant(viewer, targetOf(r)));
}

/** Whether the viewer may revoke this assignment (inside their scope and not wider than their own role). */
export function canRevoke(viewer: Viewer, assignment: Parameters<typeof targetOf>[0]): boolean {
  return canGrant(viewer, targetOf(assignment));
}

/** One page of users in the scope, searched by login or display name, filtered by role and status. */
export async function listUsers(scope: Scope, params: ListParams<UserSort>): Promise<Page<UserListItem>> {
  const { q, filters } = params;
  const role = (ROLES as readonly string[]).includes(filters.role ?? "") ? (filters.role as Role) : undefined;
  const where: Prisma.UserWhereInput = {
    AND: [
      userWhere(scope),
      q
        ? {
            OR: [{ login: { contains: q.toLowerCase() } }, { displayName: { contains: q, mode: "insensitive" } }],
          }
        : {},
      role ? { roles: { some: { AND: [{ role }, assignmentWhere(scope)] } } } : {},
      filters.status === "active" ? { active: true } : filters.status === "inactive" ? { active: false } : {},
    ],
  };
  const orderBy: Prisma.UserOrderByWithRelationInput[] =
    params.sort === "displayName"
      ? [{ displayName: params.dir }, { login: "asc" }]
      : params.sort === "createdAt"
        ? [{ createdAt: params.dir }, { login: "asc" }]
        : [{ login: params.dir }];
  const [rows, total] = await Promise.all([
    prisma.user.findMany({
      where,
      select: { ...userSelect, roles: { include: roleInclude, orderBy: { createdAt: "asc" } } },
      orderBy,
      ...pageWindow(params),
    }),
    prisma.user.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/** A user inside the scope with their roles, or null (outside the scope looks the same as not existing). */
export async function getUser(scope: Scope, id: string) {
  return prisma.user.findFirst({
    where: { AND: [{ id }, userWhere(scope)] },
    select: {
      ...userSelect,
      roles: {
        include: { ...roleInclude, grantedBy: { select: { login: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
}

/** Territories a role may be scoped to (the whole tree; the grant check decides what this viewer may use). */
export async function scopeTerritories(locale: string) {
  const rows = await prisma.territory.findMany({
    orderBy: { path: "asc" },
    select: { id: true, level: true, path: true, ...names },
  });
  const name = nameField(locale);
  return rows.map((r) => ({ id: r.id, level: r.level, path: r.path, name: r[name] }));
}

/** Upper bound of organisations offered in a role form (larger scopes narrow it by territory first). */
export const ORGANIZATION_OPTION_LIMIT = 2000;

/** Organisations a role may be scoped to: those inside the viewer's scope, grouped by territory. */
export async function scopeOrganizations(scope: Scope, locale: string) {
  const name = nameField(locale);
  const rows = await prisma.organization.findMany({
    where: organizationWhere(scope),
    select: { id: true, bin: true, ...names, territory: { select: { path: true, ...names } } },
    orderBy: [{ territory: { path: "asc" } }, { [name]: "asc" }],
    take: ORGANIZATION_OPTION_LIMIT,
  });
  return rows.map((o) => ({ id: o.id, name: `${o[name]} (${o.bin})`, group: o.territory[name] }));
}

/** The roles this viewer may grant somewhere (of at most their rank; organisation admins: organisation roles only). */
export function grantableRoles(viewer: Viewer): Role[] {
  return ROLES.filter((role) =>
    viewer.roles.some((r) => {
      if (!roleHas(r.role, "users.manage")) return false;
      if (r.organizationId && ROLE_SCOPE[role].kind !== "organization") return false;
      return canGrant(
        { ...viewer, roles: [r] },
        { role, territoryPath: r.territoryPath ?? "", organizationId: r.organizationId },
      );
    }),
  );
}

/**
 * Resolves the scope a role is granted at and checks it has the kind the role needs (a territory of the
 * right level, or an organisation) and that the viewer may grant it there.
 */
async function resolveGrant(
  tx: Tx,
  viewer: Viewer,
  input: Pick<RoleGrantInput, "role" | "territoryId" | "organizationId">,
) {
  const requirement = ROLE_SCOPE[input.role];
  let target: GrantTarget & { territoryId: string | null };
  if (requirement.kind === "territory") {
    const kind = requirement.level ?? "TERRITORY";
    if (!input.territoryId) throw new AppError("validation", { territoryId: "role.scopeKind" }, { kind });
    const territory = await tx.territory.findUnique({
      where: { id: input.territoryId },
      select: { path: true, level: true },
    });
    if (!territory) throw new AppError("validation", { territoryId: "territory.unknown" });
    if (requirement.level && territory.level !== requirement.level)
      throw new AppError("validation", { territoryId: "role.scopeKind" }, { kind });
    target = { role: input.role, territoryPath: territory.path, organizationId: null, territoryId: input.territoryId };
  } else {
    if (!input.organizationId)
      throw new AppError("validation", { organizationId: "role.scopeKind" }, { kind: "ORGANIZATION" });
    const organization = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, territory: { select: { path: true } } },
    });
    if (!organization) throw new AppError("validation", { organizationId: "organization.unknown" });
    target = {
      role: input.role,
      territoryPath: organization.territory.path,
      organizationId: organization.id,
      territoryId: null,
    };
  }
  if (!canGrant(viewer, target)) throw new AppError("forbidden", { role: "role.tooWide" });
  return target;
}

async function insertAssignment(
  tx: Tx,
  viewer: Viewer,
  userId: string,
  target: GrantTarget & { territoryId: string | null },
) {
  // NULL scope columns never collide in the unique index, so duplicates are checked here.
  const duplicate = await tx.roleAssignment.findFirst({
    where: { userId, role: target.role, territoryId: target.territoryId, organizationId: target.organizationId },
    select: { id: true },
  });
  if (duplicate) throw new AppError("duplicate", { role: "role.duplicate" });
  const assignment = await tx.roleAssignment.create({
    data: {
      userId,
      role: target.role,
      territoryId: target.territoryId,
      organizationId: target.organizationId,
      grantedById: viewer.userId,
    },
  });
  await recordAudit(tx, {
    actorId: viewer.userId,
    action: "grant",
    entity: "RoleAssignment",
    entityId: assignment.id,
    after: assignment,
  });
  return assignment;
}

/** The user inside the scope with the paths of their roles' scopes, or notFound. */
async function userInScope(tx: Tx, scope: Scope, id: string) {
  const user = await tx.user.findFirst({
    where: { AND: [{ id }, userWhere(scope)] },
    include: { roles: { include: roleInclude } },
  });
  if (!user) throw new AppError("notFound");
  return user;
}

/** A user this viewer may manage (in scope and not outranking them), or an error. */
async function manageableUser(tx: Tx, viewer: Viewer, scope: Scope, id: string) {
  const user = await userInScope(tx, scope, id);
  if (!canManageUser(viewer, user.roles)) throw new AppError("forbidden", { _form: "user.outranks" });
  return user;
}

/** Creates an account with its first role; the role is checked before anything is written. */
export async function createUser(viewer: Viewer, input: UserCreateInput) {
  if (!isStrongPassword(input.password)) throw new AppError("validation", { password: "user.passwordWeak" });
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const target = await resolveGrant(tx, viewer, input);
    const taken = await tx.user.findUnique({ where: { login: input.login }, select: { id: true } });
    if (taken) throw new AppError("duplicate", { login: "user.loginTaken" });
    const created = await tx.user.create({
      data: { login: input.login, displayName: input.displayName, locale: input.locale, passwordHash },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "User",
      entityId: created.id,
      after: created,
    });
    await insertAssignment(tx, viewer, created.id, target);
    return created;
  });
}

/** Optimistic update of an account: a version changed since the form was opened means a stale page. */
async function updateWithVersion(
  tx: Tx,
  viewer: Viewer,
  current: object,
  id: string,
  version: number,
  data: Prisma.UserUpdateManyMutationInput,
) {
  const updated = await tx.user.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw new AppError("stale");
  const after = await tx.user.findUniqueOrThrow({ where: { id } });
  // Only the account's own columns are compared (changedFields walks `after`; password hashes are never logged).
  await recordAudit(tx, {
    actorId: viewer.userId,
    action: "update",
    entity: "User",
    entityId: id,
    ...changedFields(current, after),
  });
  return after;
}

export async function updateUser(viewer: Viewer, scope: Scope, input: UserUpdateInput) {
  return prisma.$transaction(async (tx) => {
    const current = await manageableUser(tx, viewer, scope, input.id);
    return updateWithVersion(tx, viewer, current, input.id, input.version, {
      displayName: input.displayName,
      locale: input.locale,
    });
  });
}

/** Activates or deactivates an account; nobody deactivates their own. */
export async function setUserActive(viewer: Viewer, scope: Scope, input: UserActiveInput) {
  return prisma.$transaction(async (tx) => {
    const current = await manageableUser(tx, viewer, scope, input.id);
    if (input.id === viewer.userId && !input.active) throw new AppError("validation", { _form: "user.selfDeactivate" });
    const after = await updateWithVersion(tx, viewer, current, input.id, input.version, { active: input.active });
    // a locked account is signed out everywhere at once
    if (!input.active) await revokeUserSessions(input.id, { tx });
    return after;
  });
}

/** Sets a new password; the audit entry says that it changed, never what it is. */
export async function resetPassword(viewer: Viewer, scope: Scope, input: PasswordResetInput) {
  if (!isStrongPassword(input.password)) throw new AppError("validation", { password: "user.passwordWeak" });
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    await manageableUser(tx, viewer, scope, input.id);
    await tx.user.update({ where: { id: input.id }, data: { passwordHash, version: { increment: 1 } } });
    // a new password ends every session of the person (a stolen session does not outlive it)
    await revokeUserSessions(input.id, { tx });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "User",
      entityId: input.id,
      before: {},
      after: { passwordReset: true },
    });
  });
}

export async function grantRole(viewer: Viewer, scope: Scope, input: RoleGrantInput) {
  return prisma.$transaction(async (tx) => {
    await userInScope(tx, scope, input.userId);
    const target = await resolveGrant(tx, viewer, input);
    const assignment = await insertAssignment(tx, viewer, input.userId, target);
    // changed roles end the person's sessions: they sign in again under the new roles' lifetime and factor
    await revokeUserSessions(input.userId, { tx });
    return assignment;
  });
}

/**
 * Revokes one role assignment: only inside the viewer's scope and not wider than their own role, and never
 * the viewer's own last administrative role. An assignment already gone reads as a stale page.
 */
export async function revokeRole(viewer: Viewer, scope: Scope, input: RoleRevokeInput) {
  return prisma.$transaction(async (tx) => {
    const user = await userInScope(tx, scope, input.userId);
    const assignment = user.roles.find((r) => r.id === input.assignmentId);
    if (!assignment) throw new AppError("stale");
    if (!canRevoke(viewer, assignment)) throw new AppError("forbidden", { _form: "role.tooWide" });
    if (user.id === viewer.userId && roleHas(assignment.role, "users.manage")) {
      const otherAdmin = user.roles.some((r) => r.id !== assignment.id && roleHas(r.role, "users.manage"));
      if (!otherAdmin) throw new AppError("validation", { _form: "role.lastAdmin" });
    }
    const deleted = await tx.roleAssignment.deleteMany({ where: { id: assignment.id, userId: user.id } });
    if (deleted.count === 0) throw new AppError("stale");
    await revokeUserSessions(user.id, { tx });
    const { id, userId, role, territoryId, organizationId, grantedById, createdAt } = assignment;
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "revoke",
      entity: "RoleAssignment",
      entityId: id,
      before: { id, userId, role, territoryId, organizationId, grantedById, createdAt },
    });
  });
}
