/** The name of a trilingual record in a locale (Kazakh when the locale is unknown). */
export function localName(record: { nameKk: string; nameRu: string; nameEn: string }, locale: string): string {
  return locale === "ru" ? record.nameRu : locale === "en" ? record.nameEn : record.nameKk;
}

/** Prisma orderBy field for a trilingual name in a locale. */
export function nameField(locale: string): "nameKk" | "nameRu" | "nameEn" {
  return locale === "ru" ? "nameRu" : locale === "en" ? "nameEn" : "nameKk";
}

/** The Prisma select of a trilingual record's id and names, for `{ select: NAMED }` in every query. */
export const NAMED = { id: true, nameKk: true, nameRu: true, nameEn: true } as const;
