/**
 * Public reads of the dictionary: an entry by its permanent slug, thematic lists, the word of the day.
 * Results are plain JSON (dates as ISO strings) so that they can be cached.
 */
import { publicReads as prisma } from "../db";
import { almatyDate } from "../time";
import { isTheme, THEMES, type RelationKind, type Theme } from "./constants";
import { escapeLike } from "./query-forms";

export interface SenseView {
  id: string;
  partOfSpeech: string | null;
  gloss: string | null;
  ru: string[];
  en: string[];
  examples: { kk: string; ru: string | null; en: string | null }[];
}

export interface RelatedView {
  slug: string;
  lemma: string;
  lemmaLatin: string;
  kind: RelationKind;
}

export interface EntryView {
  id: string;
  slug: string;
  lemma: string;
  lemmaLatin: string;
  themes: Theme[];
  source: string;
  checked: boolean;
  checkedAt: string | null;
  updatedAt: string;
  version: number;
  senses: SenseView[];
  related: RelatedView[];
}

const entrySelect = {
  id: true,
  slug: true,
  lemma: true,
  lemmaLatin: true,
  normalized: true,
  themes: true,
  source: true,
  checked: true,
  checkedAt: true,
  updatedAt: true,
  version: true,
  senses: {
    orderBy: { position: "asc" as const },
    select: {
      id: true,
      partOfSpeech: true,
      gloss: true,
      translations: { orderBy: { position: "asc" as const }, select: { lang: true, text: true } },
      examples: { orderBy: { position: "asc" as const }, select: { kk: true, ru: true, en: true } },
    },
  },
  relationsFrom: { select: { kind: true, to: { select: { slug: true, lemma: true, lemmaLatin: true } } } },
  relationsTo: { select: { kind: true, from: { select: { slug: true, lemma: true, lemmaLatin: true } } } },
};

/** One entry by id or slug, with senses, translations, examples and related words and phrases. */
export async function getEntry(where: { slug: string } | { id: string }): Promise<EntryView | null> {
  const row = await prisma.dictionaryEntry.findUnique({ where, select: entrySelect });
  if (!row) return null;
  const related: RelatedView[] = [];
  const seen = new Set<string>([row.slug]);
  const push = (r: { slug: string; lemma: string; lemmaLatin: string }, kind: RelationKind) => {
    if (seen.has(r.slug)) return;
    seen.add(r.slug);
    related.push({ slug: r.slug, lemma: r.lemma, lemmaLatin: r.lemmaLatin, kind });
  };
  for (const r of row.relationsFrom) push(r.to, r.kind);
  for (const r of row.relationsTo) push(r.from, r.kind);
  // Phrases that start with the headword ("үй" → "үй тапсырмасы"), from the prefix index.
  const phrases = await prisma.$queryRaw<{ slug: string; lemma: string; lemmaLatin: string }[]>`
    SELECT slug, lemma, "lemmaLatin" FROM "DictionaryEntry"
    WHERE normalized LIKE ${`${escapeLike(row.normalized)} %`}
    ORDER BY weight DESC, length(normalized), normalized
    LIMIT 12`;
  for (const p of phrases) push(p, "PHRASE");
  return {
    id: row.id,
    slug: row.slug,
    lemma: row.lemma,
    lemmaLatin: row.lemmaLatin,
    themes: row.themes.filter(isTheme),
    source: row.source,
    checked: row.checked,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    senses: row.senses.map((s) => ({
      id: s.id,
      partOfSpeech: s.partOfSpeech,
      gloss: s.gloss,
      ru: s.translations.filter((t) => t.lang === "ru").map((t) => t.text),
      en: s.translations.filter((t) => t.lang === "en").map((t) => t.text),
      examples: s.examples,
    })),
    related,
  };
}

export interface WordCard {
  slug: string;
  lemma: string;
  lemmaLatin: string;
  partOfSpeech: string | null;
  ru: string[];
  en: string[];
  example: { kk: string; ru: string | null; en: string | null } | null;
}

const cardSelect = {
  slug: true,
  lemma: true,
  lemmaLatin: true,
  senses: {
    orderBy: { position: "asc" as const },
    take: 3,
    select: {
      partOfSpeech: true,
      translations: { orderBy: { position: "asc" as const }, select: { lang: true, text: true } },
      examples: { orderBy: { position: "asc" as const }, take: 1, select: { kk: true, ru: true, en: true } },
    },
  },
};

type CardRow = {
  slug: string;
  lemma: string;
  lemmaLatin: string;
  senses: {
    partOfSpeech: string | null;
    translations: { lang: string; text: string }[];
    examples: { kk: string; ru: string | null; en: string | null }[];
  }[];
};

export function toCard(row: CardRow): WordCard {
  const all = row.senses.flatMap((s) => s.translations);
  return {
    slug: row.slug,
    lemma: row.lemma,
    lemmaLatin: row.lemmaLatin,
    partOfSpeech: row.senses[0]?.partOfSpeech ?? null,
    ru: [...new Set(all.filter((t) => t.lang === "ru").map((t) => t.text))].slice(0, 4),
    en: [...new Set(all.filter((t) => t.lang === "en").map((t) => t.text))].slice(0, 4),
    example: row.senses.flatMap((s) => s.examples)[0] ?? null,
  };
}

export { cardSelect };

/** Words of a thematic list, most basic first. */
export async function themeWords(theme: Theme, limit = 200): Promise<WordCard[]> {
  const rows = await prisma.dictionaryEntry.findMany({
    where: { themes: { has: theme } },
    orderBy: [{ weight: "desc" }, { normalized: "asc" }],
    take: limit,
    select: cardSelect,
  });
  return rows.map(toCard);
}

/** Number of words in each thematic list. */
export async function themeCounts(): Promise<Record<Theme, number>> {
  const rows = await prisma.$queryRaw<{ theme: string; n: bigint | number }[]>`
    SELECT theme, count(*) AS n FROM (SELECT unnest(themes) AS theme FROM "DictionaryEntry" WHERE cardinality(themes) > 0) x GROUP BY theme`;
  const out = Object.fromEntries(THEMES.map((t) => [t, 0])) as Record<Theme, number>;
  for (const r of rows) if (isTheme(r.theme)) out[r.theme] = Number(r.n);
  return out;
}

/** FNV-1a hash of a string (stable across processes). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The word of the day: one checked entry from the thematic lists, the same all day (Asia/Almaty) for
 * everyone, chosen by the date. Null when the dictionary has no such entries.
 */
export async function wordOfTheDay(date: string = almatyDate()): Promise<(WordCard & { date: string }) | null> {
  const where = { checked: true, themes: { isEmpty: false } };
  const count = await prisma.dictionaryEntry.count({ where });
  if (count === 0) return null;
  const row = await prisma.dictionaryEntry.findFirst({
    where,
    orderBy: { id: "asc" },
    skip: hash(date) % count,
    select: cardSelect,
  });
  return row ? { ...toCard(row), date } : null;
}
