import { expect, heading, path, signInAs, t, test, type Locale } from "./fixtures";

const box = (page: import("@playwright/test").Page, locale: Locale) =>
  page.getByRole("combobox", { name: t(locale, "search.label") });
const facets = (page: import("@playwright/test").Page) => page.getByTestId("search-facets");
const results = (page: import("@playwright/test").Page) => page.getByTestId("search-results");

test("Kazakh: a suggestion as you type opens the dictionary entry; the results page filters by type", async ({
  page,
}) => {
  await page.goto("/kk");
  await box(page, "kk").fill("кітапх");
  const option = page.getByRole("option").filter({ hasText: "кітапхана" }).first();
  await expect(option).toBeVisible();
  await expect(option).toContainText(t("kk", "search.types.dictionary-entry"));
  await option.click();
  await expect(page).toHaveURL(path(`/kk/dictionary/${encodeURIComponent("kıtaphana")}`));
  await expect(heading(page)).toHaveText("кітапхана");

  await box(page, "kk").fill("мектеп");
  await box(page, "kk").press("Enter");
  await expect(page).toHaveURL(/\/kk\/search\?q=/);
  await expect(heading(page)).toHaveText(t("kk", "search.title"));
  await expect(results(page).locator("li").first()).toBeVisible();
  await expect(results(page).locator("mark").first()).toBeVisible();
  await facets(page)
    .getByRole("link", { name: new RegExp(`^${t("kk", "search.types.dictionary-entry")}`) })
    .click();
  await expect(page).toHaveURL(/type=dictionary-entry/);
  await results(page).getByRole("link", { name: "мектеп", exact: true }).click();
  await expect(page).toHaveURL(path("/kk/dictionary/mektep"));
});

test("Russian: search from the header and open an organisation", async ({ page }) => {
  await page.goto("/ru");
  await box(page, "ru").fill("школа");
  await box(page, "ru").press("Enter");
  await expect(page).toHaveURL(/\/ru\/search\?q=/);
  await expect(results(page).locator("li").first()).toBeVisible();
  await facets(page)
    .getByRole("link", { name: new RegExp(`^${t("ru", "search.types.organization")}`) })
    .click();
  await expect(page).toHaveURL(/type=organization/);
  const first = results(page).locator("li a").first();
  await first.click();
  await expect(page).toHaveURL(/\/ru\/statistics\/organizations\/\d{12}$/);
});

test("Kazakh typed in Latin letters finds the Cyrillic entry; an empty query shows a hint", async ({ page }) => {
  await page.goto("/kk");
  await box(page, "kk").fill("kitaphana");
  await box(page, "kk").press("Enter");
  await expect(page).toHaveURL(/\/kk\/search\?q=kitaphana/);
  await results(page).getByRole("link", { name: "кітапхана", exact: true }).click();
  await expect(page).toHaveURL(path(`/kk/dictionary/${encodeURIComponent("kıtaphana")}`));

  await page.goto("/en/search?q=");
  await expect(page.getByText(t("en", "search.hintEmpty"))).toBeVisible();
  await page.goto(`/en/search?q=${encodeURIComponent(`school ${"x".repeat(400)}`)}`);
  await expect(page.getByRole("status")).toHaveText(t("en", "search.truncated").replace("{max}", "200"));
});

test("the ministry sees the index status and rebuilds the index", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.goto("/kk/admin/search");
  await expect(heading(page)).toHaveText(t("kk", "search.admin.title"));
  const documents = Number(await page.getByTestId("search-documents").textContent());
  expect(documents).toBeGreaterThan(100);
  await expect(page.getByTestId("search-backlog")).toHaveText("0");
  await page
    .getByTestId("search-reindex")
    .getByRole("button", { name: t("kk", "search.admin.reindex") })
    .click();
  await expect(page.getByRole("status")).toHaveText(
    t("kk", "search.admin.reindexed").replace("{count}", String(documents)),
  );
});
