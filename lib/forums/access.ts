/**
 * Who may read and write where in the forums, as Prisma `where` fragments and checks. Categories with no
 * read roles are public; others are visible to the roles listed (moderators see everything).
 */
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import type { Viewer } from "../auth/scope";
import { scopeOf } from "../auth/scope";
import { roleHas } from "../auth/permissions";

export function rolesOf(viewer: Viewer | null): Role[] {
  return [...new Set(viewer?.roles.map((r) => r.role) ?? [])];
}

export function isModerator(viewer: Viewer | null): boolean {
  return viewer !== null && scopeOf(viewer, "forums.moderate") !== null;
}

/** Categories the viewer may read. */
export function categoryReadWhere(viewer: Viewer | null): Prisma.ForumCategoryWhereInput {
  if (isModerator(viewer)) return {};
  const roles = rolesOf(viewer);
  return { OR: [{ readRoles: { isEmpty: true } }, ...(roles.length ? [{ readRoles: { hasSome: roles } }] : [])] };
}

/** Categories the viewer may post in (signed in, read access, a write role when the category lists any). */
export function categoryWriteWhere(viewer: Viewer): Prisma.ForumCategoryWhereInput {
  if (isModerator(viewer)) return {};
  const roles = rolesOf(viewer);
  return {
    AND: [
      categoryReadWhere(viewer),
      { OR: [{ writeRoles: { isEmpty: true } }, ...(roles.length ? [{ writeRoles: { hasSome: roles } }] : [])] },
    ],
  };
}

/** Threads the viewer may read: in a readable category, not hidden (moderators see hidden ones, authors their own). */
export function threadReadWhere(viewer: Viewer | null): Prisma.ForumThreadWhereInput {
  if (isModerator(viewer)) return { category: categoryReadWhere(viewer) };
  // a thread waiting for approval (or hidden) stays readable to its author, who sees why
  const shown: Prisma.ForumThreadWhereInput = viewer
    ? { OR: [{ hidden: false }, { authorId: viewer.userId }] }
    : { hidden: false };
  return { AND: [{ category: categoryReadWhere(viewer) }, shown] };
}

/** Posts the viewer sees in a thread: visible ones, their own held or hidden ones; moderators all. */
export function postReadWhere(viewer: Viewer | null): Prisma.ForumPostWhereInput {
  if (isModerator(viewer)) return {};
  return viewer ? { OR: [{ status: "VISIBLE" }, { authorId: viewer.userId }] } : { status: "VISIBLE" };
}

/** Whether the viewer answers for the authority of an open forum (an official of that organisation or above it). */
export function answersFor(viewer: Viewer | null, authority: { id: string; territoryPath: string } | null): boolean {
  if (!viewer || !authority) return false;
  return viewer.roles.some(
    (r) =>
      roleHas(r.role, "forums.answer") &&
      (r.organizationId === authority.id ||
        (!r.organizationId && r.territoryPath !== null && authority.territoryPath.startsWith(r.territoryPath))),
  );
}
