import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { LOCK_MINUTES, MAX_FAILURES, verifyCredentials } from "./credentials";
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
});
