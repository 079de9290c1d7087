import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { cachedPublicDashboardList } from "@/lib/dashboards/public";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

const pick = (text: { kk: string; ru: string; en: string }, locale: string) =>
  locale === "ru" ? text.ru : locale === "en" ? text.en : text.kk;

export async function generateMetadata({ params }: PageProps<"/[locale]/statistics/dashboards">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboards.public" });
  return pageMetadata(locale, "/statistics/dashboards", { title: t("title"), description: t("description") });
}

/** Dashboards published by the ministry and the regions (read from the data cache). */
export default async function PublicDashboardsPage({ params }: PageProps<"/[locale]/statistics/dashboards">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("dashboards.public");
  const list = await cachedPublicDashboardList();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("description")}</p>
      {list.length === 0 ? (
        <p className="text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-2" data-testid="public-dashboards">
          {list.map((d) => (
            <li key={d.id} className="rounded-lg bg-white p-3 shadow-sm">
              <Link href={`/statistics/dashboards/${d.id}`} className="font-medium">
                {pick(d.title, locale)}
              </Link>
              <span className="ml-2 text-sm text-slate-600">{pick(d.territory, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
