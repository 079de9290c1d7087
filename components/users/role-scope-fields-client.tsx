"use client";

import { useId, useState } from "react";
import { useFormResult } from "@/components/forms/action-form-client";
import { FieldLabel, FieldMessage } from "@/components/forms/fields-client";
import { fieldClass } from "@/components/ui/input";

export interface RoleOption {
  value: string;
  label: string;
  /** What the role is scoped to, and for territory roles the level it needs (null: any level). */
  scope: "territory" | "organization";
  level: string | null;
}

export interface TerritoryOption {
  value: string;
  label: string;
  level: string;
  depth: number;
}

export interface OrganizationOption {
  value: string;
  label: string;
  group: string;
}

const selectClass = (error?: string) => fieldClass({ invalid: Boolean(error), className: "w-full" });

/**
 * A role with its scope: choosing the role decides whether a territory (of the level the role needs) or an
 * organisation is asked for. The server checks the same rules and whether the grant is within reach.
 */
export function RoleScopeFields({
  roles,
  territories,
  organizations,
  labels,
}: {
  roles: RoleOption[];
  territories: TerritoryOption[];
  organizations: OrganizationOption[];
  labels: {
    role: string;
    chooseRole: string;
    territory: string;
    organization: string;
    chooseTerritory: string;
    chooseOrganization: string;
    organizationsHint?: string;
  };
}) {
  const state = useFormResult();
  const failed = state && !state.ok ? state.values : undefined;
  // No role is preselected, so nobody grants an administrative role by leaving the default.
  const [role, setRole] = useState(failed?.role && roles.some((r) => r.value === failed.role) ? failed.role : "");
  const id = useId();
  const selected = roles.find((r) => r.value === role);
  const errors = state?.fieldErrors ?? {};
  const stamp = state ? JSON.stringify(failed ?? {}) : "initial";

  const visibleTerritories = selected?.level ? territories.filter((t) => t.level === selected.level) : territories;
  const groups = new Map<string, OrganizationOption[]>();
  for (const o of organizations) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);

  return (
    <>
      <div>
        <FieldLabel id={`${id}-role`} label={labels.role} required />
        <select
          id={`${id}-role`}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          aria-invalid={Boolean(errors.role)}
          aria-describedby={errors.role ? `${id}-role-error` : undefined}
          className={selectClass(errors.role)}
        >
          <option value="">{labels.chooseRole}</option>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-role`} error={errors.role} />
      </div>
      {selected?.scope !== "territory" && (
        <div>
          <FieldLabel id={`${id}-org`} label={labels.organization} required />
          <select
            key={`org:${stamp}`}
            id={`${id}-org`}
            name="organizationId"
            defaultValue={failed?.organizationId ?? ""}
            aria-invalid={Boolean(errors.organizationId)}
            aria-describedby={
              errors.organizationId ? `${id}-org-error` : labels.organizationsHint ? `${id}-org-hint` : undefined
            }
            className={selectClass(errors.organizationId)}
          >
            <option value="">{labels.chooseOrganization}</option>
            {[...groups].map(([group, items]) => (
              <optgroup key={group} label={group}>
                {items.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <FieldMessage id={`${id}-org`} error={errors.organizationId} hint={labels.organizationsHint} />
        </div>
      )}
      {selected?.scope !== "organization" && (
        <div>
          <FieldLabel id={`${id}-territory`} label={labels.territory} required />
          <select
            key={`territory:${role}:${stamp}`}
            id={`${id}-territory`}
            name="territoryId"
            defaultValue={failed?.role === role ? (failed?.territoryId ?? "") : ""}
            aria-invalid={Boolean(errors.territoryId)}
            aria-describedby={errors.territoryId ? `${id}-territory-error` : undefined}
            className={selectClass(errors.territoryId)}
          >
            <option value="">{labels.chooseTerritory}</option>
            {visibleTerritories.map((t) => (
              <option key={t.value} value={t.value}>
                {`${selected?.level ? "" : "— ".repeat(t.depth)}${t.label}`}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-territory`} error={errors.territoryId} />
        </div>
      )}
    </>
  );
}
