import { prisma } from "../../db";

export interface TerritoryInfo {
  code: string;
  level: string;
  path: string;
  names: Record<"kk" | "ru" | "en", string>;
}

/**
 * Territories by id with the code of their region (the second id of the materialised path), read once per
 * batch: a few thousand rows at most.
 */
export async function territoryLookup(): Promise<{
  byId: Map<string, TerritoryInfo>;
  regionOf: (path: string) => string | null;
}> {
  const rows = await prisma.territory.findMany({
    select: { id: true, code: true, level: true, path: true, nameKk: true, nameRu: true, nameEn: true },
  });
  const byId = new Map(
    rows.map((t) => [
      t.id,
      { code: t.code, level: t.level, path: t.path, names: { kk: t.nameKk, ru: t.nameRu, en: t.nameEn } },
    ]),
  );
  return {
    byId,
    regionOf: (path) => {
      const id = path.split("/").filter(Boolean)[1];
      return id ? (byId.get(id)?.code ?? null) : null;
    },
  };
}

/** Names of a territory and its ancestors below the republic, nearest first. */
export function placeNames(byId: Map<string, TerritoryInfo>, path: string, language: "kk" | "ru" | "en"): string[] {
  return path
    .split("/")
    .filter(Boolean)
    .slice(1)
    .reverse()
    .map((id) => byId.get(id)?.names[language])
    .filter((n): n is string => Boolean(n));
}
