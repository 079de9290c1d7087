"use server";

import { signedInAction } from "../actions";
import { addFlashcard, addTheme, reviewFlashcard } from "./flashcards";
import { flashcardAddInput, flashcardReviewInput, flashcardThemeInput } from "./schemas";

// Flashcards belong to any signed-in person, whatever their role; the user's id goes into every query.

export const addFlashcardAction = signedInAction({
  schema: flashcardAddInput,
  handler: ({ viewer, input }) => addFlashcard(viewer.userId, input.entryId),
  success: ({ added }) => ({ key: added ? "learn.flashcards.added" : "learn.flashcards.alreadyAdded" }),
});

export const addThemeAction = signedInAction({
  schema: flashcardThemeInput,
  handler: ({ viewer, input }) => addTheme(viewer.userId, input.theme),
  success: ({ added }) => ({ key: "learn.flashcards.addedTheme", params: { count: added } }),
});

export const reviewFlashcardAction = signedInAction({
  schema: flashcardReviewInput,
  handler: async ({ viewer, input }) => {
    const next = await reviewFlashcard(viewer.userId, input.entryId, input.grade);
    return { dueAt: next.dueAt.toISOString(), intervalDays: next.intervalDays };
  },
  // The session component shows the next card itself; re-rendering the page would only cost time.
  refresh: false,
});
