import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, checkSession } from "@/lib/auth/sessions";
import { scopeOf } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import {
  confirmEmail,
  emailSchema,
  issueResetCode,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  RESET_PER_ACCOUNT,
} from "./account";

/** The token of the newest queued mail to `to` (the tests read the outbox as a mail client would read mail). */
async function lastToken(to: string): Promise<string> {
  const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { to }, orderBy: { id: "desc" } });
  return String((mail.params as { token: string }).token);
}

const NEW_PASSWORD = "Жаңа-құпия-сөз-2026";

describe("e-mail address", () => {
  it("refuses a malformed address with a field error", () => {
    expect(emailSchema.safeParse("not-an-address").success).toBe(false);
    expect(emailSchema.safeParse("  Parent@Example.KZ ").data).toBe("parent@example.kz");
  });

  it("counts an address only once the single-use link is followed, in the chosen language", async () => {
    await requestEmailVerification("u_parent", { email: "parent@example.kz", mailLocale: "ru" });
    let user = await prisma.user.findUniqueOrThrow({ where: { id: "u_parent" } });
    expect(user.email).toBeNull();
    expect(user.emailPending).toBe("parent@example.kz");
    const mail = await prisma.mailOutbox.findFirstOrThrow({ where: { to: "parent@example.kz" } });
    expect(mail).toMatchObject({ template: "account.verify", locale: "ru", userId: "u_parent" });
    const token = await lastToken("parent@example.kz");
    // only the hash is stored
    expect(await prisma.mailToken.count({ where: { hash: token } })).toBe(0);
    expect(await confirmEmail(token)).toEqual({ userId: "u_parent", email: "parent@example.kz" });
    user = await prisma.user.findUniqueOrThrow({ where: { id: "u_parent" } });
    expect(user.email).toBe("parent@example.kz");
    expect(user.emailPending).toBeNull();
    expect(user.emailVerifiedAt).not.toBeNull();
    // reused and forged tokens are refused
    expect((await refusal(confirmEmail(token))).fieldErrors).toEqual({ token: "mail.tokenInvalid" });
    expect((await refusal(confirmEmail("F".repeat(64)))).fieldErrors).toEqual({ token: "mail.tokenInvalid" });
  });

  it("refuses an address verified by another account, and an expired link", async () => {
    const e = await refusal(requestEmailVerification("u_teacher", { email: "parent@example.kz" }));
    expect(e.fieldErrors).toEqual({ email: "mail.emailTaken" });
    await requestEmailVerification("u_teacher", { email: "teacher@example.kz" });
    const token = await lastToken("teacher@example.kz");
    const later = new Date(Date.now() + 25 * 3_600_000);
    expect((await refusal(confirmEmail(token, later))).fieldErrors).toEqual({ token: "mail.tokenInvalid" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: "u_teacher" } })).email).toBeNull();
  });
});

describe("password recovery", () => {
  it("answers the same way for an unknown account and sends nothing", async () => {
    const before = await prisma.mailOutbox.count();
    await expect(requestPasswordReset("nobody-here", "10.0.0.1")).resolves.toBeUndefined();
    await expect(requestPasswordReset("teacher", "10.0.0.1")).resolves.toBeUndefined(); // no verified address
    expect(await prisma.mailOutbox.count()).toBe(before);
  });

  it("sends a 30-minute single-use link; the new password passes the policy and ends every session", async () => {
    const session = await createSession("u_parent", { userAgent: "test" });
    expect((await checkSession(session)).ok).toBe(true);
    await requestPasswordReset("parent", "10.0.0.2");
    const mail = await prisma.mailOutbox.findFirstOrThrow({
      where: { to: "parent@example.kz", template: "password.reset" },
    });
    expect(mail.locale).toBe("ru");
    const token = await lastToken("parent@example.kz");
    // a password against the policy: refused, nothing used up
    const weak = await refusal(resetPassword({ token, password: "short", confirm: "short" }, "10.0.0.2"));
    expect(weak.fieldErrors).toEqual({ password: "mail.password.tooShort" });
    const mismatch = await refusal(
      resetPassword({ token, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}x` }, "10.0.0.2"),
    );
    expect(mismatch.fieldErrors).toEqual({ confirm: "mail.passwordMismatch" });
    // expired after 30 minutes
    const expired = await refusal(
      resetPassword(
        { token, password: NEW_PASSWORD, confirm: NEW_PASSWORD },
        "10.0.0.2",
        new Date(Date.now() + 31 * 60_000),
      ),
    );
    expect(expired.fieldErrors).toEqual({ token: "mail.tokenInvalid" });
    expect(await resetPassword({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, "10.0.0.2")).toEqual({
      login: "parent",
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: "u_parent" } });
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
    expect(await checkSession(session)).toMatchObject({ ok: false, reason: "revoked" });
    const audit = await prisma.auditLog.findFirst({
      where: { entity: "PasswordReset", entityId: "u_parent", action: "update" },
    });
    expect(audit).not.toBeNull();
    // the link works once
    const reused = await refusal(resetPassword({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, "10.0.0.2"));
    expect(reused.fieldErrors).toEqual({ token: "mail.tokenInvalid" });
  });

  it("limits requests per account, whatever the client address", async () => {
    for (let i = 0; i < RESET_PER_ACCOUNT.limit; i++) await requestPasswordReset("student", `10.1.0.${i}`);
    expect((await refusal(requestPasswordReset("student", "10.1.0.99"))).code).toBe("rateLimited");
    expect((await refusal(requestPasswordReset("STUDENT", "10.1.0.98"))).code).toBe("rateLimited");
  });

  it("lets a school administrator issue a 24-hour reset code for a pupil, audited, within the school", async () => {
    const school = await viewer("u_school");
    const scope = scopeOf(school, "users.resetCode")!;
    const issued = await issueResetCode(school, scope, "u_student");
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(
      await prisma.auditLog.count({
        where: { entity: "PasswordResetCode", entityId: "u_student", actorId: "u_school" },
      }),
    ).toBe(1);
    // not for staff, not outside the school
    expect((await refusal(issueResetCode(school, scope, "u_teacher"))).fieldErrors).toEqual({
      userId: "mail.resetCodeTarget",
    });
    const other = await viewer("u_school2");
    expect((await refusal(issueResetCode(other, scopeOf(other, "users.resetCode")!, "u_student"))).code).toBe(
      "notFound",
    );
    // typed in lower case with spaces it still works, once
    const typed = issued.code.toLowerCase().replace(/-/g, " ");
    await resetPassword({ token: typed, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, "10.2.0.1");
    const again = await refusal(
      resetPassword({ token: issued.code, password: NEW_PASSWORD, confirm: NEW_PASSWORD }, "10.2.0.1"),
    );
    expect(again.fieldErrors).toEqual({ token: "mail.tokenInvalid" });
  });
});
