/**
 * `npm run bench:dictionary [-- --queries 1000 --apertium <dir> --memory]`: dictionary lookups after the
 * Apertium import.
 *
 * 1. Builds a throw-away database (PGlite in ./data/bench-dictionary, wiped first; in memory with --memory;
 *    or the PostgreSQL of TEST_DATABASE_URL, its public schema dropped and recreated), migrates it, loads
 *    the starter vocabulary and imports both Apertium files (../shared/data/apertium by default), timing
 *    the import (parse + write).
 * 2. Samples `--queries` lookups from the lemmas (deterministically): 70 % the headword as it is (a fifth
 *    of those typed in the Latin alphabet), 10 % with one typo (a letter replaced, dropped, doubled or two
 *    swapped), 20 % inflected (plural, case and past-tense suffixes with vowel harmony).
 * 3. Runs lookup() — the service behind the dictionary page and the API, without the result cache — one
 *    query after another after a warm-up, timing each (wall clock, and the CPU time of this process, which
 *    on the embedded database includes the database's work), and checks whether the intended lemma is the
 *    first result and among the first five. Target: p95 ≤ 20 ms.
 *
 * Prints the figures and writes bench/results/dictionary-<date>.json.
 */
import { existsSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { importApertium } from "../lib/dictionary/import";
import { lookup } from "../lib/dictionary/search";
import { cyrToLat } from "../lib/text";
import { seedDictionary } from "../prisma/seed/dictionary";
import { rng } from "../prisma/seed/random";
import { closeBenchDatabase, flag, openBenchDatabase, option, summary as stats, textOption, writeResult } from "./lib";

const QUERIES = option("queries", 1000);
const APERTIUM = resolve(textOption("apertium") ?? join("..", "shared", "data", "apertium"));
const MEMORY = flag("memory");
const WARMUP = 100;
const TARGET_P95_MS = 20;

type Kind = "exact" | "latin" | "typo" | "inflected";
interface Sample {
  kind: Kind;
  query: string;
  lemma: string;
}

const BACK = /[аоұы]/;
const FRONT = /[әеөүі]/;
const VOWEL = /[аәеёиоөуұүыіэюя]$/;
const VOICELESS = /[пфктсшщхцчқ]$/;
const NASAL = /[мнң]$/;
const LETTERS = [..."абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"];

/** Is the last vowel of the stem back (а о ұ ы) or front (ә е ө ү і)? */
function harmony(stem: string): "back" | "front" {
  for (let i = stem.length - 1; i >= 0; i--) {
    if (BACK.test(stem[i]!)) return "back";
    if (FRONT.test(stem[i]!)) return "front";
  }
  return "back";
}

/** A regular inflected form of a noun or verb (consonant-initial suffixes only, so no stem alternation). */
function inflect(stem: string, pos: string, random: ReturnType<typeof rng>): string | null {
  const b = harmony(stem) === "back";
  const pick = (back: string, front: string) => (b ? back : front);
  const vowel = VOWEL.test(stem);
  const voiceless = VOICELESS.test(stem);
  const nasal = NASAL.test(stem);
  if (pos === "v") {
    const past = voiceless ? pick("ты", "ті") : pick("ды", "ді");
    const participle = voiceless ? pick("қан", "кен") : pick("ған", "ген");
    return stem + random.pick([past, past + "м", past + "қ", participle]);
  }
  if (pos !== "n" && pos !== "adj") return null;
  const plural =
    vowel || /[рйу]$/.test(stem)
      ? pick("лар", "лер")
      : voiceless || /[бвгд]$/.test(stem)
        ? pick("тар", "тер")
        : pick("дар", "дер");
  const locative = (s: string) => s + (VOICELESS.test(s) ? pick("та", "те") : pick("да", "де"));
  const dative = (s: string) => s + (VOICELESS.test(s) ? pick("қа", "ке") : pick("ға", "ге"));
  const ablative = (s: string) =>
    s + (VOICELESS.test(s) ? pick("тан", "тен") : NASAL.test(s) ? pick("нан", "нен") : pick("дан", "ден"));
  const forms = [
    stem + plural,
    locative(stem),
    dative(stem),
    ablative(stem),
    locative(stem + plural),
    ablative(stem + plural),
  ];
  void nasal;
  return random.pick(forms);
}

function typo(word: string, random: ReturnType<typeof rng>): string {
  const chars = [...word];
  const i = random.int(1, chars.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      chars[i] = random.pick(LETTERS.filter((l) => l !== chars[i]));
      break;
    case 1:
      chars.splice(i, 1);
      break;
    case 2:
      chars.splice(i, 0, chars[i]!);
      break;
    default:
      [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  }
  return chars.join("");
}

const files = ["apertium-kaz-rus.kaz-rus.dix", "apertium-eng-kaz.eng-kaz.dix"].map((f) => join(APERTIUM, f));
if (!files.every((f) => existsSync(f)))
  throw new Error(`The Apertium files are not in ${APERTIUM} (give --apertium <dir>).`);

const url = process.env.TEST_DATABASE_URL;
const dir = join("data", "bench-dictionary", "pglite");
if (!url && !MEMORY) rmSync(join("data", "bench-dictionary"), { recursive: true, force: true });

try {
  const { db, label } = await openBenchDatabase({ dir: MEMORY ? "memory://" : dir, seed: false });
  console.log(`Dictionary benchmark on ${label}`);
  await seedDictionary(db.prisma);

  const t0 = performance.now();
  const report = await importApertium(
    db.prisma,
    files.map((path) => ({ path })),
  );
  const importMs = performance.now() - t0;
  const w = report.write!;
  console.log(
    `  import: ${report.lemmas} lemmas → ${w.entriesCreated} entries, ${w.sensesCreated} senses, ${w.translationsCreated.ru} ru + ${w.translationsCreated.en} en translations in ${(importMs / 1000).toFixed(1)} s (parse ${(report.parseMs / 1000).toFixed(1)} s, write ${(report.writeMs / 1000).toFixed(1)} s)`,
  );
  const t1 = performance.now();
  const again = await importApertium(
    db.prisma,
    files.map((path) => ({ path })),
  );
  const reimportMs = performance.now() - t1;
  console.log(
    `  second import (nothing to change: ${again.write!.entriesCreated} created): ${(reimportMs / 1000).toFixed(1)} s`,
  );

  // Sample the queries from the lemmas.
  const entries = await db.prisma.dictionaryEntry.findMany({
    select: { normalized: true, senses: { select: { partOfSpeech: true }, take: 1, orderBy: { position: "asc" } } },
  });
  const lemmaSet = new Set(entries.map((e) => e.normalized));
  const single = entries.filter((e) => /^[\p{Script=Cyrillic}]+$/u.test(e.normalized));
  const random = rng(20_210);
  const samples: Sample[] = [];
  const counts = {
    exact: Math.round(QUERIES * 0.56),
    latin: Math.round(QUERIES * 0.14),
    typo: Math.round(QUERIES * 0.1),
  };
  const inflectedCount = QUERIES - counts.exact - counts.latin - counts.typo;
  for (let i = 0; i < counts.exact; i++) {
    const e = random.pick(entries);
    samples.push({ kind: "exact", query: e.normalized, lemma: e.normalized });
  }
  for (let i = 0; i < counts.latin; i++) {
    const e = random.pick(single);
    samples.push({ kind: "latin", query: cyrToLat(e.normalized), lemma: e.normalized });
  }
  while (samples.filter((s) => s.kind === "typo").length < counts.typo) {
    const e = random.pick(single);
    if ([...e.normalized].length < 4) continue;
    const q = typo(e.normalized, random);
    if (!lemmaSet.has(q)) samples.push({ kind: "typo", query: q, lemma: e.normalized });
  }
  const inflectable = single.filter(
    (e) => ["n", "v", "adj"].includes(e.senses[0]?.partOfSpeech ?? "") && [...e.normalized].length >= 3,
  );
  while (samples.filter((s) => s.kind === "inflected").length < inflectedCount) {
    const e = random.pick(inflectable);
    const q = inflect(e.normalized, e.senses[0]!.partOfSpeech!, random);
    if (q && !lemmaSet.has(q)) samples.push({ kind: "inflected", query: q, lemma: e.normalized });
  }
  for (let i = samples.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [samples[i], samples[j]] = [samples[j]!, samples[i]!];
  }

  for (let i = 0; i < WARMUP; i++) await lookup({ q: random.pick(entries).normalized });
  // The floor: one trivial query through the same client (other processes on the machine raise it).
  const floor: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    await db.prisma.$queryRaw`SELECT 1`;
    floor.push(performance.now() - start);
  }
  const loadBefore = loadavg()[0]!;

  const times: number[] = [];
  const cpuTimes: number[] = [];
  const byKind: Record<Kind, { times: number[]; cpu: number[]; top1: number; top5: number }> = {
    exact: { times: [], cpu: [], top1: 0, top5: 0 },
    latin: { times: [], cpu: [], top1: 0, top5: 0 },
    typo: { times: [], cpu: [], top1: 0, top5: 0 },
    inflected: { times: [], cpu: [], top1: 0, top5: 0 },
  };
  const misses: Sample[] = [];
  for (const s of samples) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await lookup({ q: s.query });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    times.push(ms);
    cpuTimes.push((used.user + used.system) / 1000);
    const k = byKind[s.kind];
    k.times.push(ms);
    k.cpu.push((used.user + used.system) / 1000);
    const rank = result.hits.findIndex(
      (h) => h.lemma.normalize("NFC").toLowerCase() === s.lemma || h.lemma === s.lemma,
    );
    if (rank === 0) k.top1++;
    if (rank >= 0 && rank < 5) k.top5++;
    else if (misses.length < 15) misses.push(s);
  }

  const overall = stats(times);
  // The embedded database runs inside this process: its CPU time is the lookup's own work, whatever else
  // the machine is doing (wall-clock time also counts waiting for a CPU).
  const cpuOverall = stats(cpuTimes);
  const loadAfter = loadavg()[0]!;
  const roundTrip = stats(floor);
  console.log(
    `  machine load (1-min average) ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${cpus().length} CPUs; one trivial query: p50 ${roundTrip.p50} ms, p95 ${roundTrip.p95} ms`,
  );
  const kinds = Object.fromEntries(
    (Object.keys(byKind) as Kind[]).map((kind) => {
      const k = byKind[kind];
      return [
        kind,
        {
          ...stats(k.times),
          cpuP50: stats(k.cpu).p50,
          cpuP95: stats(k.cpu).p95,
          top1: `${((100 * k.top1) / k.times.length).toFixed(1)} %`,
          top5: `${((100 * k.top5) / k.times.length).toFixed(1)} %`,
        },
      ];
    }),
  );
  console.log(
    `  lookups: ${overall.n}, mean ${overall.mean} ms, p50 ${overall.p50} ms, p95 ${overall.p95} ms, p99 ${overall.p99} ms, max ${overall.max} ms (target p95 ≤ ${TARGET_P95_MS} ms: ${overall.p95 <= TARGET_P95_MS ? "met" : "NOT met"})`,
  );
  console.log(
    `  CPU time per lookup (this process${db.kind === "pglite" ? ", embedded database included" : " only, not the PostgreSQL server"}): mean ${cpuOverall.mean} ms, p50 ${cpuOverall.p50} ms, p95 ${cpuOverall.p95} ms, p99 ${cpuOverall.p99} ms`,
  );
  for (const [kind, k] of Object.entries(kinds))
    console.log(
      `    ${kind.padEnd(9)} n=${k.n} p50 ${k.p50} ms, p95 ${k.p95} ms (CPU p50 ${k.cpuP50} ms, p95 ${k.cpuP95} ms); intended lemma first ${k.top1}, in top 5 ${k.top5}`,
    );
  if (misses.length) console.log(`  some misses: ${misses.map((m) => `${m.query}→${m.lemma}`).join(", ")}`);

  const out = {
    benchmark: "dictionary",
    loadAverage: { before: loadBefore, after: loadAfter },
    trivialQueryMs: roundTrip,
    backend: label,
    import: {
      files: report.files,
      lemmas: report.lemmas,
      translations: report.translations,
      write: w,
      ms: Math.round(importMs),
      parseMs: Math.round(report.parseMs),
      writeMs: Math.round(report.writeMs),
      secondImportMs: Math.round(reimportMs),
    },
    entries: entries.length,
    queries: {
      total: samples.length,
      mix: { exact: counts.exact, latin: counts.latin, typo: counts.typo, inflected: inflectedCount },
      warmup: WARMUP,
    },
    lookupMs: overall,
    lookupCpuMs: cpuOverall,
    lookupCpuNote:
      db.kind === "pglite"
        ? "CPU time of the benchmark process, embedded database included"
        : "CPU time of the benchmark process only (the PostgreSQL server's work is not included)",
    targetP95Ms: TARGET_P95_MS,
    byKind: kinds,
    misses,
  };
  writeResult("dictionary", out, db.kind);
} finally {
  await closeBenchDatabase();
  if (!url && !MEMORY) rmSync(join("data", "bench-dictionary"), { recursive: true, force: true });
}
