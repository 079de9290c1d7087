import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http";
import { cachedPublishedMethods, cachedRatingView } from "@/lib/ratings/cache";
import { methodsBody, parseRatingsQuery, ratingBody, ratingCsv } from "@/lib/ratings/api";

export const dynamic = "force-dynamic";

const HEADERS = {
  "cache-control": "public, max-age=60, s-maxage=300, stale-while-revalidate=600",
  "x-content-type-options": "nosniff",
};

/**
 * Open ratings (R17): `GET /api/v1/ratings` lists the published ratings; `?method=regions&year=2025` gives
 * one with its inputs and results, `&format=csv` as CSV. Documented on /[locale]/ratings/api.
 */
export async function GET(request: Request) {
  try {
    const query = parseRatingsQuery(new URL(request.url));
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
  } catch (error) {
    return errorResponse(error, request);
  }
}
