import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { searchParamsSchema, searchPortal } from "@/lib/search/service";

export const dynamic = "force-dynamic";

/** Empty parameters count as absent (a form's empty select sends `type=`). */
const withoutEmpty = (input: unknown) =>
  Object.fromEntries(Object.entries(input as Record<string, string>).filter(([, v]) => v !== ""));

/**
 * Portal search: `GET /api/v1/search?q=мектеп&type=page&language=kk&region=110000000&page=1`. Unknown
 * parameter names or bad values answer 400 naming the parameter. What the caller may see comes from their
 * session, never from the request. Snippets mark matches with U+0002 … U+0003.
 */
export const GET = route({
  // what the caller may see is chosen from the session by searchPortal
  access: "public",
  rateLimit: PUBLIC_LIMITS.search,
  query: z.preprocess(withoutEmpty, searchParamsSchema),
  handler: async ({ query, viewer }) => {
    const result = await searchPortal(await viewer(), query);
    return NextResponse.json(result, { headers: { "cache-control": "private, no-store" } });
  },
});
