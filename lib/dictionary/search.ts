/**
 * Dictionary lookup. One box: the language of the query is detected (or given), then
 *   Kazakh → exact headword, inflected form → lemma, prefix, close spellings (trigram index), and for
 *            text that could be Russian or English as well, reverse matches last;
 *   Russian/English → Kazakh entries whose translations match exactly, by prefix or word, then closely.
 * A lookup is two to four queries, each indexed and bounded (unique/btree on the normalised headword,
 * text_pattern_ops for prefixes, pg_trgm GIN for close spellings, LIMIT on every branch; close spellings
 * only for queries of at most TYPO_MAX_LENGTH letters), so no statement can run long; nothing loads the
 * dictionary into memory.
 */
import { publicReads as prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { normalizeText, isSupportedScript } from "../text";
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_QUERY_LENGTH,
  type From,
  type Language,
  type To,
  type TranslationLang,
} from "./constants";
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

/** Close spellings are looked for in words and short phrases only (trigram work grows with length). */
const TYPO_MAX_LENGTH = 30;

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
  const normalized = normalizeText(query);
  if (!normalized) return base(fallback, "empty");

  const found = new Collector(limit);
  const cache: HydratedCache = new Map();
  const detection = from === "auto" ? detectLanguage(query) : { language: from, certain: true };
  let language: Language = detection.language;
  if (language !== "kk" && detection.certain) {
    await reverseSteps(normalized, language, found);
  } else {
    const kk = await kazakhRows(query, limit, cache);
    if (kk.exact.length || kk.lemma.length) {
      // The word is Kazakh: the headword (or the lemma of the form typed), then headwords beginning with it.
      for (const c of [...kk.exact, ...kk.lemma, ...kk.prefix]) found.add(c);
    } else if (detection.certain) {
      for (const c of kk.prefix) found.add(c);
      if (!found.full) await kazakhTypos(kk.forms[0]!, found);
    } else {
      // Kazakh or the other language of the script: an exact translation match decides for the other
      // language; otherwise Kazakh (prefixes, close spellings), with reverse matches last.
      const alternative = alternativeLanguage(query);
      const reverse = await reverseRows(normalized, alternative, limit, false);
      if (reverse.some((c) => c.tier === 0)) {
        language = alternative;
        for (const c of reverse) found.add(c);
      } else {
        for (const c of kk.prefix) found.add(c);
        if (!found.full) await kazakhTypos(kk.forms[0]!, found);
        for (const c of reverse) found.add(c);
      }
    }
  }
  const result = base(language);
  result.hits = await hydrate(found.list, language === "kk" ? result.to : "all", cache);
  if (result.hits.length === 0) result.hint = "noResults";
  return result;
}

interface Row extends Hydrated {
  normalized: string;
  weight: number;
  tier: number;
}

/** What a hit shows, as one row: headword, Latin spelling and senses with translations (JSON). */
interface Hydrated {
  id: string;
  slug: string;
  lemma: string;
  lemmaLatin: string;
  checked: boolean;
  senses: { p: string | null; t: { l: string; x: string }[] | null }[] | string | null;
}

/** Columns of Hydrated for the entry aliased `e`. */
const HYDRATED = Prisma.sql`e.id, e.slug, e.lemma, e."lemmaLatin", e.checked,
  (SELECT json_agg(json_build_object(
            'p', s."partOfSpeech",
            't', (SELECT json_agg(json_build_object('l', t.lang, 'x', t.text) ORDER BY t.position) FROM "DictionaryTranslation" t WHERE t."senseId" = s.id))
          ORDER BY s.position)
   FROM "DictionarySense" s WHERE s."entryId" = e.id) AS senses`;

/** Rows already read with their hits' content, so the last step does not read them again. */
type HydratedCache = Map<string, Hydrated>;

/**
 * One query for a Kazakh headword: exact forms and lemma candidates (unique index), and headwords that
 * begin with the first two forms (prefix index), each branch bounded; the rows come with what a hit shows,
 * so a query that finds its word needs no second round trip.
 */
async function kazakhRows(
  query: string,
  limit: number,
  cache: HydratedCache,
): Promise<{ forms: string[]; exact: Candidate[]; lemma: Candidate[]; prefix: Candidate[] }> {
  const { forms, keys } = headwordKeys(query);
  const prefixes = forms.slice(0, 2).map(
    (form, i) => Prisma.sql`(SELECT id, normalized, weight, ${i + 1}::int AS tier FROM "DictionaryEntry"
      WHERE normalized LIKE ${`${escapeLike(form)}%`} AND normalized <> ALL(${forms}::text[])
      ORDER BY weight DESC, length(normalized), normalized LIMIT ${limit})`,
  );
  const rows = await prisma.$queryRaw<Row[]>`
    WITH candidate AS (
      (SELECT id, normalized, weight, 0::int AS tier FROM "DictionaryEntry" WHERE normalized = ANY(${keys}::text[]))
      ${prefixes.length ? Prisma.sql`UNION ALL ${Prisma.join(prefixes, " UNION ALL ")}` : Prisma.empty}
    )
    SELECT c.normalized, c.weight, c.tier, ${HYDRATED}
    FROM candidate c JOIN "DictionaryEntry" e ON e.id = c.id`;
  for (const r of rows) cache.set(r.id, r);
  const exactRows = rows.filter((r) => r.tier === 0);
  const rank = (n: string) => keys.indexOf(n);
  exactRows.sort((a, b) => rank(a.normalized) - rank(b.normalized) || b.weight - a.weight);
  const prefixRows = rows
    .filter((r) => r.tier > 0)
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        b.weight - a.weight ||
        [...a.normalized].length - [...b.normalized].length ||
        (a.normalized < b.normalized ? -1 : 1),
    );
  return {
    forms,
    exact: exactRows.filter((r) => forms.includes(r.normalized)).map((r) => ({ id: r.id, match: "exact" })),
    lemma: exactRows
      .filter((r) => !forms.includes(r.normalized))
      .map((r) => ({ id: r.id, match: "lemma", via: forms[0] })),
    prefix: prefixRows.map((r) => ({ id: r.id, match: "prefix" })),
  };
}

/** Close spellings of a Kazakh word: trigram candidates (GIN index, bounded), ranked by edit distance. */
async function kazakhTypos(form: string, found: Collector): Promise<void> {
  const length = [...form].length;
  if (length < 3 || length > TYPO_MAX_LENGTH) return;
  const allowed = maxEdits(length);
  let rows = await prisma.$queryRaw<{ id: string; normalized: string; weight: number; sim: number }[]>`
    SELECT id, normalized, weight, similarity(normalized, ${form}) AS sim
    FROM "DictionaryEntry"
    WHERE normalized % ${form}
    ORDER BY sim DESC, weight DESC
    LIMIT 40`;
  const near = (r: { normalized: string }) => editDistance(form, r.normalized, allowed + 1) <= allowed;
  if (!rows.some(near)) {
    // Short words share too few trigrams with their misspellings, and so do words with two letters swapped
    // near the start: look among headwords of about the same length that begin like the query, allowing
    // for its second and third letters swapped (prefix index, bounded).
    const c = [...form];
    const heads = length <= 4 ? [c[0]!] : [...new Set([c[0]! + c[1]!, c[0]! + c[2]!])];
    const like = heads.map((h) => Prisma.sql`normalized LIKE ${`${escapeLike(h)}%`}`);
    rows = await prisma.$queryRaw<{ id: string; normalized: string; weight: number; sim: number }[]>`
      SELECT id, normalized, weight, 0::float AS sim
      FROM "DictionaryEntry"
      WHERE (${Prisma.join(like, " OR ")}) AND length(normalized) BETWEEN ${length - allowed} AND ${length + allowed}
      ORDER BY weight DESC
      LIMIT 400`;
  }
  rows
    .filter((r) => !found.has(r.id))
    .map((r) => ({ ...r, distance: editDistance(form, r.normalized, allowed + 1) }))
    .filter((r) => r.distance <= allowed || r.sim >= 0.5)
    .sort((a, b) => a.distance - b.distance || b.weight - a.weight || b.sim - a.sim)
    .forEach((r) => found.add({ id: r.id, match: "typo" }));
}

type ReverseRow = Candidate & { tier: number };

/**
 * One query for translations: exact (tier 0), beginning with the query (tier 1) and, with `words`, a later
 * word beginning with it (tier 2, trigram index) — "задание" → "домашнее задание".
 */
async function reverseRows(
  normalized: string,
  lang: TranslationLang,
  limit: number,
  words: boolean,
): Promise<ReverseRow[]> {
  const like = escapeLike(normalized);
  const select = (
    tier: number,
  ) => Prisma.sql`SELECT s."entryId" AS id, t.text, ${tier}::int AS tier, t.position, e.weight, length(t.normalized) AS len
      FROM "DictionaryTranslation" t
      JOIN "DictionarySense" s ON s.id = t."senseId"
      JOIN "DictionaryEntry" e ON e.id = s."entryId"`;
  const parts = [
    Prisma.sql`(${select(0)} WHERE t.lang = ${lang} AND t.normalized = ${normalized} ORDER BY t.position, e.weight DESC LIMIT ${limit * 2})`,
    Prisma.sql`(${select(1)} WHERE t.lang = ${lang} AND t.normalized LIKE ${`${like}%`} AND t.normalized <> ${normalized} ORDER BY length(t.normalized), e.weight DESC, t.position LIMIT ${limit * 2})`,
  ];
  if (words && [...normalized].length >= 3) {
    parts.push(
      Prisma.sql`(${select(2)} WHERE t.normalized LIKE ${`% ${like}%`} AND t.lang = ${lang} ORDER BY length(t.normalized), e.weight DESC, t.position LIMIT ${limit * 2})`,
    );
  }
  const rows = await prisma.$queryRaw<
    { id: string; text: string; tier: number; position: number; weight: number; len: number }[]
  >`${Prisma.join(parts, " UNION ALL ")}`;
  rows.sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.tier === 0
        ? a.position - b.position || b.weight - a.weight
        : a.len - b.len || b.weight - a.weight || a.position - b.position),
  );
  return rows.map((r) => ({ id: r.id, match: "reverse" as const, via: r.text, tier: r.tier }));
}

/** Russian or English → Kazakh: exact, prefix and word matches of translations, then close spellings. */
async function reverseSteps(normalized: string, lang: TranslationLang, found: Collector): Promise<void> {
  const matches = await reverseRows(normalized, lang, found.limit, true);
  for (const r of matches) found.add(r);
  if (
    matches.some((r) => r.tier === 0) ||
    found.full ||
    [...normalized].length < 3 ||
    [...normalized].length > TYPO_MAX_LENGTH
  )
    return;
  const length = [...normalized].length;
  const allowed = maxEdits(length);
  const rows = await prisma.$queryRaw<{ id: string; text: string; normalized: string; sim: number; weight: number }[]>`
    SELECT s."entryId" AS id, t.text, t.normalized, similarity(t.normalized, ${normalized}) AS sim, e.weight
    FROM "DictionaryTranslation" t
    JOIN "DictionarySense" s ON s.id = t."senseId"
    JOIN "DictionaryEntry" e ON e.id = s."entryId"
    WHERE t.normalized % ${normalized} AND t.lang = ${lang}
    ORDER BY sim DESC, e.weight DESC
    LIMIT 40`;
  rows
    .map((r) => ({ ...r, distance: editDistance(normalized, r.normalized, allowed + 1) }))
    .filter((r) => r.distance <= allowed || r.sim >= 0.5)
    .sort((a, b) => a.distance - b.distance || b.weight - a.weight || b.sim - a.sim)
    .forEach((r) => found.add({ id: r.id, match: "reverse", via: r.text }));
}

/** Headword, Latin spelling, parts of speech and translations of the hits (one query for those not read yet). */
async function hydrate(candidates: Candidate[], to: To, cache: HydratedCache): Promise<LookupHit[]> {
  if (!candidates.length) return [];
  const missing = candidates.map((c) => c.id).filter((id) => !cache.has(id));
  const rows = missing.length
    ? await prisma.$queryRaw<
        Hydrated[]
      >`SELECT ${HYDRATED} FROM "DictionaryEntry" e WHERE e.id = ANY(${missing}::text[])`
    : [];
  const byId = new Map<string, Hydrated>([...cache, ...rows.map((r) => [r.id, r] as const)]);
  const hits: LookupHit[] = [];
  for (const c of candidates) {
    const r = byId.get(c.id);
    if (!r) continue;
    const senses =
      (typeof r.senses === "string" ? (JSON.parse(r.senses) as Exclude<Hydrated["senses"], string>) : r.senses) ?? [];
    const pick = (lang: TranslationLang) =>
      to === "all" || to === lang || to === "kk"
        ? [...new Set(senses.flatMap((s) => (s.t ?? []).filter((t) => t.l === lang).map((t) => t.x)))].slice(
            0,
            TRANSLATIONS_PER_HIT,
          )
        : [];
    hits.push({
      slug: r.slug,
      lemma: r.lemma,
      lemmaLatin: r.lemmaLatin,
      checked: r.checked,
      partsOfSpeech: [...new Set(senses.map((s) => s.p).filter((p): p is string => Boolean(p)))],
      translations: { ru: pick("ru"), en: pick("en") },
      match: c.match,
      ...(c.via ? { via: c.via } : {}),
    });
  }
  return hits;
}
