"use server";

import { getTranslations } from "next-intl/server";
import { actionsOf, discard, redirectTo } from "../actions";
import type { Viewer } from "../auth/scope";
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

const design = actionsOf("reporting.design");

export const createFormListAction = design(formListInput, async (viewer, input) =>
  redirectTo(`/admin/reporting/lists/${(await createFormList(viewer, input)).id}`),
);

export const updateFormListAction = design(formListUpdate, discard(updateFormList), "common.state.saved");

export const publishFormListAction = design(formListPublish, discard(publishFormList), "reporting.lists.published");

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

export const createFormAction = design(formCreate, async (viewer, input) => {
  const created = await createForm(viewer, input, starterDefinition(await starterLabels()));
  return redirectTo(`/admin/reporting/forms/${created.id}`);
});

export const updateFormAction = design(formUpdate, discard(updateForm), "common.state.saved");

/** Saves a form version's structure; field errors come back at designer paths (`sections.0.key`). */
export const saveDefinitionAction = design(
  definitionSave,
  async (viewer, input) => ({ formVersion: (await saveDefinition(viewer, input)).formVersion }),
  "common.state.saved",
);

export const newVersionAction = design(
  newVersionInput,
  async (viewer, input) => ({ number: (await newFormVersion(viewer, input)).number }),
  "reporting.designer.versionCreated",
);

export const createPeriodAction = design(periodInput, discard(createPeriod), "reporting.periods.created");

export const deletePeriodAction = design(
  periodDelete,
  discard((viewer: Viewer, input: { id: string }) => deletePeriod(viewer, input.id)),
  "reporting.periods.deleted",
);
