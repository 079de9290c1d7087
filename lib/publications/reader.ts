import "server-only";
import type { Viewer } from "../auth/scope";
import { prisma } from "../db";
import { countView, isCommentModerator, listComments, myRating, type ViewReader } from "./discussion";

export interface ReaderState {
  signedIn: boolean;
  isAuthor: boolean;
  myRating: number | null;
  moderator: boolean;
  /** Comments not visible to everyone: all of them for moderators, the reader's own held ones otherwise. */
  comments: {
    id: string;
    author: string;
    html: string;
    status: string;
    statusReason: string | null;
    createdAt: string;
  }[];
  /** Visible comments of others the reader has not flagged yet (not for moderators, who hide directly). */
  flaggable: { id: string; author: string; createdAt: string }[];
}

const SIGNED_OUT: ReaderState = {
  signedIn: false,
  isAuthor: false,
  myRating: null,
  moderator: false,
  comments: [],
  flaggable: [],
};

/**
 * What the (statically cached) reading page shows only to the person reading it: their rating, the forms,
 * moderation tools. With `count` (the client's address and user agent), also counts the view — once per reader
 * and day — so only real page views in a browser are counted.
 */
export async function readerState(
  viewer: Viewer | null,
  id: string,
  count?: Omit<ViewReader, "userId"> | null,
): Promise<ReaderState> {
  if (id.length === 0 || id.length > 100) return SIGNED_OUT;
  if (count) await countView(id, { ...count, userId: viewer?.userId ?? null });
  if (!viewer) return SIGNED_OUT;
  const moderator = isCommentModerator(viewer);
  const [mine, comments, row, flagged] = await Promise.all([
    myRating(viewer, id),
    listComments(viewer, id),
    prisma.publication.findUnique({ where: { id }, select: { authorId: true } }),
    prisma.publicationCommentFlag.findMany({
      where: { userId: viewer.userId, comment: { publicationId: id } },
      select: { commentId: true },
    }),
  ]);
  const done = new Set(flagged.map((f) => f.commentId));
  return {
    signedIn: true,
    isAuthor: row?.authorId === viewer.userId,
    myRating: mine,
    moderator,
    comments: comments
      .filter((c) => moderator || c.status !== "VISIBLE")
      .map(({ id: cid, author, html, status, statusReason, createdAt }) => ({
        id: cid,
        author,
        html,
        status,
        statusReason,
        createdAt,
      })),
    flaggable: moderator
      ? []
      : comments
          .filter((c) => c.status === "VISIBLE" && c.authorId !== viewer.userId && !done.has(c.id))
          .map(({ id: cid, author, createdAt }) => ({ id: cid, author, createdAt })),
  };
}
