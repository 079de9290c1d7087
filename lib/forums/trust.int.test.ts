import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { startClockAfterSeed } from "@/tests/setup/clock";
import { createThread, getThreadPage, markThreadRead } from "./forums";
import { listRooms, postChatMessage } from "./chat";
import { renderMarkdown } from "../markdown";
import { standingOf } from "./standing";
import { CHAT_MESSAGES_PER_MINUTE, EARN } from "./trust";

let parent2: Viewer, student: Viewer;
let clock = Date.UTC(2027, 8, 1);
const later = () => new Date((clock += 3_600_000));

beforeAll(async () => {
  parent2 = await viewer("u_parent2");
  student = await viewer("u_student");
});

/** A public thread of `posts` posts by the demo teachers (written directly: the reading is what matters here). */
async function thread(id: string, posts: number) {
  const at = new Date(Date.UTC(2026, 10, 1));
  await prisma.forumThread.create({
    data: {
      id,
      categoryId: "fc_akmola",
      title: `Тақырып ${id}`,
      authorId: "u_teacher",
      createdAt: at,
      lastPostAt: at,
      postSeq: posts,
    },
  });
  await prisma.forumPost.createMany({
    data: Array.from({ length: posts }, (_, i) => ({
      threadId: id,
      number: i + 1,
      authorId: i % 2 ? "u_teacher2" : "u_teacher",
      body: `Жазба ${i + 1}`,
      html: renderMarkdown(`Жазба ${i + 1}`),
      createdAt: at,
    })),
  });
}

describe("trust grows with reading", () => {
  // standing counts the account's age from the clock: the seeded account is an hour old
  beforeAll(() => startClockAfterSeed(3_600_000));
  afterAll(() => {
    vi.useRealTimers();
  });

  it("a new parent's question waits for approval; after a day of reading five threads, the next one does not", async () => {
    const first = await createThread(
      parent2,
      { categoryId: "fc_open_kokshetau", title: "Мектеп кітапханасы", body: "Кітапхана сенбіде жұмыс істей ме?" },
      { now: later() },
    );
    expect(first.status).toBe("HELD");
    expect((await standingOf(prisma, parent2)).level).toBe(0);

    // reading alone, on a fresh account, earns nothing
    const threads = Array.from({ length: EARN[1].threads }, (_, i) => `ft_read_${i}`);
    for (const id of threads) await thread(id, Math.ceil(EARN[1].read / EARN[1].threads));
    for (const id of threads) {
      const page = await getThreadPage(parent2, id);
      await markThreadRead(parent2, id, Math.max(...page.posts.map((p) => p.number)));
    }
    expect((await standingOf(prisma, parent2)).level).toBe(0);

    // a day later the same reading counts
    await prisma.user.update({
      where: { id: parent2.userId },
      data: { createdAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    expect((await standingOf(prisma, parent2)).level).toBe(1);
    const second = await createThread(
      parent2,
      { categoryId: "fc_open_kokshetau", title: "Мектеп автобусы", body: "Автобус кестесі өзгере ме?" },
      { now: later() },
    );
    expect(second.status).toBe("VISIBLE");
  });
});

describe("chat rate limit", () => {
  it("a member posting too fast is told when they may write again (Almaty time), nothing stored", async () => {
    const [room] = await listRooms(student);
    expect(room).toBeDefined();
    const start = later();
    for (let i = 0; i < CHAT_MESSAGES_PER_MINUTE; i++)
      await postChatMessage(
        student,
        { roomId: room!.id, body: `Хабар ${i}` },
        { now: new Date(start.getTime() + i * 1000) },
      );
    const before = await prisma.chatMessage.count();
    const error = await refusal(
      postChatMessage(student, { roomId: room!.id, body: "Тағы" }, { now: new Date(start.getTime() + 30_000) }),
    );
    expect(error.code).toBe("rateLimited");
    // the first of the twenty was at `start`: writing is possible again a minute later, 05:00 ahead of UTC
    const until = new Date(start.getTime() + 60_000 + 5 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
    expect(error.params.until).toBe(until);
    expect(await prisma.chatMessage.count()).toBe(before);
    await postChatMessage(
      student,
      { roomId: room!.id, body: "Енді болады" },
      { now: new Date(start.getTime() + 61_000) },
    );
  });
});
