import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { statsApi } from "@/lib/databank/api";
import { cachedPublicStats } from "@/lib/databank/cache";

export const dynamic = "force-dynamic";

/**
 * Open data (R11): `GET /api/v1/stats?indicator=students&by=region,sex&year=2025&format=json|csv` — the
 * public figures of the data bank with small cells suppressed. Documented on /[locale]/open-data and in
 * /api/v1/stats/openapi.json. A refused parameter answers 400 naming it.
 */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.stats,
  handler: async ({ url }) => {
    const answer = await statsApi(url, cachedPublicStats);
    const headers: Record<string, string> = {
      "content-type": answer.contentType,
      "cache-control": answer.cacheable ? "public, max-age=60, s-maxage=300, stale-while-revalidate=600" : "no-store",
      "x-content-type-options": "nosniff",
    };
    if (answer.contentType.startsWith("text/csv")) headers["content-disposition"] = 'attachment; filename="stats.csv"';
    return new NextResponse(answer.body, { status: answer.status, headers });
  },
});
