"use server";

import { action } from "../actions";
import { keyRegistration, keyRevocation, registerKey, revokeKey } from "./keys";

export const registerKeyAction = action({
  permission: "packages.manage",
  schema: keyRegistration,
  success: (key: { fingerprint: string }) => ({
    key: "packages.keys.registered",
    params: { fingerprint: key.fingerprint.slice(0, 16) },
  }),
  handler: async ({ viewer, input }) => registerKey(viewer, input),
});

export const revokeKeyAction = action({
  permission: "packages.manage",
  schema: keyRevocation,
  success: "packages.keys.revoked",
  handler: async ({ viewer, input }) => {
    await revokeKey(viewer, input);
  },
});
