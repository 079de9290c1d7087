import "server-only";
import { prisma } from "../db";
import { localName } from "../names";

/** Items of a classifier as select options in a locale, in their classifier order. */
export async function classifierOptions(code: string, locale: string) {
  const items = await prisma.classifierItem.findMany({
    where: { classifier: { code } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return items.map((i) => ({ id: i.id, code: i.code, label: localName(i, locale) }));
}

/** The classifiers (code and names), for choosing one. */
export function classifierList() {
  return prisma.classifier.findMany({
    orderBy: { code: "asc" },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true },
  });
}

/** Items of a classifier (code and names) in their classifier order, optionally only some codes. */
export function classifierItems(classifier: string, codes?: readonly string[]) {
  return prisma.classifierItem.findMany({
    where: { classifier: { code: classifier }, ...(codes ? { code: { in: [...codes] } } : {}) },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: { sortOrder: "asc" },
  });
}
