"use server";

import { z } from "zod";
import { signedInAction } from "../actions";
import { markRead } from "./notifications";

/**
 * Marks the signed-in person's notification `id` as read, or all of them without an id. Any signed-in
 * person may do this for their own notifications, so no permission beyond the session is needed.
 */
export const markNotificationsReadAction = signedInAction({
  schema: z.object({
    id: z
      .string()
      .trim()
      .max(60)
      .optional()
      .transform((id) => id || undefined),
  }),
  handler: ({ viewer, input }) => markRead(viewer.userId, input.id),
});
