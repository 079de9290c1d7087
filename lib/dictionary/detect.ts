import { looksLikeKazakhLatin, normalizeText } from "../text";
import type { Language } from "./constants";

/** Letters only Kazakh Cyrillic has (Russian lacks them). */
const KAZAKH_CYRILLIC = /[әғқңөұүһі]/iu;
/** Letters only the Kazakh Latin alphabet of 2021 has (English lacks them). */
const KAZAKH_LATIN = /[äğñöşūüı]/iu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

export interface Detection {
  language: Language;
  /** False when the text could as well be in the other language of its script (Kazakh or Russian; Kazakh or English). */
  certain: boolean;
}

/**
 * Which language a query is written in, from its letters alone:
 *  - Kazakh Cyrillic letters (ә ғ қ ң ө ұ ү һ і) or Kazakh Latin letters (ä ğ ñ ö ş ū ü ı) → Kazakh, certain;
 *  - Latin with w, x or a c outside "ch" (letters the Kazakh Latin alphabet has no use for) → English, certain;
 *  - other Cyrillic → Kazakh or Russian (even ё щ ъ э occur in Kazakh loanwords: электролиз); other
 *    Latin → Kazakh (Latin) or English: uncertain, the lookup decides by which side has an exact match.
 */
export function detectLanguage(query: string): Detection {
  const text = normalizeText(query);
  if (KAZAKH_CYRILLIC.test(text)) return { language: "kk", certain: true };
  if (CYRILLIC.test(text)) return { language: "kk", certain: false };
  if (LATIN.test(text)) {
    if (KAZAKH_LATIN.test(text) && looksLikeKazakhLatin(text)) return { language: "kk", certain: true };
    if (/[wx]|c(?!h)/iu.test(text) || !looksLikeKazakhLatin(text)) return { language: "en", certain: true };
    return { language: "kk", certain: false };
  }
  return { language: "kk", certain: false };
}

/** The language an uncertain Kazakh guess competes with: Russian for Cyrillic text, English for Latin. */
export function alternativeLanguage(query: string): "ru" | "en" {
  return CYRILLIC.test(query) ? "ru" : "en";
}
