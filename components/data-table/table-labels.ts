import { getTranslations } from "next-intl/server";
import type { TableLabels } from "./types";

/** The table's UI text in the request's locale (placeholders stay for the client to fill). */
export async function tableLabels(empty?: string): Promise<TableLabels> {
  const t = await getTranslations("common");
  return {
    empty: empty ?? t("state.empty"),
    label: t("pagination.label"),
    previous: t("pagination.previous"),
    next: t("pagination.next"),
    page: t.raw("pagination.page") as string,
    total: t.raw("pagination.total") as string,
    pageSize: t("pagination.pageSize"),
    sortAscending: t("table.sortAscending"),
    sortDescending: t("table.sortDescending"),
  };
}
