import "server-only";
/**
 * Cached public reads of the dictionary. Everything is tagged `dictionary`; the lexicographers' actions
 * expire the tag when a change is applied, and time-based revalidation bounds staleness after an import
 * (which runs while the server is stopped) or on other instances.
 */
import { cached, TAGS } from "../cache";
import { getEntry, themeCounts, themeWords, wordOfTheDay } from "./entries";
import { lookup } from "./search";

export const cachedLookup = cached(lookup, ["dictionary:lookup:1"], {
  tags: [TAGS.dictionary],
  revalidate: 300,
});

export const cachedEntryBySlug = cached((slug: string) => getEntry({ slug }), ["dictionary:entry:1"], {
  tags: [TAGS.dictionary],
  revalidate: 3600,
});

export const cachedThemeWords = cached(themeWords, ["dictionary:theme:1"], {
  tags: [TAGS.dictionary],
  revalidate: 3600,
});

export const cachedThemeCounts = cached(themeCounts, ["dictionary:theme-counts:1"], {
  tags: [TAGS.dictionary],
  revalidate: 3600,
});

/** Keyed by the date, so a new day gets a new word without waiting for revalidation. */
export const cachedWordOfTheDay = cached(wordOfTheDay, ["dictionary:word-of-the-day:1"], {
  tags: [TAGS.dictionary],
  revalidate: 3600,
});
