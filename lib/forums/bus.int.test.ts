import { describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/tests/setup/integration";
import { ChatBus, type ChatEvent } from "./bus";

const event = (id: string, roomId = "room_a"): ChatEvent => ({
  id,
  roomId,
  authorId: "u1",
  author: "Айгүл",
  body: `Сәлем, ${id}!`,
  createdAt: new Date(0).toISOString(),
});

const waitFor = async (check: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("chat bus", () => {
  it("delivers in process when not connected to PostgreSQL", () => {
    const bus = new ChatBus();
    const got: ChatEvent[] = [];
    const off = bus.subscribe("room_a", (e) => got.push(e));
    bus.subscribe("room_b", () => got.push(event("wrong")));
    expect(bus.publish(event("m1"))).toBe(1);
    off();
    bus.publish(event("m2"));
    expect(got).toEqual([event("m1")]);
  });

  it.runIf(testDatabaseUrl)("a message published on one instance reaches readers of the room on another", async () => {
    const a = new ChatBus();
    const b = new ChatBus();
    await a.connect(testDatabaseUrl!, () => {});
    await b.connect(testDatabaseUrl!, () => {});
    try {
      const onA: ChatEvent[] = [];
      const onB: ChatEvent[] = [];
      const otherRoom: ChatEvent[] = [];
      a.subscribe("room_a", (e) => onA.push(e));
      b.subscribe("room_a", (e) => onB.push(e));
      b.subscribe("room_b", (e) => otherRoom.push(e));
      a.publish(event("m1"));
      b.publish(event("m2"));
      await waitFor(() => onA.length === 2 && onB.length === 2);
      // each reader gets each message once, the sender's own readers through PostgreSQL too
      expect(onB.map((e) => e.id).sort()).toEqual(["m1", "m2"]);
      expect(onA.map((e) => e.id).sort()).toEqual(["m1", "m2"]);
      expect(onB.find((e) => e.id === "m1")).toEqual(event("m1"));
      expect(otherRoom).toEqual([]);
      // after a close, a bus delivers in process only
      await a.close();
      expect(a.connected).toBe(false);
      b.publish(event("m3"));
      await waitFor(() => onB.length === 3);
      await new Promise((r) => setTimeout(r, 200));
      expect(onA.map((e) => e.id)).not.toContain("m3");
    } finally {
      await a.close();
      await b.close();
    }
  });
});
