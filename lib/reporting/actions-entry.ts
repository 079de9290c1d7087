"use server";

import { action } from "../actions";
import { draftSave } from "./designer-schemas";
import { saveDraft, submitEntry } from "./entry";
import { prefillDraft } from "./prefill";

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
const prefillInput = draftSave.pick({ periodId: true, organizationId: true, version: true });

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

/** Fills the mapped cells of the draft from the personnel registry and the passport. */
export const prefillDraftAction = action({
  permission: "reporting.submit",
  schema: prefillInput,
  success: "reporting.prefill.done",
  handler: async ({ viewer, input }) => {
    const saved = await prefillDraft(viewer, input);
    return {
      version: saved.submission.version,
      savedAt: saved.submission.updatedAt.toISOString(),
      values: saved.values,
      prefill: saved.prefill,
    };
  },
});
