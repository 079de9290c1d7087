/**
 * Flags and moderation: any member flags a post; three flags of trusted people hide it until a moderator
 * decides. Moderators work a queue (held and flagged posts), hide and restore posts, lock, pin, move and
 * merge threads, set slow mode, and silence or suspend people for a period with a reason. Every moderator
 * action is written to the audit log in the same transaction.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { expire, TAGS } from "../cache";
import { recordAudit } from "../audit";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { threadReadWhere, categoryReadWhere } from "./access";
import { assertMayPost, standingOf } from "./standing";
import { FLAGS_TO_HIDE, TRUSTED_FLAGGER } from "./trust";
import { enqueuePost, enqueueThread } from "./search-queue";

export const FLAG_REASONS = ["spam", "offensive", "personalData", "offTopic"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

function moderator(viewer: Viewer | null): Viewer {
  return authorizeViewer(viewer, "forums.moderate").viewer;
}

/** Flags a visible post; returns whether the post is now hidden. One flag per person and post. */
export async function flagPost(
  viewer: Viewer | null,
  input: { postId: string; reason: string },
): Promise<{ hidden: boolean }> {
  if (!viewer) throw new AppError("unauthenticated");
  if (!(FLAG_REASONS as readonly string[]).includes(input.reason))
    throw new AppError("validation", { reason: "validation.invalidOption" });
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findFirst({
      where: { AND: [{ id: input.postId, status: "VISIBLE" }, { thread: threadReadWhere(viewer) }] },
    });
    if (!post) throw new AppError("notFound");
    if (post.authorId === viewer.userId) throw new AppError("forbidden", { reason: "forums.ownPost" });
    const standing = await standingOf(tx, viewer);
    assertMayPost(standing, new Date(), "act");
    if (await tx.forumFlag.findUnique({ where: { postId_userId: { postId: post.id, userId: viewer.userId } } }))
      throw new AppError("duplicate", { reason: "forums.alreadyFlagged" });
    await tx.forumFlag.create({
      data: {
        postId: post.id,
        userId: viewer.userId,
        reason: input.reason,
        trusted: standing.level >= TRUSTED_FLAGGER,
      },
    });
    const trusted = await tx.forumFlag.count({ where: { postId: post.id, trusted: true, resolvedAt: null } });
    if (trusted >= FLAGS_TO_HIDE || standing.level >= 4) {
      await tx.forumPost.update({ where: { id: post.id }, data: { status: "HIDDEN", statusReason: "flags" } });
      await enqueuePost(tx, post);
      return { hidden: true };
    }
    return { hidden: false };
  });
}

export interface QueueItem {
  postId: string;
  threadId: string;
  threadTitle: string;
  number: number;
  author: string;
  authorId: string;
  html: string;
  status: "HELD" | "HIDDEN" | "VISIBLE";
  statusReason: string | null;
  flags: { reason: string; count: number }[];
  createdAt: string;
}

/** Held posts, posts hidden by flags and visible posts with open flags, oldest first. */
export async function moderationQueue(viewer: Viewer | null): Promise<QueueItem[]> {
  moderator(viewer);
  const rows = await prisma.forumPost.findMany({
    where: {
      OR: [
        { status: "HELD" },
        { status: "HIDDEN", statusReason: "flags" },
        { status: "VISIBLE", flags: { some: { resolvedAt: null } } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 100,
    include: {
      thread: { select: { id: true, title: true } },
      flags: { where: { resolvedAt: null }, select: { reason: true } },
    },
  });
  const users = await prisma.user.findMany({
    where: { id: { in: rows.map((r) => r.authorId) } },
    select: { id: true, displayName: true },
  });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((p) => {
    const counts = new Map<string, number>();
    for (const f of p.flags) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
    return {
      postId: p.id,
      threadId: p.thread.id,
      threadTitle: p.thread.title,
      number: p.number,
      author: names.get(p.authorId) ?? "",
      authorId: p.authorId,
      html: p.html,
      status: p.status,
      statusReason: p.statusReason,
      flags: [...counts].map(([reason, count]) => ({ reason, count })),
      createdAt: p.createdAt.toISOString(),
    };
  });
}

/** A moderator's decision on a post: approve/restore makes it visible, hide keeps it from everyone. */
export async function decidePost(
  viewer: Viewer | null,
  input: { postId: string; decision: "restore" | "hide"; reason?: string },
): Promise<void> {
  const v = moderator(viewer);
  await prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findUnique({ where: { id: input.postId }, include: { thread: true } });
    if (!post) throw new AppError("notFound");
    const now = new Date();
    const status = input.decision === "restore" ? "VISIBLE" : "HIDDEN";
    await tx.forumPost.update({
      where: { id: post.id },
      data: { status, statusReason: status === "HIDDEN" ? "moderator" : null },
    });
    await tx.forumFlag.updateMany({ where: { postId: post.id, resolvedAt: null }, data: { resolvedAt: now } });
    // The opening post of a thread carries the thread with it.
    if (post.number === 1 || post.thread.postSeq === 1) {
      await tx.forumThread.update({ where: { id: post.threadId }, data: { hidden: status === "HIDDEN" } });
      await enqueueThread(tx, [post.threadId], { withPosts: true });
    } else await enqueuePost(tx, post);
    if (status === "VISIBLE" && post.status === "HELD") {
      await tx.forumThread.update({ where: { id: post.threadId }, data: { lastPostAt: now } });
      if (post.official)
        await tx.forumThread.updateMany({ where: { id: post.threadId, answeredAt: null }, data: { answeredAt: now } });
    }
    await recordAudit(tx, {
      actorId: v.userId,
      action: "update",
      entity: "ForumPost",
      entityId: post.id,
      before: { status: post.status },
      after: { status, decision: input.decision, reason: input.reason ?? null },
    });
  });
  // the lists of readers without a session (lib/forums/cache.ts)
  expire(TAGS.forums);
}

export type ThreadModeration =
  | { threadId: string; op: "lock" | "unlock" | "pin" | "unpin" | "hide" | "restore" }
  | { threadId: string; op: "move"; categoryId: string }
  | { threadId: string; op: "slowMode"; seconds: number }
  | { threadId: string; op: "merge"; intoThreadId: string };

export async function moderateThread(viewer: Viewer | null, input: ThreadModeration): Promise<void> {
  const v = moderator(viewer);
  await prisma.$transaction(async (tx) => {
    const thread = await tx.forumThread.findUnique({ where: { id: input.threadId } });
    if (!thread) throw new AppError("notFound");
    const before = {
      locked: thread.locked,
      pinned: thread.pinned,
      hidden: thread.hidden,
      categoryId: thread.categoryId,
      slowModeSeconds: thread.slowModeSeconds,
    };
    let after: Record<string, unknown>;
    switch (input.op) {
      case "lock":
      case "unlock":
        after = { locked: input.op === "lock" };
        break;
      case "pin":
      case "unpin":
        after = { pinned: input.op === "pin" };
        break;
      case "hide":
      case "restore":
        after = { hidden: input.op === "hide" };
        break;
      case "move": {
        const target = await tx.forumCategory.findFirst({
          where: { AND: [{ id: input.categoryId }, categoryReadWhere(v)] },
        });
        if (!target) throw new AppError("validation", { categoryId: "forums.categoryUnknown" });
        after = { categoryId: target.id };
        break;
      }
      case "slowMode":
        if (!Number.isInteger(input.seconds) || input.seconds < 0 || input.seconds > 86_400)
          throw new AppError("validation", { seconds: "validation.tooBig" }, { max: 86_400 });
        after = { slowModeSeconds: input.seconds };
        break;
      case "merge": {
        // The posts of this thread follow those of the target, in their order; this thread is hidden.
        if (input.intoThreadId === thread.id) throw new AppError("validation", { intoThreadId: "forums.mergeSelf" });
        const target = await tx.forumThread.findUnique({ where: { id: input.intoThreadId } });
        if (!target) throw new AppError("validation", { intoThreadId: "forums.threadUnknown" });
        const posts = await tx.forumPost.findMany({
          where: { threadId: thread.id },
          orderBy: { number: "asc" },
          select: { id: true },
        });
        for (const [i, p] of posts.entries())
          await tx.forumPost.update({
            where: { id: p.id },
            data: { threadId: target.id, number: target.postSeq + i + 1 },
          });
        await tx.forumThread.update({
          where: { id: target.id },
          data: {
            postSeq: target.postSeq + posts.length,
            lastPostAt: new Date(Math.max(target.lastPostAt.getTime(), thread.lastPostAt.getTime())),
          },
        });
        after = { hidden: true, postSeq: 0, mergedInto: target.id };
        await tx.forumThread.update({ where: { id: thread.id }, data: { hidden: true, postSeq: 0 } });
        await enqueueThread(tx, [thread.id, target.id], { withPosts: true });
        await recordAudit(tx, {
          actorId: v.userId,
          action: "update",
          entity: "ForumThread",
          entityId: thread.id,
          before,
          after,
        });
        return;
      }
    }
    await tx.forumThread.update({ where: { id: thread.id }, data: after });
    if (input.op === "hide" || input.op === "restore" || input.op === "move")
      await enqueueThread(tx, [thread.id], { withPosts: true });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "update",
      entity: "ForumThread",
      entityId: thread.id,
      before,
      after,
    });
  });
  // the lists of readers without a session (lib/forums/cache.ts)
  expire(TAGS.forums);
}

/** Silences (no posting) or suspends (no forum or chat activity) a person for some days, with a reason. */
export async function restrictUser(
  viewer: Viewer | null,
  input: { userId: string; kind: "silence" | "suspend" | "lift"; days?: number; reason: string },
): Promise<void> {
  const v = moderator(viewer);
  if (input.kind !== "lift" && (!input.days || input.days < 1 || input.days > 365))
    throw new AppError("validation", { days: "validation.tooSmall" }, { min: 1 });
  if (!input.reason.trim()) throw new AppError("validation", { reason: "validation.required" });
  if (input.userId === v.userId) throw new AppError("forbidden", { userId: "forums.notYourself" });
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError("notFound");
    const before = await tx.forumUserState.findUnique({ where: { userId: user.id } });
    const until = input.kind === "lift" ? null : new Date(Date.now() + input.days! * 86_400_000);
    const data =
      input.kind === "silence"
        ? { silencedUntil: until }
        : input.kind === "suspend"
          ? { suspendedUntil: until }
          : { silencedUntil: null, suspendedUntil: null };
    const after = await tx.forumUserState.upsert({
      where: { userId: user.id },
      create: { userId: user.id, ...data, reason: input.reason.trim() },
      update: { ...data, reason: input.reason.trim() },
    });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "update",
      entity: "ForumUserState",
      entityId: user.id,
      before: before
        ? { silencedUntil: before.silencedUntil, suspendedUntil: before.suspendedUntil, reason: before.reason }
        : null,
      after: { silencedUntil: after.silencedUntil, suspendedUntil: after.suspendedUntil, reason: after.reason },
    });
  });
}
