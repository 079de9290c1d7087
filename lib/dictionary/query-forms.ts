import { looksLikeKazakhLatin, lemmaCandidates, toSearchForms } from "../text";

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** і or и after a vowel: in the Latin alphabet of 2021 й is written i as well (үй → üi, ойла → oila). */
const I_AFTER_VOWEL = /(?<=[аәеоөұүыіиуэюя])[іи]/gu;

/**
 * The Cyrillic forms under which a Kazakh query is looked up. Latin input is transliterated (see
 * toSearchForms), plus one more reading with й for an i after a vowel, so "üi" finds үй.
 */
export function kazakhForms(query: string): string[] {
  const forms = toSearchForms(query);
  const cyrillic = forms.filter((f) => CYRILLIC.test(f));
  if (!cyrillic.length) return forms.slice(0, 1);
  if (looksLikeKazakhLatin(query)) {
    const withY = cyrillic[0]!.replace(I_AFTER_VOWEL, "й");
    if (!cyrillic.includes(withY)) cyrillic.push(withY);
  }
  return cyrillic;
}

/**
 * Every headword an (inflected) Kazakh query may stand for: its own forms first, then the lemma candidates
 * of suffix stripping, least stripped first; bounded.
 */
export function headwordKeys(query: string, max = 60): { forms: string[]; keys: string[] } {
  const forms = kazakhForms(query);
  const keys: string[] = [...forms];
  for (const form of forms) for (const c of lemmaCandidates(form)) if (!keys.includes(c)) keys.push(c);
  return { forms, keys: keys.slice(0, max) };
}

/** Escapes LIKE wildcards so that user text matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
