import { NextResponse } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { readerState } from "@/lib/publications/reader";

export const dynamic = "force-dynamic";

/**
 * The reader's own part of a (statically cached) publication page: their rating, held comments, moderation
 * tools. `?count=1` also counts the page view. Personal: never stored by a shared cache.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const count = new URL(request.url).searchParams.get("count") === "1";
    const state = await readerState(await getViewer(), id, count);
    return NextResponse.json(state, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
