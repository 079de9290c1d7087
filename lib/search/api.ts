/**
 * What the search APIs answer (`GET /api/v1/search`, `GET /api/v1/search/suggest`): zod schemas of the
 * answers (their OpenAPI documents are generated from them, lib/search/openapi.ts) and the conversion from
 * the engine's results. The engines mark matches in snippets with control characters; an API never hands
 * those out: each hit gives its plain `snippet`, the matches as `highlights` (offsets into it) and
 * `snippetHtml` (the text escaped, matches in `<mark>`). URLs carry the locale. Pure module.
 */
import { z } from "zod";
import type { Locale } from "@/i18n/routing";
import { DOCUMENT_TYPES, HIGHLIGHT_END, HIGHLIGHT_START, LANGUAGES, type SearchResult } from "./types";

const highlight = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .describe("A match: snippet.slice(start, end), offsets in UTF-16 code units (JavaScript string indices).");

export const searchHitAnswer = z.object({
  id: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  language: z.enum(LANGUAGES),
  title: z.string(),
  url: z.string().describe("Path of the page in the asked locale, e.g. /kk/dictionary/kitap."),
  region: z.string().nullable(),
  subject: z.string().nullable(),
  snippet: z.string().describe("Plain text around the matches."),
  highlights: z.array(highlight),
  snippetHtml: z.string().describe("The snippet as HTML: text escaped, each match in <mark>…</mark>."),
});

export const searchAnswer = z.object({
  query: z.string(),
  truncated: z.boolean(),
  hint: z.enum(["empty", "noResults"]).optional(),
  page: z.number().int(),
  pageSize: z.number().int(),
  result: z.object({
    total: z.number().int(),
    estimated: z.boolean().optional(),
    hits: z.array(searchHitAnswer),
    facets: z.object({
      type: z.record(z.string(), z.number().int()),
      language: z.record(z.string(), z.number().int()),
      region: z.record(z.string(), z.number().int()),
    }),
  }),
});
export type SearchAnswer = z.infer<typeof searchAnswer>;

export const suggestAnswer = z.object({
  suggestions: z.array(
    z.object({
      title: z.string(),
      url: z.string().describe("Path of the page in the asked locale, e.g. /ru/statistics/110000000."),
      type: z.enum(DOCUMENT_TYPES),
    }),
  ),
});

/** The locale-less path of a document as a path in the locale. */
export function localizedPath(locale: Locale, url: string): string {
  return url === "/" ? `/${locale}` : `/${locale}${url}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A snippet with the engine's marks as plain text, match offsets and HTML; stray marks are dropped. */
export function markedSnippet(marked: string): {
  snippet: string;
  highlights: { start: number; end: number }[];
  snippetHtml: string;
} {
  let snippet = "";
  let html = "";
  const highlights: { start: number; end: number }[] = [];
  let open: number | null = null;
  for (const part of marked.split(new RegExp(`([${HIGHLIGHT_START}${HIGHLIGHT_END}])`))) {
    if (part === HIGHLIGHT_START) {
      if (open === null) {
        open = snippet.length;
        html += "<mark>";
      }
    } else if (part === HIGHLIGHT_END) {
      if (open !== null) {
        if (snippet.length > open) highlights.push({ start: open, end: snippet.length });
        open = null;
        html += "</mark>";
      }
    } else {
      // other C0 controls never reach an API answer either
      const text = part.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
      snippet += text;
      html += escapeHtml(text);
    }
  }
  if (open !== null) {
    if (snippet.length > open) highlights.push({ start: open, end: snippet.length });
    html += "</mark>";
  }
  return { snippet, highlights, snippetHtml: html.replace(/<mark><\/mark>/g, "") };
}

export function searchApiAnswer(
  portal: {
    query: string;
    truncated: boolean;
    hint?: "empty" | "noResults";
    page: number;
    pageSize: number;
    result: SearchResult;
  },
  locale: Locale,
): SearchAnswer {
  return {
    ...portal,
    result: {
      ...portal.result,
      hits: portal.result.hits.map((h) => ({
        id: h.id,
        type: h.type,
        language: h.language,
        title: h.title.replace(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, "g"), ""),
        url: localizedPath(locale, h.url),
        region: h.region,
        subject: h.subject,
        ...markedSnippet(h.snippet),
      })),
    },
  };
}
