import { expect, t, test } from "./fixtures";
import { audit } from "./audit";

/**
 * The staff form filled from the personnel registry: the school admin opens its D-3 report of 2026 from the
 * list of forms due (the other school's admin its P-1), fills it from the registry and the passport, sees the prefilled cells marked with their
 * source, changes one (the registry's figure is shown beside it) and hands the report over. At 360 px too.
 */
for (const [L, width] of [
  ["ru", 1280],
  ["en", 360],
] as const) {
  test(`the school fills its staff form from the registry and submits it (${L}, ${width} px)`, async ({
    page,
    signedIn,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    const code = L === "ru" ? "D-3" : "P-1";
    // school No. 2 for P-1: school No. 1 hands its P-1 of 2026 over as a data package (e2e/packages.spec.ts)
    await signedIn(code === "P-1" ? "school2" : "school", L);
    await page.goto(`/${L}/reporting?year=2026`);
    await page.locator(`[data-form="${code}"] [data-period="2026"]`).getByRole("link").first().click();
    await expect(page.locator("main h1")).toContainText(code);

    const entry = page.getByTestId("entry-form");
    const cell = (key: string) => entry.locator(`[data-key="${key}"]`).first();
    const panel = page.getByTestId("prefill-panel");
    await expect(panel).toBeVisible();
    await panel.getByRole("button", { name: t(L, "reporting.prefill.button"), exact: true }).click();
    await expect(page.getByTestId("prefill-note")).toBeVisible();
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");

    if (code === "D-3") {
      const total = Number(await cell("staff.teachers_total").inputValue());
      expect(total).toBeGreaterThan(0);
      await expect(entry.locator('[data-testid="prefilled"][data-key="staff.teachers_total"]')).toHaveText(
        t(L, "reporting.prefill.badge.STAFF"),
      );
      // the school changes a prefilled cell: the registry's figure stays beside it
      const women = await cell("profile.women").inputValue();
      await cell("profile.women").fill(String(Number(women) + 1));
      const mark = entry.locator('[data-testid="prefilled"][data-key="profile.women"]');
      await expect(mark).toHaveAttribute("data-changed", "true");
      await expect(mark).toContainText(women);
    } else {
      await expect(cell("general.capacity")).not.toHaveValue("");
      await expect(entry.locator('[data-testid="prefilled"][data-key="general.capacity"]')).toHaveText(
        t(L, "reporting.prefill.badge.PASSPORT"),
      );
      // what the passport does not hold, the school types
      await cell("general.director").fill("Ахметова Гүлнар Серікқызы");
      await cell("general.founded").fill("1978");
      await cell("general.language").selectOption({ index: 1 });
    }
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
    // a warning (if the figures raise one) is explained in its comment
    const warnings = page.locator('[data-testid="rule-outcomes"] li[data-severity="warning"] textarea');
    for (const box of await warnings.all()) await box.fill("Деректер тіркелімнен алынды.");
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
    await page.getByTestId("submit-report").click();
    await expect(page.getByTestId("entry-status")).toHaveAttribute("data-status", "SUBMITTED");
    // the handed-over report still says where its figures came from
    await expect(page.getByTestId("prefill-note")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  });
}

test("the ministry maps a form's cell to the registry from the admin menu; a cell the form lacks is refused", async ({
  page,
  signedIn,
}) => {
  const L = "kk";
  await signedIn("ministry", L);
  await page.goto(`/${L}/admin`);
  await page
    .getByRole("navigation", { name: t(L, "admin.navLabel") })
    .getByRole("link", { name: t(L, "admin.nav.reportingPrefill"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "reporting.prefill.admin.title"));
  await expect(page.getByTestId("prefill-mappings").locator('li[data-cell="D-3:staff.teachers_total"]')).toHaveCount(1);

  const form = page.getByTestId("mapping-form");
  await form.locator('input[name="formCode"]').fill("D-3");
  await form.locator('input[name="cellKey"]').fill("staff.nonexistent");
  await form.locator('select[name="source"]').selectOption("STAFF");
  await form.locator('select[name="measure"]').selectOption("employees");
  await form.getByRole("button", { name: t(L, "reporting.prefill.admin.save"), exact: true }).click();
  await expect(form.getByText(t(L, "errors.reporting.prefill.unknownCell"))).toBeVisible();

  await form.locator('input[name="formCode"]').fill("P-1");
  await form.locator('input[name="cellKey"]').fill("general.area");
  await form.locator('select[name="source"]').selectOption("PASSPORT");
  await form.locator('select[name="measure"]').selectOption("scienceRooms");
  await form.getByRole("button", { name: t(L, "reporting.prefill.admin.save"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t(L, "reporting.prefill.admin.saved"));
  const row = page.getByTestId("prefill-mappings").locator('li[data-cell="P-1:general.area"]');
  await expect(row).toHaveCount(1);
  await row.getByTestId("delete-mapping").getByRole("button").click();
  await expect(row).toHaveCount(0);
});

/**
 * The region's fill: the region admin opens the D-3 of 2026 from the final reports in the admin menu and fills
 * every draft of the region from the registry and passport; the background job's progress runs to the end
 * (a school that changed a cell keeps it: lib/reporting/prefill-region.int.test.ts). At 360 px too, with axe.
 */
for (const [L, width] of [
  ["ru", 1280],
  ["kk", 360],
] as const) {
  test(`the region admin fills every draft of the region in the background with progress (${L}, ${width} px)`, async ({
    page,
    signedIn,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    await signedIn("region", L);
    await page.goto(`/${L}/admin`);
    const nav = page.getByRole("navigation", { name: t(L, "admin.navLabel") });
    await nav.getByRole("link", { name: t(L, "admin.nav.reportingReports"), exact: true }).click();
    await expect(page.locator("main h1")).toHaveText(t(L, "reporting-review.reports.title"));
    await page
      .getByRole("row")
      .filter({ hasText: "D-3" })
      .filter({ hasText: "2026" })
      .getByRole("link")
      .first()
      .click();
    await expect(page.locator("main h1")).toContainText("D-3");

    const panel = page.getByTestId("region-prefill");
    await expect(panel.getByRole("heading", { name: t(L, "reporting.prefill.region.title") })).toBeVisible();
    await audit(page);
    const form = panel.getByTestId("region-prefill-form");
    await expect(form.getByRole("combobox", { name: t(L, "reporting.prefill.region.territory") })).toBeVisible();
    await form.getByRole("button", { name: t(L, "reporting.prefill.region.start"), exact: true }).click();
    await expect(form.getByRole("status")).toHaveText(t(L, "reporting.prefill.region.started"));
    const run = panel.getByTestId("prefill-run").first();
    await expect(run).toBeVisible();
    await expect(run).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
    await expect(run.getByTestId("prefill-run-status")).toHaveText(t(L, "reporting.prefill.region.status.DONE"));
    const progress = await run.locator("progress").evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress[0]).toBe(progress[1]);
    await expect(run.getByTestId("prefill-run-result")).toBeVisible();
    await audit(page);
  });
}
