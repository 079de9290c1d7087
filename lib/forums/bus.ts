/**
 * In-process fan-out of chat messages to the Server-Sent Event streams of one room. One instance per
 * process (kept on globalThis, so route handlers and server actions share it whatever bundle they are in).
 */
export interface ChatEvent {
  id: string;
  roomId: string;
  authorId: string;
  author: string;
  body: string;
  createdAt: string;
}

type Listener = (event: ChatEvent) => void;

class ChatBus {
  private rooms = new Map<string, Set<Listener>>();

  subscribe(roomId: string, listener: Listener): () => void {
    let set = this.rooms.get(roomId);
    if (!set) this.rooms.set(roomId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.rooms.delete(roomId);
    };
  }

  publish(event: ChatEvent): number {
    const set = this.rooms.get(event.roomId);
    if (!set) return 0;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch {
        // a closed stream must not stop the others
      }
    }
    return set.size;
  }

  listeners(roomId: string): number {
    return this.rooms.get(roomId)?.size ?? 0;
  }
}

const key = Symbol.for("eiso.chatBus");
const holder = globalThis as unknown as Record<symbol, ChatBus | undefined>;
export const chatBus: ChatBus = (holder[key] ??= new ChatBus());

/**
 * The Server-Sent Events stream of one room: a retry hint, then every message published to the room as an
 * event, with a heartbeat comment every 25 s; unsubscribes when the signal aborts or the reader cancels.
 */
export function chatEventStream(
  roomId: string,
  signal: AbortSignal,
  bus: ChatBus = chatBus,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      send("retry: 3000\n\n");
      const off = bus.subscribe(roomId, (event) => send(`id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => send(": ping\n\n"), 25_000);
      cleanup = () => {
        off();
        clearInterval(heartbeat);
      };
      signal.addEventListener("abort", () => {
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
}
