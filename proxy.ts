import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./i18n/routing";
import { cachedViewPath, SESSION_COOKIE } from "./lib/http/cached-views";

const intl = createMiddleware(routing);

const PROTECTED = /^\/(kk|ru|en)\/(admin|account)(\/|$)/;

/** next-intl's request header with the locale of the request (what its own middleware sets). */
const LOCALE_HEADER = "X-NEXT-INTL-LOCALE";

/**
 * Locale routing, the cached twin of public pages with a view (`lib/http/cached-views.ts`), and an early
 * redirect to sign-in for protected areas when there is no session cookie. The redirect is an optimisation
 * only: every page, action and route handler checks the session itself.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const signedIn = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (!request.headers.has("next-action")) {
    const cached = cachedViewPath(pathname, request.nextUrl.searchParams, signedIn);
    if (cached) {
      const url = request.nextUrl.clone();
      // the query stays: the twin does not read it, and a client navigation's `_rsc` is checked by the server
      url.pathname = cached;
      const headers = new Headers(request.headers);
      headers.set(LOCALE_HEADER, pathname.slice(1, 3));
      return NextResponse.rewrite(url, { request: { headers } });
    }
    if (request.headers.get("rsc") === null && /^\/(kk|ru|en)\//.test(pathname) && !PROTECTED.test(pathname))
      return NextResponse.next();
  }
  const match = PROTECTED.exec(pathname);
  if (match && !signedIn) {
    const url = request.nextUrl.clone();
    url.pathname = `/${match[1]}/sign-in`;
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return intl(request);
}

/**
 * Where the proxy runs. A page request with a locale in its path does not need it: the locale layout sets
 * the request's locale from the path before any page renders, and static pages are then served straight
 * from the build (the proxy costs more than serving such a page). It runs for:
 * - paths without a locale (`/`, `/statistics`): redirected to the default locale;
 * - the admin area and the account: the early sign-in redirect;
 * - client navigations (`rsc` header) and server actions (`next-action` header): these may render a page
 *   without its layouts, so the locale comes from the proxy's request header;
 * - the public pages with a view (`CACHED_VIEWS`): rewritten to their cached twin (the forums' only for a
 *   request without a session cookie). Their twins' own paths (`…/v/<view>`) match the same patterns and pass
 *   through unchanged.
 */
export const config = {
  matcher: [
    "/((?!api|_next|_vercel|probe|(?:kk|ru|en)(?:/|$)|.*\\..*).*)",
    "/(kk|ru|en)/(admin|account)/:path*",
    "/(kk|ru|en)/(statistics|ratings|news|publications|vacancies|forums|open-data/definitions)",
    "/(kk|ru|en)/forums/:slug",
    "/(kk|ru|en)/(statistics|ratings)/:path+",
    { source: "/(kk|ru|en)/:path*", has: [{ type: "header", key: "rsc" }] },
    { source: "/(kk|ru|en)/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
