"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { action } from "../actions";
import { createClassifierItem, updateClassifierItem } from "./classifiers";
import { classifierItemCreate, classifierItemUpdate } from "./schemas";

export const createClassifierItemAction = action({
  permission: "classifiers.manage",
  schema: classifierItemCreate,
  handler: async ({ viewer, input }) => {
    const created = await createClassifierItem(viewer, input);
    redirect({
      href: `/admin/classifiers/${input.classifier}?added=${encodeURIComponent(created.code)}`,
      locale: await getLocale(),
    });
  },
});

export const updateClassifierItemAction = action({
  permission: "classifiers.manage",
  schema: classifierItemUpdate,
  success: "common.state.saved",
  handler: async ({ viewer, input }) => {
    await updateClassifierItem(viewer, input);
  },
});
