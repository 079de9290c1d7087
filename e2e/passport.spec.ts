import { expect, t, test } from "./fixtures";
import { audit } from "./audit";

/**
 * The organisation passport end to end: the school admin finds the passport in the admin menu, a capacity of
 * zero is refused with the field named, a lower capacity waits for the district; the district admin confirms
 * it in the queue; the public school card shows the new overcrowding figure and the region admin sees the
 * school in the overcrowded list; a budget line entered by the school gives the per-pupil figure on the card.
 */
test("capacity confirmed by the district shows on the card and in the region's list; a budget gives the per-pupil figure", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(300_000);
  const L = "kk";
  const nav = () => page.getByRole("navigation", { name: t(L, "admin.navLabel") });

  // the school admin: the passport from the admin menu
  await signedIn("school");
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.passport"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "passport.title"));
  const form = page.getByTestId("building-form-1");
  await expect(form.locator('input[name="capacity"]')).toHaveValue("800");

  // bad input: a capacity of zero, refused and named
  await form.locator('input[name="capacity"]').fill("0");
  await form.getByRole("button", { name: t(L, "passport.buildings.submit"), exact: true }).click();
  await expect(form.getByText(t(L, "errors.passport.capacityPositive"))).toBeVisible();

  // 500 places for 640 pupils: pending until the district confirms
  await form.locator('input[name="capacity"]').fill("500");
  await form.getByRole("button", { name: t(L, "passport.buildings.submit"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t(L, "passport.buildings.sentForConfirmation"));
  await expect(page.getByTestId("building-1").getByTestId("change-status")).toHaveText(
    t(L, "passport.buildings.pending"),
  );

  // the district admin confirms in the queue
  await signedIn("district");
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.passportQueue"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "passport.queue.title"));
  const change = page
    .getByTestId("pending-change")
    .filter({ has: page.getByTestId("proposed-capacity").getByText("500") });
  await expect(change).toHaveCount(1);
  const bin = (await change.getAttribute("data-bin"))!;
  await change.getByTestId("confirm-change").getByRole("button").click();
  // the decided change leaves the queue (the page re-renders without it)
  await expect(page.locator(`[data-testid="pending-change"][data-bin="${bin}"]`)).toHaveCount(0);

  // the public card: 640 pupils in 500 places, 28 % overcrowded
  await page.goto(`/${L}/statistics/organizations/${bin}`);
  await expect(page.getByTestId("card-capacity")).toHaveText("500");
  await expect(page.getByTestId("card-overcrowding")).toHaveAttribute("data-value", "28");
  // the passport's figures are data bank indicators: the open data API counts the overcrowded schools
  const year = new Date(Date.now() + 5 * 3_600_000).getUTCFullYear();
  const stats = await page.request.get(
    `/api/v1/stats?indicator=overcrowdedSchools,schoolCapacity&by=indicator&year=${year}`,
  );
  expect(stats.status()).toBe(200);
  const figures = (await stats.json()) as { cells: { indicator: string; value: number | null }[] };
  expect(figures.cells.find((c) => c.indicator === "overcrowdedSchools")?.value).toBeGreaterThanOrEqual(1);

  // the region admin sees the school in the overcrowded list
  await signedIn("region");
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.passportLists"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "passport.lists.title"));
  await page.getByRole("main").getByRole("search").locator('input[name="q"]').fill(bin);
  await page.getByRole("main").getByRole("search").getByRole("button").click();
  await expect(
    page.getByTestId("passport-list").locator(`tr[data-bin="${bin}"]`).getByTestId("overcrowding"),
  ).toHaveText("28");
  const csv = await page.request.get(`/api/v1/passport/export?list=overcrowded&q=${bin}&locale=${L}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(bin);

  // the school enters a budget line: 64 000 000 tenge spent for 640 pupils is 100 000 per pupil
  await signedIn("school");
  await page.goto(`/${L}/admin/passport/budget`);
  const budget = page.getByTestId("budget-form");
  await budget.locator('select[name="source"]').selectOption("LOCAL");
  await budget.locator('select[name="expense"]').selectOption("FOOD");
  await budget.locator('input[name="planned"]').fill("60000000");
  await budget.locator('input[name="spent"]').fill("64000000");
  await budget.getByRole("button", { name: t(L, "passport.budget.submit"), exact: true }).click();
  // above plan without a comment: refused, the comment named
  await expect(budget.getByText(t(L, "errors.passport.overspendComment"))).toBeVisible();
  await budget.locator('input[name="comment"]').fill("Азық-түлік бағасы өсті");
  await budget.getByRole("button", { name: t(L, "passport.budget.submit"), exact: true }).click();
  await expect(budget.getByRole("status")).toHaveText(t(L, "passport.budget.sentForConfirmation"));
  await expect(page.getByTestId("budget-lines")).toContainText("Азық-түлік бағасы өсті");
  await expect(page.getByTestId("budget-status").first()).toHaveAttribute("data-status", "PENDING");

  // the district confirms the line in the same queue
  await signedIn("district");
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.passportQueue"), exact: true })
    .click();
  const line = page.locator(`[data-testid="pending-budget-line"][data-bin="${bin}"]`);
  await expect(line).toHaveCount(1);
  await line.getByTestId("confirm-budget-line").getByRole("button").click();
  await expect(line).toHaveCount(0);

  await page.goto(`/${L}/statistics/organizations/${bin}`);
  await expect(page.getByTestId("card-per-pupil")).toHaveAttribute("data-value", "100000");
  await expect(page.getByTestId("figure-budget")).toBeVisible();

  // a correction waits for the district: the card keeps counting the confirmed version, the history shows both
  await signedIn("school");
  await page.goto(`/${L}/admin/passport/budget`);
  await budget.locator('select[name="source"]').selectOption("LOCAL");
  await budget.locator('select[name="expense"]').selectOption("FOOD");
  await budget.locator('input[name="planned"]').fill("60000000");
  await budget.locator('input[name="spent"]').fill("32000000");
  await budget.getByRole("button", { name: t(L, "passport.budget.submit"), exact: true }).click();
  await expect(budget.getByRole("status")).toHaveText(t(L, "passport.budget.sentForConfirmation"));
  const history = page.getByTestId("budget-history").first();
  await history.locator("summary").click();
  await expect(history.getByTestId("budget-counted")).toBeVisible();
  await expect(history.locator('li[data-version="1"]')).toHaveAttribute("data-status", "CONFIRMED");
  await expect(history.locator('li[data-version="2"]')).toHaveAttribute("data-status", "PENDING");
  await page.goto(`/${L}/statistics/organizations/${bin}`);
  await expect(page.getByTestId("card-per-pupil")).toHaveAttribute("data-value", "100000");
  // the district sees the same history beside the correction in its queue
  await signedIn("district");
  await page.goto(`/${L}/admin/passport/queue`);
  const corrected = page.locator(`[data-testid="pending-budget-line"][data-bin="${bin}"]`);
  await corrected.getByTestId("budget-history").locator("summary").click();
  await expect(corrected.getByTestId("budget-history").locator("li")).toHaveCount(2);
});

/**
 * The passport on the public statistics pages: the republic's page charts capacity against enrolment and the
 * overcrowded, three-shift and emergency schools by region with the tables beside; a region's page by
 * district, a district's by school (linking to the school's card). Desktop and 360 px, axe on each.
 */
for (const [L, width] of [
  ["kk", 1280],
  ["ru", 360],
] as const) {
  test(`the statistics pages chart the passport with its tables (${L}, ${width} px)`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/${L}/statistics`);
    const section = page.getByTestId("passport-figures");
    await expect(section).toBeVisible();
    const capacity = page.getByTestId("figure-passport-capacity");
    await expect(capacity.locator('figure[data-chart="bar"]')).toHaveCount(1);
    await expect(capacity.locator("table thead")).toContainText(t(L, "statistics.passport.col.capacity"));
    const schools = page.getByTestId("figure-passport-schools");
    await expect(schools.locator('figure[data-chart="bar"]')).toHaveCount(1);
    const total = schools.locator("table tbody tr").last();
    await expect(total.locator("th")).toHaveText(t(L, "statistics.col.total"));
    expect(Number(await total.locator("td").nth(2).getAttribute("data-v"))).toBeGreaterThanOrEqual(1); // three-shift
    await audit(page);

    // a region's page (by district), then the demo district's (by school, each linking to its card)
    await capacity.locator("table tbody tr").first().getByRole("link").click();
    await expect(page.getByTestId("figure-passport-capacity")).toBeVisible();
    await page.goto(`/${L}/statistics/110200000`);
    const bySchool = page.getByTestId("figure-passport-capacity").locator("table tbody tr");
    expect(await bySchool.count()).toBeGreaterThan(1);
    await audit(page);
    await bySchool.first().getByRole("link").click();
    await expect(page).toHaveURL(/\/statistics\/organizations\/\d{12}/);
  });
}
