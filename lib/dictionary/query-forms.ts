import { latToCyr, looksLikeKazakhLatin, lemmaCandidates, normalizeText, toSearchForms } from "../text";

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** і or и after a vowel: in the Latin alphabet of 2021 й is written i as well (үй → üi, ойла → oila). */
const I_AFTER_VOWEL = /(?<=[аәеоөұүыіиуэюя])[іи]/gu;

/** Keeps latToCyr from reading i + a/o/u as я/ё/ю (removed again by normalizeText). */
const JOINER = "\u2060";

/**
 * Readings of Latin text as a Russian loanword spelt in the 2021 alphabet (симпозиум → simpozium,
 * акклиматизация → akklimatizatsiia): i is и, ts is ц, io/iu are и + о/у; ia once as я and once as и + а.
 */
function loanwordReadings(latin: string): string[] {
  const base = latin
    .normalize("NFC")
    .replace(/ts/g, "ц")
    .replace(/TS|Ts/g, "Ц")
    .replace(/([iİ])(?=[ouOU])/g, `$1${JOINER}`);
  return [base, base.replace(/([iİ])(?=[aA])/g, `$1${JOINER}`)].map((s) =>
    normalizeText(latToCyr(s, { dottedI: "и" })),
  );
}

/**
 * The Cyrillic forms under which a Kazakh query is looked up, most likely first. Latin input is
 * transliterated (see toSearchForms), then read with й for an i after a vowel ("üi" → үй), with һ for h
 * ("jihaz" → жиһаз) and as a loanword ("trilliard" → триллиард).
 */
export function kazakhForms(query: string): string[] {
  const forms = toSearchForms(query);
  const cyrillic = forms.filter((f) => CYRILLIC.test(f));
  if (!cyrillic.length) return forms.slice(0, 1);
  if (looksLikeKazakhLatin(query)) {
    const extra = cyrillic.slice(0, 2).flatMap((f) => [f.replace(I_AFTER_VOWEL, "й"), f.replace(/х/g, "һ")]);
    if (/[iİ]|ts/i.test(query)) extra.push(...loanwordReadings(query));
    for (const form of extra) if (form && !cyrillic.includes(form)) cyrillic.push(form);
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
