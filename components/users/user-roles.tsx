import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors } from "@/components/forms/fields-client";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { roleHas } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { localName } from "@/lib/names";
import { canRevoke } from "@/lib/users/users";
import { grantRoleAction, revokeRoleAction } from "@/lib/users/actions";
import { formatDate } from "@/lib/time";
import { RoleScope } from "./role-scope-fields";

type Named = { nameKk: string; nameRu: string; nameEn: string };

interface Assignment {
  id: string;
  role: Role;
  createdAt: Date;
  territory: (Named & { path: string }) | null;
  organization: (Named & { id: string; bin: string; territory: { path: string } }) | null;
  grantedBy: { login: string } | null;
}

/** The name of an assignment's scope: its territory, or its organisation with the BIN. */
export function scopeName(assignment: Pick<Assignment, "territory" | "organization">, locale: string): string {
  if (assignment.territory) return localName(assignment.territory, locale);
  if (assignment.organization) return `${localName(assignment.organization, locale)} (${assignment.organization.bin})`;
  return "—";
}

/** A user's role assignments with "revoke" where the viewer may, and the form to grant another role. */
export async function UserRoles({
  userId,
  roles,
  viewer,
  scope,
  locale,
}: {
  userId: string;
  roles: Assignment[];
  viewer: Viewer;
  scope: Scope;
  locale: string;
}) {
  const t = await getTranslations("users");
  const ta = await getTranslations("admin");
  const tc = await getTranslations("common");
  const adminRoles = roles.filter((r) => roleHas(r.role, "users.manage")).length;
  return (
    <div className="grid max-w-2xl gap-4">
      <section aria-labelledby="user-roles" className="rounded-lg bg-white p-6 shadow-sm">
        <h2 id="user-roles" className="mb-3 text-lg font-semibold">
          {t("roles")}
        </h2>
        {roles.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noRoles")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="user-role-list">
            {roles.map((r) => {
              const lastOwnAdmin = userId === viewer.userId && roleHas(r.role, "users.manage") && adminRoles === 1;
              const revocable = canRevoke(viewer, r) && !lastOwnAdmin;
              return (
                <li key={r.id} className="flex flex-wrap items-start gap-3 py-3" data-testid="user-role">
                  <div className="min-w-0 flex-1 text-sm">
                    <p className="font-medium">{ta(`roles.${r.role}`)}</p>
                    <p className="text-slate-700">{scopeName(r, locale)}</p>
                    <p className="text-xs text-slate-500">
                      {t("grantedAt")}: {formatDate(r.createdAt, locale)}
                      {r.grantedBy ? ` · ${t("grantedBy")}: ${r.grantedBy.login}` : ""}
                    </p>
                  </div>
                  {revocable && (
                    <ActionForm
                      action={revokeRoleAction}
                      submitLabel={t("revoke")}
                      pendingLabel={tc("state.saving")}
                      confirm={t("revokeConfirm", { role: ta(`roles.${r.role}`), scope: scopeName(r, locale) })}
                      variant="danger"
                      className="flex max-w-xs flex-col items-end gap-2"
                    >
                      <input type="hidden" name="userId" value={userId} />
                      <input type="hidden" name="assignmentId" value={r.id} />
                      <FormErrors names={["userId", "assignmentId", "_form"]} />
                    </ActionForm>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="user-grant">
        <ActionForm
          action={grantRoleAction}
          submitLabel={t("grantSubmit")}
          pendingLabel={tc("state.saving")}
          testId="user-grant-form"
          className="space-y-4 rounded-lg bg-white p-6 shadow-sm"
        >
          <h2 id="user-grant" className="text-lg font-semibold">
            {t("grant")}
          </h2>
          <input type="hidden" name="userId" value={userId} />
          <FormErrors names={["userId", "_form"]} />
          <RoleScope viewer={viewer} scope={scope} locale={locale} />
        </ActionForm>
      </section>
    </div>
  );
}
