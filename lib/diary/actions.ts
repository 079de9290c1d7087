"use server";

import { action } from "../actions";
import { confirmTerm, createAssessment, saveJournal } from "./journal";
import {
  assessmentCreate,
  assignmentCreate,
  classCreate,
  journalKey,
  journalSaveForm,
  studentImport,
  termUpdate,
  threadReply,
  threadStart,
  timetableSave,
  lessonsGenerate,
  weightsSave,
  yearCreate,
  guardianLink,
} from "./schemas";
import { setWeights } from "./aggregates";
import { generateLessons, saveTimetable } from "./timetable";
import { reply, startThread } from "./messages";
import { createAssignment, createClass, createYear, importStudents, linkGuardian, updateTerm } from "./setup";

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

// ───────── school set-up (school administrators) ─────────

export const createYearAction = action({
  permission: "diary.manage",
  schema: yearCreate,
  success: "diary.setup.yearCreated",
  handler: async ({ viewer, input }) => createYear(viewer, input),
});

export const updateTermAction = action({
  permission: "diary.manage",
  schema: termUpdate,
  success: "diary.setup.saved",
  handler: async ({ viewer, input }) => updateTerm(viewer, input),
});

export const createClassAction = action({
  permission: "diary.manage",
  schema: classCreate,
  success: "diary.setup.classCreated",
  handler: async ({ viewer, input }) => createClass(viewer, input),
});

export const createAssignmentAction = action({
  permission: "diary.manage",
  schema: assignmentCreate,
  success: "diary.setup.assignmentCreated",
  handler: async ({ viewer, input }) => createAssignment(viewer, input),
});

export const importStudentsAction = action({
  permission: "diary.manage",
  schema: studentImport,
  success: "diary.setup.imported",
  handler: async ({ viewer, input }) => importStudents(viewer, input),
});

// ───────── teacher–parent messages ─────────

export const startThreadAction = action({
  permission: "diary.teach",
  schema: threadStart,
  success: "diary.messages.sent",
  handler: async ({ viewer, input }) => startThread(viewer, input),
});

export const replyAction = action({
  permission: "diary.read",
  schema: threadReply,
  success: "diary.messages.sent",
  handler: async ({ viewer, input }) => reply(viewer, input),
});

// ───────── timetable ─────────

export const saveTimetableAction = action({
  permission: "diary.manage",
  schema: timetableSave,
  success: "diary.timetable.saved",
  handler: async ({ viewer, input }) => saveTimetable(viewer, input),
});

export const generateLessonsAction = action({
  permission: "diary.manage",
  schema: lessonsGenerate,
  success: "diary.timetable.generated",
  handler: async ({ viewer, input }) => generateLessons(viewer, input),
});

// ───────── ministry: term-grade weights ─────────

export const saveWeightsAction = action({
  permission: "diary.weights",
  schema: weightsSave,
  success: "diary.aggregates.weightsSaved",
  handler: async ({ viewer, input }) => setWeights(viewer, input),
});

export const linkGuardianAction = action({
  permission: "diary.manage",
  schema: guardianLink,
  success: "diary.setup.guardianLinked",
  handler: async ({ viewer, input }) => linkGuardian(viewer, input),
});
