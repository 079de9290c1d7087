/**
 * Forums: categories, threads, posts (Markdown rendered and sanitised on the server), replies and quotes,
 * mentions, reactions, edits with history, subscriptions, notifications and unread markers. Every function
 * takes the viewer and puts what they may see into the query; writes check trust limits and rate limits.
 */
import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "../db";
import { AppError } from "../errors";
import { expire, TAGS } from "../cache";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { containsPersonalData } from "./personal-data";
import { recordAudit } from "../audit";
import {
  answersFor,
  categoryReadWhere,
  categoryWriteWhere,
  isModerator,
  postReadWhere,
  threadReadWhere,
} from "./access";
import { linkCount, mentionsOf, plainText, renderMarkdown } from "../markdown";
import { almatyTime } from "../time";
import type { ForumsNotificationKind } from "./notifications";
import { assertMayPost, standingOf, type Standing } from "./standing";
import { EDIT_GRACE_MS, LIMITS, MAX_POST_LENGTH, POSTS_PER_IP_HOUR } from "./trust";
import { enqueuePost } from "./search-queue";
import { createNotifications } from "../notifications/create";

type Tx = Prisma.TransactionClient;

export const POSTS_PER_PAGE = 20;
export const THREADS_PER_PAGE = 20;
export const REACTIONS = ["like", "thanks", "helpful"] as const;
export type ReactionKind = (typeof REACTIONS)[number];

function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("unauthenticated");
  return viewer;
}

export function hashIp(ip: string | null | undefined): string | null {
  return ip ? createHash("sha256").update(`eiso-forums:${ip}`).digest("hex").slice(0, 32) : null;
}

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw new AppError("validation", { body: "validation.required" });
  if (text.length > MAX_POST_LENGTH)
    throw new AppError("validation", { body: "validation.tooLong" }, { max: MAX_POST_LENGTH });
  return text;
}

function rateLimited(until: Date, now: Date): never {
  throw new AppError(
    "rateLimited",
    {},
    { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)), until: almatyTime(until) },
  );
}

/** Posts per day, minimum interval, slow mode of the thread and posts per address; links per post. */
async function checkLimits(
  tx: Tx,
  viewer: Viewer,
  standing: Standing,
  input: { body: string; threadId?: string; slowModeSeconds?: number; ipHash: string | null },
  now: Date,
) {
  const limits = LIMITS[standing.level];
  if (linkCount(input.body) > limits.linksPerPost)
    throw new AppError("validation", { body: "forums.tooManyLinks" }, { max: limits.linksPerPost });
  if (standing.level >= 4) return;
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const today = await tx.forumPost.findMany({
    where: { authorId: viewer.userId, createdAt: { gt: dayAgo } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, threadId: true },
  });
  if (today.length >= limits.postsPerDay)
    rateLimited(new Date(today[today.length - limits.postsPerDay]!.createdAt.getTime() + 86_400_000), now);
  const last = today.at(-1);
  if (
    last &&
    limits.minIntervalSeconds &&
    last.createdAt.getTime() + limits.minIntervalSeconds * 1000 > now.getTime()
  ) {
    rateLimited(new Date(last.createdAt.getTime() + limits.minIntervalSeconds * 1000), now);
  }
  if (input.threadId && input.slowModeSeconds) {
    const lastHere = today.filter((p) => p.threadId === input.threadId).at(-1);
    if (lastHere && lastHere.createdAt.getTime() + input.slowModeSeconds * 1000 > now.getTime())
      rateLimited(new Date(lastHere.createdAt.getTime() + input.slowModeSeconds * 1000), now);
  }
  if (input.ipHash) {
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const fromIp = await tx.forumPost.findMany({
      where: { ipHash: input.ipHash, createdAt: { gt: hourAgo } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (fromIp.length >= POSTS_PER_IP_HOUR)
      rateLimited(new Date(fromIp[fromIp.length - POSTS_PER_IP_HOUR]!.createdAt.getTime() + 3_600_000), now);
  }
}

async function authorityOf(tx: Tx, authorityId: string | null) {
  if (!authorityId) return null;
  const org = await tx.organization.findUnique({
    where: { id: authorityId },
    select: { id: true, territory: { select: { path: true } } },
  });
  return org ? { id: org.id, territoryPath: org.territory.path } : null;
}

// ─────────────── reading ───────────────

export interface CategoryView {
  id: string;
  slug: string;
  kind: "DISCUSSION" | "OPEN";
  nameKk: string;
  nameRu: string;
  nameEn: string;
  descriptionKk: string;
  descriptionRu: string;
  descriptionEn: string;
  restricted: boolean;
  canPost: boolean;
  threads: number;
  unreadThreads: number;
}

export async function listCategories(viewer: Viewer | null): Promise<CategoryView[]> {
  const [rows, writable] = await Promise.all([
    prisma.forumCategory.findMany({
      where: categoryReadWhere(viewer),
      orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
      include: { _count: { select: { threads: { where: { hidden: false } } } } },
    }),
    viewer
      ? prisma.forumCategory.findMany({ where: categoryWriteWhere(viewer), select: { id: true } })
      : Promise.resolve([]),
  ]);
  const unread = viewer ? await unreadByCategory(viewer) : new Map<string, number>();
  const canWrite = new Set(writable.map((c) => c.id));
  return rows.map((c) => ({
    id: c.id,
    slug: c.slug,
    kind: c.kind,
    nameKk: c.nameKk,
    nameRu: c.nameRu,
    nameEn: c.nameEn,
    descriptionKk: c.descriptionKk,
    descriptionRu: c.descriptionRu,
    descriptionEn: c.descriptionEn,
    restricted: c.readRoles.length > 0,
    canPost: canWrite.has(c.id),
    threads: c._count.threads,
    unreadThreads: unread.get(c.id) ?? 0,
  }));
}

/** Threads with posts newer than the viewer's read position, among the threads the viewer subscribed to or read. */
async function unreadByCategory(viewer: Viewer): Promise<Map<string, number>> {
  const states = await prisma.forumThreadState.findMany({
    where: { userId: viewer.userId, thread: threadReadWhere(viewer) },
    select: { lastReadNumber: true, thread: { select: { categoryId: true, postSeq: true } } },
  });
  const map = new Map<string, number>();
  for (const s of states)
    if (s.thread.postSeq > s.lastReadNumber) map.set(s.thread.categoryId, (map.get(s.thread.categoryId) ?? 0) + 1);
  return map;
}

export async function getCategory(viewer: Viewer | null, slug: string) {
  const category = await prisma.forumCategory.findFirst({ where: { AND: [{ slug }, categoryReadWhere(viewer)] } });
  if (!category) throw new AppError("notFound");
  const canPost = viewer
    ? (await prisma.forumCategory.count({ where: { AND: [{ id: category.id }, categoryWriteWhere(viewer)] } })) > 0
    : false;
  return { ...category, canPost };
}

export interface ThreadListItem {
  id: string;
  title: string;
  author: string;
  createdAt: string;
  lastPostAt: string;
  posts: number;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  answeredAt: string | null;
  /** Posts after the viewer's read position (null: never opened). */
  unread: number | null;
}

export async function listThreads(
  viewer: Viewer | null,
  categoryId: string,
  page = 1,
): Promise<{ rows: ThreadListItem[]; total: number; page: number; pageSize: number }> {
  const where: Prisma.ForumThreadWhereInput = { AND: [{ categoryId }, threadReadWhere(viewer)] };
  const [rows, total] = await Promise.all([
    prisma.forumThread.findMany({
      where,
      orderBy: [{ pinned: "desc" }, { lastPostAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * THREADS_PER_PAGE,
      take: THREADS_PER_PAGE,
      include: {
        states: viewer ? { where: { userId: viewer.userId } } : false,
        _count: { select: { posts: { where: { status: "VISIBLE" } } } },
      },
    }),
    prisma.forumThread.count({ where }),
  ]);
  const authors = await displayNames(rows.map((r) => r.authorId));
  return {
    rows: rows.map((t) => {
      const state = (t as { states?: { lastReadNumber: number }[] }).states?.[0];
      return {
        id: t.id,
        title: t.title,
        author: authors.get(t.authorId) ?? "",
        createdAt: t.createdAt.toISOString(),
        lastPostAt: t.lastPostAt.toISOString(),
        posts: t._count.posts,
        pinned: t.pinned,
        locked: t.locked,
        hidden: t.hidden,
        answeredAt: t.answeredAt?.toISOString() ?? null,
        unread: state ? Math.max(0, t.postSeq - state.lastReadNumber) : null,
      };
    }),
    total,
    page,
    pageSize: THREADS_PER_PAGE,
  };
}

async function displayNames(ids: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export interface PostView {
  id: string;
  number: number;
  authorId: string;
  author: string;
  html: string;
  body: string | null;
  /** Plain text for a quote in a reply (the first 300 characters). */
  quote: string;
  status: "VISIBLE" | "HELD" | "HIDDEN";
  statusReason: string | null;
  official: boolean;
  replyTo: { number: number; author: string } | null;
  createdAt: string;
  editedAt: string | null;
  reactions: { kind: string; count: number; mine: boolean }[];
  mine: boolean;
  canEdit: boolean;
  flaggedByMe: boolean;
  /** Earlier versions the viewer may see in the history: the author's unredacted ones, all for moderators. */
  history: number;
}

export interface ThreadPage {
  thread: {
    id: string;
    title: string;
    locked: boolean;
    pinned: boolean;
    hidden: boolean;
    slowModeSeconds: number;
    createdAt: string;
    answeredAt: string | null;
    postSeq: number;
  };
  category: { id: string; slug: string; kind: "DISCUSSION" | "OPEN"; nameKk: string; nameRu: string; nameEn: string };
  /** Official answers, pinned under the question (open forums). */
  official: PostView[];
  posts: PostView[];
  total: number;
  page: number;
  pageSize: number;
  canPost: boolean;
  canAnswer: boolean;
  moderator: boolean;
  subscribed: boolean;
  lastReadNumber: number;
}

export async function getThreadPage(viewer: Viewer | null, threadId: string, page = 1): Promise<ThreadPage> {
  const thread = await prisma.forumThread.findFirst({
    where: { AND: [{ id: threadId }, threadReadWhere(viewer)] },
    include: { category: true },
  });
  if (!thread) throw new AppError("notFound");
  const open = thread.category.kind === "OPEN";
  const where: Prisma.ForumPostWhereInput = {
    AND: [{ threadId }, postReadWhere(viewer), ...(open ? [{ official: false }] : [])],
  };
  const current = Math.max(1, page);
  const [rows, total, officialRows, state, canPost, authority] = await Promise.all([
    prisma.forumPost.findMany({
      where,
      orderBy: { number: "asc" },
      skip: (current - 1) * POSTS_PER_PAGE,
      take: POSTS_PER_PAGE,
    }),
    prisma.forumPost.count({ where }),
    open
      ? prisma.forumPost.findMany({
          where: { threadId, official: true, status: "VISIBLE" },
          orderBy: { number: "asc" },
        })
      : Promise.resolve([]),
    viewer
      ? prisma.forumThreadState.findUnique({ where: { userId_threadId: { userId: viewer.userId, threadId } } })
      : Promise.resolve(null),
    viewer
      ? prisma.forumCategory.count({ where: { AND: [{ id: thread.categoryId }, categoryWriteWhere(viewer)] } })
      : Promise.resolve(0),
    open ? authorityOf(prisma as unknown as Tx, thread.category.authorityId) : Promise.resolve(null),
  ]);
  const posts = await postViews(viewer, [...officialRows, ...rows]);
  const moderator = isModerator(viewer);
  return {
    thread: {
      id: thread.id,
      title: thread.title,
      locked: thread.locked,
      pinned: thread.pinned,
      hidden: thread.hidden,
      slowModeSeconds: thread.slowModeSeconds,
      createdAt: thread.createdAt.toISOString(),
      answeredAt: thread.answeredAt?.toISOString() ?? null,
      postSeq: thread.postSeq,
    },
    category: {
      id: thread.category.id,
      slug: thread.category.slug,
      kind: thread.category.kind,
      nameKk: thread.category.nameKk,
      nameRu: thread.category.nameRu,
      nameEn: thread.category.nameEn,
    },
    official: posts.slice(0, officialRows.length),
    posts: posts.slice(officialRows.length),
    total,
    page: current,
    pageSize: POSTS_PER_PAGE,
    canPost: canPost > 0 && (!thread.locked || moderator),
    canAnswer: open && answersFor(viewer, authority),
    moderator,
    subscribed: state?.subscribed ?? false,
    lastReadNumber: state?.lastReadNumber ?? 0,
  };
}

/** The page of the thread on which post `number` appears for this viewer (links from search and notifications). */
export async function pageOfPost(viewer: Viewer | null, threadId: string, number: number): Promise<number> {
  const thread = await prisma.forumThread.findFirst({
    where: { AND: [{ id: threadId }, threadReadWhere(viewer)] },
    select: { category: { select: { kind: true } } },
  });
  if (!thread || !Number.isInteger(number) || number < 1) return 1;
  const before = await prisma.forumPost.count({
    where: {
      AND: [
        { threadId, number: { lt: number } },
        postReadWhere(viewer),
        ...(thread.category.kind === "OPEN" ? [{ official: false }] : []),
      ],
    },
  });
  return Math.floor(before / POSTS_PER_PAGE) + 1;
}

async function postViews(viewer: Viewer | null, rows: Prisma.ForumPostGetPayload<object>[]): Promise<PostView[]> {
  if (!rows.length) return [];
  const ids = rows.map((p) => p.id);
  const replyIds = rows.map((p) => p.replyToId).filter((x): x is string => Boolean(x));
  const moderator = isModerator(viewer);
  const historyOf = moderator ? ids : rows.filter((p) => viewer && p.authorId === viewer.userId).map((p) => p.id);
  const [reactions, mine, flags, replies, revisions] = await Promise.all([
    prisma.forumReaction.groupBy({ by: ["postId", "kind"], where: { postId: { in: ids } }, _count: { _all: true } }),
    viewer
      ? prisma.forumReaction.findMany({
          where: { postId: { in: ids }, userId: viewer.userId },
          select: { postId: true, kind: true },
        })
      : Promise.resolve([]),
    viewer
      ? prisma.forumFlag.findMany({ where: { postId: { in: ids }, userId: viewer.userId }, select: { postId: true } })
      : Promise.resolve([]),
    replyIds.length
      ? prisma.forumPost.findMany({
          where: { id: { in: replyIds } },
          select: { id: true, number: true, authorId: true },
        })
      : Promise.resolve([]),
    historyOf.length
      ? prisma.forumPostRevision.groupBy({
          by: ["postId"],
          where: { postId: { in: historyOf }, ...(moderator ? {} : { redactedAt: null }) },
          _count: { _all: true },
        })
      : Promise.resolve([]),
  ]);
  const historyCount = new Map(revisions.map((r) => [r.postId, r._count._all]));
  const names = await displayNames([...rows.map((p) => p.authorId), ...replies.map((r) => r.authorId)]);
  const mineSet = new Set(mine.map((r) => `${r.postId}:${r.kind}`));
  const flagged = new Set(flags.map((f) => f.postId));
  const replyMap = new Map(replies.map((r) => [r.id, { number: r.number, author: names.get(r.authorId) ?? "" }]));
  return rows.map((p) => {
    const own = viewer?.userId === p.authorId;
    return {
      id: p.id,
      number: p.number,
      authorId: p.authorId,
      author: names.get(p.authorId) ?? "",
      html: p.html,
      body: own ? p.body : null,
      quote: p.status === "VISIBLE" ? plainText(p.body).slice(0, 300) : "",
      status: p.status,
      statusReason: p.statusReason,
      official: p.official,
      replyTo: p.replyToId ? (replyMap.get(p.replyToId) ?? null) : null,
      createdAt: p.createdAt.toISOString(),
      editedAt: p.editedAt?.toISOString() ?? null,
      reactions: REACTIONS.map((kind) => ({
        kind,
        count: reactions.find((r) => r.postId === p.id && r.kind === kind)?._count._all ?? 0,
        mine: mineSet.has(`${p.id}:${kind}`),
      })),
      mine: own,
      canEdit: own && p.status !== "HIDDEN",
      flaggedByMe: flagged.has(p.id),
      history: historyCount.get(p.id) ?? 0,
    };
  });
}

/**
 * The edit history of a post (earlier texts, silent edits included), only for its author and for moderators:
 * the author sees what they have not redacted, moderators see every version, the redacted ones marked.
 */
export async function postHistory(
  viewer: Viewer | null,
  postId: string,
): Promise<{ html: string; at: string; redactedAt: string | null }[]> {
  if (!viewer) throw new AppError("notFound");
  const moderator = isModerator(viewer);
  const post = await prisma.forumPost.findFirst({
    where: {
      AND: [
        { id: postId },
        moderator ? {} : { authorId: viewer.userId },
        postReadWhere(viewer),
        { thread: threadReadWhere(viewer) },
      ],
    },
    include: { revisions: { where: moderator ? {} : { redactedAt: null }, orderBy: { createdAt: "asc" } } },
  });
  if (!post) throw new AppError("notFound");
  return post.revisions.map((r) => ({
    html: renderMarkdown(r.body),
    at: r.createdAt.toISOString(),
    redactedAt: r.redactedAt?.toISOString() ?? null,
  }));
}

/**
 * The author takes the earlier texts of their post out of its history (say, an IIN or a phone number they
 * wrote and then edited away): every version not yet redacted is marked, so only moderators still see it,
 * and the redaction is written to the audit log. Allowed whatever the author's standing (silenced or not)
 * and in a locked thread: removing personal data is never refused. The current text is changed by editing.
 */
export async function redactPost(viewer: Viewer | null, input: { postId: string }): Promise<{ redacted: number }> {
  const v = requireViewer(viewer);
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findFirst({
      where: { AND: [{ id: input.postId }, { thread: threadReadWhere(v) }] },
      select: { id: true, authorId: true },
    });
    if (!post) throw new AppError("notFound");
    if (post.authorId !== v.userId) throw new AppError("forbidden", { postId: "forums.notYourPost" });
    const now = new Date();
    const { count } = await tx.forumPostRevision.updateMany({
      where: { postId: post.id, redactedAt: null },
      data: { redactedAt: now },
    });
    if (count === 0) throw new AppError("conflict", { postId: "forums.nothingToRedact" });
    await recordAudit(tx, {
      actorId: v.userId,
      action: "update",
      entity: "ForumPost",
      entityId: post.id,
      after: { redactedVersions: count },
    });
    return { redacted: count };
  });
}

/** Moves the viewer's read position forward (never back) to the last post they have seen. */
export async function markThreadRead(viewer: Viewer, threadId: string, upTo: number): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "ForumThreadState" ("userId", "threadId", "lastReadNumber", "subscribed")
    SELECT ${viewer.userId}, ${threadId}, ${upTo}, false WHERE EXISTS (SELECT 1 FROM "ForumThread" WHERE id = ${threadId})
    ON CONFLICT ("userId", "threadId") DO UPDATE SET "lastReadNumber" = GREATEST("ForumThreadState"."lastReadNumber", EXCLUDED."lastReadNumber")`;
}

// ─────────────── writing ───────────────

export interface PostContext {
  ip?: string | null;
  now?: Date;
}

async function writePost(
  tx: Tx,
  viewer: Viewer,
  thread: { id: string; title: string; categoryId: string; slowModeSeconds: number },
  category: { kind: "DISCUSSION" | "OPEN"; authorityId: string | null; readRoles: string[] },
  input: { body: string; replyToId?: string | null; first: boolean },
  standing: Standing,
  ctx: PostContext,
): Promise<{ id: string; number: number; status: "VISIBLE" | "HELD" }> {
  const now = ctx.now ?? new Date();
  const ipHash = hashIp(ctx.ip);
  await checkLimits(
    tx,
    viewer,
    standing,
    {
      body: input.body,
      threadId: input.first ? undefined : thread.id,
      slowModeSeconds: isModerator(viewer) ? 0 : thread.slowModeSeconds,
      ipHash,
    },
    now,
  );
  let replyTo: { id: string; authorId: string } | null = null;
  if (input.replyToId) {
    replyTo = await tx.forumPost.findFirst({
      where: { id: input.replyToId, threadId: thread.id, status: "VISIBLE" },
      select: { id: true, authorId: true },
    });
    if (!replyTo) throw new AppError("validation", { replyToId: "forums.replyUnknown" });
  }
  let status: "VISIBLE" | "HELD" = "VISIBLE";
  let statusReason: string | null = null;
  if (containsPersonalData(input.body) || containsPersonalData(thread.title)) {
    status = "HELD";
    statusReason = "personalData";
  } else if (category.kind === "OPEN" && LIMITS[standing.level].heldInOpenForums > 0) {
    const approved = await tx.forumPost.count({
      where: { authorId: viewer.userId, status: "VISIBLE", thread: { category: { kind: "OPEN" } } },
    });
    if (approved < LIMITS[standing.level].heldInOpenForums) {
      status = "HELD";
      statusReason = "firstPost";
    }
  }
  const official =
    category.kind === "OPEN" && !input.first && answersFor(viewer, await authorityOf(tx, category.authorityId));
  const { postSeq: number } = await tx.forumThread.update({
    where: { id: thread.id },
    data: { postSeq: { increment: 1 }, ...(status === "VISIBLE" ? { lastPostAt: now } : {}) },
    select: { postSeq: true },
  });
  const post = await tx.forumPost.create({
    data: {
      threadId: thread.id,
      number,
      authorId: viewer.userId,
      body: input.body,
      html: renderMarkdown(input.body),
      status,
      statusReason,
      official,
      replyToId: replyTo?.id ?? null,
      ipHash,
      createdAt: now,
    },
  });
  if (official && status === "VISIBLE")
    await tx.forumThread.updateMany({ where: { id: thread.id, answeredAt: null }, data: { answeredAt: now } });
  // The author follows the thread and has read up to their own post.
  await tx.forumThreadState.upsert({
    where: { userId_threadId: { userId: viewer.userId, threadId: thread.id } },
    create: { userId: viewer.userId, threadId: thread.id, lastReadNumber: number, subscribed: true },
    update: { lastReadNumber: number, subscribed: true },
  });
  if (status === "VISIBLE")
    await notifyPost(tx, viewer, thread, category, {
      id: post.id,
      number,
      body: input.body,
      replyToAuthorId: replyTo?.authorId ?? null,
    });
  await enqueuePost(tx, { id: post.id, number, threadId: thread.id });
  return { id: post.id, number, status };
}

/** Subscribers, the author replied to and people mentioned (who can read the category) get an in-app notification. */
async function notifyPost(
  tx: Tx,
  viewer: Viewer,
  thread: { id: string; title: string },
  category: { readRoles: string[] },
  post: { id: string; number: number; body: string; replyToAuthorId: string | null },
) {
  const payload = { threadId: thread.id, postNumber: post.number, title: thread.title, by: viewer.displayName };
  const recipients = new Map<string, ForumsNotificationKind>();
  const subscribers = await tx.forumThreadState.findMany({
    where: { threadId: thread.id, subscribed: true, userId: { not: viewer.userId } },
    select: { userId: true },
  });
  for (const s of subscribers) recipients.set(s.userId, "forums_reply");
  if (post.replyToAuthorId && post.replyToAuthorId !== viewer.userId)
    recipients.set(post.replyToAuthorId, "forums_reply");
  const logins = mentionsOf(post.body);
  if (logins.length) {
    const mentioned = await tx.user.findMany({
      where: {
        login: { in: logins },
        active: true,
        id: { not: viewer.userId },
        ...(category.readRoles.length ? { roles: { some: { role: { in: category.readRoles as never[] } } } } : {}),
      },
      select: { id: true },
    });
    for (const m of mentioned) recipients.set(m.id, "forums_mention");
  }
  if (recipients.size)
    await createNotifications(
      tx,
      [...recipients].map(([userId, kind]) => ({ userId, kind, payload })),
    );
}

export async function createThread(
  viewer: Viewer | null,
  input: { categoryId: string; title: string; body: string },
  ctx: PostContext = {},
): Promise<{ id: string; status: "VISIBLE" | "HELD" }> {
  const v = requireViewer(viewer);
  const body = checkBody(input.body);
  const title = input.title.trim();
  if (title.length < 3) throw new AppError("validation", { title: "validation.tooShort" }, { min: 3 });
  if (title.length > 200) throw new AppError("validation", { title: "validation.tooLong" }, { max: 200 });
  const result = await prisma.$transaction(async (tx) => {
    const category = await tx.forumCategory.findFirst({
      where: { AND: [{ id: input.categoryId }, categoryWriteWhere(v)] },
    });
    if (!category) throw new AppError("forbidden", { categoryId: "forums.categoryClosed" });
    const standing = await standingOf(tx, v);
    const now = ctx.now ?? new Date();
    assertMayPost(standing, now);
    const thread = await tx.forumThread.create({
      data: { categoryId: category.id, title, authorId: v.userId, createdAt: now, lastPostAt: now },
    });
    const post = await writePost(tx, v, { ...thread }, category, { body, first: true }, standing, { ...ctx, now });
    // A thread whose opening post is held stays out of lists until a moderator approves it.
    if (post.status === "HELD") await tx.forumThread.update({ where: { id: thread.id }, data: { hidden: true } });
    return { id: thread.id, status: post.status };
  });
  // the lists of readers without a session (lib/forums/cache.ts)
  expire(TAGS.forums);
  return result;
}

export async function replyToThread(
  viewer: Viewer | null,
  input: { threadId: string; body: string; replyToId?: string | null },
  ctx: PostContext = {},
): Promise<{ id: string; number: number; status: "VISIBLE" | "HELD" }> {
  const v = requireViewer(viewer);
  const body = checkBody(input.body);
  const result = await prisma.$transaction(async (tx) => {
    const thread = await tx.forumThread.findFirst({
      where: { AND: [{ id: input.threadId }, threadReadWhere(v)] },
      include: { category: true },
    });
    if (!thread) throw new AppError("notFound");
    if (!(await tx.forumCategory.count({ where: { AND: [{ id: thread.categoryId }, categoryWriteWhere(v)] } })))
      throw new AppError("forbidden", { body: "forums.categoryClosed" });
    if (thread.locked && !isModerator(v)) throw new AppError("forbidden", { body: "forums.locked" });
    const standing = await standingOf(tx, v);
    assertMayPost(standing, ctx.now ?? new Date());
    return writePost(tx, v, thread, thread.category, { body, replyToId: input.replyToId, first: false }, standing, ctx);
  });
  // the lists of readers without a session (lib/forums/cache.ts)
  expire(TAGS.forums);
  return result;
}

/** The author edits a post: within 15 minutes silently, later with an "edited" mark; every edit keeps the previous text. */
export async function editPost(
  viewer: Viewer | null,
  input: { postId: string; body: string },
  ctx: PostContext = {},
): Promise<{ id: string; status: "VISIBLE" | "HELD" | "HIDDEN" }> {
  const v = requireViewer(viewer);
  const body = checkBody(input.body);
  const now = ctx.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findFirst({
      where: { AND: [{ id: input.postId }, { thread: threadReadWhere(v) }] },
      include: { thread: { include: { category: true } } },
    });
    if (!post) throw new AppError("notFound");
    if (post.authorId !== v.userId) throw new AppError("forbidden", { body: "forums.notYourPost" });
    if (post.status === "HIDDEN") throw new AppError("forbidden", { body: "forums.postHidden" });
    if (post.thread.locked && !isModerator(v)) throw new AppError("forbidden", { body: "forums.locked" });
    const standing = await standingOf(tx, v);
    assertMayPost(standing, now);
    if (linkCount(body) > LIMITS[standing.level].linksPerPost)
      throw new AppError("validation", { body: "forums.tooManyLinks" }, { max: LIMITS[standing.level].linksPerPost });
    if (body === post.body) return { id: post.id, status: post.status };
    await tx.forumPostRevision.create({ data: { postId: post.id, body: post.body, createdAt: now } });
    const held = containsPersonalData(body);
    const status = held ? "HELD" : post.status;
    await tx.forumPost.update({
      where: { id: post.id },
      data: {
        body,
        html: renderMarkdown(body),
        status,
        statusReason: held ? "personalData" : post.statusReason,
        editedAt: now.getTime() - post.createdAt.getTime() > EDIT_GRACE_MS ? now : post.editedAt,
      },
    });
    await enqueuePost(tx, post);
    return { id: post.id, status };
  });
}

export async function react(viewer: Viewer | null, input: { postId: string; kind: string }): Promise<void> {
  const v = requireViewer(viewer);
  if (!(REACTIONS as readonly string[]).includes(input.kind))
    throw new AppError("validation", { kind: "validation.invalidOption" });
  await prisma.$transaction(async (tx) => {
    const post = await tx.forumPost.findFirst({
      where: { AND: [{ id: input.postId, status: "VISIBLE" }, { thread: threadReadWhere(v) }] },
      select: { id: true },
    });
    if (!post) throw new AppError("notFound");
    assertMayPost(await standingOf(tx, v), new Date(), "act");
    const existing = await tx.forumReaction.findUnique({
      where: { postId_userId_kind: { postId: post.id, userId: v.userId, kind: input.kind } },
    });
    if (existing) throw new AppError("duplicate", { kind: "forums.alreadyReacted" });
    await tx.forumReaction.create({ data: { postId: post.id, userId: v.userId, kind: input.kind } });
  });
}

export async function setSubscription(
  viewer: Viewer | null,
  input: { threadId: string; subscribed: boolean },
): Promise<void> {
  const v = requireViewer(viewer);
  const thread = await prisma.forumThread.findFirst({
    where: { AND: [{ id: input.threadId }, threadReadWhere(v)] },
    select: { id: true },
  });
  if (!thread) throw new AppError("notFound");
  await prisma.forumThreadState.upsert({
    where: { userId_threadId: { userId: v.userId, threadId: thread.id } },
    create: { userId: v.userId, threadId: thread.id, subscribed: input.subscribed },
    update: { subscribed: input.subscribed },
  });
}

export { plainText };
