"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { action } from "../actions";
import { createPerson, updatePerson } from "./people";
import { personInput, personUpdate } from "./schemas";

export const createPersonAction = action({
  permission: "registry.person.write",
  schema: personInput,
  handler: async ({ viewer, scope, input }) => {
    const created = await createPerson(viewer, scope, input);
    redirect({ href: `/admin/people/${created.id}?created=1`, locale: await getLocale() });
  },
});

export const updatePersonAction = action({
  permission: "registry.person.write",
  schema: personUpdate,
  success: "common.state.saved",
  handler: async ({ viewer, scope, input }) => {
    await updatePerson(viewer, scope, input);
    // Re-render the record so the form carries the new version for the next save.
  },
});
