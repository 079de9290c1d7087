import "server-only";
import { prisma } from "../db";
import { organizationWhere, personWhere, scopeOf, type Viewer } from "../auth/scope";
import { localName } from "../names";
import { userWhere } from "../users/scope";

/** The viewer's roles with readable scope names, and counts of what they administer. */
export async function scopeSummary(viewer: Viewer, locale: string) {
  const territoryIds = viewer.roles.map((r) => r.territoryId).filter((x): x is string => Boolean(x));
  const orgIds = viewer.roles.map((r) => r.organizationId).filter((x): x is string => Boolean(x));
  const [territories, orgs] = await Promise.all([
    prisma.territory.findMany({ where: { id: { in: territoryIds } } }),
    prisma.organization.findMany({ where: { id: { in: orgIds } } }),
  ]);
  const roles = viewer.roles.map((r) => {
    const scope = r.territoryId
      ? territories.find((t) => t.id === r.territoryId)
      : orgs.find((o) => o.id === r.organizationId);
    return { role: r.role, scopeName: scope ? localName(scope, locale) : "—" };
  });
  const orgScope = scopeOf(viewer, "registry.organization.read");
  const personScope = scopeOf(viewer, "registry.person.read");
  const userScope = scopeOf(viewer, "users.manage");
  if (!orgScope || !personScope || !userScope) return { roles, counts: null };
  const [organizations, people, users] = await Promise.all([
    prisma.organization.count({ where: organizationWhere(orgScope) }),
    prisma.person.count({ where: personWhere(personScope) }),
    prisma.user.count({ where: userWhere(userScope) }),
  ]);
  return { roles, counts: { organizations, people, users } };
}
