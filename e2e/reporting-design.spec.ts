import { expect, heading, signInAs, t, test } from "./fixtures";
import {
  acceptDialogs,
  addRule,
  createSchoolForm,
  designPupilsByGrade,
  openYearList,
  saveDesign,
} from "./reporting-steps";

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

test("the ministry creates a list, designs a form with a table and a rule, adds a period and publishes", async ({
  page,
}) => {
  acceptDialogs(page);
  await signInAs(page, "ministry", L, { callbackUrl: `/${L}/admin/reporting/lists` });

  // The year's list of forms, approved by an order (it may exist from an earlier run), and a form that schools submit.
  await openYearList(page, YEAR, { number: "215", date: `${YEAR - 1}-12-20` });
  await createSchoolForm(page, CODE, {
    kk: "Оқушылар контингенті",
    ru: "Контингент учащихся",
    en: "Student contingent",
  });

  // The designer: the starter section's field, then a table section (grades × total, girls) and a rule.
  const designer = await designPupilsByGrade(page);

  // A malformed rule is refused with the problem next to the expression …
  const rule = await addRule(designer, "sum(grades.*.total) = boys");
  await page.getByTestId("designer-save").click();
  await expect(
    rule.getByText(tr("errors.reporting.expression.unknown_name").replace("{position}", "22")),
  ).toBeVisible();
  // … and saved once corrected.
  await rule.getByLabel(d("expression"), { exact: true }).fill("sum(grades.*.total) = pupils");
  await saveDesign(page, designer);

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
  if (await publish.count())
    await publish.getByRole("button", { name: tr("reporting.lists.publish"), exact: true }).click();
  await expect(page.getByTestId("list-status")).toContainText(tr("reporting.lists.statuses.PUBLISHED"));
});

test("school No. 1 sees the form due, fills it in with an error next to the cell, fixes it and submits", async ({
  page,
}) => {
  await signInAs(page, "school", L, { callbackUrl: `/${L}/reporting?year=${YEAR}` });
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
  await entry
    .locator('input[type="file"]')
    .setInputFiles({ name: "d1.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await entry.getByRole("button", { name: tr("reporting.entry.upload"), exact: true }).click();
  const problems = page.getByTestId("upload-problems");
  await expect(problems).toContainText(tr("errors.reporting.upload.unknownColumn").replace("{column}", "remark"));
  await expect(problems).toContainText(
    tr("reporting.entry.atRow").replace("{row}", "2").replace("{column}", "C (remark)"),
  );
  await expect(cell("main.pupils")).toHaveValue("");
  // A valid file replaces the draft's values.
  await entry.locator('input[type="file"]').setInputFiles({
    name: "d1.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`form,${CODE},version,1\nkey,value\nmain.pupils,30\n`),
  });
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
