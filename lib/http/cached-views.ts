/**
 * Public pages that are the same for every reader and whose view is chosen by a few query parameters
 * (`/statistics?year=2024`, `/news?page=2`). A page that reads its search parameters is rendered for every
 * request; so the proxy moves the parameters that choose the view into the path of a twin route
 * (`…/v/<view>`), which is cached like any static page (ISR) and expired by the tags of its data.
 *
 * - Only the parameters a page declares are kept, in the declared order, first value only: `?utm_source=…` or
 *   a reordered query reaches the same cached copy instead of a new one.
 * - The view is the canonical query in base64url (any value survives a path segment); `_` is the empty view.
 * - A query too long to be a real view is not moved: the page renders it per request as before.
 *
 * The twin route of each page is a thin file that re-exports the page (see `docs/architecture.md`,
 * "Cached public pages"); the page reads its parameters with `viewParams` (`view-params.ts`), which takes them from the twin's
 * path when there is one and from the search parameters otherwise (the page still works when reached
 * directly, e.g. in development without the proxy).
 *
 * Used by the proxy (edge-safe: no Node APIs).
 */

export interface CachedView {
  /** The path after the locale. */
  path: RegExp;
  /** Parameters that choose the view, in canonical order. */
  params: readonly string[];
  /**
   * The page shows a signed-in reader more (their unread counts, the forms they may use): only readers without
   * a session get the cached twin, which renders as nobody is signed in.
   */
  signedOut?: true;
}

const LIST = ["type", "language", "sort", "grade", "subject", "region", "page"] as const;

/** Every cached public page with a query. Order matters where patterns overlap (methods before cards). */
export const CACHED_VIEWS: readonly CachedView[] = [
  { path: /^\/statistics$/, params: ["year"] },
  { path: /^\/statistics\/\d{9}$/, params: ["year"] },
  { path: /^\/statistics\/organizations\/\d{12}$/, params: ["year"] },
  { path: /^\/statistics\/completeness$/, params: ["period", "region"] },
  { path: /^\/ratings$/, params: ["method", "level", "territory", "year"] },
  { path: /^\/ratings\/methods\/[^/]+$/, params: ["version"] },
  { path: /^\/ratings\/(?!methods\/|api$)[^/]+\/[^/]+$/, params: ["year"] },
  { path: /^\/news$/, params: LIST },
  { path: /^\/publications$/, params: LIST },
  { path: /^\/vacancies$/, params: ["region", "district", "subject", "page"] },
  { path: /^\/forums$/, params: [], signedOut: true },
  { path: /^\/forums\/(?!(?:t|chat|moderation|v)$)[^/]+$/, params: ["page"], signedOut: true },
  // no view of its own, but read from the database: the twin keeps it out of the build
  { path: /^\/open-data\/definitions$/, params: [] },
];

/** The segment before the view in a twin route's path. */
export const VIEW_SEGMENT = "v";
const EMPTY = "_";
const MAX_QUERY = 300;

const LOCALE_PATH = /^\/(kk|ru|en)(\/.*)$/;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(view: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(view)) return null;
  try {
    const binary = atob(view.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The canonical query of `params` for a page that declares `names`: declared order, first non-empty value. */
export function canonicalQuery(names: readonly string[], params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const name of names) {
    const value = params.get(name);
    if (value) out.set(name, value);
  }
  return out.toString();
}

/** The view segment for a canonical query. */
export function encodeView(query: string): string {
  return query ? toBase64Url(query) : EMPTY;
}

/** The parameters of a view segment; null when the segment is not one this module wrote. */
export function decodeView(view: string): Record<string, string> | null {
  if (view === EMPTY) return {};
  const query = fromBase64Url(view);
  if (query === null || !query) return null;
  return Object.fromEntries(new URLSearchParams(query));
}

/** Names of the session cookie (chunked when large: `….0`, `….1`). */
export const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/**
 * The path of the cached twin for a request to a public page with a view (`/kk/statistics?year=2024` →
 * `/kk/statistics/v/eWVhcj0yMDI0`), or null when the path is not such a page, the query is too long, or the
 * page is cached for readers without a session and the request has one (`signedIn`).
 */
export function cachedViewPath(pathname: string, search: URLSearchParams, signedIn = false): string | null {
  const match = LOCALE_PATH.exec(pathname);
  if (!match) return null;
  const rest = match[2]!;
  const view = CACHED_VIEWS.find((v) => v.path.test(rest));
  if (!view || (view.signedOut && signedIn)) return null;
  const query = canonicalQuery(view.params, search);
  if (query.length > MAX_QUERY) return null;
  return `${pathname}/${VIEW_SEGMENT}/${encodeView(query)}`;
}
