import { NAV_ITEMS } from "../components/layout/nav-items";
import { expect, heading, LOCALES, path, t, test, type Locale } from "./fixtures";

const switcher = (page: import("@playwright/test").Page, locale: Locale) =>
  page.getByRole("banner").getByRole("group", { name: t(locale, "common.locale.label"), exact: true });

test("the root redirects to the Kazakh home page", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.ok()).toBe(true);
  await expect(page).toHaveURL(path("/kk"));
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(heading(page)).toHaveText(t("kk", "home.title"));
  await expect(switcher(page, "kk").getByRole("button", { pressed: true })).toHaveText(t("kk", "common.locale.kk"));
});

test("the language switcher translates the page and stays on it", async ({ page }) => {
  await page.goto("/kk/statistics");
  await expect(heading(page)).toHaveText(t("kk", "common.nav.statistics"));
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(t("kk", "sections.comingTitle"));

  let current: Locale = "kk";
  for (const next of ["ru", "en", "kk"] as const) {
    await switcher(page, current).getByRole("button", { name: t(current, `common.locale.${next}`), exact: true }).click();
    await expect(page).toHaveURL(path(`/${next}/statistics`));
    await expect(page.locator("html")).toHaveAttribute("lang", next);
    await expect(heading(page)).toHaveText(t(next, "common.nav.statistics"));
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(t(next, "sections.comingTitle"));
    await expect(switcher(page, next).getByRole("button", { name: t(next, `common.locale.${next}`), exact: true })).toHaveAttribute("aria-pressed", "true");
    current = next;
  }
});

test("the language switcher keeps the query string", async ({ page }) => {
  await page.goto("/kk/ratings?year=2025");
  await switcher(page, "kk").getByRole("button", { name: t("kk", "common.locale.en"), exact: true }).click();
  await expect(page).toHaveURL(path("/en/ratings?year=2025"));
  await expect(heading(page)).toHaveText(t("en", "common.nav.ratings"));
});

for (const locale of LOCALES) {
  test(`every section opens from the header menu (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(heading(page)).toHaveText(t(locale, "home.title"));
    const menu = page.getByRole("navigation", { name: t(locale, "common.nav.label"), exact: true });
    for (const item of NAV_ITEMS) {
      await test.step(item.key, async () => {
        await menu.getByRole("link", { name: t(locale, `common.nav.${item.key}`), exact: true }).click();
        if (item.key === "admin") {
          // Signed out: the protected area sends the visitor to sign in, and back here afterwards.
          await expect(page).toHaveURL(path(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/admin`)}`));
          await expect(heading(page)).toHaveText(t(locale, "auth.signInTitle"));
        } else {
          await expect(page).toHaveURL(path(`/${locale}${item.href}`));
          await expect(heading(page)).toHaveText(t(locale, `common.nav.${item.key}`));
        }
      });
    }
    await page.getByRole("banner").getByRole("link", { name: new RegExp(t(locale, "common.siteName")) }).click();
    await expect(page).toHaveURL(path(`/${locale}`));
    await expect(heading(page)).toHaveText(t(locale, "home.title"));
  });
}

test("an unknown page shows the localised not-found page", async ({ page }) => {
  const response = await page.goto("/ru/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(heading(page)).toHaveText(t("ru", "common.notFound.title"));
});
