import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { clientAddress } from "@/lib/http/client";
import { readerState } from "@/lib/publications/reader";

export const dynamic = "force-dynamic";

/**
 * The reader's own part of a (statically cached) publication page: their rating, held comments, moderation
 * tools. `?count=1` also counts the page view, once per reader and day. Public: a signed-out reader gets the public state; personal
 * answers are never stored by a shared cache.
 */
export const GET = route({
  access: "public",
  params: z.object({ id: z.string().min(1).max(100) }),
  query: z.object({ count: z.enum(["0", "1"]).optional(), locale: z.string().optional() }),
  handler: async ({ request, params, query, viewer }) => {
    const reader =
      query.count === "1"
        ? { address: clientAddress(request.headers), userAgent: request.headers.get("user-agent") ?? "" }
        : null;
    const state = await readerState(await viewer(), params.id, reader);
    return NextResponse.json(state, { headers: { "Cache-Control": "private, no-store" } });
  },
});
