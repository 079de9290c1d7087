import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  CHALLENGE_ATTEMPTS,
  checkSecondFactorCode,
  claimChallenge,
  confirmEnrolment,
  disableSecondFactor,
  endChallenge,
  hasSecondFactor,
  isTrustedDevice,
  pendingEnrolment,
  RECOVERY_CODE_COUNT,
  renewRecoveryCodes,
  startChallenge,
  trustDevice,
} from "./second-factor";

const seconds = () => Math.floor(Date.now() / 1000);
const refusals = (userId: string) =>
  prisma.auditLog.count({ where: { actorId: userId, entity: "SecondFactor", action: "refuse" } });

describe("TOTP second factor", () => {
  it("enrols with the first code, gives ten recovery codes once, and refuses wrong and reused codes", async () => {
    const userId = "u_district";
    const pending = await pendingEnrolment(userId, "district");
    expect(pending!.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await pendingEnrolment(userId, "district"))!.secret).toBe(pending!.secret);
    expect(await hasSecondFactor(userId)).toBe(false);

    await expect(confirmEnrolment(userId, "000000")).rejects.toBeInstanceOf(AppError);
    expect(await refusals(userId)).toBe(1);
    const code = await generate({ secret: pending!.secret });
    const codes = await confirmEnrolment(userId, code);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    expect(await hasSecondFactor(userId)).toBe(true);
    expect(await pendingEnrolment(userId, "district")).toBeNull();
    // only hashes are stored
    const stored = await prisma.recoveryCode.findMany({ where: { userId } });
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);

    // the enrolment code's step is used: the same code again is refused
    expect(await checkSecondFactorCode(userId, code)).toBe(false);
    // the next step's code is accepted once, then refused as reused
    const next = await generate({ secret: pending!.secret, epoch: seconds() + 30 });
    expect(await checkSecondFactorCode(userId, next)).toBe(true);
    expect(await checkSecondFactorCode(userId, next)).toBe(false);
    // an old code (two steps back) is expired
    const old = await generate({ secret: pending!.secret, epoch: seconds() - 90 });
    expect(await checkSecondFactorCode(userId, old)).toBe(false);

    // a recovery code works once, typed in any case and spacing
    expect(await checkSecondFactorCode(userId, ` ${codes[3]!.toLowerCase()} `)).toBe(true);
    expect(await checkSecondFactorCode(userId, codes[3]!)).toBe(false);
    expect(await checkSecondFactorCode(userId, "AAAAA-BBBBB")).toBe(false);
    expect(await refusals(userId)).toBeGreaterThanOrEqual(5);

    // required for an administrator: cannot be turned off
    await expect(disableSecondFactor(userId, ["DISTRICT_ADMIN"], codes[4]!)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await hasSecondFactor(userId)).toBe(true);
  });

  it("renews the recovery codes after a current code from the app, never after a recovery code", async () => {
    const userId = "u_region";
    const pending = await pendingEnrolment(userId, "region");
    const codes = await confirmEnrolment(userId, await generate({ secret: pending!.secret }));
    const before = await refusals(userId);
    // a recovery code, a wrong code or nothing: refused, the old codes still hold
    for (const wrong of [codes[0]!, "000000", ""])
      await expect(renewRecoveryCodes(userId, wrong)).rejects.toMatchObject({ code: "validation" });
    expect(await refusals(userId)).toBe(before + 3);
    expect(await prisma.recoveryCode.count({ where: { userId, usedAt: null } })).toBe(RECOVERY_CODE_COUNT);

    const renewed = await renewRecoveryCodes(
      userId,
      await generate({ secret: pending!.secret, epoch: seconds() + 30 }),
    );
    expect(renewed).toHaveLength(RECOVERY_CODE_COUNT);
    expect(renewed.filter((c) => codes.includes(c))).toEqual([]);
    // the old codes no longer work, the new ones do
    expect(await checkSecondFactorCode(userId, codes[1]!)).toBe(false);
    expect(await checkSecondFactorCode(userId, renewed[0]!)).toBe(true);
    // a person without a factor has nothing to renew
    await expect(renewRecoveryCodes("u_parent", "123456")).rejects.toMatchObject({ code: "stale" });
  });

  it("lets a teacher turn the optional factor off with a valid code", async () => {
    const pending = await pendingEnrolment("u_teacher", "teacher");
    const codes = await confirmEnrolment("u_teacher", await generate({ secret: pending!.secret }));
    await expect(disableSecondFactor("u_teacher", ["TEACHER"], "123")).rejects.toBeInstanceOf(AppError);
    await disableSecondFactor("u_teacher", ["TEACHER"], codes[0]!);
    expect(await hasSecondFactor("u_teacher")).toBe(false);
  });

  it("ties the code step to the password step: limited attempts, expiry, and no replay", async () => {
    const token = await startChallenge("u_region");
    for (let i = 0; i < CHALLENGE_ATTEMPTS; i++) expect(await claimChallenge(token)).toBe("u_region");
    expect(await claimChallenge(token)).toBeNull();

    const fresh = await startChallenge("u_region");
    expect(await claimChallenge(fresh)).toBe("u_region");
    expect(await endChallenge(fresh)).toBe(true);
    expect(await endChallenge(fresh)).toBe(false);
    expect(await claimChallenge(fresh)).toBeNull();

    const now = new Date();
    const expiring = await startChallenge("u_region", now);
    expect(await claimChallenge(expiring, new Date(now.getTime() + 6 * 60_000))).toBeNull();
    expect(await claimChallenge("forged")).toBeNull();
  });

  it("remembers a device only for its own user and only with the real token", async () => {
    const token = await trustDevice("u_moderator");
    expect(await isTrustedDevice("u_moderator", token)).toBe(true);
    expect(await isTrustedDevice("u_editor", token)).toBe(false);
    expect(await isTrustedDevice("u_moderator", `${token}x`)).toBe(false);
    expect(await isTrustedDevice("u_moderator", undefined)).toBe(false);
    expect(await isTrustedDevice("u_moderator", token, new Date(Date.now() + 31 * 86_400_000))).toBe(false);
  });
});
