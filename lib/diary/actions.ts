"use server";

import { actionsOf } from "../actions";
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
  familyThreadStart,
  threadStart,
  timetableSave,
  lessonsGenerate,
  weightsSave,
  yearCreate,
  guardianLink,
} from "./schemas";
import { setWeights } from "./aggregates";
import { generateLessons, saveTimetable } from "./timetable";
import { reply, startFamilyThread, startThread } from "./messages";
import { createAssignment, createClass, createYear, importStudents, linkGuardian, updateTerm } from "./setup";

const teach = actionsOf("diary.teach");
const manage = actionsOf("diary.manage");
const read = actionsOf("diary.read");
const weights = actionsOf("diary.weights");
const family = actionsOf("diary.family");

/** A batch of journal cells (marks, attendance, points, lesson texts); all or nothing. */
export const saveJournalAction = teach(journalSaveForm, saveJournal);

/** A new СОР or СОЧ column. */
export const createAssessmentAction = teach(assessmentCreate, createAssessment, "diary.journal.assessmentAdded");

/** Confirms the term grades and closes the term for the class and subject. */
export const confirmTermAction = teach(journalKey, confirmTerm, "diary.journal.confirmed");

// ───────── school set-up (school administrators) ─────────

export const createYearAction = manage(yearCreate, createYear, "diary.setup.yearCreated");

export const updateTermAction = manage(termUpdate, updateTerm, "diary.setup.saved");

export const createClassAction = manage(classCreate, createClass, "diary.setup.classCreated");

export const createAssignmentAction = manage(assignmentCreate, createAssignment, "diary.setup.assignmentCreated");

export const importStudentsAction = manage(studentImport, importStudents, "diary.setup.imported");

// ───────── teacher–parent messages ─────────

export const startThreadAction = teach(threadStart, startThread, "diary.messages.sent");

export const replyAction = read(threadReply, reply, "diary.messages.sent");

/** A parent writes to the teachers of their child's class. */
export const startFamilyThreadAction = family(familyThreadStart, startFamilyThread, "diary.messages.sent");

// ───────── timetable ─────────

export const saveTimetableAction = manage(timetableSave, saveTimetable, "diary.timetable.saved");

export const generateLessonsAction = manage(lessonsGenerate, generateLessons, "diary.timetable.generated");

// ───────── ministry: term-grade weights ─────────

export const saveWeightsAction = weights(weightsSave, setWeights, "diary.aggregates.weightsSaved");

export const linkGuardianAction = manage(guardianLink, linkGuardian, "diary.setup.guardianLinked");
