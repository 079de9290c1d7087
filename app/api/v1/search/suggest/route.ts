import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { suggest } from "@/lib/search/service";

export const dynamic = "force-dynamic";

/** Suggestions for the header search box: `GET /api/v1/search/suggest?q=мек&locale=kk` → `{ suggestions: [{title,url,type}] }`. */
export const GET = route({
  // what the caller may see is chosen from the session by suggest
  access: "public",
  rateLimit: PUBLIC_LIMITS.suggest,
  query: z.object({ q: z.string().max(10_000).default(""), locale: z.enum(["kk", "ru", "en"]).optional() }).strict(),
  handler: async ({ query, viewer }) => {
    const suggestions = await suggest(await viewer(), query.q, query.locale);
    return NextResponse.json({ suggestions }, { headers: { "cache-control": "private, no-store" } });
  },
});
