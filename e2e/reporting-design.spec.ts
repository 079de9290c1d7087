import type { Locator, Page } from "@playwright/test";
import { expect, heading, signIn, t, test } from "./fixtures";

/**
 * The ministry designs a form (a list for the year, a form with a table section and a rule, a period whose
 * due date falls on Nauryz, publication); school No. 1 sees it due, fills it in with an error shown next
 * to the cell, fixes it and submits.
 */
const L = "kk" as const;
const YEAR = 2027;
/** Unique per run, so the spec also passes against a server that was already running. */
const CODE = `E2E-${Date.now().toString(36).slice(-5).toUpperCase()}`;
const tr = (key: string) => t(L, key);
const d = (key: string) => tr(`reporting.designer.${key}`);

// Long journeys on a shared 2-core machine: more time than the default per test.
test.describe.configure({ mode: "serial", timeout: 240_000 });

/** Fills the three language inputs of a label ("Label (kk)", "Label (ru)", "Label (en)") in a scope. */
async function texts(scope: Locator, label: string, value: string, nth = 0) {
  for (const lang of ["kk", "ru", "en"]) await scope.getByLabel(`${label} (${lang})`, { exact: true }).nth(nth).fill(`${value} ${lang}`);
}

async function acceptDialogs(page: Page) {
  page.on("dialog", (dialog) => void dialog.accept());
}

test("the ministry creates a list, designs a form with a table and a rule, adds a period and publishes", async ({ page }) => {
  await acceptDialogs(page);
  await signIn(page, "ministry", L, { callbackUrl: `/${L}/admin/reporting/lists` });
  await expect(heading(page)).toHaveText(tr("reporting.lists.title"));

  // The year's list of forms, approved by an order. (A list for the year may exist from an earlier run.)
  const existing = page.getByTestId("form-lists").getByRole("link", { name: String(YEAR), exact: true });
  if (await existing.count()) await existing.click();
  else {
    const create = page.getByTestId("form-list-new");
    await create.getByLabel(tr("reporting.lists.year")).fill(String(YEAR));
    await create.getByLabel(tr("reporting.lists.orderNumber")).fill("215");
    await create.getByLabel(tr("reporting.lists.orderDate")).fill(`${YEAR - 1}-12-20`);
    await create.getByRole("button", { name: tr("reporting.lists.create"), exact: true }).click();
  }
  await expect(heading(page)).toHaveText(tr("reporting.lists.listTitle").replace("{year}", String(YEAR)));

  // A form that schools submit.
  await page.getByRole("link", { name: tr("reporting.forms.new"), exact: true }).click();
  const settings = page.getByTestId("form-new");
  await settings.getByLabel(tr("reporting.forms.code")).fill(CODE);
  await settings.getByLabel(tr("reporting.forms.nameKk")).fill("Оқушылар контингенті");
  await settings.getByLabel(tr("reporting.forms.nameRu")).fill("Контингент учащихся");
  await settings.getByLabel(tr("reporting.forms.nameEn")).fill("Student contingent");
  await settings.getByLabel("Жалпы білім беретін мектеп", { exact: true }).check();
  await settings.getByRole("button", { name: tr("reporting.forms.create"), exact: true }).click();
  await expect(heading(page)).toContainText(CODE);

  // The designer: the starter section's field, then a table section (grades × total, girls) and a rule.
  const designer = page.getByTestId("designer");
  await expect(designer).toBeVisible();
  await designer.getByTestId("field-0-0").getByLabel(d("key"), { exact: true }).fill("pupils");
  await designer.getByRole("button", { name: `+ ${d("addTableSection")}` }).click();
  const table = designer.getByTestId("section-1");
  await table.getByLabel(d("key"), { exact: true }).first().fill("grades");
  await texts(table, d("sectionTitle"), "Сыныптар");
  await table.getByTestId("row-1-0").getByLabel(d("key"), { exact: true }).fill("g1");
  await texts(table.getByTestId("row-1-0"), d("label"), "1-сынып");
  await table.getByRole("button", { name: `+ ${d("addRow")}` }).click();
  await table.getByTestId("row-1-1").getByLabel(d("key"), { exact: true }).fill("g2");
  await texts(table.getByTestId("row-1-1"), d("label"), "2-сынып");
  await table.getByTestId("column-1-0").getByLabel(d("key"), { exact: true }).fill("total");
  await texts(table.getByTestId("column-1-0"), d("label"), "Барлығы");
  await table.getByTestId("column-1-0").getByLabel(d("min"), { exact: true }).fill("0");
  await table.getByRole("button", { name: `+ ${d("addColumn")}` }).click();
  await table.getByTestId("column-1-1").getByLabel(d("key"), { exact: true }).fill("girls");
  await texts(table.getByTestId("column-1-1"), d("label"), "Қыздар");
  await table.getByTestId("column-1-1").getByLabel(d("min"), { exact: true }).fill("0");

  // A malformed rule is refused with the problem next to the expression …
  await designer.getByRole("button", { name: `+ ${d("addRule")}` }).click();
  const rule = designer.getByTestId("rule-0");
  await rule.getByLabel(d("expression"), { exact: true }).fill("sum(grades.*.total) = boys");
  await texts(rule, d("message"), "Сыныптар бойынша сома барлығына тең");
  await page.getByTestId("designer-save").click();
  await expect(rule.getByText(tr("errors.reporting.expression.unknown_name").replace("{position}", "22"))).toBeVisible();
  // … and saved once corrected.
  await rule.getByLabel(d("expression"), { exact: true }).fill("sum(grades.*.total) = pupils");
  await page.getByTestId("designer-save").click();
  await expect(designer.getByRole("status").filter({ hasText: tr("common.state.saved") })).toBeVisible();

  // The preview renders the table as the school will see it.
  await page.getByTestId("preview-link").click();
  await expect(page.getByTestId("entry-form")).toHaveAttribute("data-mode", "preview");
  await expect(page.getByRole("columnheader", { name: "Қыздар kk" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "2-сынып kk" })).toBeVisible();
  await page.goBack();

  // Periods: an end before the start is refused; a due date on Nauryz moves past the holidays.
  await page.getByRole("link", { name: tr("reporting.forms.tab.periods"), exact: true }).click();
  const period = page.getByTestId("period-new");
  await period.getByLabel(tr("reporting.periods.label")).fill(String(YEAR));
  await period.getByLabel(tr("reporting.periods.startsOn")).fill(`${YEAR}-01-01`);
  await period.getByLabel(tr("reporting.periods.endsOn")).fill(`${YEAR - 1}-12-31`);
  await period.getByLabel(tr("reporting.periods.dueDate")).fill(`${YEAR}-03-21`);
  await period.getByRole("button", { name: tr("reporting.periods.create"), exact: true }).click();
  await expect(period.getByText(tr("errors.reporting.period.endBeforeStart"))).toBeVisible();
  await period.getByLabel(tr("reporting.periods.endsOn")).fill(`${YEAR}-02-28`);
  await period.getByRole("button", { name: tr("reporting.periods.create"), exact: true }).click();
  const row = page.getByTestId("periods").locator(`[data-period="${YEAR}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("deadline-moved")).toBeVisible();
  await expect(row.getByTestId("deadline")).toHaveAttribute("data-deadline", `${YEAR}-03-25`);

  // Publish the list.
  await page.getByRole("link", { name: tr("reporting.forms.backToList").replace("{year}", String(YEAR)) }).click();
  await expect(heading(page)).toHaveText(tr("reporting.lists.listTitle").replace("{year}", String(YEAR)));
  await expect(page.getByTestId("list-forms")).toContainText(CODE);
  const publish = page.getByTestId("publish-list");
  if (await publish.count()) await publish.getByRole("button", { name: tr("reporting.lists.publish"), exact: true }).click();
  await expect(page.getByTestId("list-status")).toContainText(tr("reporting.lists.statuses.PUBLISHED"));
});

test("school No. 1 sees the form due, fills it in with an error next to the cell, fixes it and submits", async ({ page }) => {
  await signIn(page, "school", L, { callbackUrl: `/${L}/reporting?year=${YEAR}` });
  await expect(heading(page)).toHaveText(tr("reporting.due.title"));
  const form = page.locator(`[data-form="${CODE}"]`);
  const periodRow = form.locator(`[data-period="${YEAR}"]`);
  await expect(periodRow.locator('[data-state="due"]')).toBeVisible();
  await periodRow.getByRole("link", { name: tr("reporting.due.fill"), exact: true }).click();
  await expect(heading(page)).toContainText(CODE);

  const entry = page.getByTestId("entry-form");
  const cell = (key: string) => entry.locator(`[data-key="${key}"]`);

  // An upload with an unknown column is refused as a whole, with the row and column of the problem.
  const csv = `form,${CODE},version,1\nkey,value,remark\nmain.pupils,30,x\n`;
  await entry.locator('input[type="file"]').setInputFiles({ name: "d1.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await entry.getByRole("button", { name: tr("reporting.entry.upload"), exact: true }).click();
  const problems = page.getByTestId("upload-problems");
  await expect(problems).toContainText(tr("errors.reporting.upload.unknownColumn").replace("{column}", "remark"));
  await expect(problems).toContainText(tr("reporting.entry.atRow").replace("{row}", "2").replace("{column}", "C (remark)"));
  await expect(cell("main.pupils")).toHaveValue("");
  // A valid file replaces the draft's values.
  await entry.locator('input[type="file"]').setInputFiles({ name: "d1.csv", mimeType: "text/csv", buffer: Buffer.from(`form,${CODE},version,1\nkey,value\nmain.pupils,30\n`) });
  await entry.getByRole("button", { name: tr("reporting.entry.upload"), exact: true }).click();
  await expect(cell("main.pupils")).toHaveValue("30");
  await expect(problems).toHaveCount(0);
  await cell("grades.g1.total").fill("1a");
  // The problem appears next to the cell, and the draft is saved anyway.
  const g1 = entry.locator("td").filter({ has: page.locator('[data-key="grades.g1.total"]') });
  await expect(g1).toContainText(tr("errors.reporting.value.notNumber"));
  await expect(cell("grades.g1.total")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");

  // Submitting with the error is refused and nothing is handed over.
  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("submit-error")).toHaveText(tr("reporting.entry.fixBeforeSubmit"));

  // The rule (grades add up to the total) is shown until the numbers agree.
  await cell("grades.g1.total").fill("16");
  await cell("grades.g1.girls").fill("8");
  await cell("grades.g2.total").fill("10");
  await expect(g1).not.toContainText(tr("errors.reporting.value.notNumber"));
  await expect(page.getByTestId("rule-outcomes")).toContainText("Сыныптар бойынша сома барлығына тең kk");
  await cell("grades.g2.total").fill("14");
  await expect(page.getByTestId("rule-outcomes")).toHaveCount(0);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");

  // The draft survives a reload.
  await page.reload();
  await expect(cell("grades.g2.total")).toHaveValue("14");

  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("submitted-on")).toBeVisible();
  await expect(page.getByTestId("entry-status")).toHaveAttribute("data-status", "SUBMITTED");
  await expect(page.getByTestId("late-badge")).toHaveCount(0);
  await expect(page.getByTestId("entry-form")).toHaveAttribute("data-mode", "readonly");
  await expect(cell("grades.g1.total")).toBeDisabled();

  await page.goto(`/${L}/reporting?year=${YEAR}`);
  await expect(page.locator(`[data-form="${CODE}"] [data-period="${YEAR}"] [data-state="done"]`)).toBeVisible();
});
