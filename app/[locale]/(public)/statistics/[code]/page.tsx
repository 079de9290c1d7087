import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TerritoryView } from "@/components/statistics/territory-view";
import { cachedTerritoryPage } from "@/lib/databank/cache";
import { orNotFound, yearParam } from "@/lib/databank/page-params";
import { localName } from "@/lib/names";
import { pageMetadata } from "@/lib/seo/metadata";
import { viewParams } from "@/lib/http/view-params";
import { cachedVacancyCounts } from "@/lib/staff/analytics";
import { VacancyCountsTable } from "@/components/staff/analytics";

export async function generateMetadata({
  params,
  searchParams,
}: PageProps<"/[locale]/statistics/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "statistics" });
  const n = await cachedTerritoryPage(code, yearParam((await viewParams({ params, searchParams })).year)).then(
    (data) => data.territory.name,
    () => null,
  );
  if (!n) return { title: t("title") };
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  const name = localName({ nameKk: n.kk, nameRu: n.ru, nameEn: n.en }, locale);
  return pageMetadata(locale, `/statistics/${code}`, {
    title: t("titleOf", { name }),
    description: ts("territory", { name }),
  });
}

/** Public statistics of a region or a district (territory code, KATO-style). */
export default async function TerritoryStatisticsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/statistics/[code]">) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  if (!/^\d{9}$/.test(code)) notFound();
  const { year } = await viewParams({ params, searchParams });
  const data = await orNotFound(() => cachedTerritoryPage(code, yearParam(year)), notFound);
  if (data.territory.level === "REPUBLIC") notFound();
  const vacancies = await cachedVacancyCounts(code);
  return (
    <>
      <TerritoryView data={data} locale={locale} />
      <VacancyCountsTable data={vacancies} locale={locale} />
    </>
  );
}
