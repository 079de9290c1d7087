import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { PUBLIC_CACHE, lookupJson } from "@/lib/dictionary/api";
import { cachedLookup } from "@/lib/dictionary/cache";
import { parseLookupParams } from "@/lib/dictionary/schemas";

export const dynamic = "force-dynamic";

/**
 * Dictionary lookup: `GET /api/v1/dictionary?q=мектеп&from=kk&to=ru` (documented at /{locale}/dictionary/api).
 * Unknown parameters values answer 400 naming the parameter and its allowed values; an empty, too long or
 * unsupported query answers 200 with no results and a hint.
 */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.dictionary,
  handler: async ({ url, locale }) => {
    const parsed = parseLookupParams(url.searchParams);
    if (!parsed.ok) throw new AppError("badRequest", {}, {}, { message: `dictionary.api.errors.${parsed.error}` });
    const { q, from, to, limit } = parsed.value;
    const result = await cachedLookup({ q, from, to, limit });
    return NextResponse.json(await lookupJson(result, locale), { headers: { "cache-control": PUBLIC_CACHE } });
  },
});
