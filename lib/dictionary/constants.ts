/**
 * Closed lists shared by the dictionary's services, forms and API: parts of speech, thematic lists,
 * languages and query limits.
 */

/** Part-of-speech codes (labels under `dictionary.pos.<code>`). */
export const PARTS_OF_SPEECH = [
  "n",
  "v",
  "adj",
  "adv",
  "num",
  "pron",
  "det",
  "post",
  "cnj",
  "ij",
  "part",
  "abbr",
  "phr",
] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** Thematic word lists of the Learn Kazakh pages (labels under `learn.themes.<code>`). */
export const THEMES = ["school", "family", "numbers", "time", "city", "food", "colours", "greetings"] as const;
export type Theme = (typeof THEMES)[number];

/** Languages of translations. */
export const TRANSLATION_LANGS = ["ru", "en"] as const;
export type TranslationLang = (typeof TRANSLATION_LANGS)[number];

/** Query direction: the language the query is written in. */
export const FROM_VALUES = ["auto", "kk", "ru", "en"] as const;
export type From = (typeof FROM_VALUES)[number];
export type Language = Exclude<From, "auto">;

/** Which translations to return for Kazakh headwords ("all": Russian and English); "kk" for reverse lookups. */
export const TO_VALUES = ["all", "ru", "en", "kk"] as const;
export type To = (typeof TO_VALUES)[number];

/** Longest query looked up; longer ones get a hint instead of results. */
export const MAX_QUERY_LENGTH = 100;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

export const RELATION_KINDS = ["SYNONYM", "ANTONYM", "RELATED", "PHRASE"] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

export function isPartOfSpeech(value: unknown): value is PartOfSpeech {
  return typeof value === "string" && (PARTS_OF_SPEECH as readonly string[]).includes(value);
}
