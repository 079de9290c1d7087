import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TerritoryView } from "@/components/statistics/territory-view";
import { cachedTerritoryPage } from "@/lib/databank/cache";
import { orNotFound, yearParam } from "@/lib/databank/page-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/statistics">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "statistics" });
  return { title: t("title") };
}

/** Public statistics of the republic (no sign-in): figures by region, drill-down to districts and schools. */
export default async function StatisticsPage({ params, searchParams }: PageProps<"/[locale]/statistics">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { year } = await searchParams;
  const data = await orNotFound(() => cachedTerritoryPage(null, yearParam(year)), notFound);
  return <TerritoryView data={data} locale={locale} />;
}
