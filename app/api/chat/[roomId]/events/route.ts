import { getViewer } from "@/lib/auth/viewer";
import { errorResponse } from "@/lib/http";
import { memberRoom } from "@/lib/forums/chat";
import { chatBus } from "@/lib/forums/bus";

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
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      send("retry: 3000\n\n");
      const off = chatBus.subscribe(room.id, (event) => send(`id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => send(": ping\n\n"), 25_000);
      cleanup = () => {
        off();
        clearInterval(heartbeat);
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" } });
}
