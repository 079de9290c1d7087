"use server";

import { action } from "../actions";
import { expire, TAGS } from "../cache";
import { decideChange, saveBudgetLine, saveBuilding, saveProfile } from "./passport";
import { budgetLineSave, buildingSave, changeDecision, profileSave } from "./schemas";

/** Saves a building: a change of capacity or condition waits for the district, others count at once. */
export const saveBuildingAction = action({
  permission: "passport.manage",
  schema: buildingSave,
  success: (r: { status: string }) => ({
    key: r.status === "PENDING" ? "passport.buildings.sentForConfirmation" : "passport.buildings.saved",
  }),
  handler: async ({ viewer, input }) => {
    const result = await saveBuilding(viewer, input);
    expire(TAGS.passport);
    return result;
  },
});

export const saveProfileAction = action({
  permission: "passport.manage",
  schema: profileSave,
  success: "passport.profile.saved",
  handler: async ({ viewer, input }) => {
    await saveProfile(viewer, input);
    expire(TAGS.passport);
    expire(TAGS.databank);
  },
});

export const saveBudgetLineAction = action({
  permission: "passport.manage",
  schema: budgetLineSave,
  success: "passport.budget.sentForConfirmation",
  handler: async ({ viewer, input }) => {
    await saveBudgetLine(viewer, input);
    expire(TAGS.passport);
  },
});

/**
 * The district admin confirms or rejects a pending change of capacity or condition, or a budget line; the
 * passport's figures in the data bank follow (./passport.ts), so its public cache expires too.
 */
export const decideChangeAction = action({
  permission: "passport.confirm",
  schema: changeDecision,
  success: "passport.queue.decided",
  handler: async ({ viewer, input }) => {
    await decideChange(viewer, input);
    expire(TAGS.passport);
    expire(TAGS.databank);
  },
});
