/**
 * Writes merged Apertium lemmas into the dictionary, idempotently: new lemmas become entries (source
 * "apertium"); entries created by an earlier import and never edited get the senses and translations
 * they lack; entries written by people (the seed, lexicographers) are left as they are. Running the same
 * import twice changes nothing. Everything is written in one transaction.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { normalizeText } from "../text";
import { readDix, type DixEntry } from "./apertium";
import {
  LemmaMerger,
  languagesFromFileName,
  type FileLanguage,
  type FileStats,
  type ImportedLemma,
} from "./import-model";
import { latinHeadword, slugify, uniqueSlug } from "./slug";

export const IMPORT_SOURCE = "apertium";

export interface WriteStats {
  lemmas: number;
  entriesCreated: number;
  entriesExtended: number;
  entriesUnchanged: number;
  /** Lemmas whose entry people wrote, edited or deleted (the seed, lexicographers): left untouched. */
  entriesCurated: number;
  sensesCreated: number;
  translationsCreated: { ru: number; en: number };
}

export interface ImportReport {
  files: FileStats[];
  /** Distinct Kazakh lemmas and translations in the files, after merging. */
  lemmas: number;
  translations: { ru: number; en: number };
  write: WriteStats | null;
  parseMs: number;
  writeMs: number;
}

/** Reads and merges .dix files. Throws (naming the file and line) on the first malformed one. */
export async function readApertiumFiles(
  files: { path: string; languages?: [FileLanguage, FileLanguage] }[],
): Promise<{ merger: LemmaMerger; stats: FileStats[] }> {
  const merger = new LemmaMerger();
  const stats: FileStats[] = [];
  for (const f of files) {
    const languages = f.languages ?? languagesFromFileName(f.path);
    if (!languages)
      throw new Error(
        `${f.path}: cannot tell the languages from the file name (expected apertium-kaz-rus.kaz-rus.dix or apertium-eng-kaz.eng-kaz.dix)`,
      );
    const entries: DixEntry[] = [];
    const lines = createInterface({ input: createReadStream(f.path, { encoding: "utf8" }), crlfDelay: Infinity });
    try {
      for await (const e of readDix(lines)) entries.push(e);
    } catch (error) {
      lines.close();
      throw Object.assign(new Error(`${f.path}: ${(error as Error).message}`), { cause: error });
    }
    stats.push(merger.addFile(f.path, languages[0], languages[1], entries));
  }
  return { merger, stats };
}

/** Parses every file first (nothing is written when one is malformed), then writes in one transaction. */
export async function importApertium(
  prisma: PrismaClient,
  files: { path: string; languages?: [FileLanguage, FileLanguage] }[],
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  const t0 = performance.now();
  const { merger, stats } = await readApertiumFiles(files);
  const lemmas = merger.lemmas();
  const t1 = performance.now();
  const translations = { ru: 0, en: 0 };
  for (const l of lemmas)
    for (const s of l.senses) {
      translations.ru += s.ru.length;
      translations.en += s.en.length;
    }
  const write = options.dryRun ? null : await writeLemmas(prisma, lemmas);
  // Fresh planner statistics, so lookups keep choosing the indexes on the grown tables.
  if (write) await prisma.$executeRawUnsafe(`ANALYZE "DictionaryEntry", "DictionarySense", "DictionaryTranslation"`);
  return {
    files: stats,
    lemmas: lemmas.length,
    translations,
    write,
    parseMs: t1 - t0,
    writeMs: performance.now() - t1,
  };
}

const CHUNK = 2000;

async function inChunks<T>(rows: T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Bulk insert of many rows as one JSON parameter (json_populate_recordset): far fewer round trips and
 * parameters than row-by-row inserts; columns not listed take their defaults.
 */
async function insertRows(tx: Tx, table: string, columns: string[], rows: object[]): Promise<void> {
  if (!rows.length) return;
  const list = columns.map((c) => `"${c}"`).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    JSON.stringify(rows),
  );
}

export async function writeLemmas(prisma: PrismaClient, lemmas: ImportedLemma[]): Promise<WriteStats> {
  return prisma.$transaction(
    async (tx) => {
      const stats: WriteStats = {
        lemmas: lemmas.length,
        entriesCreated: 0,
        entriesExtended: 0,
        entriesUnchanged: 0,
        entriesCurated: 0,
        sensesCreated: 0,
        translationsCreated: { ru: 0, en: 0 },
      };
      const existing = await tx.dictionaryEntry.findMany({
        select: { id: true, slug: true, normalized: true, homonym: true, source: true, version: true },
      });
      const slugs = new Set(existing.map((e) => e.slug));
      const byNormalized = new Map(existing.filter((e) => e.homonym === 1).map((e) => [e.normalized, e]));
      // Lemmas whose entry a lexicographer deleted stay deleted.
      const deleted = new Set(
        (
          await tx.dictionaryRevision.findMany({
            where: { kind: "DELETE", status: "APPROVED" },
            select: { lemma: true },
          })
        ).map((r) => normalizeText(r.lemma)),
      );

      // Senses and translations of earlier imports, for entries that nobody has edited since.
      const importedIds = existing.filter((e) => e.source === IMPORT_SOURCE && e.version === 1).map((e) => e.id);
      const senseRows: { id: string; entryId: string; partOfSpeech: string | null; position: number }[] = [];
      await inChunks(importedIds, 5000, async (ids) => {
        senseRows.push(
          ...(await tx.dictionarySense.findMany({
            where: { entryId: { in: ids }, source: IMPORT_SOURCE },
            select: { id: true, entryId: true, partOfSpeech: true, position: true },
          })),
        );
      });
      const senseByKey = new Map(senseRows.map((s) => [`${s.entryId}|${s.partOfSpeech ?? ""}`, s]));
      const maxPosition = new Map<string, number>();
      for (const s of senseRows) maxPosition.set(s.entryId, Math.max(maxPosition.get(s.entryId) ?? -1, s.position));
      const translationKeys = new Set<string>();
      const translationCount = new Map<string, number>();
      await inChunks(
        senseRows.map((s) => s.id),
        5000,
        async (ids) => {
          for (const t of await tx.dictionaryTranslation.findMany({
            where: { senseId: { in: ids } },
            select: { senseId: true, lang: true, normalized: true },
          })) {
            translationKeys.add(`${t.senseId}|${t.lang}|${t.normalized}`);
            const k = `${t.senseId}|${t.lang}`;
            translationCount.set(k, (translationCount.get(k) ?? 0) + 1);
          }
        },
      );

      const newEntries: Prisma.DictionaryEntryCreateManyInput[] = [];
      const newSenses: Prisma.DictionarySenseCreateManyInput[] = [];
      const newTranslations: Prisma.DictionaryTranslationCreateManyInput[] = [];

      for (const lemma of lemmas) {
        const current = byNormalized.get(lemma.normalized);
        if (
          (current && (current.source !== IMPORT_SOURCE || current.version !== 1)) ||
          (!current && deleted.has(lemma.normalized))
        ) {
          stats.entriesCurated++;
          continue;
        }
        let entryId: string;
        let created = false;
        if (!current) {
          const slug = uniqueSlug(slugify(lemma.lemma), (s) => slugs.has(s));
          slugs.add(slug);
          entryId = `ap_${slug}`;
          const total = lemma.senses.reduce((n, s) => n + s.ru.length + s.en.length, 0);
          newEntries.push({
            id: entryId,
            slug,
            lemma: lemma.lemma,
            lemmaLatin: latinHeadword(lemma.lemma),
            normalized: lemma.normalized,
            source: IMPORT_SOURCE,
            // More translations usually mean a more common word: orders prefix matches.
            weight: Math.min(10, total),
          });
          stats.entriesCreated++;
          created = true;
        } else entryId = current.id;

        let added = false;
        for (const sense of lemma.senses) {
          const key = `${entryId}|${sense.partOfSpeech ?? ""}`;
          let senseId = senseByKey.get(key)?.id;
          if (!senseId) {
            senseId = `${entryId}_${sense.partOfSpeech ?? "x"}`;
            const position = (maxPosition.get(entryId) ?? -1) + 1;
            maxPosition.set(entryId, position);
            newSenses.push({ id: senseId, entryId, position, partOfSpeech: sense.partOfSpeech, source: IMPORT_SOURCE });
            senseByKey.set(key, { id: senseId, entryId, partOfSpeech: sense.partOfSpeech, position });
            stats.sensesCreated++;
            added = true;
          }
          for (const lang of ["ru", "en"] as const) {
            for (const text of sense[lang]) {
              const normalized = normalizeText(text);
              const tkey = `${senseId}|${lang}|${normalized}`;
              if (translationKeys.has(tkey)) continue;
              translationKeys.add(tkey);
              const ckey = `${senseId}|${lang}`;
              const position = translationCount.get(ckey) ?? 0;
              translationCount.set(ckey, position + 1);
              newTranslations.push({
                id: `${senseId}_${lang}_${position}`,
                senseId,
                lang,
                text,
                normalized,
                position,
                source: IMPORT_SOURCE,
              });
              stats.translationsCreated[lang]++;
              added = true;
            }
          }
        }
        if (!created) {
          if (added) stats.entriesExtended++;
          else stats.entriesUnchanged++;
        }
      }

      const now = new Date().toISOString();
      await inChunks(newEntries, CHUNK, (rows) =>
        insertRows(
          tx,
          "DictionaryEntry",
          ["id", "slug", "lemma", "lemmaLatin", "normalized", "source", "weight", "updatedAt"],
          rows.map((r) => ({ ...r, updatedAt: now })),
        ),
      );
      await inChunks(newSenses, CHUNK * 2, (rows) =>
        insertRows(tx, "DictionarySense", ["id", "entryId", "position", "partOfSpeech", "source"], rows),
      );
      await inChunks(newTranslations, CHUNK * 2, (rows) =>
        insertRows(
          tx,
          "DictionaryTranslation",
          ["id", "senseId", "lang", "text", "normalized", "position", "source"],
          rows,
        ),
      );
      return stats;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
