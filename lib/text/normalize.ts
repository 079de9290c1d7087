/**
 * Text normalisation for search and matching of Kazakh / Russian text.
 *
 * Pure string functions: no I/O, no Node-only APIs; safe in browser and server.
 */

import { latToCyr } from "./transliterate";

/**
 * Latin letters that look like a Cyrillic letter, used to repair words typed
 * with a mixed keyboard layout ("мектeп" with a Latin e). Case matters: the
 * map is applied before lowercasing, because the look-alike pairs differ by
 * case (capital H looks like Н, small h like һ; capital B/M/T look like
 * В/М/Т, their small forms do not).
 *
 * Deliberately left out: small b, m, n, t, u (no Cyrillic twin), and
 * ö/ü/ğ (Kazakh Latin letters, not look-alikes). Y/y are mapped to у rather
 * than ү (both are Y-shaped; у is much more frequent). Ə/ə (schwa, often
 * typed for ә) is included.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // lowercase
  a: "а",
  c: "с",
  e: "е",
  h: "һ",
  i: "і",
  k: "к",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  ə: "ә",
  // uppercase
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  I: "І",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
  Ə: "Ә",
};

const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_CHAR = /\p{Script=Latin}/u;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const EDGE_PUNCT = /^\p{P}+|\p{P}+$/gu;

/**
 * Replace Latin look-alikes inside a word that contains Cyrillic. The word is
 * changed only if every Latin letter in it has a Cyrillic twin, so genuine
 * mixed tokens ("Windowsта") are left alone.
 */
function fixLookalikes(word: string): string {
  if (!CYRILLIC.test(word)) return word;
  let changed = false;
  let out = "";
  for (const ch of word) {
    if (LATIN_CHAR.test(ch)) {
      const cyr = LOOKALIKES[ch];
      if (cyr === undefined) return word;
      out += cyr;
      changed = true;
    } else {
      out += ch;
    }
  }
  return changed ? out : word;
}

/** Locale-independent lowercase that keeps "İ" a single "i" (not i + U+0307). */
function lower(s: string): string {
  return s.replace(/İ/g, "i").toLowerCase();
}

/**
 * Normalise free text for matching:
 * 1. Unicode NFC; invisible characters (soft hyphen, zero-width) removed;
 * 2. Latin look-alikes inside Cyrillic words replaced (see LOOKALIKES);
 * 3. lowercased (locale-independent);
 * 4. whitespace collapsed to single spaces and trimmed;
 * 5. punctuation (Unicode category P) stripped from both edges of every
 *    word; inner punctuation (қызыл-жасыл, 2+2, e-mail) is kept, and words
 *    made only of punctuation disappear.
 */
export function normalizeText(s: string): string {
  const fixed = s.normalize("NFC").replace(INVISIBLE, "").replace(WORD, fixLookalikes);
  return lower(fixed)
    .split(/\s+/u)
    .map((word) => word.replace(EDGE_PUNCT, ""))
    .filter((word) => word.length > 0)
    .join(" ");
}

/** Letters of the Kazakh Latin alphabet plus the rest of ASCII a–z. */
const KAZAKH_LATIN_LETTER = /^[a-zäğñöşūüıİ]$/iu;
const ANY_LETTER = /\p{L}/u;

/** True when every letter of `s` is a Kazakh Latin (or ASCII) letter, and there is at least one. */
export function looksLikeKazakhLatin(s: string): boolean {
  let letters = 0;
  for (const ch of s.normalize("NFC")) {
    if (!ANY_LETTER.test(ch)) continue;
    if (!KAZAKH_LATIN_LETTER.test(ch)) return false;
    letters++;
  }
  return letters > 0;
}

/**
 * Forms under which a query should be looked up, most literal first, without
 * duplicates or empty strings:
 *   - normalizeText(s);
 *   - if `s` looks like Kazakh Latin: its Cyrillic transliteration
 *     (lowercase i read as і), normalised;
 *   - if it also contains a dotted i: the transliteration with i read as и
 *     (official orthography), normalised.
 * So "mektep", "MEKTEP" and "мектеп" all yield "мектеп", and "kitap" yields
 * "кітап" (plus "китап", which a lemma list simply won't contain).
 */
export function toSearchForms(s: string): string[] {
  const forms = [normalizeText(s)];
  if (looksLikeKazakhLatin(s)) {
    forms.push(normalizeText(latToCyr(s)));
    if (/[iİ]/u.test(s.normalize("NFC"))) {
      forms.push(normalizeText(latToCyr(s, { dottedI: "и" })));
    }
  }
  return [...new Set(forms)].filter((form) => form.length > 0);
}

const SUPPORTED_CHAR = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]$/u;
const NON_SPACE = /\S/u;

/**
 * True when `s` is written in a script this module handles: Cyrillic and/or
 * Latin letters, digits, punctuation, symbols and spaces. False for empty or
 * whitespace-only input and for any text containing letters (or digits) of
 * another script, e.g. Chinese, Arabic, Greek.
 */
export function isSupportedScript(s: string): boolean {
  if (!NON_SPACE.test(s)) return false;
  for (const ch of s) {
    if (!SUPPORTED_CHAR.test(ch)) return false;
  }
  return true;
}
