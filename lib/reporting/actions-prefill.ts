"use server";

import { action } from "../actions";
import { deleteMapping, saveMapping } from "./prefill";
import { mappingDelete, mappingSave } from "./prefill-rules";

/** The ministry adds or replaces the mapping of a form's cell to the registry or the passport. */
export const saveMappingAction = action({
  permission: "reporting.design",
  schema: mappingSave,
  success: "reporting.prefill.admin.saved",
  handler: async ({ viewer, input }) => {
    await saveMapping(viewer, input);
  },
});

export const deleteMappingAction = action({
  permission: "reporting.design",
  schema: mappingDelete,
  success: "reporting.prefill.admin.deleted",
  handler: async ({ viewer, input }) => {
    await deleteMapping(viewer, input);
  },
});
