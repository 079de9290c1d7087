import { prisma } from "../../db";
import { LANGUAGES, type SearchDocument } from "../types";
import { placeNames, territoryLookup } from "./territories";
import { BATCH, type Indexer } from "./types";

const TYPE = "organization";

/**
 * Organisations of the registry, public fields only (names, BIN, kind, place, address; never people), one
 * document per language, linking to the organisation's public statistics page.
 */
export const organizationIndexer: Indexer = {
  source: "organization",
  prefix: (id) => `${TYPE}:${id}:`,
  load: async (ids) => documents([...ids]),
  all: async function* () {
    let cursor: string | undefined;
    for (;;) {
      const batch = await prisma.organization.findMany({
        where: cursor ? { id: { gt: cursor } } : {},
        orderBy: { id: "asc" },
        take: BATCH * 2,
        select: { id: true },
      });
      if (!batch.length) return;
      cursor = batch.at(-1)!.id;
      yield await documents(batch.map((b) => b.id));
    }
  },
};

async function documents(ids: string[]): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  const [rows, places] = await Promise.all([
    prisma.organization.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        bin: true,
        nameKk: true,
        nameRu: true,
        nameEn: true,
        address: true,
        kind: { select: { nameKk: true, nameRu: true, nameEn: true } },
        territory: { select: { path: true } },
      },
    }),
    territoryLookup(),
  ]);
  return rows.flatMap((o) =>
    LANGUAGES.map((language) => {
      const name = language === "ru" ? o.nameRu : language === "en" ? o.nameEn : o.nameKk;
      const kind = language === "ru" ? o.kind.nameRu : language === "en" ? o.kind.nameEn : o.kind.nameKk;
      return {
        id: `${TYPE}:${o.id}:${language}`,
        type: TYPE,
        language,
        title: name,
        body: [kind, ...placeNames(places.byId, o.territory.path, language), o.address ?? "", o.bin]
          .filter(Boolean)
          .join(". "),
        url: `/statistics/organizations/${o.bin}`,
        region: places.regionOf(o.territory.path),
        subject: "organization",
        visibility: { kind: "public" },
      } satisfies SearchDocument;
    }),
  );
}
