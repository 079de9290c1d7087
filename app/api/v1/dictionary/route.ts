import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http";
import { PUBLIC_CACHE, apiLocale, badParameter, lookupJson } from "@/lib/dictionary/api";
import { cachedLookup } from "@/lib/dictionary/cache";
import { parseLookupParams } from "@/lib/dictionary/schemas";

export const dynamic = "force-dynamic";

/**
 * Dictionary lookup: `GET /api/v1/dictionary?q=мектеп&from=kk&to=ru` (documented at /{locale}/dictionary/api).
 * Unknown parameters values answer 400; an empty, too long or unsupported query answers 200 with no
 * results and a hint.
 */
export async function GET(request: Request) {
  const locale = apiLocale(request);
  try {
    const parsed = parseLookupParams(new URL(request.url).searchParams);
    if (!parsed.ok) return badParameter(parsed.error, locale);
    const { q, from, to, limit } = parsed.value;
    const result = await cachedLookup({ q, from, to, limit });
    return NextResponse.json(await lookupJson(result, locale), { headers: { "cache-control": PUBLIC_CACHE } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
