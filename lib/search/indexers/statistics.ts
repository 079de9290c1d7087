import kk from "../../../messages/kk/statistics.json";
import ru from "../../../messages/ru/statistics.json";
import en from "../../../messages/en/statistics.json";
import { prisma } from "../../db";
import { LANGUAGES, type SearchDocument } from "../types";
import { placeNames, territoryLookup } from "./territories";
import type { Indexer } from "./types";

const TYPE = "statistics";
const MESSAGES = { kk, ru, en };

/** The public statistics page of every region and district (data bank), one document per language. */
export const statisticsIndexer: Indexer = {
  source: "territory",
  prefix: (id) => `${TYPE}:${id}:`,
  load: async (ids) => documents([...ids]),
  all: async function* () {
    const all = await prisma.territory.findMany({
      where: { level: { in: ["REGION", "DISTRICT"] } },
      select: { id: true },
    });
    for (let i = 0; i < all.length; i += 200) yield await documents(all.slice(i, i + 200).map((t) => t.id));
  },
};

async function documents(ids: string[]): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  const places = await territoryLookup();
  const out: SearchDocument[] = [];
  for (const id of ids) {
    const t = places.byId.get(id);
    if (!t || (t.level !== "REGION" && t.level !== "DISTRICT")) continue;
    for (const language of LANGUAGES) {
      const m = MESSAGES[language];
      const name = t.names[language];
      out.push({
        id: `${TYPE}:${id}:${language}`,
        type: TYPE,
        language,
        title: m.titleOf.replace("{name}", name),
        body: [placeNames(places.byId, t.path, language).slice(1).join(", "), m.lead, ...Object.values(m.figure)]
          .filter(Boolean)
          .join(". "),
        url: `/statistics/${t.code}`,
        region: places.regionOf(t.path),
        subject: "statistics",
        visibility: { kind: "public" },
      });
    }
  }
  return out;
}
