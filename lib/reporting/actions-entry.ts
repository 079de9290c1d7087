"use server";

import { action } from "../actions";
import { draftSave } from "./designer-schemas";
import { saveDraft, submitEntry } from "./entry";

/** Autosave of a report's draft: values and comments with the optimistic version. */
export const saveDraftAction = action({
  permission: "reporting.submit",
  schema: draftSave,
  handler: async ({ viewer, input }) => {
    const saved = await saveDraft(viewer, input);
    return {
      id: saved.submission.id,
      version: saved.submission.version,
      savedAt: saved.submission.updatedAt.toISOString(),
    };
  },
});

const submitInput = draftSave.omit({ values: true });

/** Hands over the report (the page saves its values first). */
export const submitReportAction = action({
  permission: "reporting.submit",
  schema: submitInput,
  success: "reporting.entry.submittedNow",
  handler: async ({ viewer, input }) => {
    const submitted = await submitEntry(viewer, input);
    return {
      version: submitted.version,
      submittedAt: submitted.submittedAt?.toISOString() ?? null,
      late: submitted.late,
    };
  },
});

export type SaveDraftResult = { id: string; version: number; savedAt: string };
export type SubmitResult = { version: number; submittedAt: string | null; late: boolean };
