/** A person's standing in the forums: trust level from the database facts, silence and suspension. */
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { almatyTime } from "../time";
import { holds, organizationsWith, type Viewer } from "../auth/scope";
import { isModerator } from "./access";
import { trustLevel, type TrustLevel } from "./trust";

type Db = Prisma.TransactionClient;

export interface Standing {
  level: TrustLevel;
  verified: boolean;
  silencedUntil: Date | null;
  suspendedUntil: Date | null;
  reason: string | null;
}

/**
 * A teacher is verified when their account is linked to a staff record of the registry at the school of
 * their role; an official is verified by their role at an authority.
 */
async function isVerified(db: Db, viewer: Viewer): Promise<boolean> {
  if (holds(viewer, "forums.answer")) return true;
  const schools = organizationsWith(viewer, "diary.teach");
  if (!schools.length) return false;
  return (await db.user.count({ where: { id: viewer.userId, person: { organizationId: { in: schools } } } })) > 0;
}

export async function standingOf(db: Db, viewer: Viewer): Promise<Standing> {
  const [state, user, verified, visiblePosts, hiddenPosts, reading] = await Promise.all([
    db.forumUserState.findUnique({ where: { userId: viewer.userId } }),
    db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { createdAt: true } }),
    isVerified(db, viewer),
    db.forumPost.count({ where: { authorId: viewer.userId, status: "VISIBLE" } }),
    db.forumPost.count({ where: { authorId: viewer.userId, status: "HIDDEN" } }),
    db.forumThreadState.aggregate({
      where: { userId: viewer.userId, lastReadNumber: { gt: 0 } },
      _count: { _all: true },
      _sum: { lastReadNumber: true },
    }),
  ]);
  const level = trustLevel({
    granted: state?.trustLevel ?? 0,
    verified,
    moderator: isModerator(viewer),
    accountAgeDays: (Date.now() - user.createdAt.getTime()) / 86_400_000,
    visiblePosts,
    hiddenPosts,
    threadsRead: reading._count._all,
    postsRead: reading._sum.lastReadNumber ?? 0,
  });
  return {
    level,
    verified,
    silencedUntil: state?.silencedUntil ?? null,
    suspendedUntil: state?.suspendedUntil ?? null,
    reason: state?.reason ?? null,
  };
}

/** Refuses a silenced or suspended person (suspension also stops reactions, flags and chat). */
export function assertMayPost(standing: Standing, now: Date, what: "post" | "act" = "post"): void {
  if (standing.suspendedUntil && standing.suspendedUntil > now) {
    throw new AppError(
      "forbidden",
      { body: "forums.suspended" },
      { until: almatyTime(standing.suspendedUntil), reason: standing.reason ?? "" },
    );
  }
  if (what === "post" && standing.silencedUntil && standing.silencedUntil > now) {
    throw new AppError(
      "forbidden",
      { body: "forums.silenced" },
      { until: almatyTime(standing.silencedUntil), reason: standing.reason ?? "" },
    );
  }
}
