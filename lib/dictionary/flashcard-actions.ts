"use server";

import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionResult } from "../actions";
import { errorFromUnknown } from "../actions/prisma-errors";
import { getViewer } from "../auth/viewer";
import { addFlashcard, addTheme, removeFlashcard, reviewFlashcard } from "./flashcards";
import { flashcardAddInput, flashcardReviewInput, flashcardThemeInput } from "./schemas";

/**
 * Flashcards belong to any signed-in person, whatever their role, so these actions check the session
 * rather than a permission; the user's id goes into every query.
 */
function signedInAction<S extends z.ZodType, T>(schema: S, handler: (userId: string, input: z.output<S>) => Promise<{ data: T; message?: string; params?: Record<string, number> }>) {
  return async (_previous: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const t = await getTranslations();
    try {
      const viewer = await getViewer();
      if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
      const parsed = schema.safeParse(Object.fromEntries([...formData.entries()].filter(([k, v]) => !k.startsWith("$ACTION") && typeof v === "string")));
      if (!parsed.success) return { ok: false, message: t("errors.badRequest") };
      const { data, message, params } = await handler(viewer.userId, parsed.data);
      return { ok: true, data, message: message ? t(message, params) : undefined };
    } catch (error) {
      const appError = errorFromUnknown(error);
      return { ok: false, message: t(`errors.${appError.code}`, appError.params) };
    }
  };
}

export const addFlashcardAction = signedInAction(flashcardAddInput, async (userId, input) => {
  const { added } = await addFlashcard(userId, input.entryId);
  return { data: { added }, message: added ? "learn.flashcards.added" : "learn.flashcards.alreadyAdded" };
});

export const addThemeAction = signedInAction(flashcardThemeInput, async (userId, input) => {
  const { added } = await addTheme(userId, input.theme);
  return { data: { added }, message: "learn.flashcards.addedTheme", params: { count: added } };
});

export const reviewFlashcardAction = signedInAction(flashcardReviewInput, async (userId, input) => {
  const next = await reviewFlashcard(userId, input.entryId, input.grade);
  return { data: { dueAt: next.dueAt.toISOString(), intervalDays: next.intervalDays } };
});

export const removeFlashcardAction = signedInAction(flashcardAddInput, async (userId, input) => {
  await removeFlashcard(userId, input.entryId);
  return { data: null, message: "learn.flashcards.removed" };
});
