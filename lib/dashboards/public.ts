import "server-only";
/**
 * Published dashboards as the public statistics pages show them: read within the dashboard's own territory,
 * small counts hidden, and kept in the shared data cache under the data bank's tag (accepting a report expires
 * it) and the dashboards' tag (saving, publishing or deleting one does).
 */
import type { Locale } from "@/i18n/routing";
import { cached, TAGS } from "../cache";
import type { Scope } from "../auth/scope";
import { publishedDashboard, publishedDashboards } from "./dashboards";
import { readWidgets } from "./widgets";

const options = { tags: [TAGS.databank, TAGS.dashboards], revalidate: 3600 };

/** The scope of a published dashboard: its territory's subtree (the republic's: everything). */
export function territoryScope(path: string): Scope {
  return path.split("/").filter(Boolean).length <= 1
    ? { all: true }
    : { all: false, territoryPaths: [path], organizationIds: [] };
}

/** A published dashboard with its widgets' public figures, or null. */
export async function publicDashboard(id: string, locale: Locale) {
  const dashboard = await publishedDashboard(id);
  if (!dashboard) return null;
  const widgets = await readWidgets(dashboard.widgets, territoryScope(dashboard.territory.path), locale, {
    suppressSmall: true,
  });
  return {
    id: dashboard.id,
    title: { kk: dashboard.titleKk, ru: dashboard.titleRu, en: dashboard.titleEn },
    territory: { kk: dashboard.territory.nameKk, ru: dashboard.territory.nameRu, en: dashboard.territory.nameEn },
    publishedAt: dashboard.publishedAt!.toISOString(),
    widgets,
  };
}
export type PublicDashboard = NonNullable<Awaited<ReturnType<typeof publicDashboard>>>;

export async function publicDashboardList() {
  return (await publishedDashboards()).map((d) => ({
    id: d.id,
    title: { kk: d.titleKk, ru: d.titleRu, en: d.titleEn },
    territory: { kk: d.territory.nameKk, ru: d.territory.nameRu, en: d.territory.nameEn },
  }));
}

export const cachedPublicDashboard = cached(publicDashboard, ["dashboards:public:1"], options);
export const cachedPublicDashboardList = cached(publicDashboardList, ["dashboards:list:1"], options);
