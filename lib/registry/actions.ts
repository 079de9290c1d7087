"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { action } from "../actions";
import { createOrganization, updateOrganization } from "./organizations";
import { organizationInput, organizationUpdate } from "./schemas";

export const createOrganizationAction = action({
  permission: "registry.organization.write",
  schema: organizationInput,
  handler: async ({ viewer, scope, input }) => {
    const created = await createOrganization(viewer, scope, input);
    redirect({ href: `/admin/organizations/${created.id}?created=1`, locale: await getLocale() });
  },
});

export const updateOrganizationAction = action({
  permission: "registry.organization.write",
  schema: organizationUpdate,
  success: "common.state.saved",
  handler: async ({ viewer, scope, input }) => {
    await updateOrganization(viewer, scope, input);
  },
});
