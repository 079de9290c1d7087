import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getEntry } from "./entries";
import { importApertium } from "./import";
import { lookup } from "./search";

/** The shared Apertium files are read where they are (GPL: never copied into the project). */
const DATA = resolve(process.env.APERTIUM_DIR ?? join(process.cwd(), "..", "shared", "data", "apertium"));
const KAZ_RUS = join(DATA, "apertium-kaz-rus.kaz-rus.dix");
const ENG_KAZ = join(DATA, "apertium-eng-kaz.eng-kaz.dix");
const present = existsSync(KAZ_RUS) && existsSync(ENG_KAZ);
if (!present) console.warn(`\n⚠ Apertium import tests SKIPPED: ${DATA} is absent (set APERTIUM_DIR to run them).\n`);

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

describe.skipIf(!present)("importing the shared Apertium dictionaries", () => {
  it("merges both files per Kazakh lemma and reports the counts", { timeout: 900_000 }, async () => {
    const seeded = await prisma.dictionaryEntry.count();
    const report = await importApertium(prisma, [{ path: KAZ_RUS }, { path: ENG_KAZ }]);
    const [kazRus, engKaz] = report.files;
    expect(kazRus).toMatchObject({ pair: "kk-ru", entries: 29_572, skippedProperNouns: 1_198 });
    expect(engKaz).toMatchObject({ pair: "en-kk", entries: 32_994, skippedProperNouns: 9_055 });
    expect(report.lemmas).toBe(24_821);
    expect(report.translations).toEqual({ ru: 26_637, en: 23_086 });
    const w = report.write!;
    // Lemmas the starter vocabulary already has stay as people wrote them.
    expect(w.entriesCreated + w.entriesCurated).toBe(report.lemmas);
    expect(w.entriesCurated).toBeGreaterThan(150);
    expect(await prisma.dictionaryEntry.count()).toBe(seeded + w.entriesCreated);
    expect(await prisma.dictionaryTranslation.count({ where: { source: "apertium", lang: "ru" } })).toBe(
      w.translationsCreated.ru,
    );
    expect(await prisma.dictionaryTranslation.count({ where: { source: "apertium", lang: "en" } })).toBe(
      w.translationsCreated.en,
    );
    console.log(
      `Apertium import: ${report.lemmas} lemmas, ${w.entriesCreated} entries created, parse ${(report.parseMs / 1000).toFixed(1)} s, write ${(report.writeMs / 1000).toFixed(1)} s`,
    );
  });

  it("finds known pairs in both directions", async () => {
    const mektep = (await lookup({ q: "мектеп" })).hits[0]!;
    expect(mektep).toMatchObject({ lemma: "мектеп", match: "exact" });
    expect(mektep.translations.ru).toContain("школа");
    expect((await lookup({ q: "school", from: "en" })).hits[0]?.lemma).toBe("мектеп");
    expect((await lookup({ q: "школа", from: "ru" })).hits[0]?.lemma).toBe("мектеп");

    // Entries that only the import brought.
    const thanks = await lookup({ q: "алғыс білдір" });
    expect(thanks.hits[0]).toMatchObject({ lemma: "алғыс білдір", partsOfSpeech: ["v"] });
    expect(thanks.hits[0]!.translations.ru).toContain("благодарить");
    const search = (await lookup({ q: "ізде" })).hits[0]!;
    expect(search.lemma).toBe("ізде");
    expect(search.translations.en).toEqual(expect.arrayContaining(["look for"]));
    expect((await lookup({ q: "izdedı" })).hits.map((h) => h.lemma)).toContain("ізде");
    const entry = await getEntry({ slug: "alğys-bıldır" });
    expect(entry).toMatchObject({ source: "apertium", checked: false });
  });

  it("changes nothing when run again", { timeout: 900_000 }, async () => {
    const before = await counts();
    const again = await importApertium(prisma, [{ path: KAZ_RUS }, { path: ENG_KAZ }]);
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
