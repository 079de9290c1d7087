import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGES, type SearchDocument } from "../types";
import type { Indexer } from "./types";

const TYPE = "page";

/** Where a static page of content/<locale>/<slug>.md is shown (the about text is on the home page). */
const URLS: Record<string, string> = { about: "/", legal: "/pages/legal", help: "/pages/help" };

function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function read(slug: string, language: (typeof LANGUAGES)[number]): SearchDocument | null {
  const file = join(process.cwd(), "content", language, `${slug}.md`);
  if (!existsSync(file) || !(slug in URLS)) return null;
  const md = readFileSync(file, "utf8");
  const heading = /^#{1,3}\s+(.+)$/m.exec(md)?.[1]?.trim() ?? slug;
  return {
    id: `${TYPE}:${slug}:${language}`,
    type: TYPE,
    language,
    title: heading,
    body: markdownToText(md),
    url: URLS[slug]!,
    subject: "page",
    visibility: { kind: "public" },
  };
}

/** Static pages written by the project (content/), one document per language. */
export const pagesIndexer: Indexer = {
  source: "page",
  prefix: (slug) => `${TYPE}:${slug}:`,
  load: async (slugs) =>
    slugs.flatMap((s) => LANGUAGES.map((l) => read(s, l))).filter((d): d is SearchDocument => d !== null),
  all: async function* () {
    const slugs = new Set<string>();
    for (const l of LANGUAGES) {
      const dir = join(process.cwd(), "content", l);
      if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith(".md")) slugs.add(f.slice(0, -3));
    }
    yield await pagesIndexer.load([...slugs]);
  },
};
