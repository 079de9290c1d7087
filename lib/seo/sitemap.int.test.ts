import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { parseSitemapName, sectionSize, sectionUrls, sitemapIndex, sitemapXml, SECTIONS } from "./sitemap";

vi.mock("server-only", () => ({}));

const origin = "http://localhost:3000";
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describe("the sitemaps", () => {
  it("has an index naming a sitemap per locale and section, each URL absolute", async () => {
    const index = await sitemapIndex();
    const names = locs(index);
    for (const locale of ["kk", "ru", "en"])
      for (const section of SECTIONS) expect(names).toContain(`${origin}/sitemaps/${locale}-${section}-1.xml`);
    for (const name of names) expect(parseSitemapName(name.split("/").at(-1)!)).not.toBeNull();
  });

  it("splits a large section into parts of at most the limit, covering every URL once", async () => {
    const size = await sectionSize("dictionary");
    expect(size).toBeGreaterThan(6);
    const limit = Math.ceil(size / 3);
    const index = locs(await sitemapIndex(new Date(), limit));
    expect(index.filter((u) => u.includes("/kk-dictionary-"))).toHaveLength(3);
    const seen: string[] = [];
    for (let part = 0; part < 3; part++) {
      const urls = await sectionUrls("dictionary", part, new Date(), limit);
      expect(urls.length).toBeLessThanOrEqual(limit);
      seen.push(...urls.map((u) => u.path));
    }
    expect(new Set(seen).size).toBe(size);
    expect(await sitemapXml("kk", "dictionary", 3, new Date(), limit)).toBeNull();
  });

  it("lists a locale's public pages with their other languages, and nothing that is not public", async () => {
    const author = await prisma.user.findFirstOrThrow();
    const publication = (status: "PUBLISHED" | "DRAFT", type: "LESSON_PLAN" | "NEWS") =>
      prisma.publication.create({
        data: {
          type,
          status,
          language: "kk",
          title: `${type} ${status}`,
          body: "Мәтін",
          html: "<p>Мәтін</p>",
          authorId: author.id,
          publishedAt: status === "PUBLISHED" ? new Date(Date.now() - 86_400_000) : null,
        },
      });
    const published = await publication("PUBLISHED", "LESSON_PLAN");
    const news = await publication("PUBLISHED", "NEWS");
    await publication("DRAFT", "LESSON_PLAN");
    const xml = (await sitemapXml("ru", "publications", 0))!;
    expect(locs(xml)).not.toContain(`${origin}/ru/publications/${news.id}`);
    expect(locs((await sitemapXml("ru", "news", 0))!)).toContain(`${origin}/ru/publications/${news.id}`);
    expect(locs(xml)).toContain(`${origin}/ru/publications/${published.id}`);
    expect(xml).toContain(`hreflang="kk" href="${origin}/kk/publications/${published.id}"`);
    expect(xml).toContain(`hreflang="x-default" href="${origin}/kk/publications/${published.id}"`);
    const drafts = await prisma.publication.findMany({ where: { status: "DRAFT" }, select: { id: true } });
    for (const d of drafts) expect(xml).not.toContain(d.id);

    const forums = (await sitemapXml("kk", "forums", 0))!;
    const restricted = await prisma.forumThread.findMany({
      where: { OR: [{ hidden: true }, { category: { readRoles: { isEmpty: false } } }] },
      select: { id: true },
    });
    expect(restricted.length).toBeGreaterThan(0);
    for (const t of restricted) expect(forums).not.toContain(t.id);
    const open = await prisma.forumThread.findFirstOrThrow({
      where: { hidden: false, category: { readRoles: { isEmpty: true } }, posts: { some: { status: "VISIBLE" } } },
    });
    expect(locs(forums)).toContain(`${origin}/kk/forums/t/${open.id}`);

    const stats = locs((await sitemapXml("en", "statistics", 0))!);
    const region = await prisma.territory.findFirstOrThrow({ where: { level: "REGION" } });
    expect(stats).toContain(`${origin}/en/statistics/${region.code}`);
    expect(locs((await sitemapXml("kk", "pages", 0))!)).toContain(`${origin}/kk`);
  });

  it("knows only its own file names", () => {
    expect(parseSitemapName("kk-news-1.xml")).toEqual({ locale: "kk", section: "news", part: 0 });
    for (const bad of ["de-news-1.xml", "kk-secrets-1.xml", "kk-news-0.xml", "kk-news-1.txt", "../x.xml"])
      expect(parseSitemapName(bad)).toBeNull();
  });
});
