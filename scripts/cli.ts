import { join } from "node:path";
import { env, pgliteDir } from "../lib/env";
import { openDatabase, type Database } from "../lib/db/driver";
import { acquireLock } from "../lib/db/lock";

/** Command-line flags: `--name value` and `--flag`. */
export function flags(argv = process.argv.slice(2)): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      out[a.slice(2)] = next;
      i++;
    } else out[a.slice(2)] = true;
  }
  return out;
}

/**
 * Opens this process's database for a command-line tool. On the embedded database it first takes the
 * exclusive lock, so a tool never writes while the server runs.
 */
export function openForCli(): Database {
  const e = env();
  if (!e.DATABASE_URL && !pgliteDir().startsWith("memory://")) acquireLock(join(e.DATA_DIR, "pglite.lock"));
  return openDatabase();
}

/** Runs a CLI main, printing a clean message (no stack) for expected failures, and closing the database. */
export async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`\u2716 ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
