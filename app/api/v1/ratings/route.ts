import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { cachedPublishedMethods, cachedRatingView } from "@/lib/ratings/cache";
import { methodsBody, ratingBody, ratingCsv } from "@/lib/ratings/api";
import { ratingsQuery } from "@/lib/ratings/openapi";

export const dynamic = "force-dynamic";

const HEADERS = {
  "cache-control": "public, max-age=60, s-maxage=300, stale-while-revalidate=600",
  "x-content-type-options": "nosniff",
};

/**
 * Open ratings (R17): `GET /api/v1/ratings` lists the published ratings; `?method=regions&year=2025` gives
 * one with its inputs and results, `&format=csv` as CSV. Documented on /[locale]/ratings/api and in
 * /api/v1/ratings/openapi.json. A malformed parameter answers 400 naming it.
 */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.ratings,
  query: ratingsQuery,
  handler: async ({ query }) => {
    if (!query.method)
      return NextResponse.json(methodsBody(await cachedPublishedMethods(), query.locale), { headers: HEADERS });
    const view = await cachedRatingView(query.method, query.year ?? null);
    if (query.format === "csv") {
      return new NextResponse(ratingCsv(view, query.locale), {
        headers: {
          ...HEADERS,
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="rating-${view.method.code}-${view.year}.csv"`,
        },
      });
    }
    return NextResponse.json(ratingBody(view, query.locale), { headers: HEADERS });
  },
});
