import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import {
  accountName,
  enrolSecondFactor,
  enterSecondFactor,
  expect,
  fillSignInForm,
  heading,
  path,
  secondFactorForm,
  signIn,
  signInAs,
  signInLink,
  signOut,
  t,
  test,
  totpCode,
} from "./fixtures";

/**
 * Sign-in security end to end: an administrator enrols the TOTP second factor (codes computed with otplib),
 * signs in with a code and with a recovery code and is refused a wrong or used one; sessions are revocable:
 * signing out in one browser ends the session copied into another, and /account/security ends a session.
 */
const PASSWORD = "Zerenda-admin-2026";
const login = `e2e.totp.${Date.now().toString(36)}`;

/** axe-core (WCAG A/AA rules) on the open page: no violations. */
async function expectAccessible(page: Page) {
  // after a server action the framework writes the head again: audit the settled page, with its title
  await expect(page).toHaveTitle(/\S/);
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
  expect(violations).toEqual([]);
}

test.describe.configure({ mode: "serial" });

test("an administrator enrols a second factor, then signs in with a code and a recovery code", async ({ page }) => {
  test.setTimeout(180_000);
  // a region administrator creates a district administrator (who has no second factor yet)
  await signInAs(page, "region", "kk", { callbackUrl: "/kk/admin/users/new" });
  const form = page.getByTestId("user-form");
  await form.getByRole("textbox", { name: t("kk", "users.login"), exact: true }).fill(login);
  await form.getByRole("textbox", { name: t("kk", "users.displayName"), exact: true }).fill("Зеренді әкімшісі");
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form
    .getByRole("combobox", { name: t("kk", "users.role"), exact: true })
    .selectOption({ label: t("kk", "admin.roles.DISTRICT_ADMIN") });
  await form
    .getByRole("combobox", { name: t("kk", "users.territory"), exact: true })
    .selectOption({ label: "Бурабай ауданы" });
  await form.getByRole("button", { name: t("kk", "common.actions.create"), exact: true }).click();
  await expect(page).toHaveURL(/\/kk\/admin\/users\/[^/?]+\?created=1$/);
  await signOut(page);

  // first sign-in: sent to enrol before the admin area
  await signIn(page, login, "kk", { password: PASSWORD, callbackUrl: "/kk/admin" });
  await expect(page).toHaveURL(path("/kk/account/security/second-factor"));
  await expect(heading(page)).toHaveText(t("kk", "security.enrol.title"));
  await expectAccessible(page);
  const { secret, codes } = await enrolSecondFactor(page);
  expect(codes).toHaveLength(10);
  await page.getByRole("link", { name: t("kk", "security.enrol.continue"), exact: true }).click();
  await expect(heading(page)).toHaveText(t("kk", "security.title"));
  await expect(page.getByTestId("second-factor-status")).toHaveText(
    t("kk", "security.factor.enabled").replace("{count}", "10"),
  );
  await page.goto("/kk/admin");
  await expect(page).toHaveURL(path("/kk/admin"));
  await signOut(page);

  // password, then a wrong code: refused; then the right code
  await page.goto(`/kk/sign-in?callbackUrl=${encodeURIComponent("/kk/admin")}`);
  await fillSignInForm(page, login, PASSWORD);
  const codeForm = secondFactorForm(page);
  await expect(codeForm).toBeVisible();
  await expect(codeForm.locator('input[name="remember"]')).not.toBeChecked();
  await expectAccessible(page);
  await codeForm.locator('input[name="code"]').fill("000000");
  await codeForm.getByRole("button", { name: t("kk", "security.signIn.confirm"), exact: true }).click();
  await expect(codeForm.getByRole("alert")).toHaveText(t("kk", "security.signIn.wrongCode"));
  await expect(accountName(page)).toHaveCount(0);
  await enterSecondFactor(page, secret);
  await expect(page).toHaveURL(path("/kk/admin"));
  await expect(accountName(page)).toBeVisible();
  await signOut(page);

  // a recovery code signs in once; used again it is refused
  await page.goto("/kk/sign-in");
  await fillSignInForm(page, login, PASSWORD);
  await codeForm.locator('input[name="code"]').fill(codes[0]!);
  await codeForm.getByRole("button", { name: t("kk", "security.signIn.confirm"), exact: true }).click();
  await expect(accountName(page)).toBeVisible();
  await signOut(page);
  await page.goto("/kk/sign-in");
  await fillSignInForm(page, login, PASSWORD);
  await codeForm.locator('input[name="code"]').fill(codes[0]!);
  await codeForm.getByRole("button", { name: t("kk", "security.signIn.confirm"), exact: true }).click();
  await expect(codeForm.getByRole("alert")).toHaveText(t("kk", "security.signIn.wrongCode"));
  await expect(accountName(page)).toHaveCount(0);

  // with the codes running out, new ones: a recovery code does not renew them, a code from the app does
  await codeForm.locator('input[name="code"]').fill(codes[1]!);
  await codeForm.getByRole("button", { name: t("kk", "security.signIn.confirm"), exact: true }).click();
  await expect(accountName(page)).toBeVisible();
  await page.goto("/kk/account/security");
  await expect(page.getByTestId("second-factor-status")).toHaveText(
    t("kk", "security.factor.enabled").replace("{count}", "8"),
  );
  await page.getByTestId("renew-recovery-codes").getByText(t("kk", "security.factor.renew")).click();
  const renew = page.getByTestId("renew-form");
  await renew.locator('input[name="code"]').fill(codes[2]!);
  await renew.getByRole("button", { name: t("kk", "security.factor.renewSubmit"), exact: true }).click();
  await expect(renew.getByRole("alert")).toBeVisible();
  const list = page.getByTestId("recovery-codes");
  for (const steps of [0, 1, "wait"] as const) {
    if (steps === "wait") await page.waitForTimeout((31 - (Math.floor(Date.now() / 1000) % 30)) * 1000);
    await renew.locator('input[name="code"]').fill(await totpCode(secret, steps === "wait" ? 1 : steps));
    await renew.getByRole("button", { name: t("kk", "security.factor.renewSubmit"), exact: true }).click();
    if (
      await list.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    )
      break;
  }
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const renewed = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(renewed.filter((c) => codes.includes(c))).toEqual([]);
  await expectAccessible(page);
  await page.goto("/kk/account/security");
  await expect(page.getByTestId("second-factor-status")).toHaveText(
    t("kk", "security.factor.enabled").replace("{count}", "10"),
  );
  await signOut(page);
});

test("signing out in one browser ends the session copied into another", async ({ page, browser }) => {
  await signIn(page, "teacher", "kk", { callbackUrl: "/kk/account" });
  const cookies = (await page.context().cookies()).filter((c) => c.name.startsWith("authjs."));
  const copy = await browser.newContext();
  const other = await copy.newPage();
  await copy.addCookies(cookies);
  await other.goto("/kk/account");
  await expect(accountName(other)).toBeVisible();

  await signOut(page);
  await other.goto("/kk/account");
  await expect(other).toHaveURL(/\/kk\/sign-in/);
  await expect(accountName(other)).toHaveCount(0);
  // the token itself is refused, not only the page
  await copy.addCookies(cookies);
  const session = await other.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  await copy.close();
});

test("the security page lists the person's sessions and ends another one after confirmation", async ({
  page,
  browser,
}) => {
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signIn(other, "parent", "kk", { callbackUrl: "/kk/account" });

  await signInAs(page, "parent");
  await page.getByTestId("security-link").click();
  await expect(heading(page)).toHaveText(t("kk", "security.title"));
  await expect(page.getByTestId("second-factor-status")).toHaveText(t("kk", "security.factor.disabled"));
  const rows = page.getByTestId("session-row");
  await expect(rows.filter({ hasText: t("kk", "security.sessions.current") })).toHaveCount(1);
  const before = await rows.count();
  expect(before).toBeGreaterThanOrEqual(2);
  await expectAccessible(page);

  // end the newest session that is not this browser's: the other browser's
  const target = rows.filter({ hasNotText: t("kk", "security.sessions.current") }).first();
  page.once("dialog", (dialog) => void dialog.accept());
  await target.getByRole("button", { name: t("kk", "security.sessions.end"), exact: true }).click();
  // the ended session leaves the list (its row, with the form's confirmation, is gone after the refresh)
  await expect(rows).toHaveCount(before - 1);

  await other.goto("/kk/account");
  await expect(other).toHaveURL(/\/kk\/sign-in/);
  await expect(signInLink(other)).toBeVisible();
  await elsewhere.close();

  // this browser is still signed in, at 360 px too
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/kk/account/security");
  await expect(heading(page)).toHaveText(t("kk", "security.title"));
  await expect(page.getByTestId("session-list")).toBeVisible();
});
