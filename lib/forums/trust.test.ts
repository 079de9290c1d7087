import { describe, expect, it } from "vitest";
import { trustLevel } from "./trust";
import { awaitingDays, median } from "./open";

describe("trust levels", () => {
  const base = {
    granted: 0,
    verified: false,
    moderator: false,
    accountAgeDays: 0,
    visiblePosts: 0,
    hiddenPosts: 0,
    threadsRead: 0,
    postsRead: 0,
  };
  it("new accounts start low, verified staff at member level, moderators lead", () => {
    expect(trustLevel(base)).toBe(0);
    expect(trustLevel({ ...base, verified: true })).toBe(2);
    expect(trustLevel({ ...base, moderator: true })).toBe(4);
  });
  it("trust is earned with posts and time, and lost with hidden posts", () => {
    expect(trustLevel({ ...base, accountAgeDays: 2, visiblePosts: 3 })).toBe(1);
    expect(trustLevel({ ...base, accountAgeDays: 0.5, visiblePosts: 3 })).toBe(0);
    expect(trustLevel({ ...base, accountAgeDays: 40, visiblePosts: 30, postsRead: 200 })).toBe(2);
    expect(trustLevel({ ...base, accountAgeDays: 40, visiblePosts: 30, postsRead: 20 })).toBe(1);
    expect(trustLevel({ ...base, accountAgeDays: 40, visiblePosts: 30, hiddenPosts: 5, postsRead: 200 })).toBe(0);
    expect(trustLevel({ ...base, accountAgeDays: 40, visiblePosts: 30, hiddenPosts: 3, postsRead: 200 })).toBe(2);
  });
  it("reading alone earns the first level: five threads and thirty posts read", () => {
    expect(trustLevel({ ...base, accountAgeDays: 2, threadsRead: 5, postsRead: 30 })).toBe(1);
    expect(trustLevel({ ...base, accountAgeDays: 2, threadsRead: 4, postsRead: 60 })).toBe(0);
    expect(trustLevel({ ...base, accountAgeDays: 2, threadsRead: 9, postsRead: 29 })).toBe(0);
    expect(trustLevel({ ...base, accountAgeDays: 2, threadsRead: 50, postsRead: 5000 })).toBe(1);
  });
});

describe("open forum figures", () => {
  it("median and days awaiting an answer", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(awaitingDays("2026-11-20T00:00:00Z", null, new Date("2026-11-23T12:00:00Z"))).toBe(3);
    expect(awaitingDays("2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z")).toBeNull();
  });
});
