import { z } from "zod";
import { route } from "@/lib/http";
import { memberRoom } from "@/lib/forums/chat";
import { chatEventStream } from "@/lib/forums/bus";

export const dynamic = "force-dynamic";

/** Server-Sent Events of one chat room for its members: every new message as it is posted. */
export const GET = route({
  // membership of the room is checked by memberRoom
  access: "signedIn",
  params: z.object({ roomId: z.string() }),
  handler: async ({ request, params, viewer }) => {
    const room = await memberRoom(viewer, params.roomId);
    return new Response(chatEventStream(room.id, request.signal), {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      },
    });
  },
});
