"use server";

import { z } from "zod";
import { action } from "../actions";
import { fileForm, filingInput, settingInput, startBackup, updateSetting } from "./service";

/** Starts the export job; the page follows its progress (no page refresh while the export holds the database). */
export const startBackupAction = action({
  permission: "archive.manage",
  schema: z.object({}),
  success: "archive.backups.started",
  refresh: false,
  handler: async ({ viewer }) => startBackup(viewer),
});

export const updateSettingAction = action({
  permission: "archive.manage",
  schema: settingInput,
  success: "common.state.saved",
  handler: async ({ viewer, input }) => {
    await updateSetting(viewer, input);
  },
});

export const fileFormAction = action({
  permission: "archive.manage",
  schema: filingInput,
  success: "common.state.saved",
  handler: async ({ viewer, input }) => {
    await fileForm(viewer, input);
  },
});
