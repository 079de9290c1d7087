/**
 * Kazakh text utilities: transliteration (Cyrillic ⇄ Latin 2021),
 * normalisation for search, and lemma candidates by suffix stripping.
 * Pure functions without I/O; usable in browser and server code.
 */
export { cyrToLat, latToCyr, type LatToCyrOptions } from "./transliterate";
export { normalizeText, toSearchForms, isSupportedScript, looksLikeKazakhLatin } from "./normalize";
export { lemmaCandidates } from "./stem";
