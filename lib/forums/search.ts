/**
 * Search documents of the forums, for the search port: one per visible thread (its title and opening post,
 * source "forum-thread", id = thread id) and one per visible reply (source "forum-post", id = post id). Held
 * and hidden posts, hidden threads and the posts of hidden threads give no document (the outbox then removes
 * it). A public category's documents are public; a role-only category's are restricted to its read roles and
 * to moderators. The language of a document is guessed from its text, since a thread may mix languages.
 * No "server-only" here: the search CLI (scripts/search.ts) loads the indexers too.
 */
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import type { Language, SearchDocument, Visibility } from "../search/types";
import { plainText } from "../markdown";

export const THREAD_SOURCE = "forum-thread";
export const POST_SOURCE = "forum-post";
const BATCH = 500;

/** Kazakh when a letter only Kazakh uses appears, Russian for other Cyrillic text, English otherwise. */
export function guessLanguage(text: string): Language {
  if (/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/.test(text)) return "kk";
  const cyrillic = (text.match(/[а-яё]/gi) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  return cyrillic >= latin && cyrillic > 0 ? "ru" : latin > 0 ? "en" : "kk";
}

export function forumVisibility(readRoles: readonly string[]): Visibility {
  return readRoles.length === 0
    ? { kind: "public" }
    : { kind: "restricted", roles: readRoles as Role[], permissions: ["forums.moderate"] };
}

const threadPrefix = (id: string) => `forum-thread:${id}:`;
const postPrefix = (id: string) => `forum-post:${id}:`;

/** Documents of these threads (title + opening post), for the visible ones. */
export async function threadDocuments(ids: readonly string[]): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  const rows = await prisma.forumThread.findMany({
    where: { id: { in: [...ids] }, hidden: false },
    select: {
      id: true,
      title: true,
      category: { select: { readRoles: true } },
      posts: { where: { number: 1, status: "VISIBLE" }, select: { body: true } },
    },
  });
  return rows.flatMap((t) => {
    const first = t.posts[0];
    if (!first) return [];
    const body = plainText(first.body);
    return [
      {
        id: `${threadPrefix(t.id)}${guessLanguage(`${t.title} ${body}`)}`,
        type: "forum-thread",
        language: guessLanguage(`${t.title} ${body}`),
        title: t.title,
        body,
        url: `/forums/t/${t.id}`,
        subject: "forums",
        visibility: forumVisibility(t.category.readRoles),
      },
    ];
  });
}

/** Documents of these replies (never the opening post, which belongs to the thread's document). */
export async function postDocuments(ids: readonly string[]): Promise<SearchDocument[]> {
  if (!ids.length) return [];
  return postDocs({ id: { in: [...ids] } });
}

async function postDocs(where: Prisma.ForumPostWhereInput): Promise<SearchDocument[]> {
  const rows = await prisma.forumPost.findMany({
    where: { AND: [where, { status: "VISIBLE", number: { gt: 1 }, thread: { hidden: false } }] },
    select: {
      id: true,
      number: true,
      body: true,
      threadId: true,
      thread: { select: { title: true, category: { select: { readRoles: true } } } },
    },
  });
  return rows.map((p) => {
    const body = plainText(p.body);
    const language = guessLanguage(body);
    return {
      id: `${postPrefix(p.id)}${language}`,
      type: "forum-post",
      language,
      title: p.thread.title,
      body,
      url: `/forums/t/${p.threadId}?post=${p.number}#post-${p.number}`,
      subject: "forums",
      visibility: forumVisibility(p.thread.category.readRoles),
    };
  });
}

async function* batches(
  next: (cursor: string | undefined) => Promise<string[]>,
  load: (ids: string[]) => Promise<SearchDocument[]>,
): AsyncGenerator<SearchDocument[]> {
  let cursor: string | undefined;
  for (;;) {
    const ids = await next(cursor);
    if (!ids.length) return;
    cursor = ids.at(-1);
    yield await load(ids);
  }
}

export const forumThreadSource = {
  source: THREAD_SOURCE,
  prefix: threadPrefix,
  load: threadDocuments,
  all: () =>
    batches(
      async (cursor) =>
        (
          await prisma.forumThread.findMany({
            where: { hidden: false, ...(cursor ? { id: { gt: cursor } } : {}) },
            orderBy: { id: "asc" },
            take: BATCH,
            select: { id: true },
          })
        ).map((r) => r.id),
      threadDocuments,
    ),
};

export const forumPostSource = {
  source: POST_SOURCE,
  prefix: postPrefix,
  load: postDocuments,
  all: () =>
    batches(
      async (cursor) =>
        (
          await prisma.forumPost.findMany({
            where: {
              status: "VISIBLE",
              number: { gt: 1 },
              thread: { hidden: false },
              ...(cursor ? { id: { gt: cursor } } : {}),
            },
            orderBy: { id: "asc" },
            take: BATCH,
            select: { id: true },
          })
        ).map((r) => r.id),
      (ids) => postDocs({ id: { in: ids } }),
    ),
};
