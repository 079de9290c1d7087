import { cyrToLat, normalizeText } from "../text";

/**
 * The permanent URL segment of an entry: the normalised headword in the 2021 Latin alphabet, words joined
 * by hyphens ("үй тапсырмасы" → "üi-tapsyrmasy"). Homographs and transliteration clashes get "-2", "-3"…
 * (see uniqueSlug). A slug is assigned once and never changes, even when the headword is corrected.
 */
export function slugify(lemma: string): string {
  const latin = cyrToLat(normalizeText(lemma));
  const slug = latin
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "entry";
}

/** Path segments of the dictionary's own pages, never given to an entry. */
const RESERVED = new Set(["api", "learn", "new", "edit", "search"]);

/** The first of slug, slug-2, slug-3… that `taken` does not contain (and is not a reserved segment). */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base) && !RESERVED.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Latin spelling shown beside the Cyrillic headword (case kept). */
export function latinHeadword(lemma: string): string {
  return cyrToLat(lemma.normalize("NFC").trim());
}
