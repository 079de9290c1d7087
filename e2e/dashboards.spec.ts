import type { Page } from "@playwright/test";
import { audit, PHONE } from "./audit";
import { expect, heading, signInAs, t, test } from "./fixtures";

/**
 * Dashboards (issue 27), end to end: the Akmola region administrator saves a pivot view (pupils by district
 * and sex), composes a dashboard of its table, its chart, a single figure with its trend and a text block,
 * shares it with district administrators; the Kokshetau district administrator opens it and sees Kokshetau's
 * figures only; the region publishes it and a signed-out reader finds it from the public statistics pages.
 * The composer, the dashboard and the public page pass axe at 360 px and at desktop width.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
const d = (key: string) => tr(`dashboards.${key}`);
const SUFFIX = Date.now().toString(36).slice(-5);
const VIEW = `Аудандар бойынша оқушылар ${SUFFIX}`;
const TITLE = `Ақмола облысының білім беруі ${SUFFIX}`;
const TEXT = `Облыс әкімшілігінің **түсіндірмесі** ${SUFFIX}`;
const KOKSHETAU = "Көкшетау қаласы";

test.describe.configure({ mode: "serial" });

let viewerPath = "";

async function bothWidths(page: Page) {
  await page.setViewportSize(PHONE);
  await audit(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await audit(page);
}

test("a region administrator composes a dashboard of a view's table and chart, a figure and a text, and shares it", async ({
  page,
}) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signInAs(page, "region", L, {
    callbackUrl: `/${L}/admin/databank/pivot?indicator=students&rows=district&cols=sex&year=2025`,
  });
  const save = page.getByTestId("save-view");
  await save.getByLabel(tr("databank.pivot.viewName")).fill(VIEW);
  await save.getByRole("button", { name: tr("databank.pivot.save"), exact: true }).click();
  await expect(save.getByRole("status")).toHaveText(tr("databank.pivot.saved"));

  await page
    .getByRole("navigation")
    .getByRole("link", { name: tr("admin.nav.dashboards"), exact: true })
    .first()
    .click();
  await expect(heading(page)).toHaveText(d("title"));
  await page.getByRole("link", { name: d("new"), exact: true }).click();
  await expect(heading(page)).toHaveText(d("composer.titleNew"));

  const composer = page.getByTestId("dashboard-composer");
  const submit = composer.getByRole("button", { name: d("composer.save"), exact: true });
  // No widgets: refused, nothing written.
  await composer.getByRole("textbox", { name: d("composer.titleKk") }).fill(TITLE);
  await submit.click();
  await expect(composer.getByTestId("widget-errors")).toHaveText(tr("errors.dashboards.noWidgets"));
  await expect(page).toHaveURL(/\/admin\/dashboards\/new$/);

  const kind = composer.getByRole("combobox", { name: d("composer.kindLabel"), exact: true });
  const add = composer.getByRole("button", { name: d("composer.addWidget"), exact: true });
  const widget = (i: number) => composer.getByTestId(`composer-widget-${i}`);
  await kind.selectOption("table");
  await add.click();
  await widget(0)
    .getByRole("combobox", { name: d("composer.view") })
    .selectOption({ label: VIEW });
  await widget(0)
    .getByRole("combobox", { name: d("composer.width") })
    .selectOption("3");
  await kind.selectOption("chart");
  await add.click();
  await widget(1)
    .getByRole("combobox", { name: d("composer.view") })
    .selectOption({ label: VIEW });
  await widget(1)
    .getByRole("combobox", { name: d("composer.chart") })
    .selectOption("bar");
  await kind.selectOption("text");
  await add.click();
  await widget(2)
    .getByRole("textbox", { name: d("composer.textKk") })
    .fill(TEXT);
  await kind.selectOption("figure");
  await add.click();
  await widget(3)
    .getByRole("combobox", { name: d("composer.indicator") })
    .selectOption("students");
  // The figure goes up beside the chart; a stray text block is added and removed (after a confirmation).
  await widget(3)
    .getByRole("button", { name: d("composer.moveUp"), exact: true })
    .click();
  await expect(widget(2)).toContainText(d("composer.kind.figure"));
  await kind.selectOption("text");
  await add.click();
  await widget(4)
    .getByRole("button", { name: d("composer.remove"), exact: true })
    .click();
  await expect(composer.getByTestId("composer-widget-4")).toHaveCount(0);
  await submit.click();
  await expect(page).toHaveURL(/\/admin\/dashboards\/[a-z0-9]+\/edit$/);
  await expect(heading(page)).toHaveText(d("composer.titleEdit").replace("{title}", TITLE));
  await expect(page.getByTestId("composer-widget-3")).toContainText(d("composer.kind.text"));
  await bothWidths(page);

  const share = page.getByTestId("dashboard-share-form");
  await share.getByRole("checkbox", { name: tr("admin.roles.DISTRICT_ADMIN"), exact: true }).check();
  await share.getByRole("button", { name: d("share.submit"), exact: true }).click();
  await expect(share.getByRole("status")).toHaveText(d("shared"));

  await page.getByRole("link", { name: d("open"), exact: true }).click();
  await expect(heading(page)).toHaveText(TITLE);
  viewerPath = new URL(page.url()).pathname;
  const table = page.getByTestId("widget-table");
  await expect(table.getByRole("rowheader", { name: KOKSHETAU, exact: true })).toBeVisible();
  // The region sees all its districts.
  expect(await table.locator('tbody tr[data-kind="row"]').count()).toBeGreaterThan(1);
  await expect(page.getByTestId("widget-chart").locator("figure[data-chart='bar']")).toHaveCount(1);
  await expect(page.getByTestId("widget-figure").getByTestId("figure-value")).toHaveText(/\d/);
  await expect(page.getByTestId("widget-text").locator("strong")).toHaveText("түсіндірмесі");
  await expect(page.getByRole("button", { name: d("viewer.print"), exact: true })).toBeVisible();
  await bothWidths(page);
});

test("a district administrator opens the shared dashboard with the district's figures only", async ({ page }) => {
  await signInAs(page, "district", L, { callbackUrl: `/${L}/admin` });
  await page
    .getByRole("navigation")
    .getByRole("link", { name: tr("admin.nav.dashboards"), exact: true })
    .first()
    .click();
  await page.getByTestId("dashboards").getByRole("link", { name: TITLE, exact: true }).click();
  await expect(heading(page)).toHaveText(TITLE);
  expect(new URL(page.url()).pathname).toBe(viewerPath);
  const rows = page.getByTestId("widget-table").locator('tbody tr[data-kind="row"]');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("rowheader")).toHaveText(KOKSHETAU);
  // Not the owner: no composer.
  await expect(page.getByRole("link", { name: d("edit"), exact: true })).toHaveCount(0);
  // Nor by typing the composer's address: it is not found for anyone but the owner.
  await page.goto(`${viewerPath}/edit`);
  await expect(page.getByRole("heading", { name: tr("common.notFound.title"), exact: true })).toBeVisible();
  await expect(page.getByTestId("dashboard-composer")).toHaveCount(0);
});

test("the region publishes the dashboard and a signed-out reader finds it on the public statistics pages", async ({
  page,
  browser,
}) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signInAs(page, "region", L, { callbackUrl: `${viewerPath}/edit` });
  const publish = page.getByTestId("dashboard-publish-form");
  await publish.getByRole("button", { name: d("publish.publish"), exact: true }).click();
  await expect(publish.getByRole("status")).toHaveText(d("publishedSaved"));
  await expect(page.getByTestId("dashboard-publication")).toHaveText(d("publish.isPublished"));

  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(`/${L}/statistics`);
  await reader.getByRole("link", { name: tr("statistics.dashboardsLink"), exact: true }).click();
  await expect(heading(reader)).toHaveText(d("public.title"));
  await reader.getByTestId("public-dashboards").getByRole("link", { name: TITLE, exact: true }).click();
  await expect(heading(reader)).toHaveText(TITLE);
  const table = reader.getByTestId("widget-table");
  await expect(table.getByRole("rowheader", { name: KOKSHETAU, exact: true })).toBeVisible();
  expect(await table.locator('tbody tr[data-kind="row"]').count()).toBeGreaterThan(1);
  await expect(reader.getByTestId("widget-text")).toContainText("түсіндірмесі");
  await bothWidths(reader);
  await context.close();
});
