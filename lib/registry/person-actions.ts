"use server";

import { actionsOf, discard, redirectTo } from "../actions";
import { createPerson, updatePerson } from "./people";
import { personInput, personUpdate } from "./schemas";

const write = actionsOf("registry.person.write");

export const createPersonAction = write.scoped(personInput, async (viewer, scope, input) =>
  redirectTo(`/admin/people/${(await createPerson(viewer, scope, input)).id}?created=1`),
);

// Re-render the record so the form carries the new version for the next save.
export const updatePersonAction = write.scoped(personUpdate, discard(updatePerson), "common.state.saved");
