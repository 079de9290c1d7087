/**
 * Dictionary lookup. One box: the language of the query is detected (or given), then
 *   Kazakh → exact headword, inflected form → lemma, prefix, close spellings (trigram index), and for
 *            text that could be Russian or English as well, reverse matches last;
 *   Russian/English → Kazakh entries whose translations match exactly, by prefix or word, then closely.
 * Every step is one bounded, indexed query (unique/btree on the normalised headword, text_pattern_ops
 * for prefixes, pg_trgm GIN for close spellings); nothing loads the dictionary into memory.
 */
import { prisma } from "../db";
import { normalizeText, isSupportedScript } from "../text";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_LENGTH, type From, type Language, type To, type TranslationLang } from "./constants";
import { alternativeLanguage, detectLanguage } from "./detect";
import { editDistance } from "./distance";
import { escapeLike, headwordKeys, kazakhForms } from "./query-forms";

export { escapeLike, kazakhForms };

export type MatchKind = "exact" | "lemma" | "prefix" | "typo" | "reverse";
export type LookupHint = "empty" | "tooLong" | "unsupportedScript" | "noResults";

export interface LookupOptions {
  q: string;
  from?: From;
  to?: To;
  limit?: number;
}

export interface LookupHit {
  slug: string;
  lemma: string;
  lemmaLatin: string;
  checked: boolean;
  partsOfSpeech: string[];
  translations: { ru: string[]; en: string[] };
  match: MatchKind;
  /** Lemma matches: the form typed; reverse matches: the translation that matched. */
  via?: string;
}

export interface LookupResult {
  query: string;
  /** The language the query was read in (detected when `detected`). */
  from: Language;
  detected: boolean;
  /** Translations included: "all", "ru", "en" for Kazakh queries; "kk" for reverse ones. */
  to: To;
  hint?: LookupHint;
  hits: LookupHit[];
}

interface Candidate {
  id: string;
  match: MatchKind;
  via?: string;
}

/** Translations per language shown with a hit. */
const TRANSLATIONS_PER_HIT = 4;

/** Most edits a close spelling may need, by the length of the query. */
function maxEdits(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

class Collector {
  readonly list: Candidate[] = [];
  private readonly seen = new Set<string>();
  constructor(readonly limit: number) {}
  add(c: Candidate): void {
    if (this.seen.has(c.id) || this.full) return;
    this.seen.add(c.id);
    this.list.push(c);
  }
  has(id: string): boolean {
    return this.seen.has(id);
  }
  get full(): boolean {
    return this.list.length >= this.limit;
  }
  get size(): number {
    return this.list.length;
  }
}

export async function lookup(options: LookupOptions): Promise<LookupResult> {
  const raw = options.q ?? "";
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(options.limit ?? DEFAULT_LIMIT)));
  const from = options.from ?? "auto";
  const query = raw.normalize("NFC").trim();
  const base = (language: Language, hint?: LookupHint): LookupResult => ({
    query,
    from: language,
    detected: from === "auto",
    to: language === "kk" ? (options.to && options.to !== "kk" ? options.to : "all") : "kk",
    hint,
    hits: [],
  });
  const fallback: Language = from === "auto" ? "kk" : from;
  if (!query) return base(fallback, "empty");
  if ([...query].length > MAX_QUERY_LENGTH) return base(fallback, "tooLong");
  if (!isSupportedScript(query)) return base(fallback, "unsupportedScript");
  if (!normalizeText(query)) return base(fallback, "empty");

  const found = new Collector(limit);
  let language: Language;
  if (from !== "auto") {
    language = from;
    if (language === "kk") await kazakhSteps(query, found, null);
    else await reverseSteps(query, language, found);
  } else {
    const detection = detectLanguage(query);
    if (detection.certain) {
      language = detection.language;
      if (language === "kk") await kazakhSteps(query, found, null);
      else await reverseSteps(query, language, found);
    } else {
      // Kazakh or the other language of the script: an exact Kazakh match decides for Kazakh, an exact
      // translation match for the other language; otherwise Kazakh, with reverse matches last.
      const alternative = alternativeLanguage(query);
      await kazakhExact(query, found);
      if (found.size > 0) {
        language = "kk";
        await kazakhSteps(query, found, alternative, true);
      } else {
        await reverseExact(normalizeText(query), alternative, found);
        if (found.size > 0) {
          language = alternative;
          await reverseSteps(query, alternative, found, true);
        } else {
          language = "kk";
          await kazakhSteps(query, found, alternative, true);
        }
      }
    }
  }
  const result = base(language);
  result.hits = await hydrate(found.list, language === "kk" ? result.to : "all");
  if (result.hits.length === 0) result.hint = "noResults";
  return result;
}

async function kazakhExact(query: string, found: Collector): Promise<void> {
  const { forms, keys } = headwordKeys(query);
  if (!keys.length) return;
  const rows = await prisma.dictionaryEntry.findMany({
    where: { normalized: { in: keys } },
    select: { id: true, normalized: true, weight: true },
  });
  const rank = (n: string) => keys.indexOf(n);
  rows.sort((a, b) => rank(a.normalized) - rank(b.normalized) || b.weight - a.weight);
  for (const r of rows) if (forms.includes(r.normalized)) found.add({ id: r.id, match: "exact" });
  for (const r of rows) if (!forms.includes(r.normalized)) found.add({ id: r.id, match: "lemma", via: forms[0] });
}

async function kazakhSteps(query: string, found: Collector, reverseLanguage: "ru" | "en" | null, exactDone = false): Promise<void> {
  if (!exactDone) await kazakhExact(query, found);
  const forms = kazakhForms(query);
  const primary = forms[0]!;
  for (const form of forms.slice(0, 2)) {
    if (found.full) break;
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "DictionaryEntry"
      WHERE normalized LIKE ${`${escapeLike(form)}%`} AND normalized <> ${form}
      ORDER BY weight DESC, length(normalized), normalized
      LIMIT ${found.limit}`;
    for (const r of rows) found.add({ id: r.id, match: "prefix" });
  }
  // Close spellings only when the word itself is not in the dictionary.
  const exact = found.list.some((c) => c.match === "exact" || c.match === "lemma");
  if (!exact && !found.full && [...primary].length >= 3) await kazakhTypos(primary, found);
  if (reverseLanguage && !found.full) await reverseSteps(query, reverseLanguage, found, false, false);
}

async function kazakhTypos(form: string, found: Collector): Promise<void> {
  const length = [...form].length;
  const threshold = length <= 5 ? 0.2 : 0.3;
  const rows = await bounded((tx) =>
    tx.$queryRaw<{ id: string; normalized: string; weight: number; sim: number }[]>`
      SELECT id, normalized, weight, similarity(normalized, ${form}) AS sim
      FROM "DictionaryEntry"
      WHERE normalized % ${form}
      ORDER BY sim DESC, weight DESC
      LIMIT 40`,
    threshold,
  );
  const allowed = maxEdits(length);
  const scored = rows
    .filter((r) => !found.has(r.id))
    .map((r) => ({ ...r, distance: editDistance(form, r.normalized, allowed + 1) }))
    .filter((r) => r.distance <= allowed || r.sim >= 0.5)
    .sort((a, b) => a.distance - b.distance || b.weight - a.weight || b.sim - a.sim);
  for (const r of scored) found.add({ id: r.id, match: "typo" });
}

async function reverseExact(normalized: string, lang: TranslationLang, found: Collector): Promise<void> {
  const rows = await prisma.$queryRaw<{ id: string; text: string }[]>`
    SELECT s."entryId" AS id, t.text
    FROM "DictionaryTranslation" t
    JOIN "DictionarySense" s ON s.id = t."senseId"
    JOIN "DictionaryEntry" e ON e.id = s."entryId"
    WHERE t.lang = ${lang} AND t.normalized = ${normalized}
    ORDER BY t.position, e.weight DESC, e.normalized
    LIMIT ${found.limit * 2}`;
  for (const r of rows) found.add({ id: r.id, match: "reverse", via: r.text });
}

async function reverseSteps(query: string, lang: TranslationLang, found: Collector, exactDone = false, typos = true): Promise<void> {
  const normalized = normalizeText(query);
  if (!exactDone) await reverseExact(normalized, lang, found);
  const exact = found.list.some((c) => c.match === "reverse");
  if (!found.full) {
    // Translations starting with the query (prefix index)…
    const rows = await prisma.$queryRaw<{ id: string; text: string }[]>`
      SELECT s."entryId" AS id, t.text
      FROM "DictionaryTranslation" t
      JOIN "DictionarySense" s ON s.id = t."senseId"
      JOIN "DictionaryEntry" e ON e.id = s."entryId"
      WHERE t.lang = ${lang} AND t.normalized LIKE ${`${escapeLike(normalized)}%`} AND t.normalized <> ${normalized}
      ORDER BY length(t.normalized), e.weight DESC, t.position
      LIMIT ${found.limit * 2}`;
    for (const r of rows) found.add({ id: r.id, match: "reverse", via: r.text });
  }
  if (!found.full && [...normalized].length >= 3) {
    // …then with a later word that does ("задание" → "домашнее задание"; trigram index).
    const rows = await prisma.$queryRaw<{ id: string; text: string }[]>`
      SELECT s."entryId" AS id, t.text
      FROM "DictionaryTranslation" t
      JOIN "DictionarySense" s ON s.id = t."senseId"
      JOIN "DictionaryEntry" e ON e.id = s."entryId"
      WHERE t.normalized LIKE ${`% ${escapeLike(normalized)}%`} AND t.lang = ${lang}
      ORDER BY length(t.normalized), e.weight DESC, t.position
      LIMIT ${found.limit * 2}`;
    for (const r of rows) found.add({ id: r.id, match: "reverse", via: r.text });
  }
  if (typos && !exact && !found.full && [...normalized].length >= 3) {
    const length = [...normalized].length;
    const rows = await bounded(
      (tx) =>
        tx.$queryRaw<{ id: string; text: string; normalized: string; sim: number; weight: number }[]>`
          SELECT s."entryId" AS id, t.text, t.normalized, similarity(t.normalized, ${normalized}) AS sim, e.weight
          FROM "DictionaryTranslation" t
          JOIN "DictionarySense" s ON s.id = t."senseId"
          JOIN "DictionaryEntry" e ON e.id = s."entryId"
          WHERE t.normalized % ${normalized} AND t.lang = ${lang}
          ORDER BY sim DESC, e.weight DESC
          LIMIT 40`,
      length <= 5 ? 0.2 : 0.3,
    );
    const allowed = maxEdits(length);
    rows
      .map((r) => ({ ...r, distance: editDistance(normalized, r.normalized, allowed + 1) }))
      .filter((r) => r.distance <= allowed || r.sim >= 0.5)
      .sort((a, b) => a.distance - b.distance || b.weight - a.weight || b.sim - a.sim)
      .forEach((r) => found.add({ id: r.id, match: "reverse", via: r.text }));
  }
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** Runs a trigram query with its own similarity threshold and a statement timeout (both local to it). */
async function bounded<T>(fn: (tx: Tx) => Promise<T>, threshold: number): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = 2000`);
    await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${Number(threshold).toFixed(2)}`);
    return fn(tx);
  });
}

async function hydrate(candidates: Candidate[], to: To): Promise<LookupHit[]> {
  if (!candidates.length) return [];
  const rows = await prisma.dictionaryEntry.findMany({
    where: { id: { in: candidates.map((c) => c.id) } },
    select: {
      id: true,
      slug: true,
      lemma: true,
      lemmaLatin: true,
      checked: true,
      senses: {
        orderBy: { position: "asc" },
        select: { partOfSpeech: true, translations: { orderBy: { position: "asc" }, select: { lang: true, text: true } } },
      },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: LookupHit[] = [];
  for (const c of candidates) {
    const r = byId.get(c.id);
    if (!r) continue;
    const pick = (lang: TranslationLang) =>
      to === "all" || to === lang || to === "kk"
        ? [...new Set(r.senses.flatMap((s) => s.translations.filter((t) => t.lang === lang).map((t) => t.text)))].slice(0, TRANSLATIONS_PER_HIT)
        : [];
    hits.push({
      slug: r.slug,
      lemma: r.lemma,
      lemmaLatin: r.lemmaLatin,
      checked: r.checked,
      partsOfSpeech: [...new Set(r.senses.map((s) => s.partOfSpeech).filter((p): p is string => Boolean(p)))],
      translations: { ru: pick("ru"), en: pick("en") },
      match: c.match,
      ...(c.via ? { via: c.via } : {}),
    });
  }
  return hits;
}
