import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Messages = Record<string, unknown>;

const cache = new Map<string, Messages>();

/**
 * Messages of a locale: every `messages/<locale>/<namespace>.json`, each under its namespace. One file per
 * module keeps translations next to each other and out of each other's way.
 */
export function loadMessages(locale: string): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = join(process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
