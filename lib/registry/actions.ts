"use server";

import { actionsOf, discard, redirectTo } from "../actions";
import { createOrganization, updateOrganization } from "./organizations";
import { organizationInput, organizationUpdate } from "./schemas";

const write = actionsOf("registry.organization.write");

export const createOrganizationAction = write.scoped(organizationInput, async (viewer, scope, input) =>
  redirectTo(`/admin/organizations/${(await createOrganization(viewer, scope, input)).id}?created=1`),
);

export const updateOrganizationAction = write.scoped(
  organizationUpdate,
  discard(updateOrganization),
  "common.state.saved",
);
