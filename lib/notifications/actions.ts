"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getViewer } from "../auth/viewer";
import type { ActionResult } from "../actions";
import { markRead } from "./notifications";

const input = z.object({ id: z.string().trim().max(60).optional() });

/**
 * Marks the signed-in person's notification `id` as read, or all of them without an id. Any signed-in
 * person may do this for their own notifications, so no permission beyond the session is needed.
 */
export async function markNotificationsReadAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getTranslations();
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  const parsed = input.safeParse({ id: formData.get("id") || undefined });
  if (!parsed.success) return { ok: false, message: t("errors.badRequest") };
  await markRead(viewer.userId, parsed.data.id);
  refresh();
  return { ok: true };
}
