import { prisma } from "../../db";
import { plainText } from "../../markdown";
import { LANGUAGES, type Language, type SearchDocument } from "../types";
import { BATCH, type Indexer } from "./types";

const OFFICIAL = ["NEWS", "ANNOUNCEMENT", "LEGAL_ACT"];

/**
 * Published publications (and official pages with their translations): one document per row in its own
 * language; rows that are not public (drafts, unpublished, scheduled for later) give none, so they leave
 * the index. Official pages are typed "news".
 */
export const publicationIndexer: Indexer = {
  source: "publication",
  prefix: (id) => `publication:${id}:`,
  load: async (ids) => documents([...ids]),
  all: async function* () {
    let cursor: string | undefined;
    for (;;) {
      const batch = await prisma.publication.findMany({
        where: cursor ? { id: { gt: cursor } } : {},
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true },
      });
      if (!batch.length) return;
      cursor = batch.at(-1)!.id;
      yield await documents(batch.map((b) => b.id));
    }
  },
};

async function documents(ids: string[]): Promise<SearchDocument[]> {
  const rows = await prisma.publication.findMany({
    where: { id: { in: ids }, status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: new Date() } },
    select: {
      id: true,
      type: true,
      language: true,
      title: true,
      summary: true,
      body: true,
      keywords: true,
      subjectCode: true,
      regionCode: true,
      translationOfId: true,
    },
  });
  return rows
    .filter((r) => (LANGUAGES as readonly string[]).includes(r.language))
    .map((r) => ({
      id: `publication:${r.id}:${r.language}`,
      type: OFFICIAL.includes(r.type) ? ("news" as const) : ("publication" as const),
      language: r.language as Language,
      title: r.title,
      body: [r.summary, r.keywords.join(", "), plainText(r.body)].filter(Boolean).join(". ").slice(0, 20_000),
      // a translation opens through its own page; the reading page resolves the locale
      url: `/publications/${r.id}`,
      region: r.regionCode,
      subject: r.subjectCode ? r.subjectCode.toLowerCase() : OFFICIAL.includes(r.type) ? "news" : "publication",
      visibility: { kind: "public" as const },
    }));
}
