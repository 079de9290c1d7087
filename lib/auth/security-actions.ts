"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import { signedInAction } from "../actions";
import { AppError } from "../errors";
import { sessionTag, signOut } from "./config";
import { confirmEnrolment, disableSecondFactor, renewRecoveryCodes } from "./second-factor";
import { recordSecurityEvent } from "./security-audit";
import { listSessions, revokeSession, revokeUserSessions } from "./sessions";
import { getViewer } from "./viewer";

const sessionInput = z.object({ id: z.string().min(1).max(64) });
const codeInput = z.object({ code: z.string().trim().min(1, "required").max(32, "tooLong") });

/** Ends one of the person's own sessions (another browser, or this one). */
export const endSessionAction = signedInAction({
  schema: sessionInput,
  handler: async ({ viewer, input }) => {
    // the page names sessions by their tag, never by the id that the token carries
    const session = (await listSessions(viewer.userId)).find((s) => sessionTag(s.id) === input.id);
    if (!session || !(await revokeSession(viewer.userId, session.id))) throw new AppError("stale");
    await recordSecurityEvent({
      userId: viewer.userId,
      action: "revoke",
      entity: "Session",
      detail: "ended by its owner",
    });
  },
  success: "security.sessions.ended",
});

/** Ends every session of the person, this one included, and signs this browser out. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  const locale = await getLocale();
  if (viewer) {
    const count = await revokeUserSessions(viewer.userId);
    await recordSecurityEvent({
      userId: viewer.userId,
      action: "revoke",
      entity: "Session",
      detail: `signed out everywhere (${count})`,
    });
  }
  await signOut({ redirectTo: `/${locale}?signedOut=1` });
}

/** Confirms enrolment with the first code; the recovery codes come back once, to be shown once. */
export const confirmEnrolmentAction = signedInAction({
  schema: codeInput,
  handler: async ({ viewer, input }) => confirmEnrolment(viewer.userId, input.code),
  success: "security.enrol.done",
  refresh: false,
});

/** New recovery codes after a current code from the app; they come back once, to be shown once. */
export const renewRecoveryCodesAction = signedInAction({
  schema: codeInput,
  handler: async ({ viewer, input }) => renewRecoveryCodes(viewer.userId, input.code),
  success: "security.factor.renewed",
  refresh: false,
});

/** Turns the second factor off where the person's roles do not require it. */
export const disableSecondFactorAction = signedInAction({
  schema: codeInput,
  handler: async ({ viewer, input }) =>
    disableSecondFactor(
      viewer.userId,
      viewer.roles.map((r) => r.role),
      input.code,
    ),
  success: "security.factor.disabledDone",
});
