import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { memberRoom } from "@/lib/forums/chat";
import { chatEventStream } from "@/lib/forums/bus";

export const dynamic = "force-dynamic";

/** Server-Sent Events of one chat room for its members: every new message as it is posted. */
export async function GET(request: Request, { params }: RouteContext<"/api/chat/[roomId]/events">) {
  const { roomId } = await params;
  let room;
  try {
    room = await memberRoom(await getViewer(), roomId);
  } catch (error) {
    return errorResponse(error, request);
  }
  return new Response(chatEventStream(room.id, request.signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
