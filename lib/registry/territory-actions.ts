"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { action } from "../actions";
import { createTerritory, updateTerritory } from "./territories";
import { territoryInput, territoryUpdate } from "./schemas";

export const createTerritoryAction = action({
  permission: "registry.territory.write",
  schema: territoryInput,
  handler: async ({ viewer, scope, input }) => {
    const created = await createTerritory(viewer, scope, input);
    redirect({ href: `/admin/territories/${created.id}?created=1`, locale: await getLocale() });
  },
});

export const updateTerritoryAction = action({
  permission: "registry.territory.write",
  schema: territoryUpdate,
  success: "common.state.saved",
  handler: async ({ viewer, scope, input }) => {
    await updateTerritory(viewer, scope, input);
    // Re-render the record so the form carries the new version for the next save.
  },
});
