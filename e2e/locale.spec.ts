import type { Page } from "@playwright/test";
import { NAV_ITEMS } from "../components/layout/nav-items";
import { expect, fillSignInForm, formAlert, heading, LOCALES, path, t, test, type Locale } from "./fixtures";

const switcher = (page: Page, locale: Locale) =>
  page.getByRole("banner").getByRole("group", { name: t(locale, "common.locale.label"), exact: true });

const menu = (page: Page, locale: Locale) =>
  page.getByRole("navigation", { name: t(locale, "common.nav.label"), exact: true });

async function switchTo(page: Page, from: Locale, to: Locale) {
  await switcher(page, from)
    .getByRole("button", { name: t(from, `common.locale.${to}`), exact: true })
    .click();
}

/** The page rendered in `locale`: the document language, the pressed language button and the menu labels. */
async function expectLocale(page: Page, locale: Locale) {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(
    switcher(page, locale).getByRole("button", { name: t(locale, `common.locale.${locale}`), exact: true }),
  ).toHaveAttribute("aria-pressed", "true");
  for (const key of ["ratings", "publications", "forums"] as const) {
    await expect(
      menu(page, locale).getByRole("link", { name: t(locale, `common.nav.${key}`), exact: true }),
    ).toBeVisible();
  }
}

/** A real page of the section: a heading that is neither the not-found nor the error page. */
async function expectSectionPage(page: Page, locale: Locale) {
  await expect(heading(page)).toBeVisible();
  await expect(heading(page)).not.toHaveText(t(locale, "common.notFound.title"));
  await expect(heading(page)).not.toHaveText(t(locale, "common.errorPage.title"));
}

test("the root redirects to the Kazakh home page", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.ok()).toBe(true);
  await expect(page).toHaveURL(path("/kk"));
  await expect(heading(page)).toHaveText(t("kk", "home.title"));
  await expectLocale(page, "kk");
});

test("the language switcher translates the home page", async ({ page }) => {
  await page.goto("/kk");
  let current: Locale = "kk";
  for (const next of ["ru", "en", "kk"] as const) {
    await switchTo(page, current, next);
    await expect(page).toHaveURL(path(`/${next}`));
    await expect(heading(page)).toHaveText(t(next, "home.title"));
    await expectLocale(page, next);
    current = next;
  }
});

test("the language switcher stays on the current page", async ({ page }) => {
  await page.goto("/kk/statistics");
  await expectSectionPage(page, "kk");
  let current: Locale = "kk";
  for (const next of ["ru", "en"] as const) {
    await switchTo(page, current, next);
    await expect(page).toHaveURL(path(`/${next}/statistics`));
    await expectLocale(page, next);
    await expectSectionPage(page, next);
    current = next;
  }
});

test("the language switcher keeps the query string", async ({ page }) => {
  const callbackUrl = encodeURIComponent("/kk/admin");
  await page.goto(`/kk/sign-in?callbackUrl=${callbackUrl}`);
  await expect(heading(page)).toHaveText(t("kk", "auth.signInTitle"));
  await switchTo(page, "kk", "en");
  await expect(page).toHaveURL(path(`/en/sign-in?callbackUrl=${callbackUrl}`));
  await expect(heading(page)).toHaveText(t("en", "auth.signInTitle"));
  await switchTo(page, "en", "ru");
  await expect(page).toHaveURL(path(`/ru/sign-in?callbackUrl=${callbackUrl}`));
  await expect(heading(page)).toHaveText(t("ru", "auth.signInTitle"));
});

for (const locale of LOCALES) {
  test(`every section opens from the header menu (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expect(heading(page)).toHaveText(t(locale, "home.title"));
    for (const item of NAV_ITEMS) {
      await test.step(item.key, async () => {
        await menu(page, locale)
          .getByRole("link", { name: t(locale, `common.nav.${item.key}`), exact: true })
          .click();
        await expect(page).toHaveURL(path(`/${locale}${item.href}`));
        await expectSectionPage(page, locale);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
      });
    }
    await page
      .getByRole("banner")
      .getByRole("link", { name: new RegExp(t(locale, "common.siteName")) })
      .click();
    await expect(page).toHaveURL(path(`/${locale}`));
    await expect(heading(page)).toHaveText(t(locale, "home.title"));
  });
}

test("an unknown page shows the localised not-found page", async ({ page }) => {
  const response = await page.goto("/ru/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(heading(page)).toHaveText(t("ru", "common.notFound.title"));
});

test("forms and client-side navigations answer in the page's language", async ({ page }) => {
  // A server action posted from a Russian page answers in Russian.
  await page.goto("/ru/sign-in");
  await fillSignInForm(page, "no-such-login", "wrong-password", "ru");
  await expect(formAlert(page)).toHaveText(t("ru", "auth.invalid"));
  // A client-side navigation to a page rendered on demand keeps English.
  await page.goto("/en");
  await menu(page, "en")
    .getByRole("link", { name: t("en", "common.nav.dictionary"), exact: true })
    .click();
  await expect(page).toHaveURL(path("/en/dictionary"));
  await expect(heading(page)).toHaveText(t("en", "dictionary.title"));
});

test("every localised page has a canonical link and absolute hreflang alternates in its head", async ({ page }) => {
  for (const path of ["/ru/statistics", "/en", "/kk/dictionary"]) {
    await page.goto(path);
    const rest = path.replace(/^\/(kk|ru|en)/, "");
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+${path}$`));
    const origin = new URL(canonical!).origin;
    for (const locale of LOCALES)
      await expect(page.locator(`head link[rel="alternate"][hreflang="${locale}"]`)).toHaveAttribute(
        "href",
        `${origin}/${locale}${rest}`,
      );
    await expect(page.locator('head link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
      "href",
      `${origin}/kk${rest}`,
    );
    expect((await page.locator('head meta[name="description"]').getAttribute("content"))?.length).toBeGreaterThan(20);
  }
});

test("search engines get robots.txt and a sitemap index of per-locale sitemaps", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
  expect(robots).toContain("Disallow: /kk/admin");
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("xml");
  const sitemaps = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  for (const locale of LOCALES) expect(sitemaps).toContain(`/sitemaps/${locale}-dictionary-1.xml`);
  const dictionary = await (await request.get("/sitemaps/ru-dictionary-1.xml")).text();
  expect(dictionary).toMatch(/<loc>https?:\/\/[^<]+\/ru\/dictionary\/[^<]+<\/loc>/);
  expect((await request.get("/sitemaps/de-dictionary-1.xml")).status()).toBe(404);
});

test("the administration is offered only to those who may use it", async ({ page, signedIn }) => {
  await page.goto("/kk");
  const adminLink = (p: Page) => p.getByRole("link", { name: t("kk", "common.nav.admin"), exact: true });
  await expect(menu(page, "kk")).toBeVisible();
  await expect(menu(page, "kk").getByRole("link", { name: t("kk", "common.nav.admin"), exact: true })).toHaveCount(0);

  await signedIn("parent");
  await expect(heading(page)).toBeVisible();
  await expect(adminLink(page)).toHaveCount(0);

  await signedIn("district");
  await adminLink(page).click();
  await expect(page).toHaveURL(path("/kk/admin"));
  await expectSectionPage(page, "kk");
});
