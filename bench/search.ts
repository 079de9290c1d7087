/**
 * `npm run bench:search [-- --docs 100000 --runs 200]`: the PostgreSQL search engine at portal scale.
 *
 * 1. Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL — its public
 *    schema is dropped and recreated), migrated, no seed.
 * 2. Generates `--docs` documents in Kazakh, Russian and English (titles of 3–6 words, bodies of 30–80,
 *    words drawn with a skewed frequency from a generated vocabulary of 4,000 words per language, eight
 *    types, 17 regions, 5 % restricted and 2 % hidden) and indexes them in batches of 500: documents/s.
 * 3. Times `--runs` searches of each kind after a warm-up, as the search page asks them (facets, snippets,
 *    10 hits, a reader's audience): one word, three words of one document, a word of 5+ letters with one
 *    letter replaced, and the first 3–4 letters of a word (prefix). Target: p95 ≤ 50 ms.
 * 4. Times a full reindex (shadow generation, then the switch).
 *
 * Writes bench/results/search-<date>-<db>.json.
 */
import { closeBenchDatabase, log, openBenchDatabase, option, ms, round, timeRuns, writeResult } from "./lib";
import { PgSearchEngine } from "../lib/search/pg";
import { DOCUMENT_TYPES, LANGUAGES, type Language, type SearchDocument } from "../lib/search/types";
import { rng } from "../prisma/seed/random";

const DOCS = option("docs", 100_000);
const RUNS = option("runs", 200);
const VOCABULARY = 4_000;

const r = rng(20261123);
const ALPHABET: Record<Language, { c: string[]; v: string[] }> = {
  kk: { c: [..."бдгжзйклмнпрстшқңғ"], v: [..."аеыіоұүөә"] },
  ru: { c: [..."бвгдзклмнпрстфхчш"], v: [..."аеиоуыя"] },
  en: { c: [..."bcdfghklmnprstvw"], v: [..."aeiou"] },
};

function word(language: Language): string {
  const { c, v } = ALPHABET[language];
  const syllables = r.int(2, 4);
  let w = "";
  for (let i = 0; i < syllables; i++) w += r.pick(c) + r.pick(v) + (r.next() < 0.3 ? r.pick(c) : "");
  return w;
}

const vocabulary = Object.fromEntries(
  LANGUAGES.map((l) => [l, [...new Set(Array.from({ length: VOCABULARY * 1.2 }, () => word(l)))].slice(0, VOCABULARY)]),
) as Record<Language, string[]>;
/** Skewed: low indexes (common words) far more often than high ones. */
const draw = (l: Language) => vocabulary[l][Math.floor(VOCABULARY * r.next() ** 2.5)]!;
const words = (l: Language, n: number) => Array.from({ length: n }, () => draw(l)).join(" ");
const REGIONS = Array.from({ length: 17 }, (_, i) => `${String(10 + i * 4).padStart(2, "0")}0000000`);

function documentAt(i: number): SearchDocument {
  const language = LANGUAGES[i % 3]!;
  const roll = r.next();
  return {
    id: `${DOCUMENT_TYPES[i % DOCUMENT_TYPES.length]}:b${i}:${language}`,
    type: DOCUMENT_TYPES[i % DOCUMENT_TYPES.length]!,
    language,
    title: words(language, r.int(3, 6)),
    body: words(language, r.int(30, 80)),
    url: `/bench/${i}`,
    region: r.pick(REGIONS),
    visibility:
      roll < 0.02
        ? { kind: "hidden" }
        : roll < 0.07
          ? { kind: "restricted", roles: ["MODERATOR"] }
          : { kind: "public" },
  };
}

const { db, label } = await openBenchDatabase({ seed: false });
try {
  const engine = new PgSearchEngine(db.raw, db.kind);
  console.log(`Search benchmark: ${DOCS} documents, ${label}`);
  const documents = Array.from({ length: DOCS }, (_, i) => documentAt(i));

  let start = process.hrtime.bigint();
  for (let i = 0; i < documents.length; i += 500) {
    await engine.index(documents.slice(i, i + 500));
    if ((i / 500) % 40 === 0) process.stdout.write(`\r  indexed ${i}…`);
  }
  const indexSeconds = ms(start) / 1000;
  const docsPerSecond = round(DOCS / indexSeconds, 0);
  console.log(`\r  indexing: ${DOCS} documents in ${round(indexSeconds)} s = ${docsPerSecond} documents/s`);
  await db.raw.exec(`ANALYZE "SearchDocument"; ANALYZE "SearchTerm"`);

  const sample = (k: number) => documents[(k * 7919 + 13) % documents.length]!;
  const bodyWords = (k: number) => sample(k).body.split(" ");
  const long = (k: number) => bodyWords(k).find((w) => [...w].length >= 6) ?? bodyWords(k)[0]!;
  const typo = (w: string) => {
    const chars = [...w];
    const at = 2 + (chars.length > 4 ? (chars.length - 3) % 3 : 0);
    chars[at] =
      chars[at] === "а" || chars[at] === "a"
        ? /[a-z]/.test(chars[at]!)
          ? "o"
          : "о"
        : /[a-z]/.test(chars[at]!)
          ? "a"
          : "а";
    return chars.join("");
  };
  const kinds: Record<string, (k: number) => string> = {
    oneWord: (k) => bodyWords(k)[k % 10]!,
    threeWords: (k) => bodyWords(k).slice(3, 6).join(" "),
    typo: (k) => typo(long(k)),
    prefix: (k) => [...long(k)].slice(0, 3 + (k % 2)).join(""),
  };
  const queries: Record<string, ReturnType<typeof Object>> = {};
  const found: Record<string, number> = {};
  for (const [kind, make] of Object.entries(kinds)) {
    let hits = 0;
    queries[kind] = await timeRuns(RUNS, async (k) => {
      const res = await engine.search({
        q: make(k + 1),
        audience: ["public"],
        facets: true,
        highlight: true,
        limit: 10,
      });
      if (k >= 0 && res.total > 0) hits++;
    });
    found[kind] = round((100 * hits) / RUNS);
    const s = queries[kind] as { p50: number; p95: number };
    log(`${kind.padEnd(11)} p50 ${s.p50} ms, p95 ${s.p95} ms (queries with results: ${found[kind]} %)`);
  }

  start = process.hrtime.bigint();
  const written = await engine.reindex(async function* () {
    for (let i = 0; i < documents.length; i += 500) yield documents.slice(i, i + 500);
  });
  const reindexSeconds = round(ms(start) / 1000);
  log(`reindex: ${written} documents in ${reindexSeconds} s`);

  writeResult(
    "search",
    {
      database: label,
      documents: DOCS,
      runs: RUNS,
      indexing: { seconds: round(indexSeconds), docsPerSecond },
      queries,
      foundPercent: found,
      reindexSeconds,
    },
    db.kind,
  );
} finally {
  await closeBenchDatabase();
}
