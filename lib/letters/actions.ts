"use server";

import { redirect } from "@/i18n/navigation";
import { getLocale } from "next-intl/server";
import { action } from "../actions";
import { changeStatus, registerLetter, updateLetter } from "./letters";
import { letterRegister, letterStatus, letterUpdate } from "./schemas";

/** Registers a letter and opens its card (where the file is attached). */
export const registerLetterAction = action({
  permission: "letters.manage",
  schema: letterRegister,
  refresh: false,
  handler: async ({ viewer, input }) => {
    const created = await registerLetter(viewer, input);
    redirect({ href: `/admin/letters/${created.id}?registered=1`, locale: await getLocale() });
  },
});

export const updateLetterAction = action({
  permission: "letters.manage",
  schema: letterUpdate,
  success: "letters.card.saved",
  handler: async ({ viewer, input }) => updateLetter(viewer, input),
});

export const changeStatusAction = action({
  permission: "letters.manage",
  schema: letterStatus,
  success: "letters.card.statusChanged",
  handler: async ({ viewer, input }) => changeStatus(viewer, input),
});
