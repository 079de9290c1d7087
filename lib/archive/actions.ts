"use server";

import { z } from "zod";
import { action, actionsOf, discard } from "../actions";
import { fileForm, filingInput, settingInput, startBackup, updateSetting } from "./service";

const manage = actionsOf("archive.manage");

/** Starts the export job; the page follows its progress (no page refresh while the export holds the database). */
export const startBackupAction = action({
  permission: "archive.manage",
  schema: z.object({}),
  success: "archive.backups.started",
  refresh: false,
  handler: async ({ viewer }) => startBackup(viewer),
});

export const updateSettingAction = manage(settingInput, discard(updateSetting), "common.state.saved");

export const fileFormAction = manage(filingInput, discard(fileForm), "common.state.saved");
