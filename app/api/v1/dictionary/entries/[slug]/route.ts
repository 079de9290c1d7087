import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { PUBLIC_CACHE, apiLocale, entryJson } from "@/lib/dictionary/api";
import { cachedEntryBySlug } from "@/lib/dictionary/cache";

export const dynamic = "force-dynamic";

/** One entry by its permanent slug: `GET /api/v1/dictionary/entries/mektep`. */
export async function GET(request: Request, { params }: RouteContext<"/api/v1/dictionary/entries/[slug]">) {
  try {
    const { slug } = await params;
    let decoded = slug;
    try {
      decoded = decodeURIComponent(slug).normalize("NFC");
    } catch {
      throw new AppError("badRequest");
    }
    const entry = await cachedEntryBySlug(decoded);
    if (!entry) throw new AppError("notFound");
    return NextResponse.json(entryJson(entry, apiLocale(request)), { headers: { "cache-control": PUBLIC_CACHE } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
