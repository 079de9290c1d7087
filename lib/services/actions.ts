"use server";

import { actionsOf } from "../actions";
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

const apply = actionsOf("services.apply");
const applyForChild = actionsOf("services.applyForChild");
const staff = actionsOf("services.process");

/** A parent (or the student) gets a certificate of study at once. */
export const requestCertificateAction = apply(certificateRequest, issueStudyCertificate, (data) => ({
  key: "services.my.issued",
  params: { number: data.number },
}));

export const applyFirstGradeAction = applyForChild(firstGradeApply, applyFirstGrade, "services.firstGrade.submitted");

export const applyTransferAction = applyForChild(transferApply, applyTransfer, "services.transfer.submitted");

export const applyPreschoolAction = applyForChild(preschoolApply, applyPreschool, (data) => ({
  key: "services.preschool.submitted",
  params: { position: data.position },
}));

export const answerOfferAction = apply(offerAnswer, answerOffer, "services.preschool.answered");

export const answerInformationAction = apply(applicationAnswer, answerInformation, "services.my.answered");

// ───────── staff ─────────

export const startReviewAction = staff(applicationRef, startReview, "services.review.started");

export const acceptFirstGradeAction = staff(applicationAccept, acceptFirstGrade, "services.review.accepted");

export const refuseApplicationAction = staff(applicationReason, refuseApplication, "services.review.refused");

export const requestInformationAction = staff(applicationReason, requestInformation, "services.review.infoRequested");

export const releaseTransferAction = staff(applicationRef, releaseTransfer, "services.review.released");

export const acceptTransferAction = staff(transferAccept, acceptTransfer, "services.review.transferAccepted");

export const offerPlaceAction = staff(placeOffer, offerPlace, "services.review.offered");
