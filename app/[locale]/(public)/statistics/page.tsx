import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TerritoryView } from "@/components/statistics/territory-view";
import { cachedTerritoryPage } from "@/lib/databank/cache";
import { orNotFound, yearParam } from "@/lib/databank/page-params";
import { pageMetadata } from "@/lib/seo/metadata";
import { viewParams } from "@/lib/http/view-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/statistics">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "statistics" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/statistics", { title: t("title"), description: ts("statistics") });
}

/** Public statistics of the republic (no sign-in): figures by region, drill-down to districts and schools. */
export default async function StatisticsPage({ params, searchParams }: PageProps<"/[locale]/statistics">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { year } = await viewParams({ params, searchParams });
  const data = await orNotFound(() => cachedTerritoryPage(null, yearParam(year)), notFound);
  return <TerritoryView data={data} locale={locale} />;
}
