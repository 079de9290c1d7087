import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { AdminRefused, createAdministrator, passwordOnCommandLine } from "@/lib/production/admin";
import {
  DEMO_LOGINS,
  StartRefused,
  demoPasswordAccounts,
  isProduction,
  realAccounts,
  refuseDemoPasswords,
  seedDecision,
} from "@/lib/production/start";
import { DEMO_PASSWORD } from "@/prisma/seed";

const SCALES = ["tiny", "demo", "national"];

async function refusedWith<E extends Error>(promise: Promise<unknown>, type: new (...a: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

describe("production start", () => {
  it("is production with PostgreSQL or NODE_ENV=production", () => {
    expect(isProduction({ DATABASE_URL: undefined, NODE_ENV: "development" })).toBe(false);
    expect(isProduction({ DATABASE_URL: "postgresql://db/eiso", NODE_ENV: "development" })).toBe(true);
    expect(isProduction({ DATABASE_URL: undefined, NODE_ENV: "production" })).toBe(true);
  });

  it("seeds an empty embedded database with demo data, as before", async () => {
    expect(await seedDecision(prisma, { production: false, empty: true, scales: SCALES })).toMatchObject({
      seed: "demo",
    });
    expect(await seedDecision(prisma, { production: false, empty: true, scale: "tiny", scales: SCALES })).toMatchObject(
      { seed: "tiny" },
    );
    expect(await seedDecision(prisma, { production: false, empty: false, scales: SCALES })).toEqual({
      seed: null,
      message: null,
    });
  });

  it("never seeds a production database unless asked, and refuses an unknown scale", async () => {
    const decision = await seedDecision(prisma, { production: true, empty: true, scales: SCALES });
    expect(decision).toEqual({ seed: null, message: null });
    // a database without any account is told how to create the first administrator
    const noUsers = { user: { count: async () => 0 } } as unknown as typeof prisma;
    const first = await seedDecision(noUsers, { production: true, empty: true, scales: SCALES });
    expect(first.seed).toBeNull();
    expect(first.message).toContain("admin:create");
    expect(
      await seedDecision(prisma, { production: true, empty: true, requested: "demo", scales: SCALES }),
    ).toMatchObject({ seed: "demo" });
    const unknown = await refusedWith(
      seedDecision(prisma, { production: true, empty: true, requested: "huge", scales: SCALES }),
      StartRefused,
    );
    expect(unknown.message).toContain("--seed huge");
  });

  it("finds every seeded account with the demo password and refuses to start, naming them", async () => {
    const found = await demoPasswordAccounts(prisma);
    expect(found).toContain("ministry");
    expect(found).toContain("teacher2");
    expect(found.every((login) => DEMO_LOGINS.includes(login))).toBe(true);
    const refused = await refusedWith(refuseDemoPasswords(prisma), StartRefused);
    expect(refused.message).toContain("ministry");
    expect(refused.message).toContain("parent2");
  });
});

describe("admin:create", () => {
  const good = { login: "nurlan.admin", displayName: "Нұрлан Әкімшісі", password: "Tau-Shatyr 7 qys jaryq" };

  it.each([
    ["an empty password", { password: "" }, "at least 12"],
    ["a short password", { password: "Short-1a" }, "at least 12"],
    ["the demo password", { password: DEMO_PASSWORD }, "at least 12"],
    ["the demo password made longer", { password: `${DEMO_PASSWORD}xyz123` }, "demo password"],
    ["a common password", { password: "Qwerty123456" }, "most common"],
    ["one character repeated", { password: "aaaaaaaaaaaaaaaa" }, "most common"],
    ["a password holding the login", { password: "nurlan.admin-2026" }, "login"],
    ["a taken login", { login: "ministry" }, "already taken"],
    ["a malformed login", { login: "no spaces allowed" }, "login must be"],
    ["a missing display name", { displayName: " " }, "display name"],
  ])("refuses %s and creates nothing", async (_what, change, message) => {
    const before = await prisma.user.count();
    const refused = await refusedWith(createAdministrator(prisma, { ...good, ...change }), AdminRefused);
    expect(refused.message).toContain(message);
    expect(await prisma.user.count()).toBe(before);
  });

  it("refuses a password given on the command line", () => {
    expect(passwordOnCommandLine(["--login", "a", "--password", "x"])).toBe("--password");
    expect(passwordOnCommandLine(["--login", "a", "--pass=x"])).toBe("--pass");
    expect(passwordOnCommandLine(["--login", "a", "-p", "x"])).toBe("-p");
    expect(passwordOnCommandLine(["--login", "a", "--name", "Password Keeper"])).toBeNull();
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/admin-create.ts", "--login", "someone", "--name", "Someone", "--password", "x"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: "memory://" } },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("never taken from the command line (--password)");
  });

  it("creates a ministry administrator whose password works, and then refuses demo data beside it", async () => {
    expect(passwordProblem(good.password, good.login)).toBeNull();
    const created = await createAdministrator(prisma, { ...good, login: " Nurlan.Admin " });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: created.id }, include: { roles: true } });
    expect(user.login).toBe("nurlan.admin");
    expect(user.active).toBe(true);
    expect(user.roles.map((r) => r.role)).toEqual(["MINISTRY_ADMIN"]);
    expect(await verifyPassword(good.password, user.passwordHash)).toBe(true);

    const again = await refusedWith(createAdministrator(prisma, good), AdminRefused);
    expect(again.message).toContain("already taken");

    expect(await realAccounts(prisma)).toEqual(["nurlan.admin"]);
    const refused = await refusedWith(
      seedDecision(prisma, { production: true, empty: false, requested: "demo", scales: SCALES }),
      StartRefused,
    );
    expect(refused.message).toContain("nurlan.admin");
  });

  it("starts once no account has the demo password, and catches an administrator who set it", async () => {
    const changed = await hashPassword("another long passphrase 42");
    await prisma.user.updateMany({ where: { login: { in: [...DEMO_LOGINS] } }, data: { passwordHash: changed } });
    await expect(refuseDemoPasswords(prisma)).resolves.toBeUndefined();
    // a password hash with a salt of its own, on an administrator: still found
    await prisma.user.update({
      where: { login: "nurlan.admin" },
      data: { passwordHash: await hashPassword(DEMO_PASSWORD) },
    });
    expect(await demoPasswordAccounts(prisma)).toEqual(["nurlan.admin"]);
  });
});
