import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getEntry } from "./entries";
import { importApertium } from "./import";
import { lookup } from "./search";

/**
 * The import of Apertium's full Kazakh–Russian and English–Kazakh dictionaries (GPL: read where they are,
 * never copied into the project). Runs only when APERTIUM_DIR names the directory holding
 * apertium-kaz-rus.kaz-rus.dix and apertium-eng-kaz.eng-kaz.dix; takes minutes.
 */
const DATA = process.env.APERTIUM_DIR ? resolve(process.env.APERTIUM_DIR) : undefined;
const KAZ_RUS = join(DATA ?? ".", "apertium-kaz-rus.kaz-rus.dix");
const ENG_KAZ = join(DATA ?? ".", "apertium-eng-kaz.eng-kaz.dix");

async function counts() {
  return {
    entries: await prisma.dictionaryEntry.count(),
    senses: await prisma.dictionarySense.count(),
    translations: await prisma.dictionaryTranslation.count(),
  };
}

describe.skipIf(!DATA)("importing the full Apertium dictionaries", () => {
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
