/**
 * `npm run dictionary:import -- --apertium <file.dix> [--apertium <file.dix>…] [--dry-run]`
 *
 * Imports Apertium bilingual dictionaries (Kazakh–Russian, English–Kazakh) into the dictionary, merged per
 * Kazakh lemma. A directory imports every apertium-*.dix in it. The files are read from where they are
 * (they are GPL-licensed and never copied into the project). Every file is parsed before anything is
 * written, so a malformed file is refused with its line number and nothing is imported; running the same
 * import again changes nothing. On the embedded database the server must be stopped first.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { useDatabase } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { importApertium, type ImportReport } from "../lib/dictionary/import";
import { openForCli, run } from "./cli";

/** Every value of a repeated flag: `--apertium a --apertium b` → [a, b]. */
function repeated(name: string, argv = process.argv.slice(2)): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    if (a === `--${name}` && argv[i + 1] && !argv[i + 1]!.startsWith("--")) out.push(argv[i + 1]!);
    else if (a.startsWith(`--${name}=`)) out.push(a.slice(name.length + 3));
  });
  return out;
}

function expand(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    if (!existsSync(full)) throw new Error(`No such file or directory: ${p}`);
    if (statSync(full).isDirectory()) {
      const found = readdirSync(full)
        .filter((f) => /^apertium-.*\.dix$/.test(f))
        .sort();
      if (!found.length) throw new Error(`No apertium-*.dix files in ${p}`);
      files.push(...found.map((f) => join(full, f)));
    } else files.push(full);
  }
  return [...new Set(files)];
}

const n = (x: number) => x.toLocaleString("en-US");

function printReport(report: ImportReport): void {
  for (const f of report.files) {
    console.log(`${f.file} (${f.pair})`);
    console.log(`  entries read ${n(f.entries)}; used ${n(f.used)} (one-direction ${n(f.oneDirection)})`);
    console.log(
      `  skipped: proper nouns ${n(f.skippedProperNouns)}, punctuation/regex ${n(f.skippedNonLexical)}, empty side ${n(f.skippedEmptySide)}, not Kazakh ${n(f.skippedNotKazakh)}, repeated pairs ${n(f.duplicates)}`,
    );
  }
  console.log(
    `Kazakh lemmas ${n(report.lemmas)}; translations ru ${n(report.translations.ru)}, en ${n(report.translations.en)}`,
  );
  const w = report.write;
  if (w) {
    console.log(
      `Written: entries created ${n(w.entriesCreated)}, extended ${n(w.entriesExtended)}, unchanged ${n(w.entriesUnchanged)}, kept as curated ${n(w.entriesCurated)}; senses ${n(w.sensesCreated)}; translations ru ${n(w.translationsCreated.ru)}, en ${n(w.translationsCreated.en)}`,
    );
  } else console.log("Dry run: nothing written.");
  console.log(`Time: parse ${(report.parseMs / 1000).toFixed(1)} s, write ${(report.writeMs / 1000).toFixed(1)} s`);
}

await run(async () => {
  const args = process.argv.slice(2);
  const paths = repeated("apertium");
  if (!paths.length)
    throw new Error(
      "Give the files: npm run dictionary:import -- --apertium <path/to/apertium-kaz-rus.kaz-rus.dix> [--apertium <…eng-kaz.dix>]",
    );
  const files = expand(paths);
  const db = openForCli();
  useDatabase(db);
  try {
    await migrate(db.raw);
    const report = await importApertium(
      db.prisma,
      files.map((path) => ({ path })),
      { dryRun: args.includes("--dry-run") },
    );
    printReport(report);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nNothing was imported.`);
  } finally {
    await db.close();
  }
});
