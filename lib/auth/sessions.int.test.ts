import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import { resetPassword, setUserActive } from "@/lib/users/users";
import { pruneAuthRecords } from "./prune";
import {
  checkSession,
  createSession,
  listSessions,
  revokeSession,
  revokeUserSessions,
  SESSION_LIFETIMES,
} from "./sessions";

const minutes = (n: number) => n * 60_000;
const client = { userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", address: "10.0.0.5" };

describe("revocable sessions", () => {
  it("gives administrators the shorter lifetimes and keeps the absolute end fixed however often it is read", async () => {
    const start = new Date("2026-11-25T08:00:00Z");
    const admin = await createSession("u_ministry", client, start);
    const person = await createSession("u_parent", client, start);
    const adminRow = await prisma.session.findUniqueOrThrow({ where: { id: admin } });
    const personRow = await prisma.session.findUniqueOrThrow({ where: { id: person } });
    expect(adminRow.idleMinutes).toBe(SESSION_LIFETIMES.administrator.idleMinutes);
    expect(adminRow.expiresAt.getTime() - start.getTime()).toBe(
      minutes(SESSION_LIFETIMES.administrator.absoluteMinutes),
    );
    expect(personRow.expiresAt.getTime() - start.getTime()).toBe(minutes(SESSION_LIFETIMES.person.absoluteMinutes));
    expect(adminRow).toMatchObject({ userAgent: client.userAgent, address: "10.0.0.5", revokedAt: null });

    // read every 20 minutes: never idle, yet it ends at the absolute end
    let at = start;
    const end = start.getTime() + minutes(SESSION_LIFETIMES.administrator.absoluteMinutes);
    while (at.getTime() + minutes(20) < end) {
      at = new Date(at.getTime() + minutes(20));
      expect(await checkSession(admin, at)).toEqual({ ok: true, userId: "u_ministry" });
    }
    expect((await prisma.session.findUniqueOrThrow({ where: { id: admin } })).expiresAt).toEqual(adminRow.expiresAt);
    expect(await checkSession(admin, new Date(end))).toEqual({ ok: false, reason: "expired" });
  });

  it("ends after the idle time and writes lastSeenAt at most once a minute", async () => {
    const start = new Date("2026-11-25T09:00:00Z");
    const id = await createSession("u_ministry", client, start);
    await checkSession(id, new Date(start.getTime() + 30_000));
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(start);
    const later = new Date(start.getTime() + 61_000);
    await checkSession(id, later);
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(later);
    const idle = new Date(later.getTime() + minutes(SESSION_LIFETIMES.administrator.idleMinutes));
    expect(await checkSession(id, idle)).toEqual({ ok: false, reason: "expired" });
  });

  it("ends one session at once, only for its owner, and lists the valid ones", async () => {
    const a = await createSession("u_teacher", client);
    const b = await createSession("u_teacher", { userAgent: null, address: null });
    expect(await revokeSession("u_parent", a)).toBe(false);
    expect(await checkSession(a)).toMatchObject({ ok: true });
    expect(await revokeSession("u_teacher", a)).toBe(true);
    expect(await checkSession(a)).toEqual({ ok: false, reason: "revoked" });
    expect(await revokeSession("u_teacher", a)).toBe(false);
    const listed = (await listSessions("u_teacher")).map((s) => s.id);
    expect(listed).toContain(b);
    expect(listed).not.toContain(a);
    expect(await checkSession("forged-id")).toEqual({ ok: false, reason: "unknown" });
  });

  it("signs out everywhere, and a new password or a locked account ends every session of the person", async () => {
    const one = await createSession("u_student", client);
    const two = await createSession("u_student", client);
    expect(await revokeUserSessions("u_student", { exceptId: two })).toBeGreaterThanOrEqual(1);
    expect(await checkSession(one)).toMatchObject({ ok: false, reason: "revoked" });
    expect(await checkSession(two)).toMatchObject({ ok: true });

    const { viewer, scope } = authorizeViewer(await loadViewer("u_ministry"), "users.manage");
    await resetPassword(viewer, scope, { id: "u_student", password: "Another-Strong-2026!" });
    expect(await checkSession(two)).toMatchObject({ ok: false, reason: "revoked" });

    const three = await createSession("u_official", client);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: "u_official" } });
    await setUserActive(viewer, scope, { id: "u_official", version: user.version, active: false });
    expect(await checkSession(three)).toMatchObject({ ok: false, reason: "revoked" });
  });

  it("prunes sessions that ended more than a day ago, and keeps the others", async () => {
    const old = new Date("2026-11-01T08:00:00Z");
    const ended = await createSession("u_editor", client, old);
    const current = await createSession("u_editor", client);
    expect(await pruneAuthRecords()).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.findUnique({ where: { id: ended } })).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: current } })).not.toBeNull();
  });
});
