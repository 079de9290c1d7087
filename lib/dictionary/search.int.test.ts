import { describe, expect, it } from "vitest";
import { getEntry, themeCounts, themeWords, wordOfTheDay } from "./entries";
import { lookup } from "./search";

const first = async (q: string, options: Parameters<typeof lookup>[0] extends infer O ? Partial<O> : never = {}) =>
  (await lookup({ q, ...options })).hits[0];

describe("lookup on the starter vocabulary", () => {
  it("finds a headword exactly, in Cyrillic, in Latin and with Latin look-alikes inside Cyrillic", async () => {
    for (const q of ["мектеп", "Мектеп", "mektep", "MEKTEP", "мектeп", "мeктeп"]) {
      const hit = await first(q);
      expect(hit, q).toMatchObject({
        slug: "mektep",
        lemma: "мектеп",
        lemmaLatin: "mektep",
        match: "exact",
        partsOfSpeech: ["n"],
      });
      expect(hit!.translations).toEqual({ ru: ["школа"], en: ["school"] });
    }
  });

  it("leads inflected forms to their lemma", async () => {
    for (const [q, lemma] of [
      ["мектептерде", "мектеп"],
      ["mektepterde", "мектеп"],
      ["кітаптарымыз", "кітап"],
      ["баламен", "бала"],
      ["жазды", "жаз"],
      ["үйлерімізде", "үй"],
    ] as const) {
      const result = await lookup({ q });
      expect(result.from, q).toBe("kk");
      expect(result.hits[0], q).toMatchObject({ lemma, match: "lemma" });
    }
  });

  it("puts exact matches first, then headwords that begin with the query", async () => {
    const result = await lookup({ q: "кітап" });
    expect(result.hits.map((h) => [h.lemma, h.match])).toEqual([
      ["кітап", "exact"],
      ["кітапхана", "prefix"],
    ]);
    const prefix = await lookup({ q: "сөз" });
    expect(prefix.hits.map((h) => h.lemma)).toEqual(["сөз", "сөздік"]);
  });

  it("suggests close spellings when the word is not in the dictionary", async () => {
    expect(await first("мектп")).toMatchObject({ lemma: "мектеп", match: "typo" });
    expect(await first("мұғалм")).toMatchObject({ lemma: "мұғалім", match: "typo" });
    expect(await first("кітапхна")).toMatchObject({ lemma: "кітапхана", match: "typo" });
  });

  it("finds Kazakh words by their Russian and English translations", async () => {
    const ru = await lookup({ q: "школа" });
    expect(ru.from).toBe("ru");
    expect(ru.detected).toBe(true);
    expect(ru.hits[0]).toMatchObject({ lemma: "мектеп", match: "reverse", via: "школа" });
    const en = await lookup({ q: "school" });
    expect(en.from).toBe("en");
    expect(en.hits[0]).toMatchObject({ lemma: "мектеп", match: "reverse", via: "school" });
    expect((await lookup({ q: "homework" })).hits[0]).toMatchObject({ lemma: "үй тапсырмасы" });
    expect((await lookup({ q: "задание", from: "ru" })).hits.map((h) => h.lemma)).toContain("үй тапсырмасы");
    expect((await first("scool"))?.lemma).toBe("мектеп");
  });

  it("honours an explicit direction and the translations asked for", async () => {
    const kk = await lookup({ q: "мектеп", from: "kk", to: "en" });
    expect(kk).toMatchObject({ from: "kk", detected: false, to: "en" });
    expect(kk.hits[0]!.translations).toEqual({ ru: [], en: ["school"] });
    const asRussian = await lookup({ q: "мектеп", from: "ru" });
    expect(asRussian.hits.every((h) => h.match === "reverse")).toBe(true);
  });

  it("answers bad input with a hint, never an error", async () => {
    expect(await lookup({ q: "" })).toMatchObject({ hint: "empty", hits: [] });
    expect(await lookup({ q: "   " })).toMatchObject({ hint: "empty", hits: [] });
    expect(await lookup({ q: "!!!" })).toMatchObject({ hint: "empty", hits: [] });
    expect(await lookup({ q: "а".repeat(500) })).toMatchObject({ hint: "tooLong", hits: [] });
    expect(await lookup({ q: "学校" })).toMatchObject({ hint: "unsupportedScript", hits: [] });
    expect(await lookup({ q: "مدرسة" })).toMatchObject({ hint: "unsupportedScript", hits: [] });
    expect(await lookup({ q: "zzqqxx" })).toMatchObject({ hint: "noResults", hits: [] });
    expect(await lookup({ q: "100%_" })).toMatchObject({ hits: [] });
    expect((await lookup({ q: "мектеп", limit: 1 })).hits).toHaveLength(1);
  });
});

describe("entries and learning lists", () => {
  it("shows an entry with senses, examples, related words and phrases", async () => {
    const entry = await getEntry({ slug: "üi" });
    expect(entry).toMatchObject({ lemma: "үй", lemmaLatin: "üi", checked: true, themes: ["city", "family"] });
    expect(entry!.senses[0]).toMatchObject({ partOfSpeech: "n", ru: ["дом"], en: ["house", "home"] });
    expect(entry!.senses[0]!.examples[0]!.kk).toMatch(/үй/);
    expect(entry!.related.map((r) => [r.lemma, r.kind])).toEqual(
      expect.arrayContaining([
        ["үй тапсырмасы", "PHRASE"],
        ["қонақ үй", "PHRASE"],
      ]),
    );
    const jaz = await getEntry({ slug: "jaz" });
    expect(jaz!.senses.map((s) => s.partOfSpeech)).toEqual(["v", "n"]);
    expect(await getEntry({ slug: "no-such-word" })).toBeNull();
  });

  it("builds thematic lists and picks one word a day", async () => {
    const school = await themeWords("school");
    expect(school[0]).toMatchObject({ lemma: "мектеп", ru: ["школа"], en: ["school"] });
    const counts = await themeCounts();
    expect(counts.numbers).toBeGreaterThanOrEqual(20);
    const today = await wordOfTheDay("2026-03-22");
    expect(today).not.toBeNull();
    expect(await wordOfTheDay("2026-03-22")).toEqual(today);
    const days = await Promise.all(
      ["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26"].map((d) => wordOfTheDay(d)),
    );
    expect(new Set([today!.slug, ...days.map((d) => d!.slug)]).size).toBeGreaterThan(1);
  });
});
