"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { action } from "../actions";
import { AppError } from "../errors";
import { createUser, grantRole, resetPassword, revokeRole, setUserActive, updateUser } from "./users";
import {
  passwordResetInput,
  roleGrantInput,
  roleRevokeInput,
  userActiveInput,
  userCreateInput,
  userUpdateInput,
} from "./schemas";
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

export const createUserAction = action({
  permission: "users.manage",
  schema: userCreateInput,
  handler: async ({ viewer, input }) => {
    const created = await localisedScopeKind(() => createUser(viewer, input));
    redirect({ href: `/admin/users/${created.id}?created=1`, locale: await getLocale() });
  },
});

export const updateUserAction = action({
  permission: "users.manage",
  schema: userUpdateInput,
  success: "common.state.saved",
  handler: async ({ viewer, scope, input }) => {
    await updateUser(viewer, scope, input);
  },
});

export const setUserActiveAction = action({
  permission: "users.manage",
  schema: userActiveInput,
  success: "common.state.saved",
  handler: async ({ viewer, scope, input }) => {
    await setUserActive(viewer, scope, input);
  },
});

export const resetPasswordAction = action({
  permission: "users.manage",
  schema: passwordResetInput,
  success: "users.passwordChanged",
  handler: async ({ viewer, scope, input }) => {
    await resetPassword(viewer, scope, input);
  },
});

export const grantRoleAction = action({
  permission: "users.manage",
  schema: roleGrantInput,
  success: "users.roleGranted",
  handler: async ({ viewer, scope, input }) => {
    await localisedScopeKind(() => grantRole(viewer, scope, input));
  },
});

export const revokeRoleAction = action({
  permission: "users.manage",
  schema: roleRevokeInput,
  success: "users.roleRevoked",
  handler: async ({ viewer, scope, input }) => {
    await revokeRole(viewer, scope, input);
  },
});
