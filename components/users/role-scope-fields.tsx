import { getTranslations } from "next-intl/server";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { ROLE_SCOPE } from "@/lib/auth/roles";
import { grantableRoles, ORGANIZATION_OPTION_LIMIT, scopeOrganizations, scopeTerritories } from "@/lib/users/users";
import { RoleScopeFields } from "./role-scope-fields-client";

/** The role and scope fields of a grant, with the roles this viewer may grant and the places to scope them to. */
export async function RoleScope({ viewer, scope, locale }: { viewer: Viewer; scope: Scope; locale: string }) {
  const t = await getTranslations("users");
  const ta = await getTranslations("admin");
  const [territories, organizations] = await Promise.all([scopeTerritories(locale), scopeOrganizations(scope, locale)]);
  const roles = grantableRoles(viewer).map((role) => {
    const requirement = ROLE_SCOPE[role];
    return {
      value: role,
      label: ta(`roles.${role}`),
      scope: requirement.kind,
      level: requirement.kind === "territory" ? (requirement.level ?? null) : null,
    };
  });
  return (
    <RoleScopeFields
      roles={roles}
      territories={territories.map((tr) => ({
        value: tr.id,
        label: tr.name,
        level: tr.level,
        depth: tr.path.split("/").filter(Boolean).length - 1,
      }))}
      organizations={organizations.map((o) => ({ value: o.id, label: o.name, group: o.group }))}
      labels={{
        role: t("role"),
        chooseRole: t("chooseRole"),
        territory: t("territory"),
        organization: t("organization"),
        chooseTerritory: t("chooseTerritory"),
        chooseOrganization: t("chooseOrganization"),
        organizationsHint:
          organizations.length >= ORGANIZATION_OPTION_LIMIT
            ? t("organizationsTruncated", { count: ORGANIZATION_OPTION_LIMIT })
            : undefined,
      }}
    />
  );
}
