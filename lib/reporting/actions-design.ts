"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { action } from "../actions";
import { locales } from "@/i18n/routing";
import {
  createForm,
  createFormList,
  newFormVersion,
  publishFormList,
  saveDefinition,
  starterDefinition,
  updateForm,
  updateFormList,
} from "./forms";
import { createPeriod, deletePeriod } from "./periods";
import {
  definitionSave,
  formCreate,
  formListInput,
  formListPublish,
  formListUpdate,
  formUpdate,
  newVersionInput,
  periodDelete,
  periodInput,
} from "./designer-schemas";

export const createFormListAction = action({
  permission: "reporting.design",
  schema: formListInput,
  handler: async ({ viewer, input }) => {
    const created = await createFormList(viewer, input);
    redirect({ href: `/admin/reporting/lists/${created.id}`, locale: await getLocale() });
  },
});

export const updateFormListAction = action({
  permission: "reporting.design",
  schema: formListUpdate,
  success: "common.state.saved",
  handler: async ({ viewer, input }) => {
    await updateFormList(viewer, input);
  },
});

export const publishFormListAction = action({
  permission: "reporting.design",
  schema: formListPublish,
  success: "reporting.lists.published",
  handler: async ({ viewer, input }) => {
    await publishFormList(viewer, input);
  },
});

/** Labels of the starter structure of a new form, in every language. */
async function starterLabels() {
  const out = { section: { kk: "", ru: "", en: "" }, field: { kk: "", ru: "", en: "" } };
  for (const locale of locales) {
    const t = await getTranslations({ locale, namespace: "reporting" });
    out.section[locale] = t("designer.starterSection");
    out.field[locale] = t("designer.starterField");
  }
  return out;
}

export const createFormAction = action({
  permission: "reporting.design",
  schema: formCreate,
  handler: async ({ viewer, input }) => {
    const created = await createForm(viewer, input, starterDefinition(await starterLabels()));
    redirect({ href: `/admin/reporting/forms/${created.id}`, locale: await getLocale() });
  },
});

export const updateFormAction = action({
  permission: "reporting.design",
  schema: formUpdate,
  success: "common.state.saved",
  handler: async ({ viewer, input }) => {
    await updateForm(viewer, input);
  },
});

/** Saves a form version's structure; field errors come back at designer paths (`sections.0.key`). */
export const saveDefinitionAction = action({
  permission: "reporting.design",
  schema: definitionSave,
  success: "common.state.saved",
  handler: async ({ viewer, input }) => {
    const saved = await saveDefinition(viewer, input);
    return { formVersion: saved.formVersion };
  },
});

export const newVersionAction = action({
  permission: "reporting.design",
  schema: newVersionInput,
  success: "reporting.designer.versionCreated",
  handler: async ({ viewer, input }) => {
    const created = await newFormVersion(viewer, input);
    return { number: created.number };
  },
});

export const createPeriodAction = action({
  permission: "reporting.design",
  schema: periodInput,
  success: "reporting.periods.created",
  handler: async ({ viewer, input }) => {
    await createPeriod(viewer, input);
  },
});

export const deletePeriodAction = action({
  permission: "reporting.design",
  schema: periodDelete,
  success: "reporting.periods.deleted",
  handler: async ({ viewer, input }) => {
    await deletePeriod(viewer, input.id);
  },
});
