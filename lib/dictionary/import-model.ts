/**
 * From Apertium entries to dictionary entries: one per Kazakh lemma, one sense per part of speech, with
 * the Russian and English translations of that lemma and part of speech. Pure (no database).
 */
import { normalizeText } from "../text";
import type { DixEntry } from "./apertium";
import type { PartOfSpeech, TranslationLang } from "./constants";

/** Kazakh-side tag → part of speech; tags not listed keep the sense without a part of speech. */
const POS_BY_TAG: Record<string, PartOfSpeech> = {
  n: "n",
  v: "v",
  vblex: "v",
  vaux: "v",
  vbser: "v",
  vbhaver: "v",
  vbmod: "v",
  vbdo: "v",
  cop: "v",
  adj: "adj",
  adv: "adv",
  num: "num",
  prn: "pron",
  det: "det",
  post: "post",
  cnjcoo: "cnj",
  cnjsub: "cnj",
  cnjadv: "cnj",
  cs: "cnj",
  ij: "ij",
  interj: "ij",
  postadv: "part",
  qst: "part",
  mod: "part",
  mod_ass: "part",
  emph: "part",
  part: "part",
  abbr: "abbr",
  acr: "abbr",
};

/** Tags of punctuation and other non-words. */
const NON_LEXICAL_TAGS = new Set(["cm", "sent", "lpar", "rpar", "lquot", "rquot", "guio", "apos", "percent", "sym"]);
const PROPER_NOUN_TAGS = new Set(["np"]);
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** Text as shown: a word mixing Cyrillic with Latin look-alikes ("дәрежелi" with a Latin i) is repaired. */
function display(text: string, normalized: string): string {
  return CYRILLIC.test(text) && LATIN.test(text) && !LATIN.test(normalized) ? normalized : text;
}

export type FileLanguage = "kk" | TranslationLang;

export interface FileStats {
  file: string;
  pair: string;
  /** `<e>` elements in the dictionary's sections. */
  entries: number;
  /** Entries that gave a Kazakh lemma with a translation. */
  used: number;
  skippedProperNouns: number;
  /** Punctuation, regular expressions, identity entries. */
  skippedNonLexical: number;
  /** One side empty (grammatical entries used only by the translator). */
  skippedEmptySide: number;
  /** Kazakh side without Cyrillic letters. */
  skippedNotKazakh: number;
  /** Same lemma, part of speech and translation seen before. */
  duplicates: number;
  /** Entries limited to one direction (r="LR" or r="RL") that were used. */
  oneDirection: number;
}

export interface ImportedSense {
  partOfSpeech: PartOfSpeech | null;
  ru: string[];
  en: string[];
}

export interface ImportedLemma {
  lemma: string;
  normalized: string;
  senses: ImportedSense[];
}

interface Bucket {
  lemma: string;
  senses: Map<
    string,
    {
      partOfSpeech: PartOfSpeech | null;
      translations: Record<TranslationLang, { text: string; key: string; primary: boolean; order: number }[]>;
    }
  >;
}

/** Collects pairs of one or more files and merges them per Kazakh lemma. */
export class LemmaMerger {
  private readonly buckets = new Map<string, Bucket>();
  private order = 0;

  /** Adds the entries of one file whose languages are `left` and `right` (one of them Kazakh). */
  addFile(file: string, left: FileLanguage, right: FileLanguage, entries: Iterable<DixEntry>): FileStats {
    if ((left === "kk") === (right === "kk")) throw new Error(`${file}: one side must be Kazakh (kaz)`);
    const kazakhLeft = left === "kk";
    const lang = (kazakhLeft ? right : left) as TranslationLang;
    const stats: FileStats = {
      file,
      pair: `${left}-${right}`,
      entries: 0,
      used: 0,
      skippedProperNouns: 0,
      skippedNonLexical: 0,
      skippedEmptySide: 0,
      skippedNotKazakh: 0,
      duplicates: 0,
      oneDirection: 0,
    };
    for (const e of entries) {
      stats.entries++;
      const kk = kazakhLeft ? e.left : e.right;
      const other = kazakhLeft ? e.right : e.left;
      if (e.kind !== "pair" || [...kk.tags, ...other.tags].some((t) => NON_LEXICAL_TAGS.has(t))) {
        stats.skippedNonLexical++;
        continue;
      }
      if (PROPER_NOUN_TAGS.has(kk.tags[0] ?? "") || PROPER_NOUN_TAGS.has(other.tags[0] ?? "")) {
        stats.skippedProperNouns++;
        continue;
      }
      if (!kk.text || !other.text || !LETTER.test(other.text)) {
        stats.skippedEmptySide++;
        continue;
      }
      const normalized = normalizeText(kk.text);
      if (!CYRILLIC.test(normalized)) {
        stats.skippedNotKazakh++;
        continue;
      }
      const key = normalizeText(other.text);
      const text = display(other.text, key);
      if (!key) {
        stats.skippedEmptySide++;
        continue;
      }
      // Entries that translate from Kazakh (both directions, or the Kazakh → other one) come first.
      const primary = e.direction === "both" || (kazakhLeft ? e.direction === "LR" : e.direction === "RL");
      const pos = POS_BY_TAG[kk.tags[0] ?? ""] ?? null;
      let bucket = this.buckets.get(normalized);
      if (!bucket) {
        bucket = { lemma: display(kk.text, normalized), senses: new Map() };
        this.buckets.set(normalized, bucket);
      }
      const senseKey = pos ?? "";
      let sense = bucket.senses.get(senseKey);
      if (!sense) {
        sense = { partOfSpeech: pos, translations: { ru: [], en: [] } };
        bucket.senses.set(senseKey, sense);
      }
      const list = sense.translations[lang];
      const existing = list.find((t) => t.key === key);
      if (existing) {
        existing.primary ||= primary;
        stats.duplicates++;
        continue;
      }
      list.push({ text, key, primary, order: this.order++ });
      stats.used++;
      if (e.direction !== "both") stats.oneDirection++;
    }
    return stats;
  }

  /** The merged lemmas, sorted by normalised headword; senses in part-of-speech order of first appearance. */
  lemmas(): ImportedLemma[] {
    const out: ImportedLemma[] = [];
    for (const [normalized, bucket] of this.buckets) {
      out.push({
        lemma: bucket.lemma,
        normalized,
        senses: [...bucket.senses.values()].map((s) => ({
          partOfSpeech: s.partOfSpeech,
          ru: sortTranslations(s.translations.ru),
          en: sortTranslations(s.translations.en),
        })),
      });
    }
    return out.sort((a, b) => (a.normalized < b.normalized ? -1 : a.normalized > b.normalized ? 1 : 0));
  }
}

function sortTranslations(list: { text: string; primary: boolean; order: number }[]): string[] {
  return [...list].sort((a, b) => Number(b.primary) - Number(a.primary) || a.order - b.order).map((t) => t.text);
}

/** Languages of a file named like Apertium's: apertium-kaz-rus.kaz-rus.dix → ["kk", "ru"]. */
export function languagesFromFileName(path: string): [FileLanguage, FileLanguage] | null {
  const m = /apertium-([a-z]{3})-([a-z]{3})\.\1-\2\.dix$/.exec(path);
  if (!m) return null;
  const map: Record<string, FileLanguage> = { kaz: "kk", rus: "ru", eng: "en" };
  const left = map[m[1]!];
  const right = map[m[2]!];
  return left && right ? [left, right] : null;
}
