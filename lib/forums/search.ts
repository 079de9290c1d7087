/**
 * Search documents of the forums, for the search port: one per visible thread (title + opening post) and one
 * per visible reply. Held and hidden posts and hidden threads are left out; `visibility.roles` is empty for
 * public categories, otherwise the roles that may read the category (the search port filters on it).
 */
import "server-only";
import { prisma } from "../db";
import type { Role } from "../generated/prisma/enums";
import { plainText } from "./markdown";

export interface ForumSearchDocument {
  /** "forum-thread:<id>" or "forum-post:<id>" */
  id: string;
  kind: "forumThread" | "forumPost";
  title: string;
  text: string;
  /** Path without locale: "/forums/t/<threadId>" (with "?post=<n>" for a reply). */
  path: string;
  categoryId: string;
  visibility: { public: boolean; roles: Role[] };
  updatedAt: Date;
}

/** Yields the documents in batches (threads of one batch with their posts), so a full reindex streams. */
export async function* forumSearchDocuments(options: { batchSize?: number; since?: Date } = {}): AsyncGenerator<ForumSearchDocument> {
  const take = options.batchSize ?? 200;
  let cursor: string | undefined;
  for (;;) {
    const threads = await prisma.forumThread.findMany({
      where: { hidden: false, ...(options.since ? { lastPostAt: { gte: options.since } } : {}) },
      orderBy: { id: "asc" },
      take,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      include: { category: { select: { id: true, readRoles: true } }, posts: { where: { status: "VISIBLE" }, orderBy: { number: "asc" } } },
    });
    if (!threads.length) return;
    for (const t of threads) {
      const visibility = { public: t.category.readRoles.length === 0, roles: t.category.readRoles as Role[] };
      const [first, ...rest] = t.posts;
      if (!first || first.number !== 1) continue;
      yield { id: `forum-thread:${t.id}`, kind: "forumThread", title: t.title, text: plainText(first.body), path: `/forums/t/${t.id}`, categoryId: t.category.id, visibility, updatedAt: first.editedAt ?? first.createdAt };
      for (const p of rest) {
        yield { id: `forum-post:${p.id}`, kind: "forumPost", title: t.title, text: plainText(p.body), path: `/forums/t/${t.id}?post=${p.number}`, categoryId: t.category.id, visibility, updatedAt: p.editedAt ?? p.createdAt };
      }
    }
    cursor = threads.at(-1)!.id;
  }
}
