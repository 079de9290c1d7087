"use server";

import { z } from "zod";
import { action } from "../actions";
import { fileForm, filingInput, settingInput, startBackup, updateSetting } from "./service";

export const startBackupAction = action({
  permission: "archive.manage",
  schema: z.object({}),
  success: "archive.backups.done",
  handler: async ({ viewer }) => {
    const b = await startBackup(viewer);
    if (b.status !== "DONE") throw new Error(b.error ?? "backup failed");
  },
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
