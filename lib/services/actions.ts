"use server";

import { action } from "../actions";
import { acceptFirstGrade, answerInformation, applyFirstGrade, refuseApplication, requestInformation, startReview } from "./applications";
import { issueStudyCertificate } from "./certificates";
import { applicationAccept, applicationAnswer, applicationReason, applicationRef, certificateRequest, firstGradeApply } from "./schemas";

/** A parent (or the student) gets a certificate of study at once. */
export const requestCertificateAction = action({
  permission: "services.apply",
  schema: certificateRequest,
  success: (data: { number: string }) => ({ key: "services.my.issued", params: { number: data.number } }),
  handler: async ({ viewer, input }) => issueStudyCertificate(viewer, input),
});

export const applyFirstGradeAction = action({
  permission: "services.apply",
  schema: firstGradeApply,
  success: "services.firstGrade.submitted",
  handler: async ({ viewer, input }) => applyFirstGrade(viewer, input),
});

export const answerInformationAction = action({
  permission: "services.apply",
  schema: applicationAnswer,
  success: "services.my.answered",
  handler: async ({ viewer, input }) => answerInformation(viewer, input),
});

// ───────── staff ─────────

export const startReviewAction = action({
  permission: "services.process",
  schema: applicationRef,
  success: "services.review.started",
  handler: async ({ viewer, input }) => startReview(viewer, input),
});

export const acceptFirstGradeAction = action({
  permission: "services.process",
  schema: applicationAccept,
  success: "services.review.accepted",
  handler: async ({ viewer, input }) => acceptFirstGrade(viewer, input),
});

export const refuseApplicationAction = action({
  permission: "services.process",
  schema: applicationReason,
  success: "services.review.refused",
  handler: async ({ viewer, input }) => refuseApplication(viewer, input),
});

export const requestInformationAction = action({
  permission: "services.process",
  schema: applicationReason,
  success: "services.review.infoRequested",
  handler: async ({ viewer, input }) => requestInformation(viewer, input),
});
