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
