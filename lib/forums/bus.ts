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
