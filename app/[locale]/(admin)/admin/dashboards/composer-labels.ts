import { getTranslations } from "next-intl/server";
import type { ComposerLabels } from "@/components/dashboards/composer-client";
import { INDICATORS } from "@/lib/databank/catalogue";
import { yearsWithData } from "@/lib/databank/query";

/** The composer's labels in the reader's language, the catalogue's indicators and the years with data. */
export async function composerProps() {
  const t = await getTranslations("dashboards.composer");
  const td = await getTranslations("databank");
  const labels: ComposerLabels = {
    titleKk: t("titleKk"),
    titleRu: t("titleRu"),
    titleEn: t("titleEn"),
    widgets: t("widgets"),
    noWidgets: t("noWidgets"),
    widgetN: t.raw("widgetN") as string,
    addWidget: t("addWidget"),
    kindLabel: t("kindLabel"),
    kind: { table: t("kind.table"), chart: t("kind.chart"), figure: t("kind.figure"), text: t("kind.text") },
    view: t("view"),
    noViews: t("noViews"),
    chart: t("chart"),
    chartKind: { bar: t("chartKind.bar"), line: t("chartKind.line"), donut: t("chartKind.donut") },
    indicator: t("indicator"),
    year: t("year"),
    latestYear: t("latestYear"),
    width: t("width"),
    widthValue: { "1": t("widthValue.1"), "2": t("widthValue.2"), "3": t("widthValue.3") },
    textKk: t("textKk"),
    textRu: t("textRu"),
    textEn: t("textEn"),
    moveUp: t("moveUp"),
    moveDown: t("moveDown"),
    remove: t("remove"),
    removeConfirm: t("removeConfirm"),
    add: t("add"),
    save: t("save"),
  };
  const indicators = INDICATORS.map((i) => ({ value: i, label: td(`indicator.${i}`) }));
  return { labels, indicators, years: await yearsWithData() };
}
