import { expect, heading, path, signInAs, signOut, t, test } from "./fixtures";

/** The search box of the dictionary page. */
const searchBox = (page: import("@playwright/test").Page) => page.getByLabel(t("kk", "dictionary.searchLabel"));
const results = (page: import("@playwright/test").Page) => page.getByTestId("dictionary-results");

test("search in Latin script, open the entry, add it to flashcards and review it", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/kk/dictionary");
  await expect(heading(page)).toHaveText(t("kk", "dictionary.title"));

  // An inflected form typed in the Latin alphabet leads to the Cyrillic lemma, as you type.
  await searchBox(page).fill("mektepterde");
  const hit = results(page).locator('li[data-match="lemma"]').first();
  await expect(hit.getByRole("link", { name: "мектеп", exact: true })).toBeVisible();
  await expect(hit).toContainText("школа");
  await expect(hit).toContainText("school");
  await expect(page).toHaveURL(/\/kk\/dictionary\?q=mektepterde$/);

  await hit.getByRole("link", { name: "мектеп", exact: true }).click();
  await expect(page).toHaveURL(path("/kk/dictionary/mektep"));
  await expect(heading(page)).toHaveText("мектеп");
  await expect(page.getByTestId("entry-latin")).toContainText("mektep");
  await expect(page.getByTestId("sense").first()).toContainText("школа");
  await expect(page.getByTestId("sense").first()).toContainText("school");
  await expect(page.getByTestId("permanent-link")).toHaveAttribute("href", "/kk/dictionary/mektep");

  // Signed out, the entry offers to sign in; after signing in the word goes to the flashcards.
  await page.getByRole("link", { name: t("kk", "learn.flashcards.signInToAdd") }).click();
  await expect(page).toHaveURL(/\/kk\/sign-in\?callbackUrl=/);
  await signInAs(page, "student", "kk", { callbackUrl: "/kk/dictionary/mektep" });
  await expect(page).toHaveURL(path("/kk/dictionary/mektep"));
  await page.getByRole("button", { name: t("kk", "learn.flashcards.add") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("kk", "learn.flashcards.added") })).toBeVisible();
  await page.getByRole("button", { name: t("kk", "learn.flashcards.add") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("kk", "learn.flashcards.alreadyAdded") })).toBeVisible();

  await page.getByRole("link", { name: t("kk", "learn.flashcards.open") }).click();
  await expect(page).toHaveURL(path("/kk/dictionary/learn/flashcards"));
  await expect(page.getByTestId("deck-due")).toHaveText("1");
  await expect(page.getByTestId("flashcard-front")).toHaveText("мектеп");
  await page.getByRole("button", { name: t("kk", "learn.flashcards.show") }).click();
  await expect(page.getByTestId("flashcard-back")).toContainText("школа");
  await page.getByRole("button", { name: t("kk", "learn.flashcards.grades.good") }).click();
  await expect(page.getByTestId("flashcards-done")).toBeVisible();

  // Reviewed "good": the card is not due again today.
  await page.reload();
  await expect(page.getByTestId("deck-due")).toHaveText("0");
  await expect(page.getByTestId("flashcards-done")).toContainText(t("kk", "learn.flashcards.nothingDue"));
  await signOut(page);
});

test("look-alike letters, reverse lookups, typos and bad input", async ({ page }) => {
  await page.goto("/ru/dictionary");
  const box = page.getByLabel(t("ru", "dictionary.searchLabel"));
  const list = results(page);

  await box.fill("мектeп"); // Latin e inside a Cyrillic word
  await expect(list.locator('li[data-match="exact"]').first()).toContainText("мектеп");

  await box.fill("школа");
  await expect(list.locator('li[data-match="reverse"]').first()).toContainText("мектеп");
  await expect(list).toContainText(
    t("ru", "dictionary.detected").replace("{language}", t("ru", "dictionary.languages.ru")),
  );

  await box.fill("мұғалм");
  await expect(list.locator('li[data-match="typo"]').first()).toContainText("мұғалім");

  await box.fill("学校");
  await expect(list.getByRole("status")).toHaveText(t("ru", "dictionary.hints.unsupportedScript"));

  await box.fill("ж".repeat(150));
  await expect(list.getByRole("status")).toContainText(t("ru", "dictionary.hints.tooLong").split("{max}")[0]!);

  // Without JavaScript-driven typing: the URL alone renders the results on the server.
  await page.goto("/en/dictionary?q=school&from=en");
  await expect(results(page).locator("li").first()).toContainText("мектеп");
});

test("the API answers JSON with cache headers and clear errors", async ({ request }) => {
  const ok = await request.get("/api/v1/dictionary?q=mektep&from=kk&to=ru");
  expect(ok.status()).toBe(200);
  expect(ok.headers()["cache-control"]).toContain("s-maxage");
  const body = await ok.json();
  expect(body).toMatchObject({ from: "kk", to: "ru", hint: null });
  expect(body.results[0]).toMatchObject({
    slug: "mektep",
    url: "/kk/dictionary/mektep",
    lemma: "мектеп",
    latin: "mektep",
    match: "exact",
    translations: { ru: ["школа"], en: [] },
  });

  const reverse = await (await request.get("/api/v1/dictionary?q=school&from=en")).json();
  expect(reverse.results[0].lemma).toBe("мектеп");

  const tooLong = await request.get(`/api/v1/dictionary?q=${"а".repeat(500)}`);
  expect(tooLong.status()).toBe(200);
  expect((await tooLong.json()).hint.code).toBe("tooLong");

  const bad = await request.get("/api/v1/dictionary?q=x&from=de&locale=en");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: { code: "badRequest", message: t("en", "dictionary.api.errors.from") } });

  const entry = await request.get("/api/v1/dictionary/entries/mektep");
  expect((await entry.json()).senses[0].translations.en).toEqual(["school"]);
  expect((await request.get("/api/v1/dictionary/entries/no-such-word")).status()).toBe(404);
});

test("a lexicographer proposes a new word and another one approves it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "lexicographer", "kk", { callbackUrl: "/kk/admin/dictionary/new" });
  await expect(page).toHaveURL(path("/kk/admin/dictionary/new"));
  const form = page.getByTestId("entry-form");
  await form.getByLabel(t("kk", "lexicography.editor.lemma")).fill("сөзжұмбақ");
  await form.getByLabel(t("kk", "lexicography.editor.ru")).fill("кроссворд");
  await form.getByLabel(t("kk", "lexicography.editor.en")).fill("crossword");
  await form.getByRole("button", { name: t("kk", "lexicography.propose") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("kk", "lexicography.sent") })).toBeVisible();
  await expect(page.getByTestId("revision-status")).toHaveText(t("kk", "lexicography.statuses.PENDING"));
  // The author cannot approve their own proposal.
  await expect(page.getByTestId("review-forms")).toHaveCount(0);
  const revisionUrl = page.url();
  await signOut(page);

  await signInAs(page, "lexicographer2", "kk", { callbackUrl: new URL(revisionUrl).pathname });
  await page
    .getByTestId("approve-form")
    .getByRole("button", { name: t("kk", "lexicography.approve") })
    .click();
  await expect(page.getByTestId("revision-status")).toHaveText(t("kk", "lexicography.statuses.APPROVED"));

  await page.goto("/kk/dictionary/sözjūmbaq");
  await expect(heading(page)).toHaveText("сөзжұмбақ");
  await expect(page.getByTestId("sense").first()).toContainText("кроссворд");
  await expect(page.getByText(t("kk", "dictionary.entry.checked"))).toBeVisible();
  await signOut(page);
});

test("learning pages: themes, word of the day on the home page, transliteration", async ({ page }) => {
  await page.goto("/kk");
  await expect(page.getByTestId("word-of-the-day")).toBeVisible();

  await page.goto("/kk/dictionary");
  await page
    .getByRole("link", { name: t("kk", "dictionary.links.learn") })
    .first()
    .click();
  await expect(page).toHaveURL(path("/kk/dictionary/learn"));
  await page.getByRole("link", { name: new RegExp(t("kk", "learn.themes.numbers")) }).click();
  await expect(heading(page)).toHaveText(t("kk", "learn.themes.numbers"));
  await expect(page.getByRole("table")).toContainText("бір");

  await page.goto("/en/dictionary/learn/transliterate");
  await page.getByTestId("translit-input").fill("Қазақстан — үлкен ел");
  await expect(page.getByTestId("translit-output")).toHaveValue("Qazaqstan — ülken el");
  await page.getByLabel(t("en", "learn.transliterate.directions.lat-cyr")).check();
  await page.getByTestId("translit-input").fill("Qazaqstan");
  await expect(page.getByTestId("translit-output")).toHaveValue("Қазақстан");
});
