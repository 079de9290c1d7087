import "server-only";
/**
 * Sitemaps for search engines: one index (`/sitemap.xml`) naming a sitemap per locale and section
 * (`/sitemaps/<locale>-<section>-<n>.xml`), each with at most 50,000 URLs as the protocol allows; a large
 * section (dictionary entries, organisations) is split into several. Only what an anonymous reader may see:
 * published publications and news, forum threads of categories open to everyone, statistics of territories
 * and organisations, published ratings, dictionary entries. Every URL is absolute on the public origin.
 */
import { prisma } from "../db";
import { locales, type Locale } from "@/i18n/routing";
import { publishedWhere } from "../publications/public";
import { categoryReadWhere, threadReadWhere } from "../forums/access";
import { publicUrl } from "../env";

/** The protocol's limit of URLs in one sitemap. */
export const SITEMAP_LIMIT = 50_000;

export const SECTIONS = [
  "pages",
  "statistics",
  "organizations",
  "ratings",
  "publications",
  "news",
  "dictionary",
  "forums",
] as const;
export type Section = (typeof SECTIONS)[number];

export interface SitemapUrl {
  /** The path after the locale: "" or "/…". */
  path: string;
  lastModified?: Date;
}

/** The portal's fixed public pages (sections, APIs, static content). */
const FIXED_PAGES = [
  "",
  "/statistics",
  "/statistics/completeness",
  "/ratings",
  "/ratings/api",
  "/publications",
  "/news",
  "/dictionary",
  "/dictionary/api",
  "/dictionary/learn",
  "/dictionary/learn/transliterate",
  "/forums",
  "/open-data",
  "/open-data/definitions",
  "/packages/api",
  "/services",
  "/verify",
  "/pages/about",
  "/pages/legal",
  "/pages/help",
];

const NEWS_TYPES = ["NEWS", "ANNOUNCEMENT", "LEGAL_ACT"] as const;
const ADMIN_KINDS = ["MINISTRY", "EDU_DEPT_REGION", "EDU_DEPT_DISTRICT"];

const organizationWhere = { kind: { code: { notIn: ADMIN_KINDS } } };
const publicationWhere = (news: boolean, now: Date) => ({
  ...publishedWhere(now),
  type: news ? { in: [...NEWS_TYPES] } : { notIn: [...NEWS_TYPES] },
});
// Threads an anonymous reader sees (a readable category, not hidden) with at least one visible post.
const threadWhere = () => ({ ...threadReadWhere(null), posts: { some: { status: "VISIBLE" as const } } });

/** How many URLs a section has (the same in every locale). */
export async function sectionSize(section: Section, now = new Date()): Promise<number> {
  switch (section) {
    case "pages":
      return FIXED_PAGES.length;
    case "statistics":
      return prisma.territory.count({ where: { level: { in: ["REGION", "DISTRICT"] } } });
    case "organizations":
      return prisma.organization.count({ where: organizationWhere });
    case "ratings": {
      const [methods, entries] = await Promise.all([ratedMethods(), ratedEntities()]);
      return methods.length + entries.length;
    }
    case "publications":
      return prisma.publication.count({ where: publicationWhere(false, now) });
    case "news":
      return prisma.publication.count({ where: publicationWhere(true, now) });
    case "dictionary":
      return prisma.dictionaryEntry.count();
    case "forums":
      return (await prisma.forumCategory.count({ where: categoryReadWhere(null) })) + (await countThreads());
  }
}

async function countThreads(): Promise<number> {
  return prisma.forumThread.count({ where: threadWhere() });
}

async function ratedMethods() {
  const rows = await prisma.rating.findMany({
    distinct: ["methodId"],
    select: { method: { select: { code: true } }, publishedAt: true },
    orderBy: [{ methodId: "asc" }, { publishedAt: "desc" }],
  });
  return rows.map((r) => ({ code: r.method.code, lastModified: r.publishedAt }));
}

async function ratedEntities() {
  const rows = await prisma.$queryRaw<{ method: string; code: string; published: Date }[]>`
    SELECT m.code AS method, e.code, MAX(r."publishedAt") AS published
    FROM "RatingEntry" e JOIN "Rating" r ON r.id = e."ratingId" JOIN "RatingMethod" m ON m.id = r."methodId"
    GROUP BY m.code, e.code ORDER BY m.code, e.code`;
  return rows.map((r) => ({ method: r.method, code: r.code, lastModified: new Date(r.published) }));
}

/** The URLs of one part (0-based) of a section. */
export async function sectionUrls(
  section: Section,
  part: number,
  now = new Date(),
  limit = SITEMAP_LIMIT,
): Promise<SitemapUrl[]> {
  const skip = part * limit;
  const take = limit;
  switch (section) {
    case "pages":
      return FIXED_PAGES.slice(skip, skip + take).map((path) => ({ path }));
    case "statistics":
      return (
        await prisma.territory.findMany({
          where: { level: { in: ["REGION", "DISTRICT"] } },
          select: { code: true, updatedAt: true },
          orderBy: { code: "asc" },
          skip,
          take,
        })
      ).map((t) => ({ path: `/statistics/${t.code}`, lastModified: t.updatedAt }));
    case "organizations":
      return (
        await prisma.organization.findMany({
          where: organizationWhere,
          select: { bin: true, updatedAt: true },
          orderBy: { bin: "asc" },
          skip,
          take,
        })
      ).map((o) => ({ path: `/statistics/organizations/${o.bin}`, lastModified: o.updatedAt }));
    case "ratings": {
      const [methods, entries] = await Promise.all([ratedMethods(), ratedEntities()]);
      return [
        ...methods.map((m) => ({ path: `/ratings/methods/${m.code}`, lastModified: m.lastModified })),
        ...entries.map((e) => ({ path: `/ratings/${e.method}/${e.code}`, lastModified: e.lastModified })),
      ].slice(skip, skip + take);
    }
    case "publications":
    case "news":
      return (
        await prisma.publication.findMany({
          where: publicationWhere(section === "news", now),
          select: { id: true, updatedAt: true, publishedAt: true },
          orderBy: { id: "asc" },
          skip,
          take,
        })
      ).map((p) => ({ path: `/publications/${p.id}`, lastModified: latest(p.updatedAt, p.publishedAt) }));
    case "dictionary":
      return (
        await prisma.dictionaryEntry.findMany({
          select: { slug: true, updatedAt: true },
          orderBy: { slug: "asc" },
          skip,
          take,
        })
      ).map((e) => ({ path: `/dictionary/${encodeURIComponent(e.slug)}`, lastModified: e.updatedAt }));
    case "forums": {
      const categories = await prisma.forumCategory.findMany({
        where: categoryReadWhere(null),
        select: { slug: true },
        orderBy: { sortOrder: "asc" },
      });
      const fromThreads = Math.max(0, skip - categories.length);
      const threads = await prisma.forumThread.findMany({
        where: threadWhere(),
        select: { id: true, lastPostAt: true },
        orderBy: { id: "asc" },
        skip: fromThreads,
        take: take - Math.max(0, categories.length - skip),
      });
      return [
        ...categories.slice(skip, skip + take).map((c) => ({ path: `/forums/${c.slug}` })),
        ...threads.map((t) => ({ path: `/forums/t/${t.id}`, lastModified: t.lastPostAt })),
      ];
    }
  }
}

function latest(a: Date, b: Date | null): Date {
  return b && b > a ? b : a;
}

/** Name of a sitemap file: `<locale>-<section>-<n>.xml`, n from 1. */
export function sitemapName(locale: Locale, section: Section, part: number): string {
  return `${locale}-${section}-${part + 1}.xml`;
}

/** The locale, section and 0-based part of a sitemap file name; null for anything else. */
export function parseSitemapName(name: string): { locale: Locale; section: Section; part: number } | null {
  const match = /^([a-z]{2})-([a-z]+)-([1-9][0-9]{0,5})\.xml$/.exec(name);
  if (!match) return null;
  const [, locale, section, n] = match;
  if (!(locales as readonly string[]).includes(locale!) || !(SECTIONS as readonly string[]).includes(section!))
    return null;
  return { locale: locale as Locale, section: section as Section, part: Number(n) - 1 };
}

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** The sitemap index: every locale × section × part. */
export async function sitemapIndex(now = new Date(), limit = SITEMAP_LIMIT): Promise<string> {
  const sizes = await Promise.all(SECTIONS.map(async (s) => [s, await sectionSize(s, now)] as const));
  const entries: string[] = [];
  for (const locale of locales)
    for (const [section, size] of sizes) {
      const parts = Math.max(1, Math.ceil(size / limit));
      for (let part = 0; part < parts; part++)
        entries.push(
          `<sitemap><loc>${escapeXml(publicUrl(`/sitemaps/${sitemapName(locale, section, part)}`))}</loc></sitemap>`,
        );
    }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/**
 * One sitemap: the section's URLs in the locale, each with its other languages (xhtml:link hreflang).
 * Null when the part is past the section's end.
 */
export async function sitemapXml(
  locale: Locale,
  section: Section,
  part: number,
  now = new Date(),
  limit = SITEMAP_LIMIT,
): Promise<string | null> {
  const urls = await sectionUrls(section, part, now, limit);
  if (!urls.length && part > 0) return null;
  const body = urls
    .map((u) => {
      const alternates = [...locales.map((l) => [l, l] as const), ["x-default", "kk"] as const]
        .map(
          ([hreflang, l]) =>
            `<xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(publicUrl(`/${l}${u.path}`))}"/>`,
        )
        .join("");
      const lastmod = u.lastModified ? `<lastmod>${u.lastModified.toISOString()}</lastmod>` : "";
      return `<url><loc>${escapeXml(publicUrl(`/${locale}${u.path}`))}</loc>${lastmod}${alternates}</url>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`;
}
