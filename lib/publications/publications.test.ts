import { describe, expect, it } from "vitest";
import { isPublic, parseGrades, parseKeywords } from "./constants";
import { lineDiff } from "./diff";
import { atom, rss } from "./feed";

describe("publication rules", () => {
  it("parses grades as lists and ranges and refuses nonsense", () => {
    expect(parseGrades("5, 6 7")).toEqual([5, 6, 7]);
    expect(parseGrades("9-11")).toEqual([9, 10, 11]);
    expect(parseGrades("")).toEqual([]);
    expect(parseGrades("12")).toBeNull();
    expect(parseGrades("7-5")).toBeNull();
    expect(parseGrades("a")).toBeNull();
  });

  it("keeps unique keywords", () => {
    expect(parseKeywords("бөлшек, Бөлшек ; алгебра,,")).toEqual(["бөлшек", "алгебра"]);
  });

  it("a scheduled publication is public only once its time has come", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(isPublic("SCHEDULED", new Date("2026-12-01T11:00:00Z"), now)).toBe(false);
    expect(isPublic("SCHEDULED", new Date("2026-12-01T09:00:00Z"), now)).toBe(true);
    expect(isPublic("PUBLISHED", new Date("2026-12-01T09:00:00Z"), now)).toBe(true);
    expect(isPublic("UNPUBLISHED", new Date("2026-12-01T09:00:00Z"), now)).toBe(false);
    expect(isPublic("APPROVED", null, now)).toBe(false);
  });
});

describe("line diff", () => {
  it("marks added, removed and kept lines", () => {
    expect(lineDiff("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { op: "same", text: "a" },
      { op: "del", text: "b" },
      { op: "add", text: "B" },
      { op: "same", text: "c" },
      { op: "add", text: "d" },
    ]);
    expect(lineDiff("same", "same")).toEqual([{ op: "same", text: "same" }]);
  });

  it("shows texts with too many changes as wholly replaced", () => {
    const before = Array.from({ length: 2500 }, (_, i) => `a${i}`);
    const after = Array.from({ length: 2500 }, (_, i) => `b${i}`);
    const diff = lineDiff(before.join("\n"), after.join("\n"));
    expect(diff.slice(0, 2500).every((l) => l.op === "del")).toBe(true);
    expect(diff.slice(2500).map((l) => l.text)).toEqual(after);
  });
});

describe("feeds", () => {
  const feed = {
    title: "Жаңалықтар",
    description: "ЕИСО",
    siteUrl: "https://e.kz/kk/news",
    feedUrl: "https://e.kz/kk/news/rss.xml",
    language: "kk",
    items: [
      {
        id: "1",
        title: "A & <b>",
        summary: "s",
        url: "https://e.kz/kk/publications/1",
        publishedAt: new Date("2026-01-01T00:00:00Z"),
        updatedAt: new Date("2026-01-02T00:00:00Z"),
        author: "Ред",
      },
    ],
  };
  it("escapes text in RSS and Atom", () => {
    expect(rss(feed)).toContain("<title>A &amp; &lt;b&gt;</title>");
    expect(rss(feed)).toContain("<pubDate>Thu, 01 Jan 2026 00:00:00 GMT</pubDate>");
    expect(atom(feed)).toContain("<updated>2026-01-02T00:00:00.000Z</updated>");
    expect(atom(feed)).not.toContain("<b>");
  });
});

describe("the author's form", () => {
  it("reads a datetime-local value as Almaty time", async () => {
    const { parsePublishAt, draftSchema } = await import("./schemas");
    expect(parsePublishAt("2026-12-05T09:30")?.toISOString()).toBe("2026-12-05T04:30:00.000Z");
    expect(parsePublishAt("")).toBeNull();
    const parsed = draftSchema.safeParse({
      type: "LESSON_PLAN",
      language: "kk",
      title: "Сабақ",
      body: "Мәтін",
      grades: "5-6",
      keywords: "a, b",
    });
    expect(parsed.success && parsed.data.grades).toEqual([5, 6]);
    const bad = draftSchema.safeParse({
      type: "LESSON_PLAN",
      language: "kk",
      title: "Сабақ",
      body: "Мәтін",
      grades: "13",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("publications.grades");
    expect(draftSchema.safeParse({ type: "PODCAST", language: "kk", title: "Сабақ", body: "x" }).success).toBe(false);
  });
});
