import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { startClockAfterSeed } from "@/tests/setup/clock";
import {
  createThread,
  editPost,
  getThreadPage,
  listCategories,
  listThreads,
  markThreadRead,
  postHistory,
  react,
  redactPost,
  replyToThread,
} from "./forums";
import { decidePost, flagPost, moderateThread, moderationQueue, restrictUser } from "./moderation";
import { answerStats } from "./open";
import { forumPostSource, forumThreadSource } from "./search";
import { standingOf } from "./standing";
import { LIMITS } from "./trust";

let teacher: Viewer,
  teacher2: Viewer,
  teacher3: Viewer,
  parent: Viewer,
  parent2: Viewer,
  student: Viewer,
  moderator: Viewer,
  official: Viewer,
  ministry: Viewer;
const logins = [
  "teacher",
  "teacher2",
  "teacher3",
  "parent",
  "parent2",
  "student",
  "moderator",
  "official",
  "ministry",
] as const;
// Each test posts at its own moment, far from the others, so rate limits of one test do not leak into the next.
let clock = Date.UTC(2027, 0, 1);
const later = (minutes = 60) => new Date((clock += minutes * 60_000));

// trust counts an account's age from the clock: the seeded accounts are an hour old
beforeAll(() => startClockAfterSeed(3_600_000));
afterAll(() => {
  vi.useRealTimers();
});

beforeAll(async () => {
  const v = Object.fromEntries(
    await Promise.all(logins.map(async (l) => [l, await viewer(`u_${l}`)] as const)),
  ) as Record<(typeof logins)[number], Viewer>;
  ({ teacher, teacher2, teacher3, parent, parent2, student, moderator, official, ministry } = v);
});

const counts = async () => ({
  posts: await prisma.forumPost.count(),
  threads: await prisma.forumThread.count(),
  reactions: await prisma.forumReaction.count(),
});

describe("categories and permissions", () => {
  it("restricted categories are visible only to their roles; public ones to everyone, signed out too", async () => {
    const anonymous = (await listCategories(null)).map((c) => c.slug);
    expect(anonymous).toContain("parents");
    expect(anonymous).toContain("open-kokshetau");
    expect(anonymous).not.toContain("teachers-math");
    expect((await listCategories(teacher)).map((c) => c.slug)).toContain("teachers-math");
    expect((await listCategories(parent)).map((c) => c.slug)).not.toContain("teachers-math");
    expect((await listCategories(moderator)).map((c) => c.slug)).toContain("teachers-math");
  });

  it("a thread of a restricted category is not found for a parent, whatever the id", async () => {
    expect((await refusal(getThreadPage(parent, "ft_fractions"))).code).toBe("notFound");
    expect((await refusal(getThreadPage(null, "ft_fractions"))).code).toBe("notFound");
    expect((await getThreadPage(teacher, "ft_fractions")).posts).toHaveLength(3);
  });

  it("posting into a category outside one's role is refused, nothing stored", async () => {
    const before = await counts();
    const error = await refusal(
      createThread(parent, { categoryId: "fc_math", title: "Сұрақ", body: "Мәтін" }, { now: later() }),
    );
    expect(error.code).toBe("forbidden");
    expect(error.fieldErrors.categoryId).toBe("forums.categoryClosed");
    expect(
      await refusal(replyToThread(student, { threadId: "ft_homework", body: "Сәлем" }, { now: later() })),
    ).toMatchObject({ code: "forbidden" });
    expect(await counts()).toEqual(before);
  });

  it("signed-out people cannot post; empty and over-long posts are refused", async () => {
    expect((await refusal(replyToThread(null, { threadId: "ft_homework", body: "x" }))).code).toBe("unauthenticated");
    expect(
      (await refusal(replyToThread(teacher, { threadId: "ft_homework", body: "   " }, { now: later() }))).fieldErrors
        .body,
    ).toBe("validation.required");
    expect(
      (await refusal(replyToThread(teacher, { threadId: "ft_homework", body: "а".repeat(50_000) }, { now: later() })))
        .fieldErrors.body,
    ).toBe("validation.tooLong");
  });
});

describe("posting, replies, notifications, unread", () => {
  it("a teacher posts, another replies quoting and mentioning; the author is notified; the post is sanitised", async () => {
    const { id } = await createThread(
      teacher,
      {
        categoryId: "fc_math",
        title: "Геометрия 7 сынып",
        body: "Тапсырма <script>alert(1)</script> [сілтеме](javascript:alert(1))",
      },
      { now: later() },
    );
    const page = await getThreadPage(teacher, id);
    expect(page.posts[0]!.html).not.toContain("<script");
    expect(page.posts[0]!.html).not.toContain("javascript:");
    const notificationsBefore = await prisma.notification.count({ where: { userId: "u_teacher" } });
    const reply = await replyToThread(
      teacher2,
      { threadId: id, body: "> Тапсырма\n\nОтличная задача, @teacher3 посмотрите", replyToId: page.posts[0]!.id },
      { now: later() },
    );
    expect(reply).toMatchObject({ number: 2, status: "VISIBLE" });
    expect(await prisma.notification.count({ where: { userId: "u_teacher" } })).toBe(notificationsBefore + 1);
    expect(
      await prisma.notification.count({ where: { userId: "u_teacher3", kind: "forums_mention" } }),
    ).toBeGreaterThan(0);
    const after = await getThreadPage(teacher, id);
    expect(after.posts[1]!.replyTo?.number).toBe(1);
    expect(after.posts[1]!.html).toContain("<blockquote>");
    // unread marker: the author has read up to their own post, so one reply is new
    const list = await listThreads(teacher, "fc_math");
    expect(list.rows.find((t) => t.id === id)!.unread).toBe(1);
    await markThreadRead(teacher, id, 2);
    expect((await listThreads(teacher, "fc_math")).rows.find((t) => t.id === id)!.unread).toBe(0);
  });

  it("a locked thread refuses replies (moderators may still post); the lock is audited", async () => {
    await moderateThread(moderator, { threadId: "ft_olympiad", op: "lock" });
    const before = await counts();
    const error = await refusal(
      replyToThread(teacher, { threadId: "ft_olympiad", body: "Материалдар" }, { now: later() }),
    );
    expect(error.fieldErrors.body).toBe("forums.locked");
    expect(await counts()).toEqual(before);
    expect(
      await prisma.auditLog.count({
        where: { entity: "ForumThread", entityId: "ft_olympiad", actorId: "u_moderator" },
      }),
    ).toBe(1);
    expect((await refusal(moderateThread(teacher, { threadId: "ft_olympiad", op: "unlock" }))).code).toBe("forbidden");
    await moderateThread(moderator, { threadId: "ft_olympiad", op: "unlock" });
  });

  it("reacting twice with the same kind is refused; editing someone else's post is refused", async () => {
    await react(teacher2, { postId: "ft_fractions_p1", kind: "like" });
    const before = await counts();
    expect((await refusal(react(teacher2, { postId: "ft_fractions_p1", kind: "like" }))).fieldErrors.kind).toBe(
      "forums.alreadyReacted",
    );
    expect((await refusal(react(teacher2, { postId: "ft_fractions_p1", kind: "<b>" }))).code).toBe("validation");
    expect((await refusal(editPost(teacher2, { postId: "ft_fractions_p1", body: "Менікі" }))).fieldErrors.body).toBe(
      "forums.notYourPost",
    );
    expect(await counts()).toEqual(before);
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: "ft_fractions_p1" } })).body).toContain("пиццаны");
  });

  it("an edit within 15 minutes leaves no mark, a later one is marked edited; history keeps the old text", async () => {
    const start = later();
    const { id } = await createThread(
      teacher,
      { categoryId: "fc_math", title: "Edit test", body: "First version" },
      { now: start },
    );
    const post = await prisma.forumPost.findFirstOrThrow({ where: { threadId: id } });
    await editPost(
      teacher,
      { postId: post.id, body: "Second version" },
      { now: new Date(start.getTime() + 5 * 60_000) },
    );
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: post.id } })).editedAt).toBeNull();
    await editPost(
      teacher,
      { postId: post.id, body: "Third version" },
      { now: new Date(start.getTime() + 20 * 60_000) },
    );
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: post.id } })).editedAt).not.toBeNull();
    // the history (silent edit included) is the author's and the moderators', nobody else's
    const history = await postHistory(teacher, post.id);
    expect(history.map((h) => h.html)).toEqual([
      expect.stringContaining("First version"),
      expect.stringContaining("Second version"),
    ]);
    expect((await postHistory(moderator, post.id)).length).toBe(2);
    for (const other of [teacher2, parent, null])
      expect((await refusal(postHistory(other, post.id))).code).toBe("notFound");
    const shown = async (v: Viewer | null) =>
      (await getThreadPage(v, id, 1)).posts.find((p) => p.id === post.id)?.history;
    expect([await shown(teacher), await shown(moderator), await shown(teacher2)]).toEqual([2, 2, 0]);
  });

  it("the author redacts a post: earlier texts leave its history, moderators still see them, audited", async () => {
    const iin = (await prisma.person.findFirstOrThrow({ select: { iin: true } })).iin;
    const start = later();
    const { id } = await createThread(
      teacher,
      { categoryId: "fc_math", title: "Redaction test", body: "Сұрақ" },
      { now: start },
    );
    const post = await prisma.forumPost.findFirstOrThrow({ where: { threadId: id } });
    const edit = (body: string, minutes: number) =>
      editPost(teacher, { postId: post.id, body }, { now: new Date(start.getTime() + minutes * 60_000) });
    expect((await edit("Менің телефоным +7 701 123 45 67", 1)).status).toBe("HELD");
    await edit(`ЖСН ${iin.slice(0, 4)} ${iin.slice(4, 8)} ${iin.slice(8)}`, 2);
    await edit("Түзетілді", 3);
    expect(await postHistory(teacher, post.id)).toHaveLength(3);

    // only the author may redact; a moderator or another reader is refused and nothing changes
    expect((await refusal(redactPost(moderator, { postId: post.id }))).code).toBe("forbidden");
    expect((await refusal(redactPost(teacher2, { postId: post.id }))).code).toBe("forbidden");
    expect((await refusal(redactPost(null, { postId: post.id }))).code).toBe("unauthenticated");
    expect(await redactPost(teacher, { postId: post.id })).toEqual({ redacted: 3 });

    expect(await postHistory(teacher, post.id)).toEqual([]);
    const audit = await postHistory(moderator, post.id);
    expect(
      audit.map((h) => [h.html.includes("+7 701") || h.html.includes(iin.slice(0, 4)), Boolean(h.redactedAt)]),
    ).toEqual([
      [false, true],
      [true, true],
      [true, true],
    ]);
    expect(
      await prisma.auditLog.findFirst({
        where: { entity: "ForumPost", entityId: post.id, actorId: teacher.userId },
        select: { after: true },
      }),
    ).toEqual({ after: { redactedVersions: 3 } });
    // nothing left to redact; a later edit starts a new history that can be redacted again
    expect((await refusal(redactPost(teacher, { postId: post.id }))).fieldErrors.postId).toBe("forums.nothingToRedact");
    await edit("Тағы түзетілді", 4);
    expect((await postHistory(teacher, post.id)).map((h) => h.html)).toEqual([expect.stringContaining("Түзетілді")]);
  });
});

describe("trust levels and rate limits", () => {
  it("verified teachers start as members, new parents at the lowest level", async () => {
    expect((await standingOf(prisma, teacher)).level).toBe(2);
    expect((await standingOf(prisma, teacher)).verified).toBe(true);
    expect((await standingOf(prisma, parent2)).level).toBe(0);
  });

  it("a new account waits between posts and is told when it may post again; too many links are refused", async () => {
    const at = later();
    await replyToThread(parent2, { threadId: "ft_homework", body: "Бізде де солай." }, { now: at });
    const before = await counts();
    const error = await refusal(
      replyToThread(
        parent2,
        { threadId: "ft_homework", body: "Тағы бір пікір" },
        { now: new Date(at.getTime() + 5_000) },
      ),
    );
    expect(error.code).toBe("rateLimited");
    expect(error.params.minutes).toBe(1);
    expect(error.params.until).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const links = await refusal(
      replyToThread(
        parent2,
        { threadId: "ft_homework", body: "[a](https://a.kz) [b](https://b.kz)" },
        { now: later() },
      ),
    );
    expect(links.fieldErrors.body).toBe("forums.tooManyLinks");
    expect(await counts()).toEqual(before);
  });

  it("a new account reaches its daily limit", async () => {
    const limit = LIMITS[0].postsPerDay;
    const start = later(60 * 24);
    for (let i = 0; i < limit; i++)
      await replyToThread(
        parent2,
        { threadId: "ft_homework", body: `Пікір ${i}` },
        { now: new Date(start.getTime() + i * 60_000) },
      );
    const error = await refusal(
      replyToThread(
        parent2,
        { threadId: "ft_homework", body: "Артық" },
        { now: new Date(start.getTime() + limit * 60_000) },
      ),
    );
    expect(error.code).toBe("rateLimited");
    expect(Number(error.params.minutes)).toBeGreaterThan(60 * 23);
    later(60 * 24 * 2);
  });

  it("posts per address are limited across accounts", async () => {
    const at = later();
    const { hashIp } = await import("./forums");
    const ipHash = hashIp("10.0.0.9")!;
    await prisma.forumPost.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        threadId: "ft_olympiad",
        number: 2000 + i,
        authorId: "u_teacher3",
        body: "x",
        html: "x",
        ipHash,
        createdAt: new Date(at.getTime() - 30 * 60_000),
      })),
    });
    const error = await refusal(
      replyToThread(teacher, { threadId: "ft_homework", body: "С этого же адреса" }, { now: at, ip: "10.0.0.9" }),
    );
    expect(error.code).toBe("rateLimited");
    expect(error.params.minutes).toBe(30);
    await replyToThread(teacher, { threadId: "ft_homework", body: "С другого адреса" }, { now: at, ip: "10.0.0.10" });
    await prisma.forumPost.deleteMany({ where: { threadId: "ft_olympiad", number: { gte: 2000 } } });
  });

  it("slow mode makes a person wait in that thread", async () => {
    await moderateThread(moderator, { threadId: "ft_fractions", op: "slowMode", seconds: 600 });
    const at = later();
    await replyToThread(teacher2, { threadId: "ft_fractions", body: "Первое" }, { now: at });
    const error = await refusal(
      replyToThread(teacher2, { threadId: "ft_fractions", body: "Второе" }, { now: new Date(at.getTime() + 60_000) }),
    );
    expect(error).toMatchObject({ code: "rateLimited", params: { minutes: 9 } });
    await moderateThread(moderator, { threadId: "ft_fractions", op: "slowMode", seconds: 0 });
  });

  it("a silenced person cannot post until the period ends; the moderator's action is audited", async () => {
    await restrictUser(moderator, { userId: "u_teacher3", kind: "silence", days: 2, reason: "Тәртіп бұзу" });
    const error = await refusal(replyToThread(teacher3, { threadId: "ft_fractions", body: "Сөз" }));
    expect(error.fieldErrors.body).toBe("forums.silenced");
    expect(await prisma.auditLog.count({ where: { entity: "ForumUserState", entityId: "u_teacher3" } })).toBe(1);
    await restrictUser(moderator, { userId: "u_teacher3", kind: "lift", reason: "Мерзімнен бұрын" });
    await replyToThread(teacher3, { threadId: "ft_fractions", body: "Сөз" });
    expect(
      (await refusal(restrictUser(teacher, { userId: "u_parent", kind: "suspend", days: 1, reason: "x" }))).code,
    ).toBe("forbidden");
  });
});

describe("flags, holds and the moderator queue", () => {
  it("three flags of trusted people hide a post until a moderator restores it; untrusted flags do not count", async () => {
    const { id } = await createThread(
      parent,
      { categoryId: "fc_parents", title: "Жарнама", body: "Арзан сабақтар!" },
      { now: later() },
    );
    const post = await prisma.forumPost.findFirstOrThrow({ where: { threadId: id } });
    expect(await flagPost(parent2, { postId: post.id, reason: "spam" })).toEqual({ hidden: false });
    expect(await flagPost(teacher, { postId: post.id, reason: "spam" })).toEqual({ hidden: false });
    expect((await refusal(flagPost(teacher, { postId: post.id, reason: "spam" }))).fieldErrors.reason).toBe(
      "forums.alreadyFlagged",
    );
    expect(await flagPost(teacher2, { postId: post.id, reason: "offensive" })).toEqual({ hidden: false });
    expect(await flagPost(teacher3, { postId: post.id, reason: "spam" })).toEqual({ hidden: true });
    expect((await getThreadPage(parent2, id).catch(() => null))?.posts ?? []).toHaveLength(0);
    expect((await moderationQueue(moderator)).map((q) => q.postId)).toContain(post.id);
    expect((await refusal(moderationQueue(teacher))).code).toBe("forbidden");
    await decidePost(moderator, { postId: post.id, decision: "restore" });
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: post.id } })).status).toBe("VISIBLE");
    expect(await prisma.auditLog.count({ where: { entity: "ForumPost", entityId: post.id } })).toBe(1);
  });

  it("a post with a valid IIN is held for a moderator; a 12-digit number without a valid check digit is not", async () => {
    const iin = (await prisma.person.findFirstOrThrow({ select: { iin: true } })).iin;
    const held = await replyToThread(
      teacher,
      { threadId: "ft_homework", body: `Оқушының ЖСН: ${iin}` },
      { now: later() },
    );
    expect(held.status).toBe("HELD");
    const invalid = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    expect(
      (await replyToThread(teacher, { threadId: "ft_homework", body: `Нөмір ${invalid}` }, { now: later() })).status,
    ).toBe("VISIBLE");
    // nobody but the author and moderators sees the held post
    const pageFor = async (v: Viewer | null) => (await getThreadPage(v, "ft_homework", 1)).total;
    expect(await pageFor(parent)).toBe((await pageFor(teacher)) - 1);
    expect((await moderationQueue(moderator)).find((q) => q.postId === held.id)?.statusReason).toBe("personalData");
    // an IIN in groups, or a mobile number, is held just the same
    for (const body of [
      `ЖСН: ${iin.slice(0, 4)} ${iin.slice(4, 8)} ${iin.slice(8)}`,
      `ЖСН ${iin.slice(0, 6)}-${iin.slice(6)}`,
      "Хабарласыңыз: 8 (707) 123-45-67",
    ]) {
      expect((await replyToThread(teacher, { threadId: "ft_homework", body }, { now: later() })).status, body).toBe(
        "HELD",
      );
    }
  });

  it("a new account's first question in an open forum waits for approval", async () => {
    const { id, status } = await createThread(
      student,
      { categoryId: "fc_open_kokshetau", title: "Мектеп формасы", body: "Мектеп формасын қайдан алуға болады?" },
      { now: later() },
    );
    expect(status).toBe("HELD");
    expect((await listThreads(parent, "fc_open_kokshetau")).rows.map((t) => t.id)).not.toContain(id);
    // its author reads it, marked as waiting; nobody else does
    const own = await getThreadPage(student, id);
    expect(own.posts.map((p) => p.status)).toEqual(["HELD"]);
    expect((await refusal(getThreadPage(parent, id))).code).toBe("notFound");
    expect((await refusal(getThreadPage(null, id))).code).toBe("notFound");
    const post = await prisma.forumPost.findFirstOrThrow({ where: { threadId: id } });
    await decidePost(moderator, { postId: post.id, decision: "restore" });
    expect((await listThreads(parent, "fc_open_kokshetau")).rows.map((t) => t.id)).toContain(id);
  });
});

describe("open forums with officials", () => {
  it("an official's answer is marked official, pinned under the question and counts in the answer statistics", async () => {
    const before = await answerStats(null, "fc_open_kokshetau");
    const question = await listThreads(null, "fc_open_kokshetau");
    const waiting = question.rows.find((t) => t.id === "ft_open_canteen")!;
    expect(waiting.answeredAt).toBeNull();
    const answer = await replyToThread(
      official,
      { threadId: "ft_open_canteen", body: "Асхана 15 желтоқсанда ашылады." },
      { now: later() },
    );
    const page = await getThreadPage(null, "ft_open_canteen");
    expect(page.official.map((p) => p.id)).toEqual([answer.id]);
    expect(page.official[0]!.official).toBe(true);
    expect(page.posts.map((p) => p.id)).not.toContain(answer.id);
    const after = await answerStats(null, "fc_open_kokshetau");
    expect(after.answered).toBe(before.answered + 1);
    expect(after.medianHours).not.toBeNull();
    // a teacher's reply there is not official
    const plain = await replyToThread(teacher, { threadId: "ft_open_canteen", body: "Спасибо!" }, { now: later() });
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: plain.id } })).official).toBe(false);
    expect((await getThreadPage(ministry, "ft_open_canteen")).canAnswer).toBe(false);
  });
});

describe("search documents", () => {
  it("index visible threads and replies with the category's audience, never held or hidden ones", async () => {
    const docs = [];
    for await (const batch of forumThreadSource.all()) docs.push(...batch);
    for await (const batch of forumPostSource.all()) docs.push(...batch);
    const math = docs.find((d) => d.id.startsWith("forum-thread:ft_fractions:"))!;
    expect(math.visibility).toEqual({ kind: "restricted", roles: ["TEACHER"], permissions: ["forums.moderate"] });
    expect(math.language).toBe("kk");
    expect(docs.find((d) => d.id.startsWith("forum-thread:ft_open_bus:"))!.visibility).toEqual({ kind: "public" });
    expect(docs.find((d) => d.id.startsWith("forum-post:ft_fractions_p2:"))!.language).toBe("ru");
    const notVisible = await prisma.forumPost.findMany({
      where: { OR: [{ status: { not: "VISIBLE" } }, { thread: { hidden: true } }] },
      select: { id: true, threadId: true, number: true },
    });
    expect(notVisible.length).toBeGreaterThan(0);
    for (const p of notVisible)
      expect(
        docs.filter((d) => d.id.startsWith(p.number === 1 ? `forum-thread:${p.threadId}:` : `forum-post:${p.id}:`)),
      ).toEqual([]);
  });
});
