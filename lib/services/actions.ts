"use server";

import { action } from "../actions";
import {
  acceptFirstGrade,
  answerInformation,
  applyFirstGrade,
  refuseApplication,
  requestInformation,
  startReview,
} from "./applications";
import { issueStudyCertificate } from "./certificates";
import { answerOffer, applyPreschool, offerPlace } from "./preschool";
import { acceptTransfer, applyTransfer, releaseTransfer } from "./transfer";
import {
  applicationAccept,
  applicationAnswer,
  applicationReason,
  applicationRef,
  certificateRequest,
  firstGradeApply,
  offerAnswer,
  placeOffer,
  preschoolApply,
  transferAccept,
  transferApply,
} from "./schemas";

/** A parent (or the student) gets a certificate of study at once. */
export const requestCertificateAction = action({
  permission: "services.apply",
  schema: certificateRequest,
  success: (data: { number: string }) => ({ key: "services.my.issued", params: { number: data.number } }),
  handler: async ({ viewer, input }) => issueStudyCertificate(viewer, input),
});

export const applyFirstGradeAction = action({
  permission: "services.applyForChild",
  schema: firstGradeApply,
  success: "services.firstGrade.submitted",
  handler: async ({ viewer, input }) => applyFirstGrade(viewer, input),
});

export const applyTransferAction = action({
  permission: "services.applyForChild",
  schema: transferApply,
  success: "services.transfer.submitted",
  handler: async ({ viewer, input }) => applyTransfer(viewer, input),
});

export const applyPreschoolAction = action({
  permission: "services.applyForChild",
  schema: preschoolApply,
  success: (data: { position: number }) => ({
    key: "services.preschool.submitted",
    params: { position: data.position },
  }),
  handler: async ({ viewer, input }) => applyPreschool(viewer, input),
});

export const answerOfferAction = action({
  permission: "services.apply",
  schema: offerAnswer,
  success: "services.preschool.answered",
  handler: async ({ viewer, input }) => answerOffer(viewer, input),
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

export const releaseTransferAction = action({
  permission: "services.process",
  schema: applicationRef,
  success: "services.review.released",
  handler: async ({ viewer, input }) => releaseTransfer(viewer, input),
});

export const acceptTransferAction = action({
  permission: "services.process",
  schema: transferAccept,
  success: "services.review.transferAccepted",
  handler: async ({ viewer, input }) => acceptTransfer(viewer, input),
});

export const offerPlaceAction = action({
  permission: "services.process",
  schema: placeOffer,
  success: "services.review.offered",
  handler: async ({ viewer, input }) => offerPlace(viewer, input),
});
