/**
 * What the forum writers put into the search outbox, inside their own transaction: a changed thread (its
 * title and opening post), changed replies, or a thread with all its posts (hidden, restored, moved, merged).
 */
import type { Prisma } from "../generated/prisma/client";
import { enqueueSearch } from "../search/outbox";
import { POST_SOURCE, THREAD_SOURCE } from "./search";

type Tx = Prisma.TransactionClient;

export async function enqueueThread(
  tx: Tx,
  threadIds: readonly string[],
  options: { withPosts?: boolean } = {},
): Promise<void> {
  await enqueueSearch(tx, THREAD_SOURCE, threadIds);
  if (options.withPosts) {
    const posts = await tx.forumPost.findMany({ where: { threadId: { in: [...threadIds] } }, select: { id: true } });
    await enqueueSearch(
      tx,
      POST_SOURCE,
      posts.map((p) => p.id),
    );
  }
}

/** A post changed: the opening post belongs to its thread's document, a reply has its own. */
export async function enqueuePost(tx: Tx, post: { id: string; number: number; threadId: string }): Promise<void> {
  if (post.number === 1) await enqueueSearch(tx, THREAD_SOURCE, [post.threadId]);
  else await enqueueSearch(tx, POST_SOURCE, [post.id]);
}
