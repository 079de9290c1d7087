"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { action, publicAction, signedInAction } from "../actions";
import { clientAddress } from "../http/client";
import { formatDateTime } from "../time";
import {
  confirmEmail,
  emailSchema,
  issueResetCode,
  mailLocaleSchema,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  setMailLocale,
} from "./account";
import { MAIL_MODES, MAIL_TOPICS, saveMailPreferences, unsubscribe } from "./notify";
import { AppError } from "../errors";

const tokenField = z.string().trim().min(1, "validation.required").max(128, "tooLong");

/** Adds (or replaces) the person's address: pending until the link sent to it is followed. */
export const addEmailAction = signedInAction({
  schema: z.object({ email: emailSchema }),
  handler: ({ viewer, input }) => requestEmailVerification(viewer.userId, input),
  success: "mail.account.sent",
});

/** Changes the language of the person's mail. */
export const mailLanguageAction = signedInAction({
  schema: z.object({ mailLocale: mailLocaleSchema }),
  handler: ({ viewer, input }) => setMailLocale(viewer.userId, input.mailLocale),
  success: "mail.account.languageSaved",
});

const confirm = publicAction({
  schema: z.object({ token: tokenField }),
  handler: async ({ input }) => {
    await confirmEmail(input.token);
  },
  success: "mail.account.confirmed",
});

/** Follows a verification link (the token is the proof; it works without signing in). */
export async function confirmEmailAction(...args: Parameters<typeof confirm>) {
  return confirm(...args);
}

const forgot = publicAction({
  schema: z.object({ identifier: z.string().trim().min(1, "validation.required").max(254, "tooLong") }),
  handler: async ({ input }) => requestPasswordReset(input.identifier, clientAddress(await headers())),
  success: "mail.recovery.requested",
});

/** "Forgot password?": the same answer whether the account exists or not; limited per account and address. */
export async function forgotPasswordAction(...args: Parameters<typeof forgot>) {
  return forgot(...args);
}

const reset = publicAction({
  schema: z.object({
    token: tokenField,
    password: z.string().min(1, "validation.required").max(256, "tooLong"),
    confirm: z.string().max(256, "tooLong"),
  }),
  handler: async ({ input }) => {
    await resetPassword(input, clientAddress(await headers()));
  },
  success: "mail.recovery.done",
});

/** Sets a new password with a mailed link's token or a reset code handed over by the school. */
export async function resetPasswordByTokenAction(...args: Parameters<typeof reset>) {
  return reset(...args);
}

/** A one-time reset code for a pupil or parent of the administrator's scope; shown once. */
export const issueResetCodeAction = action({
  permission: "users.resetCode",
  schema: z.object({ userId: z.string().min(1).max(64) }),
  handler: async ({ viewer, scope, input }) => {
    const issued = await issueResetCode(viewer, scope, input.userId);
    return { code: issued.code, login: issued.login, until: formatDateTime(issued.expiresAt, await getLocale()) };
  },
  success: "mail.resetCode.issued",
  refresh: false,
});

/** The person's choice of mail for each topic of notifications. */
export const mailPreferencesAction = signedInAction({
  schema: z.object(
    Object.fromEntries(MAIL_TOPICS.map((t) => [t, z.enum(MAIL_MODES)])) as Record<
      (typeof MAIL_TOPICS)[number],
      z.ZodEnum<{ IMMEDIATE: "IMMEDIATE"; DIGEST: "DIGEST"; OFF: "OFF" }>
    >,
  ),
  handler: ({ viewer, input }) => saveMailPreferences(viewer.userId, input),
  success: "mail.preferences.saved",
});

const unsubscribeOne = publicAction({
  schema: z.object({ token: tokenField }),
  handler: async ({ input }) => {
    if (!(await unsubscribe(input.token))) throw new AppError("notFound");
  },
  success: "mail.unsubscribePage.done",
});

/** The button of an unsubscribe link: turns one topic's mail off for the token's person, without signing in. */
export async function unsubscribeAction(...args: Parameters<typeof unsubscribeOne>) {
  return unsubscribeOne(...args);
}
