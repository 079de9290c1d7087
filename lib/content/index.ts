import "server-only";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import { routing } from "@/i18n/routing";

/**
 * Static pages from `content/<locale>/<slug>.md`, written by the project (trusted Markdown). A page missing
 * in a locale falls back to Kazakh, the state language.
 */
export function readContent(locale: string, slug: string): { html: string; locale: string } | null {
  if (!/^[a-z0-9-]+$/.test(slug)) return null;
  for (const l of [locale, routing.defaultLocale]) {
    const file = join(process.cwd(), "content", l, `${slug}.md`);
    if (existsSync(file)) return { html: marked.parse(readFileSync(file, "utf8"), { async: false }), locale: l };
  }
  return null;
}
