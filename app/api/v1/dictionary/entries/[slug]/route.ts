import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { PUBLIC_CACHE, entryJson } from "@/lib/dictionary/api";
import { cachedEntryBySlug } from "@/lib/dictionary/cache";

export const dynamic = "force-dynamic";

/** One entry by its permanent slug: `GET /api/v1/dictionary/entries/mektep`. */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.dictionary,
  params: z.object({ slug: z.string() }),
  handler: async ({ params, locale }) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(params.slug).normalize("NFC");
    } catch {
      throw new AppError("badRequest");
    }
    const entry = await cachedEntryBySlug(decoded);
    if (!entry) throw new AppError("notFound");
    return NextResponse.json(entryJson(entry, locale), { headers: { "cache-control": PUBLIC_CACHE } });
  },
});
