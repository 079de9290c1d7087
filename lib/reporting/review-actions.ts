"use server";

import { z } from "zod";
import { action, actionsOf, discard } from "../actions";
import type { Viewer } from "../auth/scope";
import type { Submission } from "../generated/prisma/client";
import { closePeriod } from "./review";
import { acceptSubmission, approveSubmission, returnSubmission, startCorrection, undoApproval } from "./workflow";

const idField = z.string().trim().min(1).max(60);
const stepInput = z.object({ submissionId: idField, version: z.coerce.number().int().min(1) });
const reason = z.string().trim().min(1, "reportingWorkflow.reasonRequired").max(2000);

const review = actionsOf("reporting.review");
const accept = actionsOf("reporting.accept");

/** What a workflow step tells the page: the submission's new status and version. */
function step<I>(service: (viewer: Viewer, input: I) => Promise<Submission>) {
  return async (viewer: Viewer, input: I) => {
    const s = await service(viewer, input);
    return { status: s.status, version: s.version };
  };
}

/** The level whose turn it is approves (at the ministry's turn, this is acceptance). */
export const approveSubmissionAction = review(
  stepInput,
  step(approveSubmission),
  "reporting-review.review.done.approved",
);

/**
 * The last level of the submission's process accepts (the ministry in the standard process, the region in
 * a region-only one): a reviewer's permission, the level checked by the service against the process.
 */
export const acceptSubmissionAction = review(
  stepInput,
  step(acceptSubmission),
  "reporting-review.review.done.accepted",
);

export const returnSubmissionAction = review(
  stepInput.extend({ reason }),
  step(returnSubmission),
  "reporting-review.review.done.returned",
);

export const undoStepAction = review(stepInput, step(undoApproval), "reporting-review.review.done.undone");

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

export const closePeriodAction = accept(
  z.object({ periodId: idField }),
  discard(closePeriod),
  "reporting-review.reports.closed",
);
