import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { searchEngine } from "@/lib/search/engine";
import { drainOutbox, reindexAll } from "@/lib/search/outbox";
import { searchPortal } from "@/lib/search/service";
import { viewer } from "@/tests/setup/helpers";
import { createThread, editPost, getThreadPage, pageOfPost, replyToThread } from "./forums";
import { renderMarkdown } from "../markdown";
import { decidePost, flagPost, moderateThread } from "./moderation";

let teacher: Viewer, teacher2: Viewer, teacher3: Viewer, parent: Viewer, parent2: Viewer, moderator: Viewer;
let clock = Date.UTC(2027, 5, 1);
const later = () => new Date((clock += 3_600_000));

const urls = async (q: string, who: Viewer | null = null) =>
  (await searchPortal(who, { q, page: 1 })).result.hits.map((h) => h.url);
const drain = async () => {
  const r = await drainOutbox(searchEngine());
  expect(r.failed).toBe(0);
  return r;
};

beforeAll(async () => {
  teacher = await viewer("u_teacher");
  teacher2 = await viewer("u_teacher2");
  teacher3 = await viewer("u_teacher3");
  parent = await viewer("u_parent");
  parent2 = await viewer("u_parent2");
  moderator = await viewer("u_moderator");
  await reindexAll(searchEngine());
});

describe("forums in the portal search", () => {
  it("a new public thread is found after the outbox is drained, by everyone; hiding it removes it", async () => {
    const { id } = await createThread(
      teacher,
      {
        categoryId: "fc_parents",
        title: "Қысқы каникул кестесі",
        body: "Каникул желтоқсанның соңында басталады, күнтізбе ертең жарияланады.",
      },
      { now: later() },
    );
    expect(await prisma.searchOutbox.count({ where: { source: "forum-thread", sourceId: id } })).toBe(1);
    expect(await urls("күнтізбе")).toEqual([]);
    await drain();
    expect(await urls("күнтізбе")).toEqual([`/forums/t/${id}`]);
    expect(await urls("күнтізбе", parent)).toEqual([`/forums/t/${id}`]);

    await moderateThread(moderator, { threadId: id, op: "hide" });
    await drain();
    expect(await urls("күнтізбе")).toEqual([]);
    await moderateThread(moderator, { threadId: id, op: "restore" });
    await drain();
    expect(await urls("күнтізбе")).toEqual([`/forums/t/${id}`]);
  });

  it("a thread of a teachers-only category is found by teachers and moderators only", async () => {
    const { id } = await createThread(
      teacher,
      {
        categoryId: "fc_math",
        title: "Геометриялық прогрессия",
        body: "Прогрессияның қосындысын модельмен көрсетемін.",
      },
      { now: later() },
    );
    await drain();
    expect(await urls("прогрессия")).toEqual([]);
    expect(await urls("прогрессия", parent)).toEqual([]);
    expect(await urls("прогрессия", teacher2)).toEqual([`/forums/t/${id}`]);
    expect(await urls("прогрессия", moderator)).toEqual([`/forums/t/${id}`]);
    // moved to a public category, everyone finds it
    await moderateThread(moderator, { threadId: id, op: "move", categoryId: "fc_akmola" });
    await drain();
    expect(await urls("прогрессия")).toEqual([`/forums/t/${id}`]);
  });

  it("a reply is found; edited, its new text is found; hidden by three trusted flags, it is gone until restored", async () => {
    const { id: threadId } = await createThread(
      teacher,
      { categoryId: "fc_parents", title: "Мектеп формасы", body: "Форма туралы сұрақтар осында." },
      { now: later() },
    );
    const reply = await replyToThread(
      parent2,
      { threadId, body: "Школьная форма подорожала вдвое, это безобразие" },
      { now: later() },
    );
    await drain();
    const url = `/forums/t/${threadId}?post=${reply.number}#post-${reply.number}`;
    expect(await urls("безобразие")).toEqual([url]);

    await editPost(
      parent2,
      { postId: reply.id, body: "Школьная форма подорожала вдвое, это возмутительно" },
      { now: later() },
    );
    await drain();
    expect(await urls("безобразие")).toEqual([]);
    expect(await urls("возмутительно")).toEqual([url]);

    for (const who of [teacher, teacher2, teacher3]) await flagPost(who, { postId: reply.id, reason: "offensive" });
    expect((await prisma.forumPost.findUniqueOrThrow({ where: { id: reply.id } })).status).toBe("HIDDEN");
    await drain();
    expect(await urls("возмутительно")).toEqual([]);
    expect(await urls("возмутительно", moderator)).toEqual([]);

    await decidePost(moderator, { postId: reply.id, decision: "restore" });
    await drain();
    expect(await urls("возмутительно")).toEqual([url]);
  });

  it("a question held for approval is not searchable until a moderator approves it", async () => {
    const { id, status } = await createThread(
      parent,
      { categoryId: "fc_open_kokshetau", title: "Балабақшаға кезек", body: "Кезектегі нөмірді қалай білуге болады?" },
      { now: later() },
    );
    expect(status).toBe("HELD");
    await drain();
    expect(await urls("кезектегі", moderator)).toEqual([]);
    const post = await prisma.forumPost.findFirstOrThrow({ where: { threadId: id, number: 1 } });
    await decidePost(moderator, { postId: post.id, decision: "restore" });
    await drain();
    expect(await urls("кезектегі")).toEqual([`/forums/t/${id}`]);
  });

  it("merging moves the replies' documents to the target thread", async () => {
    const a = await createThread(
      teacher,
      { categoryId: "fc_akmola", title: "Олимпиада есептері", body: "Есептер жинағы." },
      { now: later() },
    );
    const b = await createThread(
      teacher2,
      { categoryId: "fc_akmola", title: "Олимпиадаға дайындық", body: "Дайындық материалдары: комбинаторика." },
      { now: later() },
    );
    await drain();
    expect(await urls("комбинаторика")).toEqual([`/forums/t/${b.id}`]);
    await moderateThread(moderator, { threadId: b.id, op: "merge", intoThreadId: a.id });
    await drain();
    expect((await urls("комбинаторика"))[0]).toMatch(new RegExp(`^/forums/t/${a.id}\\?post=2`));
  });

  it("a search link to a reply opens the page that holds it, counting only the posts the reader sees", async () => {
    const at = new Date(Date.UTC(2026, 10, 1));
    await prisma.forumThread.create({
      data: {
        id: "ft_long",
        categoryId: "fc_akmola",
        title: "Ұзын тақырып",
        authorId: "u_teacher",
        createdAt: at,
        lastPostAt: at,
        postSeq: 50,
      },
    });
    // posts 2..6 are hidden: readers see 45 posts, moderators 50
    await prisma.forumPost.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        threadId: "ft_long",
        number: i + 1,
        authorId: "u_teacher",
        body: `Жазба ${i + 1}`,
        html: renderMarkdown(`Жазба ${i + 1}`),
        status: i >= 1 && i <= 5 ? ("HIDDEN" as const) : ("VISIBLE" as const),
        createdAt: at,
      })),
    });
    expect(await pageOfPost(null, "ft_long", 1)).toBe(1);
    expect(await pageOfPost(null, "ft_long", 25)).toBe(1);
    expect(await pageOfPost(null, "ft_long", 26)).toBe(2);
    expect(await pageOfPost(moderator, "ft_long", 26)).toBe(2);
    expect(await pageOfPost(moderator, "ft_long", 21)).toBe(2);
    expect(await pageOfPost(null, "ft_long", 50)).toBe(3);
    expect(
      (await getThreadPage(null, "ft_long", await pageOfPost(null, "ft_long", 46))).posts.map((p) => p.number),
    ).toContain(46);
    // an unreadable thread or a nonsense number opens the first page
    expect(await pageOfPost(parent, "ft_fractions", 3)).toBe(1);
    expect(await pageOfPost(null, "ft_long", Number.NaN)).toBe(1);
  });
});
