"use server";

import { actionsOf, discard, redirectTo } from "../actions";
import { deleteDashboard, publishDashboard, saveDashboard, shareDashboard } from "./dashboards";
import { dashboardInput, deleteInput, publishInput, shareInput } from "./schemas";

const compose = actionsOf("dashboards.compose");
const publish = actionsOf("dashboards.publish");

export const saveDashboardAction = compose.scoped(
  dashboardInput,
  async (viewer, scope, input) => {
    const { id } = await saveDashboard(viewer, scope, input);
    if (!input.id) await redirectTo(`/admin/dashboards/${id}/edit`);
  },
  "dashboards.saved",
);

export const shareDashboardAction = compose(shareInput, discard(shareDashboard), "dashboards.shared");

export const publishDashboardAction = publish(publishInput, discard(publishDashboard), "dashboards.publishedSaved");

export const deleteDashboardAction = compose(deleteInput, async (viewer, input) => {
  await deleteDashboard(viewer, input);
  await redirectTo("/admin/dashboards");
});
