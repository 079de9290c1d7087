import { describe, expect, it } from "vitest";
import { isPartOfSpeech, isTheme, THEMES } from "@/lib/dictionary/constants";
import { normalizeText } from "@/lib/text";
import { RELATIONS, WORDS } from "./dictionary";

describe("starter vocabulary", () => {
  it("has 100–200 distinct Kazakh headwords", () => {
    expect(WORDS.length).toBeGreaterThanOrEqual(100);
    expect(WORDS.length).toBeLessThanOrEqual(200);
    const keys = WORDS.map(([lemma]) => normalizeText(lemma));
    expect(new Set(keys).size).toBe(keys.length);
    for (const [lemma] of WORDS) expect(lemma).toMatch(/^[\p{Script=Cyrillic} -]+$/u);
  });

  it("gives every sense a part of speech and Russian and English translations", () => {
    for (const [lemma, themes, senses, examples] of WORDS) {
      expect(senses.length, lemma).toBeGreaterThan(0);
      for (const [pos, ru, en] of senses) {
        expect(isPartOfSpeech(pos), `${lemma}: ${pos}`).toBe(true);
        expect(ru.trim(), lemma).not.toBe("");
        expect(en.trim(), lemma).not.toBe("");
      }
      for (const theme of themes.split(" ")) expect(isTheme(theme), `${lemma}: ${theme}`).toBe(true);
      for (const example of examples ?? [])
        expect(
          example.every((s) => s.trim().length > 0),
          lemma,
        ).toBe(true);
    }
  });

  it("covers every learning theme and links only words it has", () => {
    for (const theme of THEMES)
      expect(WORDS.filter(([, themes]) => themes.split(" ").includes(theme)).length, theme).toBeGreaterThanOrEqual(8);
    const lemmas = new Set(WORDS.map(([lemma]) => lemma));
    for (const [from, to] of RELATIONS) {
      expect(lemmas.has(from), from).toBe(true);
      expect(lemmas.has(to), to).toBe(true);
    }
  });
});
