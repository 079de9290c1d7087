import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { Link } from "@/i18n/navigation";
import { cachedPublicDashboard } from "@/lib/dashboards/public";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDate } from "@/lib/format";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { PrintButton } from "@/components/ui/print-button-client";

// Rendered on its first request, then kept; expired with the data bank's and the dashboards' tags.
export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

const pick = (text: { kk: string; ru: string; en: string }, locale: string) =>
  locale === "ru" ? text.ru : locale === "en" ? text.en : text.kk;

const read = (id: string, locale: string) =>
  /^[a-z0-9]{1,40}$/i.test(id) ? cachedPublicDashboard(id, locale as Locale) : Promise.resolve(null);

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/statistics/dashboards/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "dashboards.public" });
  const data = await read(id, locale);
  return pageMetadata(locale, `/statistics/dashboards/${id}`, {
    title: data ? pick(data.title, locale) : t("title"),
    description: t("description"),
  });
}

/** A published dashboard for everyone: its territory's figures, small counts hidden. */
export default async function PublicDashboardPage({ params }: PageProps<"/[locale]/statistics/dashboards/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const data = await read(id, locale);
  if (!data) notFound();
  const t = await getTranslations("dashboards");
  return (
    <div className="space-y-4">
      <p className="text-sm print:hidden">
        <Link href="/statistics/dashboards">{t("public.back")}</Link>
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <h1 className="text-2xl font-bold">{pick(data.title, locale)}</h1>
          <p className="text-sm text-slate-600">
            {t("viewer.territory", { name: pick(data.territory, locale) })} ·{" "}
            {t("public.publishedOn", { date: formatDate(new Date(data.publishedAt), locale) })}
          </p>
        </div>
        <div className="ml-auto">
          <PrintButton label={t("viewer.print")} />
        </div>
      </div>
      <DashboardView widgets={data.widgets} locale={locale} />
    </div>
  );
}
