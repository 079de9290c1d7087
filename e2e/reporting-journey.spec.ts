import type { Page } from "@playwright/test";
import { expect, heading, signInAs, signOut, t, test } from "./fixtures";
import {
  acceptDialogs,
  addRule,
  createSchoolForm,
  designPupilsByGrade,
  openYearList,
  saveDesign,
} from "./reporting-steps";

/**
 * The reporting journey of issue 4, end to end: the ministry designs and publishes a form for a past year;
 * school No. 1 fills it in with an error, fixes it, hands it over late and sees "late"; the district
 * returns it with a reason; the school corrects and hands it over again; the district, the region and the
 * ministry approve; the consolidated report shows the school's numbers, and the ministry closes the period.
 */
const L = "kk" as const;
/** A past year, so the deadline has passed when the school hands the report over. */
const YEAR = 2024;
const DUE = `${YEAR}-10-01`;
/** Unique per run, so the spec also passes against a server that was already running. */
const CODE = `J-${Date.now().toString(36).slice(-5).toUpperCase()}`;
const REASON = "2-сынып: оқушылар саны дұрыс емес, тексеріңіз.";
const tr = (key: string) => t(L, key);
const rv = (key: string) => tr(`reporting-review.${key}`);

test.describe.configure({ mode: "serial" });

let periodId = "";

/** Opens the only report of the journey's period that waits for the signed-in level. */
async function openAwaiting(page: Page) {
  await page.goto(`/${L}/admin/reporting/board?period=${periodId}&state=awaiting`);
  await expect(heading(page)).toHaveText(rv("board.title"));
  await expect(page.getByTestId("count-awaiting")).toContainText("1");
  await page
    .getByRole("table", { name: rv("board.listTitle") })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByTestId("submission-status")).toBeVisible();
}

test("the ministry designs a form, gives it a period and publishes the list", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "ministry", L, { callbackUrl: `/${L}/admin/reporting/lists` });
  await openYearList(page, YEAR, { number: "48", date: `${YEAR}-01-15` });
  await createSchoolForm(page, CODE, {
    kk: "Оқушылар контингенті (сынақ)",
    ru: "Контингент учащихся (проверка)",
    en: "Student contingent (journey)",
  });

  // A field for the total, a table of grades × (total, girls), and a rule tying them together.
  const designer = await designPupilsByGrade(page);
  await addRule(designer, "sum(grades.*.total) = pupils");
  await saveDesign(page, designer);

  // A period whose due date has passed.
  await page.getByRole("link", { name: tr("reporting.forms.tab.periods"), exact: true }).click();
  const period = page.getByTestId("period-new");
  await period.getByLabel(tr("reporting.periods.label")).fill(String(YEAR));
  await period.getByLabel(tr("reporting.periods.startsOn")).fill(`${YEAR}-09-01`);
  await period.getByLabel(tr("reporting.periods.endsOn")).fill(`${YEAR}-09-05`);
  await period.getByLabel(tr("reporting.periods.dueDate")).fill(DUE);
  await period.getByRole("button", { name: tr("reporting.periods.create"), exact: true }).click();
  await expect(page.getByTestId("periods").locator(`[data-period="${YEAR}"]`)).toBeVisible();

  await page.getByRole("link", { name: tr("reporting.forms.backToList").replace("{year}", String(YEAR)) }).click();
  // (Clicked again if the first click came before the page was interactive.)
  await page.waitForLoadState("networkidle");
  const publish = page.getByTestId("publish-list");
  await expect(async () => {
    if (await publish.count())
      await publish.getByRole("button", { name: tr("reporting.lists.publish"), exact: true }).click();
    await expect(page.getByTestId("list-status")).toContainText(tr("reporting.lists.statuses.PUBLISHED"), {
      timeout: 5_000,
    });
  }).toPass({ timeout: 30_000 });
  await signOut(page, L);
});

test("the school fills it in with an error, fixes it, hands it over late and sees «late»", async ({ page }) => {
  await signInAs(page, "school", L, { callbackUrl: `/${L}/reporting?year=${YEAR}` });
  const row = page.locator(`[data-form="${CODE}"] [data-period="${YEAR}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("link").click();
  await expect(heading(page)).toContainText(CODE);
  periodId = new URL(page.url()).pathname.split("/").at(-1)!;

  const entry = page.getByTestId("entry-form");
  const cell = (key: string) => entry.locator(`[data-key="${key}"]`);
  await cell("main.pupils").fill("30");
  await cell("grades.g1.total").fill("1a");
  await expect(entry.locator("td").filter({ has: page.locator('[data-key="grades.g1.total"]') })).toContainText(
    tr("errors.reporting.value.notNumber"),
  );
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("submit-error")).toBeVisible();
  await expect(page.getByTestId("entry-status")).not.toHaveAttribute("data-status", "SUBMITTED");

  await cell("grades.g1.total").fill("16");
  await cell("grades.g1.girls").fill("8");
  await cell("grades.g2.total").fill("14");
  await cell("grades.g2.girls").fill("7");
  await expect(page.getByTestId("rule-outcomes")).toHaveCount(0);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("entry-status")).toHaveAttribute("data-status", "SUBMITTED");
  await expect(page.getByTestId("late-badge")).toBeVisible();
  await signOut(page, L);
});

test("the district returns it with a reason", async ({ page }) => {
  await signInAs(page, "district", L, { callbackUrl: `/${L}/admin` });
  await openAwaiting(page);
  await expect(page.getByTestId("submission-status")).toContainText(rv("status.SUBMITTED"));
  await expect(page.getByTestId("submission-status")).toContainText(rv("flags.late"));
  // The values are shown as handed over.
  await expect(page.getByTestId("section-grades").locator('[data-key="grades.g2.total"]')).toContainText("14");

  const back = page.getByTestId("return-form");
  await back.getByRole("button", { name: rv("review.return"), exact: true }).click();
  await expect(back.getByText(tr("errors.reportingWorkflow.reasonRequired"))).toBeVisible();
  await back.getByLabel(rv("review.returnReason")).fill(REASON);
  await back.getByRole("button", { name: rv("review.return"), exact: true }).click();
  await expect(page.getByTestId("submission-status")).toContainText(rv("status.RETURNED"));
  await expect(page.getByTestId("return-reason")).toHaveText(REASON);
  await expect(page.getByTestId("timeline").locator('[data-action="return"]')).toContainText(REASON);
  await signOut(page, L);
});

test("the school sees the reason, corrects the report and hands it over again", async ({ page }) => {
  await signInAs(page, "school", L, { callbackUrl: `/${L}/notifications` });
  await expect(page.getByTestId("notifications").locator('[data-kind="reporting.returned"]').first()).toContainText(
    CODE,
  );

  await page.goto(`/${L}/reporting/${periodId}`);
  await expect(page.getByTestId("return-reason")).toContainText(REASON);
  const entry = page.getByTestId("entry-form");
  const cell = (key: string) => entry.locator(`[data-key="${key}"]`);
  await cell("grades.g2.total").fill("15");
  await cell("main.pupils").fill("31");
  await expect(page.getByTestId("rule-outcomes")).toHaveCount(0);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("entry-status")).toHaveAttribute("data-status", "SUBMITTED");
  await signOut(page, L);
});

test("the district, the region and the ministry approve in turn", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "district", L, { callbackUrl: `/${L}/admin` });
  await openAwaiting(page);
  await expect(page.getByTestId("timeline").locator('[data-action="resubmit"]')).toBeVisible();
  await page
    .getByTestId("approve-form")
    .getByRole("button", { name: rv("review.approve"), exact: true })
    .click();
  await expect(page.getByTestId("submission-status")).toContainText(rv("status.APPROVED_DISTRICT"));
  // Until the region acts, the district may take its approval back.
  await expect(page.getByTestId("undo-form")).toBeVisible();
  await signOut(page, L);

  await signInAs(page, "region", L, { callbackUrl: `/${L}/admin` });
  await openAwaiting(page);
  await page
    .getByTestId("approve-form")
    .getByRole("button", { name: rv("review.approve"), exact: true })
    .click();
  await expect(page.getByTestId("submission-status")).toContainText(rv("status.APPROVED_REGION"));
  await signOut(page, L);

  await signInAs(page, "ministry", L, { callbackUrl: `/${L}/admin` });
  await openAwaiting(page);
  await page
    .getByTestId("accept-form")
    .getByRole("button", { name: rv("review.accept"), exact: true })
    .click();
  await expect(page.getByTestId("submission-status")).toContainText(rv("status.ACCEPTED"));
  await expect(page.getByTestId("timeline").locator('[data-action="accept"]')).toBeVisible();
  await signOut(page, L);
});

test("the consolidated report shows the numbers; the ministry closes the period", async ({ page }) => {
  acceptDialogs(page);
  await signInAs(page, "ministry", L, { callbackUrl: `/${L}/admin/reporting/reports/${periodId}` });
  await expect(heading(page)).toContainText(CODE);
  const total = page.getByTestId("report-totals").locator('[data-line="total"]');
  await expect(total.locator('[data-indicator="main.pupils"]')).toHaveText("31");
  await expect(total.locator('[data-indicator="grades.total"]')).toHaveText("31");
  await expect(total.locator('[data-indicator="grades.girls"]')).toHaveText("15");
  // Akmola region and the city of Kokshetau carry the same numbers.
  await expect(
    page.getByTestId("report-totals").locator('[data-territory="t110200000"] [data-indicator="grades.total"]'),
  ).toHaveText("31");
  await expect(page.getByTestId("report-rows")).toContainText("16");

  const csv = await page.request.get(`/api/v1/reporting/reports/${periodId}?format=csv&locale=en`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(CODE);
  expect(text.split("\r\n").find((l) => l.startsWith("Total,"))).toContain(",31,");
  const xlsx = await page.request.get(`/api/v1/reporting/reports/${periodId}?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

  await expect(page.getByTestId("report-state")).toContainText(rv("reports.provisional"));
  await page
    .getByTestId("close-period-form")
    .getByRole("button", { name: rv("reports.close"), exact: true })
    .click();
  await expect(page.getByTestId("report-state")).not.toContainText(rv("reports.provisional"));
  await expect(page.getByTestId("close-period-form")).toHaveCount(0);
  await signOut(page, L);

  // Outside a session the file is refused with the one error shape.
  const anonymous = await page.request.get(`/api/v1/reporting/reports/${periodId}?format=csv`, {
    headers: { cookie: "" },
  });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthenticated");
});
