import "server-only";
import { prisma } from "../db";
import { territoryWhere, type Scope } from "../auth/scope";
import { localName } from "../names";

/**
 * Territories inside a scope as select options, each region followed by its districts ("— district").
 * An organisation-scoped writer gets the territories of their organisations.
 */
export async function territoryOptions(scope: Scope, locale: string) {
  const where =
    scope.all || scope.territoryPaths.length
      ? territoryWhere(scope)
      : { organizations: { some: { id: { in: scope.organizationIds } } } };
  const rows = await prisma.territory.findMany({
    where,
    orderBy: { path: "asc" },
    select: { id: true, level: true, path: true, nameKk: true, nameRu: true, nameEn: true },
  });
  const byParent = [...rows].sort((a, b) => a.path.localeCompare(b.path));
  return byParent.map((r) => ({
    value: r.id,
    label: `${"— ".repeat(Math.max(0, r.path.split("/").filter(Boolean).length - 1))}${localName(r, locale)}`,
  }));
}
