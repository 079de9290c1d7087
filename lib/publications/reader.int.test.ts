import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { viewer } from "@/tests/setup/helpers";
import { flushViews } from "./discussion";
import { readerState } from "./reader";

describe("the reader's part of a publication page", () => {
  it("is empty for a signed-out reader, knows the author, and counts a view only when asked", async () => {
    const publication = await prisma.publication.create({
      data: {
        type: "LESSON_PLAN",
        status: "PUBLISHED",
        language: "kk",
        title: "Бөлшектер",
        body: "Сабақ",
        html: "<p>Сабақ</p>",
        authorId: "u_teacher",
      },
      select: { id: true, views: true },
    });
    expect(await readerState(null, publication.id)).toMatchObject({ signedIn: false, comments: [] });
    const author = await readerState(await viewer("u_teacher"), publication.id);
    expect(author).toMatchObject({ signedIn: true, isAuthor: true });
    expect((await readerState(await viewer("u_parent"), publication.id)).isAuthor).toBe(false);
    await flushViews();
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: publication.id } })).views).toBe(
      publication.views,
    );
    await readerState(null, publication.id, true);
    await readerState(await viewer("u_parent"), publication.id, true);
    await flushViews();
    expect((await prisma.publication.findUniqueOrThrow({ where: { id: publication.id } })).views).toBe(
      publication.views + 2,
    );
  });
});
