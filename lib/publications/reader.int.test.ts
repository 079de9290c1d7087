import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { viewer } from "@/tests/setup/helpers";
import { countView, viewReaderKey } from "./discussion";
import { pruneReaderViews } from "./release";
import { readerState } from "./reader";

async function published(status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  return prisma.publication.create({
    data: {
      type: "LESSON_PLAN",
      status,
      publishedAt: status === "PUBLISHED" ? new Date(Date.now() - 30 * 86_400_000) : null,
      language: "kk",
      title: "Бөлшектер",
      body: "Сабақ",
      html: "<p>Сабақ</p>",
      authorId: "u_teacher",
    },
    select: { id: true, views: true },
  });
}

const views = async (id: string) => (await prisma.publication.findUniqueOrThrow({ where: { id } })).views;
const browser = { address: "10.1.2.3", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };

describe("the reader's part of a publication page", () => {
  it("is empty for a signed-out reader, knows the author, and counts a view only when asked", async () => {
    const publication = await published();
    expect(await readerState(null, publication.id)).toMatchObject({ signedIn: false, comments: [] });
    const author = await readerState(await viewer("u_teacher"), publication.id);
    expect(author).toMatchObject({ signedIn: true, isAuthor: true });
    expect((await readerState(await viewer("u_parent"), publication.id)).isAuthor).toBe(false);
    expect(await views(publication.id)).toBe(publication.views);
    await readerState(null, publication.id, browser);
    await readerState(await viewer("u_parent"), publication.id, browser);
    expect(await views(publication.id)).toBe(publication.views + 2);
  });
});

describe("view counts", () => {
  it("count a reader once a day however often the reader action is called", async () => {
    const publication = await published();
    const parent = await viewer("u_parent");
    for (let i = 0; i < 100; i++) await readerState(parent, publication.id, browser);
    expect(await views(publication.id)).toBe(publication.views + 1);
    // an anonymous loop from one address and browser counts once as well, also when the calls race
    await Promise.all(Array.from({ length: 100 }, () => readerState(null, publication.id, browser)));
    expect(await views(publication.id)).toBe(publication.views + 2);
    // another browser on the same address is another reader; the next day counts again
    expect(await countView(publication.id, { ...browser, userAgent: "curl/8.5.0" })).toBe(true);
    expect(await countView(publication.id, browser, new Date(Date.now() + 86_400_000))).toBe(true);
    expect(await views(publication.id)).toBe(publication.views + 4);
  });

  it("never store the client's address, and count nothing for drafts or unknown ids", async () => {
    const publication = await published();
    await countView(publication.id, browser);
    const rows = await prisma.publicationView.findMany({ where: { publicationId: publication.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reader).toMatch(/^a:[0-9a-f]{40}$/);
    expect(JSON.stringify(rows)).not.toContain(browser.address);
    expect(viewReaderKey({ ...browser, userId: "u_parent" }, "2026-12-07")).toBe("u:u_parent");
    expect(viewReaderKey(browser, "2026-12-07")).not.toBe(viewReaderKey(browser, "2026-12-08"));

    const draft = await published("DRAFT");
    expect(await countView(draft.id, browser)).toBe(false);
    expect(await views(draft.id)).toBe(0);
    expect(await countView("no-such-publication", browser)).toBe(false);
  });

  it("forget the readers of days before yesterday, keeping the counts", async () => {
    const publication = await published();
    const now = new Date();
    await countView(publication.id, browser, new Date(now.getTime() - 3 * 86_400_000));
    await countView(publication.id, browser, new Date(now.getTime() - 86_400_000));
    await countView(publication.id, browser, now);
    expect(await pruneReaderViews(now)).toBeGreaterThanOrEqual(1);
    expect(await prisma.publicationView.count({ where: { publicationId: publication.id } })).toBe(2);
    expect(await views(publication.id)).toBe(3);
  });
});
