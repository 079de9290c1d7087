"use server";

import { actionsOf, discard, redirectTo } from "../actions";
import { createTerritory, updateTerritory } from "./territories";
import { territoryInput, territoryUpdate } from "./schemas";

const write = actionsOf("registry.territory.write");

export const createTerritoryAction = write.scoped(territoryInput, async (viewer, scope, input) =>
  redirectTo(`/admin/territories/${(await createTerritory(viewer, scope, input)).id}?created=1`),
);

// Re-render the record so the form carries the new version for the next save.
export const updateTerritoryAction = write.scoped(territoryUpdate, discard(updateTerritory), "common.state.saved");
