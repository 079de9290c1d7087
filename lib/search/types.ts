/**
 * The search port: what every engine (PostgreSQL full-text, Meilisearch) offers, and the document shape
 * the content modules index. Modules plug in through an indexer (indexers/) that turns their rows into
 * documents; they never talk to an engine directly.
 */
import type { Role } from "../generated/prisma/enums";
import type { Permission } from "../auth/permissions";

export const DOCUMENT_TYPES = [
  "publication",
  "news",
  "page",
  "forum-thread",
  "forum-post",
  "dictionary-entry",
  "organization",
  "statistics",
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Who may see a document. The engine stores it as audience tokens; the filter is built on the server from
 * the caller's roles and permissions (audienceOf), never from the request.
 */
export type Visibility =
  | { kind: "public" }
  | { kind: "restricted"; roles?: readonly Role[]; permissions?: readonly Permission[] }
  | { kind: "hidden" };

export interface SearchDocument {
  /** Globally unique: "<type>:<source id>[:<language>]". */
  id: string;
  type: DocumentType;
  language: Language;
  title: string;
  /** Plain text (no markup); the engine makes the snippet from it. */
  body: string;
  /** Locale-less path ("/dictionary/kitap"); the page prefixes the locale. */
  url: string;
  /** Territory code of the region, when the document belongs to one. */
  region?: string | null;
  subject?: string | null;
  visibility: Visibility;
}

export const FILTER_NAMES = ["type", "language", "region", "subject"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface SearchQuery {
  q: string;
  /** Audience tokens of the caller (audienceOf(viewer)); documents outside them never match. */
  audience: readonly string[];
  type?: DocumentType;
  language?: Language;
  region?: string;
  subject?: string;
  offset?: number;
  limit?: number;
  /** Facet counts for type, language and region (off for suggestions). */
  facets?: boolean;
  /** Snippets with matches wrapped in HIGHLIGHT_START / HIGHLIGHT_END. */
  highlight?: boolean;
}

/** Marks around matched words in snippets; plain characters that the page turns into <mark>. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_END = "\u0003";

export interface SearchHit {
  id: string;
  type: DocumentType;
  language: Language;
  title: string;
  url: string;
  region: string | null;
  subject: string | null;
  snippet: string;
}

export type Facets = Record<"type" | "language" | "region", Record<string, number>>;

export interface SearchResult {
  /** Matches; a lower bound when `estimated` (engines stop counting at about a thousand). */
  total: number;
  estimated?: boolean;
  hits: SearchHit[];
  facets: Facets;
}

export interface EngineHealth {
  ok: boolean;
  engine: "postgres" | "meilisearch";
  documents: number;
  byType: Record<string, number>;
  /** The server's version (Meilisearch release, PostgreSQL server version). */
  version?: string;
  error?: string;
}

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** Creates or updates tables/indexes/settings; idempotent. */
  ensureSchema(): Promise<void>;
  /** Adds or replaces documents (by id). */
  index(documents: readonly SearchDocument[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** Removes every document whose id begins with the prefix ("organization:<id>:" for all its languages). */
  removePrefix(prefix: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * Rebuilds the index from `source` into a shadow copy and swaps it in at once; searches keep answering
   * from the old copy meanwhile. `progress` is called after each batch with the number written so far.
   */
  reindex(
    source: () => AsyncIterable<readonly SearchDocument[]>,
    progress?: (written: number) => void,
  ): Promise<number>;
  health(): Promise<EngineHealth>;
  count(): Promise<number>;
}
