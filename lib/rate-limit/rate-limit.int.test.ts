import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

import { defineLimit, enforce, hit, pruneRateLimits, reset } from ".";

const T0 = new Date("2026-11-23T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("rate limits in the database", () => {
  it("counts concurrent hits exactly: no two requests see the same count", async () => {
    const limit = defineLimit("test-concurrent", 5, 60);
    const results = await Promise.all(Array.from({ length: 30 }, () => hit(limit, "10.0.0.1", { now: T0 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const row = await prisma.rateLimit.findUniqueOrThrow({ where: { key: "test-concurrent:10.0.0.1" } });
    expect(row.count).toBe(30);
  });

  it("starts a new window when the old one has ended and says when to retry", async () => {
    const limit = defineLimit("test-window", 2, 60);
    expect((await hit(limit, "a", { now: T0 })).allowed).toBe(true);
    expect((await hit(limit, "a", { now: at(10) })).remaining).toBe(0);
    const refused = await hit(limit, "a", { now: at(20) });
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 40 });
    // another key has its own counter
    expect((await hit(limit, "b", { now: at(20) })).allowed).toBe(true);
    expect(await hit(limit, "a", { now: at(60) })).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("refuses with 429, the shared error shape and Retry-After", async () => {
    const limit = defineLimit("test-enforce", 1, 30);
    await enforce(limit, "x", { now: T0 });
    const error = await enforce(limit, "x", { now: at(5) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const response = errorResponse(error, "en");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("25");
    const body = (await response.json()) as { error: { code: string; message: string; retryAfter: number } };
    expect(body.error).toMatchObject({ code: "rateLimited", retryAfter: 25 });
    expect(body.error.message).toContain("25");
  });

  it("forgets a key on reset and prunes windows that ended over a day ago", async () => {
    const limit = defineLimit("test-prune", 1, 60);
    await hit(limit, "old", { now: T0 });
    await hit(limit, "new", { now: at(86_400) });
    await reset(limit, "new");
    expect(await prisma.rateLimit.count({ where: { key: { startsWith: "test-prune:" } } })).toBe(1);
    await hit(limit, "new", { now: at(86_400) });
    expect(await pruneRateLimits(at(86_500))).toBeGreaterThanOrEqual(1);
    const left = await prisma.rateLimit.findMany({ where: { key: { startsWith: "test-prune:" } } });
    expect(left.map((r) => r.key)).toEqual(["test-prune:new"]);
  });
});
