import "server-only";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { atom, rss, type Feed } from "./feed";
import { cachedList } from "./cache";

/** The news feed of a locale (official pages, newest first) as RSS or Atom. */
export async function newsFeed(locale: string, format: "rss" | "atom", origin: string): Promise<Response> {
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const t = await getTranslations({ locale, namespace: "publications" });
  const list = await cachedList({ sort: "new", page: 1, section: "official" }, locale);
  const feed: Feed = {
    title: t("news.feedTitle"),
    description: t("news.lead"),
    siteUrl: `${origin}/${locale}/news`,
    feedUrl: `${origin}/${locale}/news/${format}.xml`,
    language: locale,
    items: list.items.map((i) => ({ id: i.id, title: i.title, summary: i.summary, url: `${origin}/${locale}/publications/${i.id}`, publishedAt: new Date(i.publishedAt), updatedAt: new Date(i.publishedAt), author: i.author })),
  };
  return new Response(format === "rss" ? rss(feed) : atom(feed), {
    headers: { "Content-Type": format === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
