import "server-only";
/**
 * Cached public reads of the dictionary. Everything is tagged DICTIONARY_TAG; the lexicographers' actions
 * expire the tag when a change is applied, and time-based revalidation bounds staleness after an import
 * (which runs while the server is stopped) or on other instances.
 */
import { unstable_cache } from "next/cache";
import { getEntry, themeCounts, themeWords, wordOfTheDay } from "./entries";
import { lookup } from "./search";

export const DICTIONARY_TAG = "dictionary";

export const cachedLookup = unstable_cache(lookup, ["dictionary:lookup:1"], {
  tags: [DICTIONARY_TAG],
  revalidate: 300,
});

export const cachedEntryBySlug = unstable_cache((slug: string) => getEntry({ slug }), ["dictionary:entry:1"], {
  tags: [DICTIONARY_TAG],
  revalidate: 3600,
});

export const cachedThemeWords = unstable_cache(themeWords, ["dictionary:theme:1"], {
  tags: [DICTIONARY_TAG],
  revalidate: 3600,
});

export const cachedThemeCounts = unstable_cache(themeCounts, ["dictionary:theme-counts:1"], {
  tags: [DICTIONARY_TAG],
  revalidate: 3600,
});

/** Keyed by the date, so a new day gets a new word without waiting for revalidation. */
export const cachedWordOfTheDay = unstable_cache(wordOfTheDay, ["dictionary:word-of-the-day:1"], {
  tags: [DICTIONARY_TAG],
  revalidate: 3600,
});
