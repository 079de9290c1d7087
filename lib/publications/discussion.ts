/**
 * Ratings and the open discussion (R16) of published publications. Comments follow the forums' rules:
 * silenced or suspended people may not write (standing.ts), links per comment and comments per day are
 * limited by trust level (trust.ts), a comment containing an IIN or a mobile number is held for a moderator, and forum
 * moderators (and editors) hide or restore comments. Readers flag comments as forum posts are flagged: three
 * flags of trusted people hide a comment until a moderator decides. Nothing may be written under an
 * unpublished publication.
 */
import "server-only";
import { createHmac } from "node:crypto";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../audit";
import { scopeOf, type Viewer } from "../auth/scope";
import { linkCount, renderMarkdown } from "../markdown";
import { assertMayPost, standingOf } from "../forums/standing";
import { FLAGS_TO_HIDE, LIMITS, TRUSTED_FLAGGER } from "../forums/trust";
import { FLAG_REASONS } from "../forums/moderation";
import { containsPersonalData } from "../forums/personal-data";
import { COMMENTS_PAGE, MAX_COMMENT } from "./constants";
import { publishedWhere } from "./public";
import { expire, TAGS } from "../cache";
import { env } from "../env";
import { almatyDate } from "../time";

type Tx = Prisma.TransactionClient;

async function publicOrRefuse(tx: Tx, id: string, now: Date) {
  const row = await tx.publication.findFirst({
    where: { AND: [{ id }, publishedWhere(now)] },
    select: { id: true, authorId: true },
  });
  if (!row) {
    if (await tx.publication.count({ where: { id } }))
      throw new AppError("conflict", { body: "publications.notPublished" });
    throw new AppError("notFound");
  }
  return row;
}

export function isCommentModerator(viewer: Viewer | null): boolean {
  return Boolean(viewer && (scopeOf(viewer, "forums.moderate") || scopeOf(viewer, "publications.review")));
}

/** Sets (or changes) the viewer's rating 1–5. */
export async function rate(
  viewer: Viewer | null,
  input: { id: string; value: number },
  now = new Date(),
): Promise<{ rating: number; count: number }> {
  if (!viewer) throw new AppError("unauthenticated");
  if (!Number.isInteger(input.value) || input.value < 1 || input.value > 5)
    throw new AppError("validation", { value: "publications.ratingRange" });
  const result = await prisma.$transaction(async (tx) => {
    const row = await publicOrRefuse(tx, input.id, now);
    if (row.authorId === viewer.userId) throw new AppError("forbidden", { value: "publications.ownRating" });
    await tx.publicationRating.upsert({
      where: { publicationId_userId: { publicationId: row.id, userId: viewer.userId } },
      create: { publicationId: row.id, userId: viewer.userId, value: input.value },
      update: { value: input.value },
    });
    const agg = await tx.publicationRating.aggregate({
      where: { publicationId: row.id },
      _sum: { value: true },
      _count: true,
    });
    const sum = agg._sum.value ?? 0;
    const count = agg._count;
    const rating = count ? Math.round((sum / count) * 100) / 100 : 0;
    await tx.publication.update({ where: { id: row.id }, data: { ratingSum: sum, ratingCount: count, rating } });
    return { rating, count };
  });
  expire(TAGS.publications);
  return result;
}

export async function myRating(viewer: Viewer | null, id: string): Promise<number | null> {
  if (!viewer) return null;
  const r = await prisma.publicationRating.findUnique({
    where: { publicationId_userId: { publicationId: id, userId: viewer.userId } },
  });
  return r?.value ?? null;
}

/** Writes a comment; returns its status (HELD when it waits for a moderator). */
export async function addComment(
  viewer: Viewer | null,
  input: { id: string; body: string },
  now = new Date(),
): Promise<{ id: string; status: string }> {
  if (!viewer) throw new AppError("unauthenticated");
  const body = input.body.trim();
  if (!body) throw new AppError("validation", { body: "validation.required" });
  if (body.length > MAX_COMMENT) throw new AppError("validation", { body: "validation.tooLong" }, { max: MAX_COMMENT });
  const result = await prisma.$transaction(async (tx) => {
    const row = await publicOrRefuse(tx, input.id, now);
    const standing = await standingOf(tx, viewer);
    assertMayPost(standing, now);
    const limits = LIMITS[standing.level];
    if (linkCount(body) > limits.linksPerPost)
      throw new AppError("validation", { body: "forums.tooManyLinks" }, { max: limits.linksPerPost });
    if (standing.level < 4) {
      const today = await tx.publicationComment.count({
        where: { authorId: viewer.userId, createdAt: { gt: new Date(now.getTime() - 86_400_000) } },
      });
      if (today >= limits.postsPerDay) throw new AppError("rateLimited", {}, { minutes: 60, until: "" });
    }
    const status = containsPersonalData(body) ? "HELD" : "VISIBLE";
    const created = await tx.publicationComment.create({
      data: {
        publicationId: row.id,
        authorId: viewer.userId,
        body,
        html: renderMarkdown(body),
        status,
        createdAt: now,
      },
    });
    if (status === "VISIBLE")
      await tx.publication.update({ where: { id: row.id }, data: { commentCount: { increment: 1 } } });
    return { id: created.id, status };
  });
  expire(TAGS.publications);
  return result;
}

export interface CommentView {
  id: string;
  author: string;
  authorId: string;
  html: string;
  status: string;
  /** Why a hidden comment is hidden: "flags" or "moderator". */
  statusReason: string | null;
  createdAt: string;
}

/** Visible comments (moderators also see held and hidden ones; authors their own held ones). */
export async function listComments(viewer: Viewer | null, id: string): Promise<CommentView[]> {
  const moderator = isCommentModerator(viewer);
  const rows = await prisma.publicationComment.findMany({
    where: {
      publicationId: id,
      ...(moderator
        ? {}
        : { OR: [{ status: "VISIBLE" }, ...(viewer ? [{ authorId: viewer.userId, status: "HELD" as const }] : [])] }),
    },
    orderBy: { createdAt: "asc" },
    take: COMMENTS_PAGE * 4,
  });
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    author: names.get(r.authorId) ?? "",
    authorId: r.authorId,
    html: r.html,
    status: r.status,
    statusReason: r.statusReason,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A moderator hides or restores a comment. */
export async function moderateComment(
  viewer: Viewer | null,
  input: { commentId: string; decision: "hide" | "restore" },
): Promise<void> {
  if (!viewer) throw new AppError("unauthenticated");
  if (!isCommentModerator(viewer)) throw new AppError("forbidden");
  await prisma.$transaction(async (tx) => {
    const c = await tx.publicationComment.findUnique({ where: { id: input.commentId } });
    if (!c) throw new AppError("notFound");
    const status = input.decision === "hide" ? "HIDDEN" : "VISIBLE";
    if (c.status === status) return;
    await tx.publicationComment.update({
      where: { id: c.id },
      data: { status, statusReason: status === "HIDDEN" ? "moderator" : null },
    });
    await tx.publicationCommentFlag.updateMany({
      where: { commentId: c.id, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    await tx.publication.update({
      where: { id: c.publicationId },
      data: { commentCount: { increment: status === "VISIBLE" ? 1 : c.status === "VISIBLE" ? -1 : 0 } },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "PublicationComment",
      entityId: c.id,
      before: { status: c.status },
      after: { status },
    });
  });
  expire(TAGS.publications);
}

/**
 * A reader flags a visible comment under a published publication (the forums' reasons, one flag per person
 * and comment). Flags of trusted people (trust level TRUSTED_FLAGGER and up) count: at FLAGS_TO_HIDE the
 * comment is hidden until a moderator decides. Returns whether the comment is now hidden.
 */
export async function flagComment(
  viewer: Viewer | null,
  commentId: string,
  reason: string,
  now = new Date(),
): Promise<{ hidden: boolean }> {
  if (!viewer) throw new AppError("unauthenticated");
  if (!(FLAG_REASONS as readonly string[]).includes(reason))
    throw new AppError("validation", { reason: "validation.invalidOption" });
  const result = await prisma.$transaction(async (tx) => {
    const c = await tx.publicationComment.findFirst({
      where: { id: commentId, status: "VISIBLE", publication: publishedWhere(now) },
    });
    if (!c) throw new AppError("notFound");
    if (c.authorId === viewer.userId) throw new AppError("forbidden", { reason: "publications.ownComment" });
    const standing = await standingOf(tx, viewer);
    assertMayPost(standing, now, "act");
    if (
      await tx.publicationCommentFlag.findUnique({
        where: { commentId_userId: { commentId: c.id, userId: viewer.userId } },
      })
    ) {
      throw new AppError("duplicate", { reason: "publications.alreadyFlagged" });
    }
    await tx.publicationCommentFlag.create({
      data: {
        commentId: c.id,
        userId: viewer.userId,
        reason,
        trusted: standing.level >= TRUSTED_FLAGGER,
        createdAt: now,
      },
    });
    const trusted = await tx.publicationCommentFlag.count({
      where: { commentId: c.id, trusted: true, resolvedAt: null },
    });
    if (trusted < FLAGS_TO_HIDE) return { hidden: false };
    await tx.publicationComment.update({ where: { id: c.id }, data: { status: "HIDDEN", statusReason: "flags" } });
    await tx.publication.update({ where: { id: c.publicationId }, data: { commentCount: { decrement: 1 } } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "PublicationComment",
      entityId: c.id,
      before: { status: c.status },
      after: { status: "HIDDEN", reason: "flags", flags: trusted },
    });
    return { hidden: true };
  });
  if (result.hidden) expire(TAGS.publications);
  return result;
}

// ─────────────── counters ───────────────

/** Who read a page: the signed-in user, or an anonymous client known by its address and user agent. */
export interface ViewReader {
  userId?: string | null;
  address: string;
  userAgent: string;
}

/**
 * The reader's key for one day: the user id when signed in; otherwise a keyed hash of the client's address,
 * user agent and the day (the raw address is never stored, and the same client gets another key tomorrow).
 */
export function viewReaderKey(reader: ViewReader, day: string): string {
  if (reader.userId) return `u:${reader.userId}`;
  const secret = env().AUTH_SECRET ?? "eiso-publication-views";
  const digest = createHmac("sha256", secret)
    .update(`${reader.address}\n${reader.userAgent.slice(0, 512)}\n${day}`)
    .digest("hex");
  return `a:${digest.slice(0, 40)}`;
}

/**
 * Counts a view of a public publication once per reader per Almaty day: the (publication, day, reader) row is
 * inserted with ON CONFLICT DO NOTHING and the counter is raised in the same statement only when the row was
 * new, so repeated calls, concurrent calls and a stopped process neither inflate nor lose a view.
 * Returns whether this call counted.
 */
export async function countView(id: string, reader: ViewReader, now = new Date()): Promise<boolean> {
  const day = almatyDate(now);
  const key = viewReaderKey(reader, day);
  const counted = await prisma.$executeRaw`
    WITH fresh AS (
      INSERT INTO "PublicationView" ("publicationId", "day", "reader")
      SELECT p.id, ${day}::date, ${key} FROM "Publication" p
      WHERE p.id = ${id} AND p.status IN ('PUBLISHED', 'SCHEDULED') AND p."publishedAt" <= ${now}
      ON CONFLICT DO NOTHING
      RETURNING "publicationId"
    )
    UPDATE "Publication" SET views = views + 1 WHERE id IN (SELECT "publicationId" FROM fresh)`;
  return counted === 1;
}
