"use server";

import { action, signedInAction } from "../actions";
import { expire, TAGS } from "../cache";
import { awardCategory, endAppointment, hire, transfer } from "./staff";
import { publishVacancy, withdrawVacancy } from "./vacancies";
import { applyForAttestation, decideAttestation } from "./attestation";
import { createCourse, createProvider, recordCompletion } from "./courses";
import { applyForCourse, completeApplication, decideCourseApplication, markAttendance } from "./applications";
import {
  courseApply,
  courseAttendance,
  courseComplete,
  courseDecide,
  attestationApply,
  attestationDecide,
  completionInput,
  courseInput,
  providerInput,
  awardInput,
  endInput,
  hireInput,
  transferInput,
  vacancyInput,
  vacancyWithdraw,
} from "./schemas";

/** Hires a person (IIN checked) into the viewer's school; with a vacancy, closes it. */
export const hireAction = action({
  permission: "staff.manage",
  schema: hireInput,
  success: "staff.hire.saved",
  handler: async ({ viewer, input }) => {
    const result = await hire(viewer, input);
    if (input.vacancyId) expire(TAGS.vacancies);
    return result;
  },
});

export const endAppointmentAction = action({
  permission: "staff.manage",
  schema: endInput,
  success: "staff.end.saved",
  handler: async ({ viewer, input }) => {
    await endAppointment(viewer, input);
  },
});

export const transferAction = action({
  permission: "staff.manage",
  schema: transferInput,
  success: "staff.transfer.saved",
  handler: async ({ viewer, input }) => {
    await transfer(viewer, input);
  },
});

export const awardCategoryAction = action({
  permission: "staff.manage",
  schema: awardInput,
  success: "staff.award.saved",
  handler: async ({ viewer, input }) => {
    await awardCategory(viewer, input);
  },
});

export const publishVacancyAction = action({
  permission: "staff.manage",
  schema: vacancyInput,
  success: "staff.vacancies.published",
  handler: async ({ viewer, input }) => {
    await publishVacancy(viewer, input);
    expire(TAGS.vacancies);
  },
});

export const withdrawVacancyAction = action({
  permission: "staff.manage",
  schema: vacancyWithdraw,
  success: "staff.vacancies.withdrawn",
  handler: async ({ viewer, input }) => {
    await withdrawVacancy(viewer, input);
    expire(TAGS.vacancies);
  },
});

/** A teacher applies for the next qualification category (their own record; no permission beyond signing in). */
export const applyAttestationAction = signedInAction({
  schema: attestationApply,
  success: "staff.attestation.applied",
  handler: async ({ viewer, input }) => {
    await applyForAttestation(viewer, input);
  },
});

/** The commission of the application's level records its result (awarded with a decision number, or refused). */
export const decideAttestationAction = action({
  permission: "staff.attest",
  schema: attestationDecide,
  success: "staff.attestation.decided",
  handler: async ({ viewer, input }) => {
    await decideAttestation(viewer, input);
  },
});

/** The ministry's and regions' catalogue of providers and courses. */
export const createProviderAction = action({
  permission: "courses.manage",
  schema: providerInput,
  success: "staff.courses.providerSaved",
  handler: async ({ viewer, input }) => {
    await createProvider(viewer, input);
  },
});

export const createCourseAction = action({
  permission: "courses.manage",
  schema: courseInput,
  success: "staff.courses.courseSaved",
  handler: async ({ viewer, input }) => {
    await createCourse(viewer, input);
  },
});

/** A completion recorded by the employee's school admin or the provider's admin: issues the certificate. */
export const recordCompletionAction = action({
  permission: "courses.complete",
  schema: completionInput,
  success: (r: { number: string }) => ({ key: "staff.courses.completed", params: { number: r.number } }),
  handler: async ({ viewer, input }) => {
    const { number } = await recordCompletion(viewer, input);
    return { number };
  },
});

/** A provider's administrator adds a course (with its run: dates, places, audience) to their own provider. */
export const createOwnCourseAction = action({
  permission: "courses.provide",
  schema: courseInput,
  success: "staff.courses.courseSaved",
  handler: async ({ viewer, input }) => {
    await createCourse(viewer, input);
  },
});

/** A teacher applies for a course run (their own record; no permission beyond signing in). */
export const applyCourseAction = signedInAction({
  schema: courseApply,
  success: "staff.applications.applied",
  handler: async ({ viewer, input }) => {
    await applyForCourse(viewer, input);
  },
});

/** The school admin approves or refuses an application of their school's teacher. */
export const decideCourseAction = action({
  permission: "staff.manage",
  schema: courseDecide,
  success: "staff.applications.decidedOk",
  handler: async ({ viewer, input }) => {
    await decideCourseApplication(viewer, input);
  },
});

/** The provider marks the attendance of an approved applicant. */
export const markAttendanceAction = action({
  permission: "courses.provide",
  schema: courseAttendance,
  success: "staff.applications.attendanceSaved",
  handler: async ({ viewer, input }) => {
    await markAttendance(viewer, input);
  },
});

/** The provider completes an applicant who attended: the certificate is issued. */
export const completeApplicationAction = action({
  permission: "courses.provide",
  schema: courseComplete,
  success: (r: { number: string }) => ({ key: "staff.courses.completed", params: { number: r.number } }),
  handler: async ({ viewer, input }) => {
    const { number } = await completeApplication(viewer, input);
    return { number };
  },
});
