import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getEntry } from "./entries";
import { importApertium } from "./import";
import { lookup } from "./search";

/**
 * Small dictionaries in Apertium's format, written for these tests and named as ours, so they are never
 * taken for Apertium's own files; their languages are given, not read from the name
 * (import-full.int.test.ts reads the real Apertium files when APERTIUM_DIR names their directory).
 */
const FIXTURES = join(process.cwd(), "tests", "fixtures", "dictionary");
const KAZ_RUS = { path: join(FIXTURES, "kk-ru.dix"), languages: ["kk", "ru"] as ["kk", "ru"] };
const ENG_KAZ = { path: join(FIXTURES, "en-kk.dix"), languages: ["en", "kk"] as ["en", "kk"] };

const tmp = mkdtempSync(join(tmpdir(), "dix-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function counts() {
  return {
    entries: await prisma.dictionaryEntry.count(),
    senses: await prisma.dictionarySense.count(),
    translations: await prisma.dictionaryTranslation.count(),
  };
}

describe("refusing a malformed file", () => {
  it("names the file and line and imports nothing, not even from the good file", async () => {
    const good = join(tmp, "apertium-eng-kaz.eng-kaz.dix");
    const bad = join(tmp, "apertium-kaz-rus.kaz-rus.dix");
    writeFileSync(
      good,
      `<dictionary>\n<section id="main" type="standard">\n<e><p><l>crossword<s n="n"/></l><r>сөзжұмбақ<s n="n"/></r></p></e>\n</section>\n</dictionary>\n`,
    );
    writeFileSync(
      bad,
      `<dictionary>\n<section id="main" type="standard">\n<e><p><l>сөзжұмбақ<s n="n"/></l><r>кроссворд<s n="n"/></r></p></e>\n<e><p><l>жұмбақ<s n="n"/></l><r>загадка<s n="n"/></l></p></e>\n</section>\n</dictionary>\n`,
    );
    const before = await counts();
    await expect(importApertium(prisma, [{ path: good }, { path: bad }])).rejects.toThrow(
      /apertium-kaz-rus\.kaz-rus\.dix: line 4: <\/l> found where <\/r>/,
    );
    expect(await counts()).toEqual(before);
    expect(await getEntry({ slug: "sözjūmbaq" })).toBeNull();
  });

  it("refuses a file whose languages it cannot tell", async () => {
    const other = join(tmp, "words.dix");
    writeFileSync(other, "<dictionary><section/></dictionary>\n");
    await expect(importApertium(prisma, [{ path: other }])).rejects.toThrow(/cannot tell the languages/);
  });
});

describe("importing Apertium dictionaries", () => {
  it("merges both files per Kazakh lemma and reports the counts", async () => {
    const seeded = await prisma.dictionaryEntry.count();
    const report = await importApertium(prisma, [KAZ_RUS, ENG_KAZ]);
    const [kazRus, engKaz] = report.files;
    // the paradigm's entry is not counted; the skipped entries are counted by reason
    expect(kazRus).toMatchObject({
      pair: "kk-ru",
      entries: 12,
      used: 7,
      duplicates: 1,
      oneDirection: 1,
      skippedProperNouns: 1,
      skippedNonLexical: 2,
      skippedEmptySide: 1,
      skippedNotKazakh: 0,
    });
    expect(engKaz).toMatchObject({
      pair: "en-kk",
      entries: 7,
      used: 5,
      duplicates: 0,
      skippedProperNouns: 1,
      skippedNotKazakh: 1,
    });
    // қарындаш, сыныптас, қоңырау, қоңырау шал, бор, кезекші, кезекте
    expect(report.lemmas).toBe(7);
    expect(report.translations).toEqual({ ru: 7, en: 5 });
    const w = report.write!;
    // the starter vocabulary's қарындаш stays as people wrote it
    expect(w).toMatchObject({ entriesCreated: 6, entriesCurated: 1 });
    expect(await prisma.dictionaryEntry.count()).toBe(seeded + 6);
    expect(await prisma.dictionaryTranslation.count({ where: { source: "apertium", lang: "ru" } })).toBe(
      w.translationsCreated.ru,
    );
    expect(await prisma.dictionaryTranslation.count({ where: { source: "apertium", lang: "en" } })).toBe(
      w.translationsCreated.en,
    );
  });

  it("finds the imported pairs in both directions", async () => {
    const classmate = (await lookup({ q: "сыныптас" })).hits[0]!;
    expect(classmate).toMatchObject({ lemma: "сыныптас", match: "exact", partsOfSpeech: ["n"] });
    expect(classmate.translations.ru).toEqual(expect.arrayContaining(["одноклассник", "одноклассница"]));
    expect(classmate.translations.en).toEqual(["classmate"]);
    expect((await lookup({ q: "classmate", from: "en" })).hits[0]?.lemma).toBe("сыныптас");
    expect((await lookup({ q: "одноклассница", from: "ru" })).hits[0]?.lemma).toBe("сыныптас");
    expect((await lookup({ q: "synyptas" })).hits.map((h) => h.lemma)).toContain("сыныптас");

    // a multi-word verb, with the English phrase's invariable part
    const call = (await lookup({ q: "қоңырау шал" })).hits[0]!;
    expect(call).toMatchObject({ lemma: "қоңырау шал", partsOfSpeech: ["v"] });
    expect(call.translations).toMatchObject({ ru: ["звонить"], en: ["ring up"] });
    expect((await lookup({ q: "мел", from: "ru" })).hits[0]?.lemma).toBe("бор");
    // skipped entries brought nothing
    expect((await lookup({ q: "Aigerim", from: "en" })).hits.map((h) => h.lemma)).not.toContain("Айгерім");
    expect(await getEntry({ slug: "synyptas" })).toMatchObject({ source: "apertium", checked: false });
  });

  it("changes nothing when run again", async () => {
    const before = await counts();
    const again = await importApertium(prisma, [KAZ_RUS, ENG_KAZ]);
    expect(again.write).toMatchObject({
      entriesCreated: 0,
      entriesExtended: 0,
      sensesCreated: 0,
      translationsCreated: { ru: 0, en: 0 },
    });
    expect(again.write!.entriesUnchanged + again.write!.entriesCurated).toBe(again.lemmas);
    expect(await counts()).toEqual(before);
  });
});
