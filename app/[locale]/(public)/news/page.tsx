import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cachedList } from "@/lib/publications/cache";
import { listQueryFrom } from "@/lib/publications/query";
import { PublicationCard } from "@/components/publications/publication-card";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { PageHeading } from "@/components/ui/page-heading";
import { pageMetadata } from "@/lib/seo/metadata";
import { viewParams } from "@/lib/http/view-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/news">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "publications" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/news", {
    title: t("news.title"),
    description: ts("news"),
    feeds: { "application/rss+xml": `/${locale}/news/rss.xml`, "application/atom+xml": `/${locale}/news/atom.xml` },
  });
}

/** Official information (R21, R24): news, announcements and legal acts, with RSS and Atom feeds per locale. */
export default async function NewsPage({ params, searchParams }: PageProps<"/[locale]/news">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("publications");
  const { query, raw } = listQueryFrom(await viewParams({ params, searchParams }), "official");
  const list = await cachedList(query, locale);
  return (
    <div className="space-y-4">
      <PageHeading title={t("news.title")} lead={t("news.lead")}>
        <p className="flex gap-3 text-sm">
          {/* feeds are route handlers, not pages: plain links */}
          <a href={`/${locale}/news/rss.xml`} data-testid="rss-link">
            {t("news.rss")}
          </a>
          <a href={`/${locale}/news/atom.xml`}>{t("news.atom")}</a>
        </p>
      </PageHeading>
      {list.items.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-slate-600 shadow-sm">{t("news.empty")}</p>
      ) : (
        <ul className="grid gap-3">
          {list.items.map((item) => (
            <PublicationCard key={item.id} item={item} subjects={new Map()} />
          ))}
        </ul>
      )}
      <Pager path="/news" query={raw} page={list.page} pages={list.pages} labels={await pagerLabels()} />
    </div>
  );
}
