import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { ADDRESS_FAILURES, credentialStats, LOCK_MINUTES, MAX_FAILURES, verifyCredentials } from "./credentials";
import { verifyPassword } from "./password";

describe("sign-in credentials", () => {
  it("accepts a demo account and stores only a scrypt hash", async () => {
    const result = await verifyCredentials({ login: "Teacher ", password: DEMO_PASSWORD });
    expect(result).toMatchObject({ ok: true, user: { login: "teacher" } });
    const user = await prisma.user.findUniqueOrThrow({ where: { login: "teacher" } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong", user.passwordHash)).toBe(false);
  });

  it("answers the same for a wrong password and an unknown login", async () => {
    expect(await verifyCredentials({ login: "parent", password: "nope" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials({ login: "nobody-here", password: "nope" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials({ login: "", password: "" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks a login after repeated failures, even with the right password, then lets it in after the lock", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(await verifyCredentials({ login: "student", password: "bad" }, now)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const locked = await verifyCredentials({ login: "student", password: "bad" }, now);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(await verifyCredentials({ login: "student", password: DEMO_PASSWORD }, now)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(await verifyCredentials({ login: "student", password: DEMO_PASSWORD }, later)).toMatchObject({ ok: true });
    expect(await prisma.loginThrottle.findUnique({ where: { key: "student" } })).toBeNull();
  });

  it("locks unknown logins the same way, so the lock reveals nothing", async () => {
    const now = new Date("2026-11-23T11:00:00Z");
    let last;
    for (let i = 0; i < MAX_FAILURES; i++) last = await verifyCredentials({ login: "ghost", password: "x" }, now);
    expect(last).toMatchObject({ ok: false, reason: "locked" });
  });

  it("refuses an inactive user", async () => {
    await prisma.user.update({ where: { login: "editor" }, data: { active: false } });
    expect(await verifyCredentials({ login: "editor", password: DEMO_PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("checks at most MAX_FAILURES passwords when 30 attempts on one login race (29 wrong, 1 right)", async () => {
    const now = new Date("2026-11-24T09:00:00Z");
    const before = credentialStats.passwordChecks;
    const attempts = Array.from({ length: 30 }, (_, i) =>
      verifyCredentials(
        { login: "moderator", password: i === 17 ? DEMO_PASSWORD : `wrong-${i}` },
        { now, address: "10.1.1.1" },
      ),
    );
    const results = await Promise.all(attempts);
    expect(credentialStats.passwordChecks - before).toBeLessThanOrEqual(MAX_FAILURES);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(30 - MAX_FAILURES);
    // the login is locked afterwards, even for the right password
    expect(
      await verifyCredentials({ login: "moderator", password: DEMO_PASSWORD }, { now, address: "10.1.1.2" }),
    ).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("limits failures per client address across logins (spraying), and successes do not count", async () => {
    const now = new Date("2026-11-24T12:00:00Z");
    const address = "10.2.2.2";
    for (let i = 0; i < 3; i++)
      expect(await verifyCredentials({ login: "parent", password: DEMO_PASSWORD }, { now, address })).toMatchObject({
        ok: true,
      });
    for (let i = 0; i < ADDRESS_FAILURES.limit; i++)
      expect(await verifyCredentials({ login: `spray-${i}`, password: "x" }, { now, address })).toEqual({
        ok: false,
        reason: "invalid",
      });
    const before = credentialStats.passwordChecks;
    expect(await verifyCredentials({ login: "parent", password: DEMO_PASSWORD }, { now, address })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(credentialStats.passwordChecks).toBe(before);
    // another address is not affected
    expect(
      await verifyCredentials({ login: "parent", password: DEMO_PASSWORD }, { now, address: "10.2.2.3" }),
    ).toMatchObject({
      ok: true,
    });
  });
});
