import "server-only";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { publicOrigin } from "@/lib/env";
import { atom, rss, type Feed } from "./feed";
import { cachedList } from "./cache";

/**
 * A feed of a locale, newest first, as RSS or Atom: the news section (official pages) or the methodological
 * publications. Every link is on the public origin (PUBLIC_URL), never the request's host or bind address.
 */
export async function newsFeed(
  locale: string,
  format: "rss" | "atom",
  section: "official" | "methodical" = "official",
): Promise<Response> {
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const t = await getTranslations({ locale, namespace: "publications" });
  const list = await cachedList({ sort: "new", page: 1, section }, locale);
  const origin = publicOrigin();
  const base = section === "official" ? "news" : "publications";
  const feed: Feed = {
    title: section === "official" ? t("news.feedTitle") : t("title"),
    description: section === "official" ? t("news.lead") : t("lead"),
    siteUrl: `${origin}/${locale}/${base}`,
    feedUrl: `${origin}/${locale}/${base}/${format}.xml`,
    language: locale,
    items: list.items.map((i) => ({
      id: i.id,
      title: i.title,
      summary: i.summary,
      url: `${origin}/${locale}/publications/${i.id}`,
      publishedAt: new Date(i.publishedAt),
      updatedAt: new Date(i.publishedAt),
      author: i.author,
    })),
  };
  return new Response(format === "rss" ? rss(feed) : atom(feed), {
    headers: {
      "Content-Type": format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
