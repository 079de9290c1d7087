import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { parseSearchParams, searchPortal } from "@/lib/search/service";

export const dynamic = "force-dynamic";

/**
 * Portal search: `GET /api/v1/search?q=мектеп&type=page&language=kk&region=110000000&page=1`. Unknown
 * parameter names or bad values answer 400. What the caller may see comes from their session, never from
 * the request. Snippets mark matches with U+0002 … U+0003.
 */
export async function GET(request: Request) {
  try {
    const params = parseSearchParams(new URL(request.url).searchParams);
    const result = await searchPortal(await getViewer(), params);
    return NextResponse.json(result, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
