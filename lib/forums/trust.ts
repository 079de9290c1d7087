/**
 * Trust levels (after Discourse): what a person may do in the forums grows with standing. Pure rules; the
 * facts (account age, posts, upheld flags, verification) come from the database in standing.ts.
 */
export type TrustLevel = 0 | 1 | 2 | 3 | 4;

export interface TrustFacts {
  /** Level granted by a moderator (ForumUserState.trustLevel), 0 when none. */
  granted: number;
  /** A teacher linked to a staff record in the registry, or an official of an authority. */
  verified: boolean;
  moderator: boolean;
  accountAgeDays: number;
  visiblePosts: number;
  /** Posts hidden by moderators or by flags. */
  hiddenPosts: number;
  /** Threads the person has opened (a read position in them). */
  threadsRead: number;
  /** Posts read: the sum of the read positions over those threads. */
  postsRead: number;
}

/**
 * What each level asks: account age (days), posts that stayed visible, reading (threads entered and posts
 * read) — either posting or reading earns the first level, the higher ones need both.
 */
export const EARN = {
  1: { days: 1, posts: 3, threads: 5, read: 30 },
  2: { days: 30, posts: 30, read: 200 },
  3: { days: 100, posts: 100, read: 1000 },
} as const;

/** Trust level from the facts: moderators lead, verified staff start as members, others earn it by time, reading and posts not flagged. */
export function trustLevel(f: TrustFacts): TrustLevel {
  if (f.moderator) return 4;
  let earned = 0;
  // Posts hidden for flags or by moderators stop the growth until ten times as many stayed visible.
  if (f.hiddenPosts === 0 || f.visiblePosts >= f.hiddenPosts * 10) {
    if (
      f.accountAgeDays >= EARN[1].days &&
      (f.visiblePosts >= EARN[1].posts || (f.threadsRead >= EARN[1].threads && f.postsRead >= EARN[1].read))
    )
      earned = 1;
    if (f.accountAgeDays >= EARN[2].days && f.visiblePosts >= EARN[2].posts && f.postsRead >= EARN[2].read) earned = 2;
    if (f.accountAgeDays >= EARN[3].days && f.visiblePosts >= EARN[3].posts && f.postsRead >= EARN[3].read) earned = 3;
  }
  const base = f.verified ? 2 : 0;
  return Math.min(3, Math.max(earned, base, f.granted)) as TrustLevel;
}

export interface TrustLimits {
  postsPerDay: number;
  linksPerPost: number;
  /** Seconds between two posts of the same person anywhere. */
  minIntervalSeconds: number;
  /** New people's posts in open forums wait for a moderator until this many are approved. */
  heldInOpenForums: number;
}

export const LIMITS: Record<TrustLevel, TrustLimits> = {
  0: { postsPerDay: 10, linksPerPost: 1, minIntervalSeconds: 20, heldInOpenForums: 2 },
  1: { postsPerDay: 40, linksPerPost: 5, minIntervalSeconds: 5, heldInOpenForums: 0 },
  2: { postsPerDay: 150, linksPerPost: 20, minIntervalSeconds: 0, heldInOpenForums: 0 },
  3: { postsPerDay: 300, linksPerPost: 50, minIntervalSeconds: 0, heldInOpenForums: 0 },
  4: { postsPerDay: 1000, linksPerPost: 100, minIntervalSeconds: 0, heldInOpenForums: 0 },
};

/** Flags from people of at least this level count toward hiding a post. */
export const TRUSTED_FLAGGER = 1;
/** Trusted flags that hide a post until a moderator decides. */
export const FLAGS_TO_HIDE = 3;
/** Posts per address per hour (many accounts behind one address). */
export const POSTS_PER_IP_HOUR = 60;
/** Edits within this time after posting leave no "edited" mark. */
export const EDIT_GRACE_MS = 15 * 60 * 1000;
export const MAX_POST_LENGTH = 20_000;
export const MAX_CHAT_LENGTH = 2_000;
export const CHAT_MESSAGES_PER_MINUTE = 20;
