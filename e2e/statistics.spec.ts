import { readFileSync } from "node:fs";
import { expect, heading, signInAs, t, test } from "./fixtures";

/**
 * The data bank (issue 5): a reader without an account drills from the republic down to a school by
 * clicking, climbs back with the breadcrumb and downloads a table as CSV; the open data API refuses bad
 * parameters with a 400, and its definitions are generated from the configuration; a district administrator builds a pivot, saves it as a named view and reopens it
 * by its link.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
// Names of the demo data (registry), not UI text.
const AKMOLA = "Ақмола облысы";
const KOKSHETAU = "Көкшетау қаласы";
const SCHOOL = "№1 жалпы білім беретін мектеп (Көкшетау қаласы)";

test("a reader drills from the republic to a school and downloads the CSV", async ({ page }) => {
  await page.goto(`/${L}/statistics`);
  await expect(heading(page)).toHaveText(tr("statistics.titleOf").replace("{name}", "Қазақстан Республикасы"));
  const children = page.getByTestId("figure-children");
  await expect(page.getByTestId("total-students")).not.toContainText("—");

  await children.getByRole("link", { name: AKMOLA, exact: true }).click();
  await expect(heading(page)).toHaveText(tr("statistics.titleOf").replace("{name}", AKMOLA));
  await page.getByTestId("figure-children").getByRole("link", { name: KOKSHETAU, exact: true }).click();
  await expect(heading(page)).toHaveText(tr("statistics.titleOf").replace("{name}", KOKSHETAU));
  await expect(page.getByTestId("breadcrumb").getByRole("link")).toHaveText(["Қазақстан Республикасы", AKMOLA]);
  // The e-diary's attendance and quality of the district's schools (school No. 1 keeps its diary).
  await expect(page.getByTestId("diary-figures")).toContainText(tr("statistics.diary.attendance"));
  await expect(page.getByTestId("diary-attendance")).toHaveText(/^\d+([,.]\d)? %$/);

  await page.getByTestId("figure-children").getByRole("link", { name: SCHOOL, exact: true }).click();
  await expect(heading(page)).toHaveText(SCHOOL);
  await expect(page.getByTestId("passport")).toContainText(tr("statistics.org.passport"));
  await expect(page.getByTestId("figure-timeliness")).toContainText(tr("statistics.state.onTime"));

  // The contingent table as CSV: one line per grade, the same numbers as on the page.
  const download = page.waitForEvent("download");
  await page.getByTestId("csv-contingent").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^contingent-\d{12}-\d{4}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toContain(tr("statistics.col.grade"));
  expect(lines).toHaveLength(12);
  const firstTotal = lines[1]!.split(",")[1]!;
  await expect(page.getByTestId("figure-contingent").getByRole("row").nth(1)).toContainText(firstTotal);

  // Back up with the breadcrumb.
  await page.getByTestId("breadcrumb").getByRole("link", { name: AKMOLA, exact: true }).click();
  await expect(heading(page)).toHaveText(tr("statistics.titleOf").replace("{name}", AKMOLA));
});

test("the completeness board and the open data API are public; bad parameters get a 400", async ({ page, request }) => {
  await page.goto(`/${L}/statistics/completeness`);
  await expect(heading(page)).toHaveText(tr("statistics.completeness.title"));
  await page.getByTestId("figure-completeness").getByRole("link", { name: AKMOLA, exact: true }).click();
  await expect(page.getByTestId("figure-completeness")).toContainText(KOKSHETAU);

  const ok = await request.get("/api/v1/stats?indicator=students&by=region&year=2025&format=csv");
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain(AKMOLA);
  for (const qs of ["by=colour", "format=xml", "limit=999999", "year=1999", "measure=median"]) {
    const bad = await request.get(`/api/v1/stats?${qs}`);
    expect(bad.status(), qs).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("badRequest");
    expect(body.error.message.length).toBeGreaterThan(5);
  }
  await page.goto(`/${L}/open-data`);
  await expect(heading(page)).toHaveText(tr("open-data.title"));

  // the definitions, generated from the configuration: indicators with their form and cells, the forms of the
  // current year with their rules, the published rating methods (a link to the method)
  await page.getByTestId("definitions-link").click();
  await expect(heading(page)).toHaveText(tr("open-data.definitions.title"));
  const students = page.getByTestId("definitions-indicators").locator('tr[data-indicator="students"]');
  await expect(students).toContainText(tr("databank.indicator.students"));
  await expect(students).toContainText("D-1 · grades.total");
  // the newest published list (other tests may publish a newer one): its forms, each opening to its sections
  const form = page.getByTestId("definitions-forms").locator("[data-form]").first();
  await expect(form).toBeVisible();
  await form.locator("summary").click();
  await expect(form.locator("details")).toHaveAttribute("open", "");
  const method = page.getByTestId("definitions-ratings").getByRole("link").first();
  const name = (await method.textContent())!;
  await method.click();
  await expect(heading(page)).toContainText(name);
});

test("a district administrator builds a pivot, saves it and reopens it by its link", async ({ page }) => {
  const p = (key: string) => tr(`databank.pivot.${key}`);
  await signInAs(page, "district", L, { callbackUrl: `/${L}/admin/databank/pivot` });
  await expect(heading(page)).toHaveText(p("title"));
  const form = page.getByTestId("pivot-form");
  await form.getByLabel(tr("databank.indicator.students"), { exact: true }).uncheck();
  await form.getByLabel(tr("databank.indicator.teachers"), { exact: true }).check();
  await form.getByLabel(p("rows"), { exact: true }).selectOption("district");
  await form.getByLabel(p("columns"), { exact: true }).selectOption("qualification");
  await form.getByLabel("2025", { exact: true }).check();
  await page.getByTestId("pivot-apply").click();
  await expect(page).toHaveURL(/indicator=teachers.*cols=qualification/);
  const table = page.getByTestId("pivot-table");
  await expect(table.getByRole("rowheader", { name: KOKSHETAU, exact: true })).toBeVisible();
  // Only the district's own figures: one line.
  await expect(table.locator('tbody tr[data-kind="row"]')).toHaveCount(1);
  const total = (await page.getByTestId("pivot-grand-total").textContent())!.trim();
  expect(total).toMatch(/\d/);
  const pivotUrl = page.url();

  // Drill down into the district's organisations by clicking its total.
  await table.locator('tbody tr[data-kind="row"]').getByTestId("pivot-cell").last().click();
  await expect(page).toHaveURL(/rows=organization/);
  await expect(page.getByTestId("pivot-table").getByRole("rowheader", { name: SCHOOL, exact: true })).toBeVisible();

  // Export as CSV within the session.
  const csv = await page.request.get((await page.getByTestId("export-csv").getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(SCHOOL);

  // Back to the district pivot; save it as a named view; reopen it by the view's link.
  await page.goto(pivotUrl);
  const name = `Көкшетау педагогтері ${Date.now().toString(36)}`;
  const save = page.getByTestId("save-view");
  await save.getByLabel(p("viewName")).fill(name);
  await save.getByRole("button", { name: p("save"), exact: true }).click();
  await expect(save.getByRole("status")).toHaveText(p("saved"));
  const link = page.getByTestId("views").getByRole("link", { name, exact: true });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/\/admin\/databank\/views\/[a-z0-9]+$/);
  await page.goto("about:blank");
  await page.goto(href);
  await expect(heading(page)).toHaveText(p("viewTitle").replace("{name}", name));
  await expect(page).toHaveURL(/indicator=teachers.*cols=qualification.*view=/);
  await expect(page.getByTestId("pivot-grand-total")).toHaveText(total);
});

test("public pages with a view come from the page cache, one copy per view, and a bad view is a 404", async ({
  page,
  request,
}) => {
  // two spellings of the same view (an unknown parameter, a repeated one): the second is served from the cache
  const first = await request.get(`/${L}/statistics?year=2025`);
  expect(first.status()).toBe(200);
  const again = await request.get(`/${L}/statistics?utm_source=mail&year=2025&year=2024`);
  expect(again.status()).toBe(200);
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(again.headers()["cache-control"]).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
  // a cached page runs no inline script the server did not hash, and carries nothing of a session
  expect(again.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  expect(again.headers()["set-cookie"]).toBeUndefined();
  for (const path of [`/${L}/ratings`, `/${L}/news?page=1`, `/${L}/open-data/definitions`]) {
    await request.get(path);
    expect((await request.get(path)).headers()["x-nextjs-cache"], path).toBe("HIT");
  }
  expect((await request.get(`/${L}/statistics?year=20x5`)).status()).toBe(404);
  expect((await request.get(`/${L}/statistics/v/not-a-view!`)).status()).toBe(404);

  // in the browser the year links keep working, by a client navigation to the cached view
  await page.goto(`/${L}/statistics?year=2025`);
  await expect(heading(page)).toHaveText(tr("statistics.titleOf").replace("{name}", "Қазақстан Республикасы"));
  const years = page.getByTestId("year-selector");
  await years.getByRole("link", { name: "2024", exact: true }).click();
  await expect(page).toHaveURL(/\/kk\/statistics\?year=2024$/);
  await expect(years.getByRole("link", { name: "2024", exact: true })).toHaveAttribute("aria-current", "true");
});
