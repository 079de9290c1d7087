"use server";

import { z } from "zod";
import { action } from "../actions";
import { closePeriod } from "./review";
import { acceptSubmission, approveSubmission, returnSubmission, startCorrection, undoApproval } from "./workflow";

const idField = z.string().trim().min(1).max(60);
const step = z.object({ submissionId: idField, version: z.coerce.number().int().min(1) });
const reason = z.string().trim().min(1, "reportingWorkflow.reasonRequired").max(2000);

/** The level whose turn it is approves (at the ministry's turn, this is acceptance). */
export const approveSubmissionAction = action({
  permission: "reporting.review",
  schema: step,
  success: "reporting-review.review.done.approved",
  handler: async ({ viewer, input }) => {
    const s = await approveSubmission(viewer, input);
    return { status: s.status, version: s.version };
  },
});

export const acceptSubmissionAction = action({
  permission: "reporting.accept",
  schema: step,
  success: "reporting-review.review.done.accepted",
  handler: async ({ viewer, input }) => {
    const s = await acceptSubmission(viewer, input);
    return { status: s.status, version: s.version };
  },
});

export const returnSubmissionAction = action({
  permission: "reporting.review",
  schema: step.extend({ reason }),
  success: "reporting-review.review.done.returned",
  handler: async ({ viewer, input }) => {
    const s = await returnSubmission(viewer, input);
    return { status: s.status, version: s.version };
  },
});

export const undoStepAction = action({
  permission: "reporting.review",
  schema: step,
  success: "reporting-review.review.done.undone",
  handler: async ({ viewer, input }) => {
    const s = await undoApproval(viewer, input);
    return { status: s.status, version: s.version };
  },
});

/** A correction of accepted data: the organisation's administrator or the ministry (the service checks). */
export const startCorrectionAction = action({
  permission: "admin.access",
  schema: z.object({ submissionId: idField, reason }),
  success: "reporting-review.review.done.correction",
  handler: async ({ viewer, input }) => {
    const s = await startCorrection(viewer, input);
    return { id: s.id, revision: s.revision };
  },
});

export const closePeriodAction = action({
  permission: "reporting.accept",
  schema: z.object({ periodId: idField }),
  success: "reporting-review.reports.closed",
  handler: async ({ viewer, input }) => {
    await closePeriod(viewer, input);
  },
});
