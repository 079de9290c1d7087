import { getTranslations } from "next-intl/server";
import type { PagerLabels } from "./pager";

/** The pager's text in the request's locale (placeholders stay for the pager to fill). */
export async function pagerLabels(): Promise<PagerLabels> {
  const t = await getTranslations("common.pagination");
  return {
    label: t("label"),
    previous: t("previous"),
    next: t("next"),
    page: t.raw("page") as string,
    total: t.raw("total") as string,
  };
}
