/**
 * Fan-out of chat messages to the Server-Sent Event streams of one room. One bus per process (kept on
 * globalThis, so route handlers and server actions share it whatever bundle they are in).
 *
 * On the embedded database (one process) a message is delivered in process. On PostgreSQL the start script
 * connects the bus (`connectChatBus`): a message is sent with `NOTIFY` on a dedicated connection that also
 * `LISTEN`s, and every instance — the sender's too — delivers what it hears to its own readers, so a message
 * posted through instance A reaches readers connected to instance B.
 */
import pg from "pg";

export interface ChatEvent {
  id: string;
  roomId: string;
  authorId: string;
  author: string;
  body: string;
  createdAt: string;
}

type Listener = (event: ChatEvent) => void;

/** The PostgreSQL channel of chat messages. */
export const CHAT_CHANNEL = "eiso_chat";
/** NOTIFY payloads must stay under 8000 bytes; a chat message is far shorter (the body is limited). */
const MAX_PAYLOAD = 7_900;

export class ChatBus {
  private rooms = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  private url: string | null = null;
  private closed = false;
  private reconnect: NodeJS.Timeout | null = null;
  private log: (line: string) => void = console.error;

  subscribe(roomId: string, listener: Listener): () => void {
    let set = this.rooms.get(roomId);
    if (!set) this.rooms.set(roomId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.rooms.delete(roomId);
    };
  }

  /**
   * Sends a message to every reader of its room: through PostgreSQL when connected (the readers of this
   * process get it when the notification comes back), in process otherwise or when sending fails. Returns the
   * readers reached in this process so far.
   */
  publish(event: ChatEvent): number {
    const client = this.client;
    const payload = JSON.stringify(event);
    if (client && Buffer.byteLength(payload) <= MAX_PAYLOAD) {
      client.query("SELECT pg_notify($1, $2)", [CHAT_CHANNEL, payload]).catch((error: unknown) => {
        this.log(`chat bus: NOTIFY failed, delivering in process: ${(error as Error).message}`);
        this.deliver(event);
      });
      return 0;
    }
    return this.deliver(event);
  }

  /** Delivers a message to the readers of its room in this process. */
  deliver(event: ChatEvent): number {
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

  get connected(): boolean {
    return this.client !== null;
  }

  /**
   * Listens on PostgreSQL (a dedicated connection, reconnected after a loss); resolves once listening.
   * While disconnected, messages are delivered in process only.
   */
  async connect(url: string, log: (line: string) => void = console.error): Promise<void> {
    this.url = url;
    this.closed = false;
    this.log = log;
    await this.open();
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url!, application_name: "eiso-chat-bus" });
    client.on("notification", (message) => {
      if (message.channel !== CHAT_CHANNEL || !message.payload) return;
      try {
        this.deliver(JSON.parse(message.payload) as ChatEvent);
      } catch {
        // a malformed payload is not ours
      }
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.log(`chat bus: connection lost${error ? `: ${error.message}` : ""}; reconnecting`);
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    await client.connect();
    await client.query(`LISTEN ${CHAT_CHANNEL}`);
    this.client = client;
  }

  private scheduleReconnect() {
    if (this.reconnect || this.closed) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      this.open().catch(() => this.scheduleReconnect());
    }, 1_000);
    this.reconnect.unref();
  }

  /** Closes the LISTEN connection (graceful stop); the bus falls back to in-process delivery. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.reconnect = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
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
