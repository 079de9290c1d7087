"use server";

import { z } from "zod";
import { action } from "../actions";
import { deleteMapping, saveMapping } from "./prefill";
import { startRegionPrefill } from "./prefill-region";
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

/** A region's administrator (or the ministry) fills every draft of a period of the region in the background. */
export const startRegionPrefillAction = action({
  permission: "reporting.prefillRegion",
  schema: z.object({ periodId: z.string().trim().min(1).max(64), territoryId: z.string().trim().min(1).max(64) }),
  success: "reporting.prefill.region.started",
  handler: async ({ viewer, input }) => {
    await startRegionPrefill(viewer, input);
  },
});
