/**
 * The head of every public page for search engines and link previews: a specific title and description,
 * the canonical URL and absolute hreflang alternates of the page in each language (x-default: Kazakh, the
 * default), Open Graph and Twitter cards. Every URL is absolute on the public origin (PUBLIC_URL).
 *
 * Pure apart from reading the environment; it never reads the request, so a static page stays static
 * (its URLs are those of the PUBLIC_URL the build ran with).
 */
import type { Metadata } from "next";
import { locales, routing } from "@/i18n/routing";
import { loadMessages } from "@/i18n/messages";
import { publicUrl } from "../env";

/** Open Graph locale names of the portal's languages. */
export const OG_LOCALE: Record<string, string> = { kk: "kk_KZ", ru: "ru_RU", en: "en_US" };

export interface PageSeo {
  /** The page's own title (the layout adds " — <site name>"), or `{ absolute }` for the whole title. */
  title: string | { absolute: string };
  /** One or two sentences on what the page holds, in the page's language. */
  description: string;
  /** An article (publication, news item, dictionary entry) rather than a website page. */
  article?: { publishedTime?: string; modifiedTime?: string; authors?: string[]; section?: string };
  /** An image for link previews: an absolute URL or a path on the portal. */
  image?: string;
  /** Feeds of the page (MIME type → path or URL), linked as alternates. */
  feeds?: Record<string, string>;
  /** Pages for signed-in people: kept out of search results (robots.txt disallows most of them too). */
  noindex?: boolean;
}

/** `path` is the page's path after the locale: "" for the home page, otherwise "/…" (no query). */
export function localizedUrl(locale: string, path: string): string {
  return publicUrl(`/${locale}${path}`);
}

/** The canonical URL and the page in every language, absolute. */
export function alternatesOf(locale: string, path: string): NonNullable<Metadata["alternates"]> {
  return {
    canonical: localizedUrl(locale, path),
    languages: {
      ...Object.fromEntries(locales.map((l) => [l, localizedUrl(l, path)])),
      "x-default": localizedUrl(routing.defaultLocale, path),
    },
  };
}

/** Description text for a meta tag: one line, at most about 160 characters, cut at a word. */
export function metaDescription(text: string, max = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}

function siteName(locale: string): string {
  const common = loadMessages(locale).common as { siteName: string; siteFullName: string };
  return `${common.siteName} — ${common.siteFullName}`;
}

/** Text of an HTML fragment (rendered Markdown): tags dropped, the common entities decoded. */
export function htmlText(html: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (named[e.toLowerCase()] ?? m),
    );
}

export function pageMetadata(locale: string, path: string, seo: PageSeo): Metadata {
  const url = localizedUrl(locale, path);
  const title = typeof seo.title === "string" ? seo.title : seo.title.absolute;
  const absolute = (u: string) => (/^https?:\/\//.test(u) ? u : publicUrl(u));
  const description = metaDescription(seo.description);
  const image = seo.image ? absolute(seo.image) : undefined;
  const common = {
    url,
    title,
    description,
    siteName: siteName(locale),
    locale: OG_LOCALE[locale] ?? locale,
    alternateLocale: locales.filter((l) => l !== locale).map((l) => OG_LOCALE[l]!),
    ...(image ? { images: [{ url: image }] } : {}),
  };
  return {
    title: seo.title,
    description,
    alternates: {
      ...alternatesOf(locale, path),
      ...(seo.feeds
        ? { types: Object.fromEntries(Object.entries(seo.feeds).map(([type, u]) => [type, absolute(u)])) }
        : {}),
    },
    openGraph: seo.article
      ? {
          ...common,
          type: "article",
          publishedTime: seo.article.publishedTime,
          modifiedTime: seo.article.modifiedTime,
          authors: seo.article.authors,
          section: seo.article.section,
        }
      : { ...common, type: "website" },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title,
      description,
      ...(image ? { images: [image] } : {}),
    },
    ...(seo.noindex ? { robots: { index: false, follow: true } } : {}),
  };
}
