import { NextResponse } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { postChatMessage, roomMessages } from "@/lib/forums/chat";
import { MAX_CHAT_LENGTH } from "@/lib/forums/trust";

export const dynamic = "force-dynamic";

const query = z.object({ before: z.string().max(100).optional(), after: z.string().max(100).optional() });

/** A page of a room's messages for its members: the latest, those before one (scrolling up) or after one (polling). */
export async function GET(request: Request, { params }: RouteContext<"/api/chat/[roomId]/messages">) {
  try {
    const { roomId } = await params;
    const url = new URL(request.url);
    const parsed = query.safeParse({
      before: url.searchParams.get("before") ?? undefined,
      after: url.searchParams.get("after") ?? undefined,
    });
    if (!parsed.success) throw new AppError("badRequest");
    return NextResponse.json(
      { messages: await roomMessages(await getViewer(), roomId, parsed.data) },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, request);
  }
}

const message = z.object({ body: z.string().trim().min(1).max(MAX_CHAT_LENGTH) });

/** A member posts a message; it is stored and sent to every open stream of the room. */
export async function POST(request: Request, { params }: RouteContext<"/api/chat/[roomId]/messages">) {
  try {
    const { roomId } = await params;
    // JSON only and from this site: a cross-site form cannot post in someone's name.
    const origin = request.headers.get("origin");
    if (
      !request.headers.get("content-type")?.startsWith("application/json") ||
      (origin &&
        new URL(origin).host !== new URL(request.url).host &&
        origin !== `${new URL(request.url).protocol}//${request.headers.get("host")}`)
    ) {
      throw new AppError("forbidden");
    }
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated");
    const parsed = message.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("validation");
    return NextResponse.json(
      { message: await postChatMessage(viewer, { roomId, body: parsed.data.body }) },
      { status: 201 },
    );
  } catch (error) {
    return errorResponse(error, request);
  }
}
