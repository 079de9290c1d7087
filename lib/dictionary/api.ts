import "server-only";
/**
 * Shapes of the public dictionary API (`/api/v1/dictionary…`), shared by the route handlers and the
 * documentation page.
 */
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/routing";
import { MAX_QUERY_LENGTH } from "./constants";
import type { EntryView } from "./entries";
import type { LookupResult } from "./search";

/** Public, identical for everyone: shared caches may keep it for five minutes. */
export const PUBLIC_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

/** The JSON of a lookup, as the API answers it and the search box shows it. */
export type LookupJson = Awaited<ReturnType<typeof lookupJson>>;

export async function lookupJson(result: LookupResult, locale: Locale) {
  // Outside a request's context too (route handlers under test): the locale's messages directly.
  const t = createTranslator({
    locale,
    messages: loadMessages(locale) as never,
    namespace: "dictionary.hints" as never,
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return {
    query: result.query,
    from: result.from,
    detected: result.detected,
    to: result.to,
    hint: result.hint
      ? { code: result.hint, message: t(result.hint, { query: result.query, max: MAX_QUERY_LENGTH }) }
      : null,
    count: result.hits.length,
    results: result.hits.map((h) => ({
      slug: h.slug,
      url: `/${locale}/dictionary/${h.slug}`,
      lemma: h.lemma,
      latin: h.lemmaLatin,
      partsOfSpeech: h.partsOfSpeech,
      translations: h.translations,
      match: h.match,
      via: h.via ?? null,
      checked: h.checked,
    })),
  };
}

export function entryJson(entry: EntryView, locale: Locale) {
  return {
    slug: entry.slug,
    url: `/${locale}/dictionary/${entry.slug}`,
    lemma: entry.lemma,
    latin: entry.lemmaLatin,
    themes: entry.themes,
    checked: entry.checked,
    updatedAt: entry.updatedAt,
    senses: entry.senses.map((s) => ({
      partOfSpeech: s.partOfSpeech,
      gloss: s.gloss,
      translations: { ru: s.ru, en: s.en },
      examples: s.examples,
    })),
    related: entry.related.map((r) => ({ slug: r.slug, lemma: r.lemma, latin: r.lemmaLatin, kind: r.kind })),
  };
}
