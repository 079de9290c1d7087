import type { Role, TerritoryLevel } from "../generated/prisma/enums";

export const ROLES = [
  "MINISTRY_ADMIN",
  "REGION_ADMIN",
  "DISTRICT_ADMIN",
  "ORG_ADMIN",
  "TEACHER",
  "STUDENT",
  "PARENT",
  "EDITOR",
  "MODERATOR",
  "LEXICOGRAPHER",
  "OFFICIAL",
] as const satisfies readonly Role[];

/** What a role's scope must be: a territory of a given level, any territory, or an organisation. */
export type ScopeRequirement = { kind: "territory"; level?: TerritoryLevel } | { kind: "organization" };

export const ROLE_SCOPE: Record<Role, ScopeRequirement> = {
  MINISTRY_ADMIN: { kind: "territory", level: "REPUBLIC" },
  REGION_ADMIN: { kind: "territory", level: "REGION" },
  DISTRICT_ADMIN: { kind: "territory", level: "DISTRICT" },
  ORG_ADMIN: { kind: "organization" },
  TEACHER: { kind: "organization" },
  STUDENT: { kind: "organization" },
  PARENT: { kind: "organization" },
  EDITOR: { kind: "territory" },
  MODERATOR: { kind: "territory" },
  LEXICOGRAPHER: { kind: "territory" },
  OFFICIAL: { kind: "organization" },
};

/**
 * Administrative rank: a user may grant a role of at most their own rank, inside their own scope.
 * Non-administrative roles have rank 0 (any administrator may grant them within scope).
 */
export const ROLE_RANK: Record<Role, number> = {
  MINISTRY_ADMIN: 4,
  REGION_ADMIN: 3,
  DISTRICT_ADMIN: 2,
  ORG_ADMIN: 1,
  TEACHER: 0,
  STUDENT: 0,
  PARENT: 0,
  EDITOR: 0,
  MODERATOR: 0,
  LEXICOGRAPHER: 0,
  OFFICIAL: 0,
};

/**
 * The second factor by role: required for every administrative role, optional for teachers and officials,
 * and for parents and students only when they ask for it ("onRequest": offered behind a link, not urged).
 */
export type SecondFactorPolicy = "required" | "optional" | "onRequest";

export const SECOND_FACTOR: Record<Role, SecondFactorPolicy> = {
  MINISTRY_ADMIN: "required",
  REGION_ADMIN: "required",
  DISTRICT_ADMIN: "required",
  ORG_ADMIN: "required",
  EDITOR: "required",
  MODERATOR: "required",
  LEXICOGRAPHER: "required",
  TEACHER: "optional",
  OFFICIAL: "optional",
  STUDENT: "onRequest",
  PARENT: "onRequest",
};

/** The strictest policy among a person's roles ("onRequest" for a person with no role). */
export function secondFactorPolicy(roles: readonly Role[]): SecondFactorPolicy {
  const policies = roles.map((role) => SECOND_FACTOR[role]);
  if (policies.includes("required")) return "required";
  return policies.includes("optional") ? "optional" : "onRequest";
}
