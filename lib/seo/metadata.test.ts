import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function load(publicUrl = "https://eiso.example.kz") {
  vi.stubEnv("PUBLIC_URL", publicUrl);
  return import("./metadata");
}

describe("the head of a public page", () => {
  it("has an absolute canonical URL and absolute hreflang alternates on the public origin", async () => {
    const { pageMetadata } = await load();
    const meta = pageMetadata("ru", "/statistics/110000000", { title: "Акмолинская область", description: "Цифры." });
    expect(meta.alternates?.canonical).toBe("https://eiso.example.kz/ru/statistics/110000000");
    expect(meta.alternates?.languages).toEqual({
      kk: "https://eiso.example.kz/kk/statistics/110000000",
      ru: "https://eiso.example.kz/ru/statistics/110000000",
      en: "https://eiso.example.kz/en/statistics/110000000",
      "x-default": "https://eiso.example.kz/kk/statistics/110000000",
    });
    expect(meta.title).toBe("Акмолинская область");
    expect(meta.description).toBe("Цифры.");
    expect(meta.robots).toBeUndefined();
  });

  it("gives articles Open Graph and Twitter cards with the site's name in the page's language", async () => {
    const { pageMetadata } = await load();
    const meta = pageMetadata("kk", "/publications/p1", {
      title: "Сабақ жоспары",
      description: "Жаратылыстану сабағы.",
      article: { publishedTime: "2026-11-02T05:00:00.000Z", authors: ["Айгүл Сейітова"] },
      image: "/api/v1/files/f1",
    });
    expect(meta.openGraph).toMatchObject({
      type: "article",
      url: "https://eiso.example.kz/kk/publications/p1",
      title: "Сабақ жоспары",
      description: "Жаратылыстану сабағы.",
      siteName: "ЕИСО — Бірыңғай білім беру ақпараттық жүйесі",
      locale: "kk_KZ",
      alternateLocale: ["ru_RU", "en_US"],
      publishedTime: "2026-11-02T05:00:00.000Z",
      images: [{ url: "https://eiso.example.kz/api/v1/files/f1" }],
    });
    expect(meta.twitter).toMatchObject({ card: "summary_large_image", title: "Сабақ жоспары" });
  });

  it("cuts a long description at a word and keeps pages for signed-in people out of the index", async () => {
    const { pageMetadata, metaDescription } = await load("http://localhost:3000");
    const long = "сөз ".repeat(80);
    const cut = metaDescription(long);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith("сөз…")).toBe(true);
    const meta = pageMetadata("en", "/diary", { title: "Diary", description: "x", noindex: true });
    expect(meta.robots).toEqual({ index: false, follow: true });
    expect(meta.alternates?.canonical).toBe("http://localhost:3000/en/diary");
  });

  it("reads text out of HTML for a description", async () => {
    const { htmlText } = await load();
    expect(htmlText("<strong>ЕИСО</strong> &amp; білім &#8212; &quot;порталы&quot;")).toBe('ЕИСО & білім — "порталы"');
  });
});
