import {
  accountName,
  DEMO_ACCOUNTS,
  DEMO_TOTP_SECRET,
  enterSecondFactor,
  expect,
  fillSignInForm,
  formAlert,
  heading,
  path,
  signIn,
  signInLink,
  signOut,
  t,
  test,
} from "./fixtures";

test("a wrong password and an unknown login get the same generic error", async ({ page }) => {
  await page.goto("/kk/sign-in");
  await expect(heading(page)).toHaveText(t("kk", "auth.signInTitle"));

  await fillSignInForm(page, "teacher", "not-the-password");
  await expect(formAlert(page)).toHaveText(t("kk", "auth.invalid"));
  await expect(page).toHaveURL(path("/kk/sign-in"));
  await expect(page.locator('input[name="login"]')).toHaveValue("teacher");
  await expect(signInLink(page)).toBeVisible();

  await fillSignInForm(page, "no-such-user", "Demo-2026!");
  await expect(formAlert(page)).toHaveText(t("kk", "auth.invalid"));
  await expect(page).toHaveURL(path("/kk/sign-in"));
});

test("every demo account signs in and out", async ({ page }) => {
  test.setTimeout(180_000);
  for (const account of DEMO_ACCOUNTS) {
    await test.step(account.login, async () => {
      await signIn(page, account.login, "kk", { callbackUrl: "/kk" });
      await expect(page).toHaveURL(path("/kk"));
      await expect(accountName(page)).toHaveText(account.displayName);
      await expect(signInLink(page)).toHaveCount(0);
      await signOut(page);
    });
  }
});

test("the sign-in form works in Russian and returns to the requested page", async ({ page }) => {
  await signIn(page, "editor", "ru", { callbackUrl: "/ru/publications" });
  await expect(page).toHaveURL(path("/ru/publications"));
  await expect(accountName(page)).toHaveText(DEMO_ACCOUNTS.find((a) => a.login === "editor")!.displayName);
  await signOut(page, "ru");
});

test("the admin area sends a signed-out visitor to sign in, with the way back", async ({ page }) => {
  await page.goto("/kk/admin");
  await expect(page).toHaveURL(path(`/kk/sign-in?callbackUrl=${encodeURIComponent("/kk/admin")}`));
  await expect(heading(page)).toHaveText(t("kk", "auth.signInTitle"));

  await page.goto("/ru/admin/organizations?page=2");
  await expect(page).toHaveURL(path(`/ru/sign-in?callbackUrl=${encodeURIComponent("/ru/admin/organizations?page=2")}`));

  // Signing in from there returns to the admin area.
  await page.goto(`/kk/sign-in?callbackUrl=${encodeURIComponent("/kk/admin")}`);
  await fillSignInForm(page, "ministry", "Demo-2026!");
  await enterSecondFactor(page, DEMO_TOTP_SECRET);
  await expect(page).toHaveURL(path("/kk/admin"));
  await expect(accountName(page)).toHaveText(DEMO_ACCOUNTS.find((a) => a.login === "ministry")!.displayName);
});

test("the header shows the account right after signing in, without a reload", async ({ page }) => {
  await page.goto(`/kk/sign-in?callbackUrl=${encodeURIComponent("/kk/statistics")}`);
  await fillSignInForm(page, "teacher", "Demo-2026!");
  await expect(page).toHaveURL(path("/kk/statistics"));
  await expect(accountName(page)).toHaveText(DEMO_ACCOUNTS.find((a) => a.login === "teacher")!.displayName, {
    timeout: 5_000,
  });
});

test("a session cookie that is not valid does not open the admin area", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "authjs.session-token", value: "forged", url: baseURL! }]);
  await page.goto("/kk");
  await expect(signInLink(page)).toBeVisible();
  await expect(accountName(page)).toHaveCount(0);
});
