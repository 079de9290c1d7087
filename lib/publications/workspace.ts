import "server-only";
import { prisma } from "../db";
import { localName } from "../names";

/** Subject options of the author's form. */
export async function subjectOptions(locale: string) {
  const items = await prisma.classifierItem.findMany({
    where: { classifier: { code: "SUBJECT" } },
    orderBy: { sortOrder: "asc" },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true },
  });
  return items.map((i) => ({ code: i.code, name: localName(i, locale) }));
}

/** Kazakh official pages a translation may be linked to (newest first). */
export async function kazakhOriginals() {
  return prisma.publication.findMany({
    where: {
      language: "kk",
      translationOfId: null,
      type: { in: ["NEWS", "ANNOUNCEMENT", "LEGAL_ACT"] },
      status: { notIn: ["REJECTED"] },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, title: true },
  });
}
