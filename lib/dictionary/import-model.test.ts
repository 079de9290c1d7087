import { describe, expect, it } from "vitest";
import { parseDixText } from "./apertium";
import { LemmaMerger, languagesFromFileName } from "./import-model";

const dix = (body: string) => `<dictionary><section id="main" type="standard">\n${body}\n</section></dictionary>\n`;

describe("LemmaMerger", () => {
  it("merges Russian and English translations per Kazakh lemma and part of speech", async () => {
    const merger = new LemmaMerger();
    const kazRus = await parseDixText(
      dix(`<e><p><l>мектеп<s n="n"/></l><r>школа<s n="n"/></r></p></e>
<e><p><l>жаз<s n="v"/><s n="tv"/></l><r>писать<s n="vblex"/></r></p></e>
<e><p><l>жаз<s n="n"/></l><r>лето<s n="n"/></r></p></e>
<e r="RL"><p><l>мектеп<s n="n"/></l><r>училище<s n="n"/></r></p></e>
<e><p><l>Алматы<s n="np"/></l><r>Алматы<s n="np"/></r></p></e>
<e><p><l>,<s n="cm"/></l><r>,<s n="cm"/></r></p></e>
<e r="LR"><p><l>ма<s n="qst"/></l><r></r></p></e>
<e><p><l>мектеп<s n="n"/></l><r>школа<s n="n"/></r></p></e>
<e><p><l>дәрежелi<s n="adj"/></l><r>степенный<s n="adj"/></r></p></e>`),
    );
    const engKaz = await parseDixText(
      dix(`<e><p><l>school<s n="n"/></l><r>мектеп<s n="n"/></r></p></e>
<e><p><l>write<s n="vblex"/></l><r>жаз<s n="v"/><s n="tv"/></r></p></e>
<e r="LR"><p><l>academy<s n="n"/></l><r>мектеп<s n="n"/></r></p></e>
<e><p><l>summer<s n="n"/></l><r>Жаз<s n="n"/></r></p></e>
<e><p><l>London<s n="np"/></l><r>Лондон<s n="np"/></r></p></e>
<e><p><l>ok<s n="ij"/></l><r>ok<s n="ij"/></r></p></e>`),
    );
    const rus = merger.addFile("kaz-rus", "kk", "ru", kazRus);
    const eng = merger.addFile("eng-kaz", "en", "kk", engKaz);
    expect(rus).toMatchObject({
      entries: 9,
      used: 5,
      skippedProperNouns: 1,
      skippedNonLexical: 1,
      skippedEmptySide: 1,
      duplicates: 1,
      oneDirection: 1,
    });
    expect(eng).toMatchObject({ entries: 6, used: 4, skippedProperNouns: 1, skippedNotKazakh: 1 });
    const lemmas = merger.lemmas();
    expect(lemmas.map((l) => l.normalized)).toEqual(["дәрежелі", "жаз", "мектеп"]);
    // A Latin look-alike letter inside the Kazakh lemma is repaired for display as well.
    expect(lemmas[0]!.lemma).toBe("дәрежелі");
    lemmas.shift();
    expect(lemmas[1]).toEqual({
      lemma: "мектеп",
      normalized: "мектеп",
      // училище is Russian → Kazakh only, academy English → Kazakh only: after the two-way school/школа.
      senses: [{ partOfSpeech: "n", ru: ["школа", "училище"], en: ["school", "academy"] }],
    });
    expect(lemmas[0]!.senses).toEqual([
      { partOfSpeech: "v", ru: ["писать"], en: ["write"] },
      { partOfSpeech: "n", ru: ["лето"], en: ["summer"] },
    ]);
  });

  it("refuses a pair without Kazakh", () => {
    expect(() => new LemmaMerger().addFile("x", "ru", "en", [])).toThrow(/one side must be Kazakh/);
  });
});

describe("languagesFromFileName", () => {
  it("reads the pair from Apertium's file names", () => {
    expect(languagesFromFileName("/data/apertium-kaz-rus.kaz-rus.dix")).toEqual(["kk", "ru"]);
    expect(languagesFromFileName("apertium-eng-kaz.eng-kaz.dix")).toEqual(["en", "kk"]);
    expect(languagesFromFileName("apertium-tat-rus.tat-rus.dix")).toBeNull();
    expect(languagesFromFileName("words.dix")).toBeNull();
  });
});
