import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLocale, routing } from "./routing";

export type Messages = Record<string, unknown>;

const cache = new Map<string, Messages>();

/**
 * Messages of a locale: every `messages/<locale>/<namespace>.json`, each under its namespace. One file per
 * module keeps translations next to each other and out of each other's way. A path segment that is not a
 * locale gets the default locale's messages.
 */
export function loadMessages(requested: string): Messages {
  // a segment that is not a locale (a stray `/favicon.ico`) renders the not-found page in the default locale
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = join(process.cwd(), "messages", locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    messages[file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}

/**
 * The part of `messages` under the given dotted paths ("common", "learn.wordOfTheDay"), nested as in the
 * original, so client components receive only what they use instead of every namespace on every page.
 */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const parts = path.split(".");
    let source: unknown = messages;
    for (const part of parts) source = (source as Messages | undefined)?.[part];
    if (source === undefined) throw new Error(`No messages at "${path}"`);
    const last = parts.pop()!;
    let target = picked;
    for (const part of parts) target = (target[part] ??= {}) as Messages;
    target[last] = source;
  }
  return picked;
}
