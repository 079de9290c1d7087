import { prisma } from "../../db";
import type { SearchDocument } from "../types";
import { BATCH, type Indexer } from "./types";

const TYPE = "dictionary-entry";

/** Dictionary entries (always public): the headword, its Latin spelling, translations and glosses. */
export const dictionaryIndexer: Indexer = {
  source: "dictionary",
  prefix: (id) => `${TYPE}:${id}:`,
  load: async (ids) => documents({ id: { in: [...ids] } }),
  all: async function* () {
    let cursor: string | undefined;
    for (;;) {
      const batch = await prisma.dictionaryEntry.findMany({
        where: cursor ? { id: { gt: cursor } } : {},
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true },
      });
      if (!batch.length) return;
      cursor = batch.at(-1)!.id;
      yield await documents({ id: { in: batch.map((b) => b.id) } });
    }
  },
};

async function documents(where: { id: { in: string[] } }): Promise<SearchDocument[]> {
  const rows = await prisma.dictionaryEntry.findMany({
    where,
    select: {
      id: true,
      slug: true,
      lemma: true,
      lemmaLatin: true,
      senses: {
        orderBy: { position: "asc" },
        select: {
          gloss: true,
          partOfSpeech: true,
          translations: { orderBy: { position: "asc" }, select: { lang: true, text: true } },
        },
      },
    },
  });
  return rows.map((e) => ({
    id: `${TYPE}:${e.id}:kk`,
    type: TYPE,
    language: "kk",
    title: e.lemma,
    body: [e.lemmaLatin, ...e.senses.flatMap((s) => [s.translations.map((t) => t.text).join(", "), s.gloss ?? ""])]
      .filter(Boolean)
      .join(". "),
    url: `/dictionary/${e.slug}`,
    subject: "dictionary",
    visibility: { kind: "public" },
  }));
}
