import { describe, expect, it } from "vitest";
import { cyrToLat, latToCyr, lemmaCandidates, normalizeText } from "../text";
import { alternativeLanguage, detectLanguage } from "./detect";
import { editDistance } from "./distance";
import { escapeLike, headwordKeys, kazakhForms } from "./query-forms";
import { parseLookupParams, proposeCreateInput } from "./schemas";
import { latinHeadword, slugify, uniqueSlug } from "./slug";
import { GRADES, NEW_CARD, schedule } from "./srs";

describe("detectLanguage", () => {
  it("is certain about Kazakh letters in either script", () => {
    expect(detectLanguage("кітап")).toEqual({ language: "kk", certain: true });
    expect(detectLanguage("Qazaqstan")).toEqual({ language: "kk", certain: false });
    expect(detectLanguage("kıtap")).toEqual({ language: "kk", certain: true });
    expect(detectLanguage("äke")).toEqual({ language: "kk", certain: true });
  });

  it("recognises English by letters Kazakh Latin does not use", () => {
    expect(detectLanguage("window")).toEqual({ language: "en", certain: true });
    expect(detectLanguage("scool")).toEqual({ language: "en", certain: true });
    expect(detectLanguage("café")).toEqual({ language: "en", certain: true });
    // Russian letters prove nothing: Kazakh has Russian loanwords.
    expect(detectLanguage("объяснить")).toEqual({ language: "kk", certain: false });
    expect(detectLanguage("электролиз")).toEqual({ language: "kk", certain: false });
  });

  it("leaves the rest to the lookup", () => {
    expect(detectLanguage("мектеп")).toEqual({ language: "kk", certain: false });
    expect(detectLanguage("школа")).toEqual({ language: "kk", certain: false });
    expect(detectLanguage("school")).toEqual({ language: "kk", certain: false });
    expect(detectLanguage("chai")).toEqual({ language: "kk", certain: false });
    expect(alternativeLanguage("школа")).toBe("ru");
    expect(alternativeLanguage("school")).toBe("en");
  });
});

describe("query forms", () => {
  it("turns Latin, look-alike and inflected input into Kazakh headword keys", () => {
    expect(kazakhForms("mektep")).toEqual(["мектеп"]);
    expect(kazakhForms("qazaq")).toEqual(["қазақ"]);
    expect(kazakhForms("мектeп")).toEqual(["мектеп"]); // Latin e inside Cyrillic
    expect(kazakhForms("kitap").slice(0, 2)).toEqual(["кітап", "китап"]);
    expect(headwordKeys("mektepterde").keys).toContain("мектеп");
    expect(headwordKeys("мектептерде").keys).toContain("мектеп");
    expect(headwordKeys("кітаптарымыз").keys).toContain("кітап");
    expect(headwordKeys("баламен").keys).toContain("бала");
    expect(headwordKeys("жазды").keys).toContain("жаз");
    expect(headwordKeys("мектептерде").keys[0]).toBe("мектептерде");
  });

  it("round-trips words with every special letter through the Latin spelling", () => {
    for (const word of [
      "әже",
      "ғылым",
      "қала",
      "таң",
      "өзен",
      "ұл",
      "һәм",
      "іні",
      "мектеп",
      "сөздік",
      "құлақ",
      "жүрек",
      "бүгін",
    ]) {
      if (word !== "һәм") expect(latToCyr(cyrToLat(word))).toBe(word);
      expect(kazakhForms(cyrToLat(word)).map((f) => f.replace("х", "һ"))).toContain(word);
    }
  });

  it("reads i after a vowel as й as well, since the Latin alphabet writes both alike", () => {
    expect(cyrToLat("үй")).toBe("üi");
    expect(kazakhForms("üi")).toContain("үй");
    expect(kazakhForms("oila")).toContain("ойла");
    expect(kazakhForms("jihaz")).toContain("жиһаз");
    expect(kazakhForms("kıtap")).toEqual(["кітап"]);
  });

  it("reads Latin loanwords as they are spelt in Cyrillic", () => {
    expect(kazakhForms("trilliard")).toContain("триллиард");
    expect(kazakhForms("simpozium")).toContain("симпозиум");
    expect(kazakhForms("ihtiol")).toContain("ихтиол");
    expect(kazakhForms("akklimatizatsiia")).toContain("акклиматизация");
    expect(kazakhForms("psihofiziologiialyq")).toContain("психофизиологиялық");
    expect(kazakhForms("interferentsiia")).toContain("интерференция");
    expect(kazakhForms("mektep")).toEqual(["мектеп"]);
    expect(kazakhForms("qazaq")).toEqual(["қазақ"]);
  });

  it("finds lemmas of forms built on the Latin spelling", () => {
    expect(lemmaCandidates(normalizeText(latToCyr("kıtaptarymyz")))).toContain("кітап");
  });

  it("escapes LIKE wildcards", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});

describe("slugs", () => {
  it("are the Latin spelling, hyphenated", () => {
    expect(slugify("мектеп")).toBe("mektep");
    expect(slugify("Үй тапсырмасы")).toBe("üi-tapsyrmasy");
    expect(slugify("ата-ана")).toBe("ata-ana");
    expect(slugify("сәлеметсіз бе?")).toBe("sälemetsız-be");
    expect(slugify("!!!")).toBe("entry");
    expect(latinHeadword("Қазақ")).toBe("Qazaq");
  });

  it("are unique and avoid the dictionary's own page names", () => {
    const taken = new Set(["it", "it-2"]);
    expect(uniqueSlug("it", (s) => taken.has(s))).toBe("it-3");
    expect(uniqueSlug("api", () => false)).toBe("api-2");
    expect(uniqueSlug("learn", () => false)).toBe("learn-2");
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and transpositions", () => {
    expect(editDistance("мектеп", "мектеп")).toBe(0);
    expect(editDistance("мектп", "мектеп")).toBe(1);
    expect(editDistance("мкетеп", "мектеп")).toBe(1);
    expect(editDistance("мектап", "мектеп")).toBe(1);
    expect(editDistance("school", "scool")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("spaced repetition", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  const days = (d: Date) => Math.round((d.getTime() - now.getTime()) / 86_400_000);

  it("makes intervals grow while the answers are right", () => {
    let card = { ...NEW_CARD };
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      const next = schedule(card, "good", now);
      intervals.push(days(next.dueAt));
      card = next;
    }
    expect(intervals[0]).toBe(1);
    expect(intervals[1]).toBe(3);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
  });

  it("brings a forgotten card back soon and makes it harder", () => {
    const learned = schedule(schedule(schedule(NEW_CARD, "good", now), "good", now), "good", now);
    const forgotten = schedule(learned, "again", now);
    expect(forgotten.repetitions).toBe(0);
    expect(forgotten.lapses).toBe(1);
    expect(forgotten.ease).toBeLessThan(learned.ease);
    expect(forgotten.dueAt.getTime() - now.getTime()).toBe(10 * 60_000);
  });

  it("orders the four answers by the interval they give", () => {
    const base = schedule(schedule(NEW_CARD, "good", now), "good", now);
    const next = GRADES.map((g) => schedule(base, g, now).dueAt.getTime());
    for (let i = 1; i < next.length; i++) expect(next[i]!).toBeGreaterThan(next[i - 1]!);
    expect(schedule(NEW_CARD, "easy", now).intervalDays).toBe(4);
    expect(schedule({ ...base, intervalDays: 300, repetitions: 9 }, "easy", now).intervalDays).toBe(365);
  });
});

describe("parseLookupParams", () => {
  const parse = (q: string) => parseLookupParams(new URLSearchParams(q));

  it("accepts the documented parameters", () => {
    expect(parse("q=mektep&from=kk&to=ru&limit=5")).toEqual({
      ok: true,
      value: { q: "mektep", from: "kk", to: "ru", limit: 5 },
    });
    expect(parse("q=school")).toEqual({
      ok: true,
      value: { q: "school", from: "auto", to: undefined, limit: undefined },
    });
    expect(parse("from=EN&to=kk")).toEqual({ ok: true, value: { q: "", from: "en", to: "kk", limit: undefined } });
  });

  it("names the bad parameter", () => {
    expect(parse("q=x&from=de")).toEqual({ ok: false, error: "from" });
    expect(parse("q=x&to=fr")).toEqual({ ok: false, error: "to" });
    expect(parse("q=x&from=ru&to=en")).toEqual({ ok: false, error: "direction" });
    expect(parse("q=x&from=kk&to=kk")).toEqual({ ok: false, error: "direction" });
    expect(parse("q=x&limit=0")).toEqual({ ok: false, error: "limit" });
    expect(parse("q=x&limit=51")).toEqual({ ok: false, error: "limit" });
    expect(parse("q=x&limit=abc")).toEqual({ ok: false, error: "limit" });
  });
});

describe("entry drafts", () => {
  const draft = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      lemma: "сөзжұмбақ",
      themes: ["school"],
      senses: [{ partOfSpeech: "n", gloss: "", ru: ["кроссворд"], en: [], examples: [] }],
      related: [],
      ...overrides,
    });

  it("parses the editor's JSON", () => {
    const parsed = proposeCreateInput.safeParse({ draft: draft(), comment: "" });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.draft.senses[0]).toEqual({
      partOfSpeech: "n",
      gloss: null,
      ru: ["кроссворд"],
      en: [],
      examples: [],
    });
    expect(parsed.data?.comment).toBeNull();
  });

  it("reports problems at their place in the draft", () => {
    const paths = (input: Record<string, unknown>) =>
      proposeCreateInput.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(paths({ draft: draft({ lemma: "school" }) })).toEqual(["draft.lemma"]);
    expect(
      paths({ draft: draft({ senses: [{ partOfSpeech: "n", gloss: "", ru: [], en: [], examples: [] }] }) }),
    ).toEqual(["draft.senses.0.ru"]);
    expect(paths({ draft: draft({ senses: [] }) })).toEqual(["draft.senses"]);
    expect(paths({ draft: draft({ themes: ["sport"] }) })).toEqual(["draft.themes.0"]);
    expect(paths({ draft: "{not json" })).toEqual(["draft"]);
  });
});
