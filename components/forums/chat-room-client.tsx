"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatEvent } from "@/lib/forums/bus";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { almatyDate, formatClock, formatDateTime } from "@/lib/format";

/** A message's time in Almaty, as the server writes it: the clock for today's, the date too for older ones. */
const messageTime = (at: Date, locale: string) =>
  almatyDate(at) === almatyDate() ? formatClock(at) : formatDateTime(at, locale);

interface Labels {
  message: string;
  send: string;
  older: string;
  live: string;
  polling: string;
}

/**
 * A chat room: the latest messages, older ones on scrolling up, new ones live through Server-Sent Events
 * (polling every 5 s when the stream is not available). Sending posts to the route handler.
 */
export function ChatRoom({
  roomId,
  locale,
  initial,
  labels,
  viewerId,
}: {
  roomId: string;
  locale: string;
  initial: ChatEvent[];
  labels: Labels;
  viewerId: string;
}) {
  const [messages, setMessages] = useState<ChatEvent[]>(initial);
  const [mode, setMode] = useState<"live" | "polling">("live");
  const [error, setError] = useState<string | null>(null);
  const [body, setBody] = useState("");
  const [hasOlder, setHasOlder] = useState(initial.length >= 30);
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const base = `/api/chat/${encodeURIComponent(roomId)}`;

  const add = useCallback((incoming: ChatEvent[]) => {
    setMessages((current) => {
      const seen = new Set(current.map((m) => m.id));
      const fresh = incoming.filter((m) => !seen.has(m.id));
      return fresh.length ? [...current, ...fresh] : current;
    });
  }, []);

  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | null = null;
    const source = typeof EventSource !== "undefined" ? new EventSource(`${base}/events?locale=${locale}`) : null;
    const startPolling = () => {
      setMode("polling");
      source?.close();
      poll ??= setInterval(async () => {
        const last = lastId.current;
        const response = await fetch(`${base}/messages?locale=${locale}${last ? `&after=${last}` : ""}`);
        if (response.ok) add(((await response.json()) as { messages: ChatEvent[] }).messages);
      }, 5000);
    };
    if (source) {
      source.onmessage = (e) => add([JSON.parse(e.data) as ChatEvent]);
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) startPolling();
      };
    } else startPolling();
    return () => {
      source?.close();
      if (poll) clearInterval(poll);
    };
  }, [base, locale, add]);

  const lastId = useRef<string | null>(initial.at(-1)?.id ?? null);
  useEffect(() => {
    lastId.current = messages.at(-1)?.id ?? null;
    if (stick.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [messages]);

  const loadOlder = async () => {
    const first = messages[0];
    if (!first) return;
    const response = await fetch(`${base}/messages?locale=${locale}&before=${first.id}`);
    if (!response.ok) return;
    const older = ((await response.json()) as { messages: ChatEvent[] }).messages;
    setHasOlder(older.length >= 30);
    const height = box.current?.scrollHeight ?? 0;
    setMessages((current) => [...older.filter((o) => !current.some((c) => c.id === o.id)), ...current]);
    requestAnimationFrame(() => {
      if (box.current) box.current.scrollTop = box.current.scrollHeight - height;
    });
  };

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const response = await fetch(`${base}/messages?locale=${locale}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body }),
    });
    const data = (await response.json()) as { message?: ChatEvent; error?: { message: string } };
    if (!response.ok || !data.message) {
      setError(data.error?.message ?? "");
      return;
    }
    setBody("");
    stick.current = true;
    add([data.message]);
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-slate-500" data-testid="chat-mode">
        {mode === "live" ? labels.live : labels.polling}
      </p>
      <div
        ref={box}
        data-testid="chat-messages"
        className="h-[28rem] overflow-y-auto rounded border border-slate-200 bg-white p-3"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          if (el.scrollTop === 0 && hasOlder) void loadOlder();
        }}
      >
        {hasOlder && (
          <button type="button" onClick={() => void loadOlder()} className="mb-2 text-sm text-brand-700 underline">
            {labels.older}
          </button>
        )}
        <ul className="space-y-2">
          {messages.map((m) => (
            <li
              key={m.id}
              className={`max-w-[80%] rounded px-3 py-2 text-sm ${m.authorId === viewerId ? "ml-auto bg-brand-50" : "bg-slate-100"}`}
            >
              <div className="text-xs font-semibold text-slate-600">
                {m.author} ·{" "}
                <time dateTime={new Date(m.createdAt).toISOString()}>{messageTime(new Date(m.createdAt), locale)}</time>
              </div>
              <div className="whitespace-pre-wrap break-words">{m.body}</div>
            </li>
          ))}
        </ul>
      </div>
      <form onSubmit={send} className="flex gap-2">
        <label className="sr-only" htmlFor="chat-body">
          {labels.message}
        </label>
        <Input
          id="chat-body"
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          placeholder={labels.message}
          className="flex-1"
          maxLength={2000}
        />
        <Button type="submit">{labels.send}</Button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
