import { expect, heading, signInAs, t, test } from "./fixtures";

/**
 * Open ratings (issue 7): a reader opens the ratings, sorts the table, opens a region's card and the
 * method page with its older version; the API answers JSON and CSV; a region administrator defines a
 * rating of its districts, previews it, publishes it and cannot publish the same year twice.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
// Names of the demo data (seed), not UI text.
const REGIONS_RATING = "Өңірлердің білім беру рейтингі";
const AKMOLA = "Ақмола облысы";

test("a reader sorts the rating, opens a region card and the method", async ({ page }) => {
  await page.goto(`/${L}/ratings`);
  await expect(heading(page)).toHaveText(tr("ratings.title"));
  await expect(page.getByTestId("rating-title")).toHaveText(`${REGIONS_RATING}, 2025`);
  const rows = page.getByTestId("rating-row");
  await expect(rows).toHaveCount(20);
  const ranks = async () => (await page.getByTestId("rank").allTextContents()).map((s) => Number(s));
  const first = await ranks();
  expect(first[0]).toBe(1);
  expect(first).toEqual([...first].sort((a, b) => a - b));

  // sort by rank descending, then by score (highest first), then by name
  await page.getByTestId("sort-rank").click();
  const descending = await ranks();
  expect(descending).toEqual([...first].sort((a, b) => b - a));
  await page.getByTestId("sort-score").click();
  expect(await ranks()).toEqual(first);
  await page.getByTestId("sort-name").click();
  const names = await page.getByTestId("entity-link").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, L)));

  // the year changes the rating and the method version
  await page.getByTestId("year-selector").getByRole("link", { name: "2022", exact: true }).click();
  await expect(page.getByTestId("rating-title")).toHaveText(`${REGIONS_RATING}, 2022`);
  await page.getByTestId("year-selector").getByRole("link", { name: "2025", exact: true }).click();
  await expect(page.getByTestId("rating-title")).toHaveText(`${REGIONS_RATING}, 2025`);

  // a region's card: five indicators of method version 2, its rank in the four years
  await page.getByTestId("rating-table").getByRole("link", { name: AKMOLA, exact: true }).click();
  await expect(page.getByTestId("entity-title")).toHaveText(AKMOLA);
  await expect(page.getByTestId("breakdown").locator("tbody tr")).toHaveCount(5);
  await expect(page.getByTestId("breakdown")).toContainText(tr("ratings.indicator.reportingTimeliness.name"));
  await expect(page.getByTestId("history").locator("tbody tr")).toHaveCount(4);

  // the method page, and its older version stays readable
  await page.getByRole("link", { name: tr("ratings.card.back") }).click();
  await page.getByTestId("method-link").click();
  await expect(page.getByTestId("method-title")).toHaveText(
    tr("ratings.method.title").replace("{name}", REGIONS_RATING),
  );
  await expect(page.getByTestId("method-version")).toHaveText(tr("ratings.method.version").replace("{number}", "2"));
  await expect(page.getByTestId("method-indicators").locator("tbody tr")).toHaveCount(5);
  await page
    .getByTestId("versions")
    .getByRole("link", { name: tr("ratings.method.version").replace("{number}", "1") })
    .click();
  await expect(page.getByTestId("method-version")).toHaveText(tr("ratings.method.version").replace("{number}", "1"));
  await expect(page.getByTestId("method-indicators").locator("tbody tr")).toHaveCount(4);
});

test("the ratings API answers JSON and CSV and refuses bad parameters", async ({ request }) => {
  const list = await (await request.get("/api/v1/ratings?locale=en")).json();
  expect(list.ratings.map((r: { method: string }) => r.method)).toEqual(
    expect.arrayContaining(["regions", "akmola-districts", "kokshetau-schools"]),
  );
  const rating = await (await request.get("/api/v1/ratings?method=regions&year=2024")).json();
  expect(rating.year).toBe(2024);
  expect(rating.entities).toHaveLength(20);
  expect(rating.entities[0].rank).toBe(1);
  expect(Object.keys(rating.entities[0].inputs)).toHaveLength(5);
  const csv = await request.get("/api/v1/ratings?method=regions&year=2024&format=csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(21);
  expect(lines[0]).toContain("pupilsPerTeacher_raw");
  expect((await request.get("/api/v1/ratings?method=nothing-here")).status()).toBe(404);
  expect((await request.get("/api/v1/ratings?method=regions&year=20x5")).status()).toBe(400);
});

test("a region administrator previews and publishes a rating of its districts", async ({ page }) => {
  const code = `e2e-${Date.now().toString(36)}`;
  await signInAs(page, "region", L, { callbackUrl: `/${L}/admin/ratings` });
  await expect(heading(page)).toHaveText(tr("ratings.admin.title"));
  const create = page.getByTestId("create-method");
  await create.getByLabel(tr("ratings.admin.code")).fill(code);
  await create.getByLabel(tr("ratings.admin.level")).selectOption("DISTRICT");
  await create.getByLabel(tr("ratings.admin.territory")).selectOption({ label: AKMOLA });
  await create.getByLabel(tr("ratings.admin.nameKk")).fill("Сынақ рейтингі");
  await create.getByLabel(tr("ratings.admin.nameRu")).fill("Тестовый рейтинг");
  await create.getByLabel(tr("ratings.admin.nameEn")).fill("Test rating");
  await create.getByRole("button", { name: tr("ratings.admin.createSubmit") }).click();
  await expect(create.getByRole("status")).toHaveText(tr("ratings.admin.created"));
  await page.getByTestId("methods").getByRole("link", { name: code, exact: true }).click();

  // weights that do not sum to 100 are refused at preview; then fixed
  const form = page.getByTestId("method-form");
  const weight = (code: string) =>
    form.getByLabel(`${tr(`ratings.indicator.${code}.name`)}: ${tr("ratings.admin.use")}`);
  await weight("pupilsPerTeacher").fill("50");
  await weight("higherEducationShare").fill("30");
  await form.getByRole("button", { name: tr("ratings.admin.save") }).click();
  await expect(form.getByRole("status")).toHaveText(tr("ratings.admin.saved").replace("{number}", "1"));
  await page.getByTestId("preview-form").getByLabel(tr("ratings.admin.year")).selectOption("2025");
  await page
    .getByTestId("preview-form")
    .getByRole("button", { name: tr("ratings.admin.preview") })
    .click();
  await expect(page.getByTestId("preview-error")).toHaveText(tr("errors.ratings.weightsSum"));
  await weight("highestCategoryShare").fill("20");
  await form.getByRole("button", { name: tr("ratings.admin.save") }).click();
  await expect(form.getByRole("status")).toHaveText(tr("ratings.admin.saved").replace("{number}", "1"));
  await page
    .getByTestId("preview-form")
    .getByRole("button", { name: tr("ratings.admin.preview") })
    .click();
  await expect(page.getByTestId("preview").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("preview-form").getByLabel(tr("ratings.admin.year"))).toHaveValue("2025");

  page.on("dialog", (dialog) => void dialog.accept());
  const publish = page.getByTestId("publish-form");
  await publish.getByRole("button", { name: tr("ratings.admin.publish") }).click();
  await expect(publish.getByRole("status")).toContainText(
    tr("ratings.admin.published").split("{year}")[0]!.trim() || "2025",
  );
  await publish.getByRole("button", { name: tr("ratings.admin.publish") }).click();
  await expect(publish.getByRole("alert")).toBeVisible();
  await expect(publish).toContainText(tr("errors.ratings.alreadyPublished").replace("{year}", "2025"));

  // the new rating is public at once
  await page.goto(`/${L}/ratings?method=${code}`);
  await expect(page.getByTestId("rating-title")).toHaveText("Сынақ рейтингі, 2025");
});
