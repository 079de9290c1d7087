import { NextResponse } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { suggest } from "@/lib/search/service";

export const dynamic = "force-dynamic";

const schema = z
  .object({ q: z.string().max(10_000).default(""), locale: z.enum(["kk", "ru", "en"]).optional() })
  .strict();

/** Suggestions for the header search box: `GET /api/v1/search/suggest?q=мек&locale=kk` → `{ suggestions: [{title,url,type}] }`. */
export async function GET(request: Request) {
  try {
    const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("badRequest");
    const suggestions = await suggest(await getViewer(), parsed.data.q, parsed.data.locale);
    return NextResponse.json({ suggestions }, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
