import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { suggest } from "@/lib/search/service";
import { suggestQuery } from "@/lib/search/params";
import { localizedPath } from "@/lib/search/api";

export const dynamic = "force-dynamic";

/**
 * Suggestions for the header search box: `GET /api/v1/search/suggest?q=мек&locale=kk` →
 * `{ suggestions: [{ title, url, type }] }`, each url the page in the asked locale (default kk).
 * Described in /api/v1/search/openapi.json.
 */
export const GET = route({
  // what the caller may see is chosen from the session by suggest
  access: "public",
  rateLimit: PUBLIC_LIMITS.suggest,
  query: suggestQuery,
  handler: async ({ query, viewer, locale }) => {
    const suggestions = (await suggest(await viewer(), query.q, query.locale)).map((s) => ({
      ...s,
      url: localizedPath(locale, s.url),
    }));
    return NextResponse.json({ suggestions }, { headers: { "cache-control": "private, no-store" } });
  },
});
