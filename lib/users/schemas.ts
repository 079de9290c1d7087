import { z } from "zod";
import { optionalText, versionField } from "../registry/schemas";
import { ROLES } from "../auth/roles";
import { locales } from "@/i18n/routing";

/** 3–32 characters: Latin letters, digits, dot and hyphen; stored lower-cased. */
export const LOGIN_PATTERN = /^[a-z0-9.-]{3,32}$/;
export const PASSWORD_MIN = 10;

/** A password strong enough for an account: at least PASSWORD_MIN characters with letters and digits. */
export function isStrongPassword(password: string): boolean {
  return password.length >= PASSWORD_MIN && /\p{L}/u.test(password) && /\p{Nd}/u.test(password);
}

export const loginField = z.string().trim().toLowerCase().regex(LOGIN_PATTERN, "user.loginFormat");

export const passwordField = z.string().max(256).refine(isStrongPassword, "user.passwordWeak");

export const displayNameField = z.string().trim().min(2).max(200);

export const localeField = z.enum(locales);

export const roleField = z.enum(ROLES);

/** A role with its scope as the form sends it: only the field the role needs is used. */
export const roleGrantFields = {
  role: roleField,
  territoryId: optionalText(40),
  organizationId: optionalText(40),
};

export const userCreateInput = z.object({
  login: loginField,
  displayName: displayNameField,
  password: passwordField,
  locale: localeField,
  ...roleGrantFields,
});

export const userUpdateInput = z.object({
  id: z.string().min(1),
  version: versionField,
  displayName: displayNameField,
  locale: localeField,
});

export const userActiveInput = z.object({
  id: z.string().min(1),
  version: versionField,
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const passwordResetInput = z.object({
  id: z.string().min(1),
  password: passwordField,
});

export const roleGrantInput = z.object({
  userId: z.string().min(1),
  ...roleGrantFields,
});

export const roleRevokeInput = z.object({
  userId: z.string().min(1),
  assignmentId: z.string().min(1),
});

export type UserCreateInput = z.output<typeof userCreateInput>;
export type UserUpdateInput = z.output<typeof userUpdateInput>;
export type UserActiveInput = z.output<typeof userActiveInput>;
export type PasswordResetInput = z.output<typeof passwordResetInput>;
export type RoleGrantInput = z.output<typeof roleGrantInput>;
export type RoleRevokeInput = z.output<typeof roleRevokeInput>;
