/**
 * Query and audience preparation shared by the engines. Pure: no database.
 *
 * A query becomes a list of words made only of letters and digits (so no character of the user's text can
 * act as tsquery or filter syntax); each word carries its spellings (as typed, Kazakh Latin 2021 read as
 * Cyrillic, Latin look-alike letters repaired — lib/text). The last word also matches as a prefix.
 */
import { PERMISSIONS, type Permission } from "../auth/permissions";
import type { Viewer } from "../auth/scope";
import { normalizeText, toSearchForms } from "../text";
import type { Visibility } from "./types";

/** Longer queries are cut to this many characters (the page says so). */
export const MAX_QUERY_LENGTH = 200;
/** Words after this many are ignored. */
export const MAX_WORDS = 8;
/** Words of at least this many letters also match with one wrong letter. */
export const TYPO_MIN_LENGTH = 5;

export interface QueryWord {
  /** Spellings to look for, most literal first. */
  forms: string[];
  /** The last word of the query: completions match too. */
  prefix: boolean;
}

export interface ParsedQuery {
  text: string;
  truncated: boolean;
  words: QueryWord[];
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function parseQuery(input: string): ParsedQuery {
  const chars = [...(input ?? "").normalize("NFC").trim()];
  const truncated = chars.length > MAX_QUERY_LENGTH;
  const text = chars.slice(0, MAX_QUERY_LENGTH).join("");
  const tokens = (normalizeText(text).match(TOKEN) ?? []).slice(0, MAX_WORDS);
  const words = tokens.map((token, i) => {
    const forms = toSearchForms(token)
      .flatMap((f) => f.match(TOKEN) ?? [])
      .filter((f) => f.length > 0);
    return { forms: [...new Set([token, ...forms])], prefix: i === tokens.length - 1 };
  });
  return { text, truncated, words };
}

/** Audience tokens a document with this visibility carries (hidden: none, so it never matches). */
export function visibilityTokens(v: Visibility): string[] {
  if (v.kind === "public") return ["public"];
  if (v.kind === "hidden") return [];
  return [...(v.roles ?? []).map((r) => `role:${r}`), ...(v.permissions ?? []).map((p) => `perm:${p}`)];
}

/** Audience tokens of a caller: public for everyone, plus their roles and the permissions those roles hold. */
export function audienceOf(viewer: Viewer | null): string[] {
  const out = new Set<string>(["public"]);
  for (const r of viewer?.roles ?? []) {
    out.add(`role:${r.role}`);
    for (const [permission, roles] of Object.entries(PERMISSIONS) as [Permission, readonly string[]][]) {
      if (roles.includes(r.role)) out.add(`perm:${permission}`);
    }
  }
  return [...out];
}

/** Edit distance of at most one (one letter replaced, added or dropped). */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}
