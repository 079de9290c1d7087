"use server";

import { action } from "../actions";
import { saveView, viewInput } from "./views";

/** Saves the pivot on screen as a named view (its link can be shared with other staff). */
export const saveViewAction = action({
  permission: "databank.pivot",
  schema: viewInput,
  success: "databank.pivot.saved",
  handler: async ({ viewer, input }) => saveView(viewer, input),
});
