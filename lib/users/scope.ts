import type { Prisma } from "../generated/prisma/client";
import { organizationWhere, territoryWhere, type Scope } from "../auth/scope";

/**
 * Users an administrator manages: those holding at least one role whose scope lies inside the
 * administrator's scope (a territory in the subtree, or an organisation in scope).
 */
export function userWhere(scope: Scope): Prisma.UserWhereInput {
  if (scope.all) return {};
  return {
    roles: {
      some: {
        OR: [{ territory: territoryWhere(scope) }, { organization: organizationWhere(scope) }],
      },
    },
  };
}
