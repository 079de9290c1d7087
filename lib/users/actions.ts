"use server";

import { getTranslations } from "next-intl/server";
import { actionsOf, discard, redirectTo } from "../actions";
import { AppError } from "../errors";
import { createUser, grantRole, resetPassword, revokeRole, setUserActive, updateUser } from "./users";
import {
  passwordResetInput,
  roleGrantInput,
  type RoleGrantInput,
  roleRevokeInput,
  userActiveInput,
  userCreateInput,
  userUpdateInput,
} from "./schemas";
import type { Scope, Viewer } from "../auth/scope";
import { runtimeKeys } from "@/i18n/keys";

/**
 * A scope-kind refusal names the kind of scope the role needs ("a region", "an organisation"); the service
 * gives it as a code, translated here so the message reads in the person's language.
 */
async function localisedScopeKind<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && typeof error.params.kind === "string") {
      const t = await getTranslations("errors.role.kinds");
      throw new AppError(error.code, error.fieldErrors, { ...error.params, kind: runtimeKeys(t)(error.params.kind) });
    }
    throw error;
  }
}

const manage = actionsOf("users.manage");

export const createUserAction = manage(userCreateInput, async (viewer, input) => {
  const created = await localisedScopeKind(() => createUser(viewer, input));
  return redirectTo(`/admin/users/${created.id}?created=1`);
});

export const updateUserAction = manage.scoped(userUpdateInput, discard(updateUser), "common.state.saved");

export const setUserActiveAction = manage.scoped(userActiveInput, discard(setUserActive), "common.state.saved");

export const resetPasswordAction = manage.scoped(passwordResetInput, discard(resetPassword), "users.passwordChanged");

export const grantRoleAction = manage.scoped(
  roleGrantInput,
  discard((viewer: Viewer, scope: Scope, input: RoleGrantInput) =>
    localisedScopeKind(() => grantRole(viewer, scope, input)),
  ),
  "users.roleGranted",
);

export const revokeRoleAction = manage.scoped(roleRevokeInput, discard(revokeRole), "users.roleRevoked");
