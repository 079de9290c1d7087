"use server";

import { action } from "../actions";
import { confirmTerm, createAssessment, saveJournal } from "./journal";
import { assessmentCreate, journalKey, journalSaveForm } from "./schemas";

/** A batch of journal cells (marks, attendance, points, lesson texts); all or nothing. */
export const saveJournalAction = action({
  permission: "diary.teach",
  schema: journalSaveForm,
  handler: async ({ viewer, input }) => saveJournal(viewer, input),
});

/** A new СОР or СОЧ column. */
export const createAssessmentAction = action({
  permission: "diary.teach",
  schema: assessmentCreate,
  success: "diary.journal.assessmentAdded",
  handler: async ({ viewer, input }) => createAssessment(viewer, input),
});

/** Confirms the term grades and closes the term for the class and subject. */
export const confirmTermAction = action({
  permission: "diary.teach",
  schema: journalKey,
  success: "diary.journal.confirmed",
  handler: async ({ viewer, input }) => confirmTerm(viewer, input),
});
