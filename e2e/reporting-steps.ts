import type { Locator, Page } from "@playwright/test";
import { expect, heading, t } from "./fixtures";

/** Steps of the ministry's form design that the reporting journeys share (in Kazakh). */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
const d = (key: string) => tr(`reporting.designer.${key}`);

/** Fills the three language inputs of a label ("Label (kk)", "Label (ru)", "Label (en)") in a scope. */
export async function texts(scope: Locator, label: string, value: string) {
  for (const lang of ["kk", "ru", "en"])
    await scope.getByLabel(`${label} (${lang})`, { exact: true }).first().fill(`${value} ${lang}`);
}

export function acceptDialogs(page: Page) {
  page.on("dialog", (dialog) => void dialog.accept());
}

/** From the lists page: opens the year's list of forms, creating it with the order when it does not exist yet. */
export async function openYearList(page: Page, year: number, order: { number: string; date: string }) {
  await expect(heading(page)).toHaveText(tr("reporting.lists.title"));
  const existing = page.getByTestId("form-lists").getByRole("link", { name: String(year), exact: true });
  if (await existing.count()) await existing.click();
  else {
    const create = page.getByTestId("form-list-new");
    await create.getByLabel(tr("reporting.lists.year")).fill(String(year));
    await create.getByLabel(tr("reporting.lists.orderNumber")).fill(order.number);
    await create.getByLabel(tr("reporting.lists.orderDate")).fill(order.date);
    await create.getByRole("button", { name: tr("reporting.lists.create"), exact: true }).click();
  }
  await expect(heading(page)).toHaveText(tr("reporting.lists.listTitle").replace("{year}", String(year)));
}

/** From a list: creates a form for general secondary schools and lands in its designer. */
export async function createSchoolForm(page: Page, code: string, names: { kk: string; ru: string; en: string }) {
  await page.getByRole("link", { name: tr("reporting.forms.new"), exact: true }).click();
  const settings = page.getByTestId("form-new");
  await settings.getByLabel(tr("reporting.forms.code")).fill(code);
  await settings.getByLabel(tr("reporting.forms.nameKk")).fill(names.kk);
  await settings.getByLabel(tr("reporting.forms.nameRu")).fill(names.ru);
  await settings.getByLabel(tr("reporting.forms.nameEn")).fill(names.en);
  await settings.getByLabel("Жалпы білім беретін мектеп", { exact: true }).check();
  await settings.getByRole("button", { name: tr("reporting.forms.create"), exact: true }).click();
  await expect(heading(page)).toContainText(code);
}

/**
 * In the designer: the starter section's field `pupils`, then a table section `grades` with rows g1, g2 and
 * columns total, girls (both at least 0). Returns the designer.
 */
export async function designPupilsByGrade(page: Page): Promise<Locator> {
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
  for (const [i, key, label] of [
    [0, "total", "Барлығы"],
    [1, "girls", "Қыздар"],
  ] as const) {
    if (i > 0) await table.getByRole("button", { name: `+ ${d("addColumn")}` }).click();
    const column = table.getByTestId(`column-1-${i}`);
    await column.getByLabel(d("key"), { exact: true }).fill(key);
    await texts(column, d("label"), label);
    await column.getByLabel(d("min"), { exact: true }).fill("0");
  }
  return designer;
}

/** Adds the first rule with an expression and its message; returns the rule's block. */
export async function addRule(designer: Locator, expression: string): Promise<Locator> {
  await designer.getByRole("button", { name: `+ ${d("addRule")}` }).click();
  const rule = designer.getByTestId("rule-0");
  await rule.getByLabel(d("expression"), { exact: true }).fill(expression);
  await texts(rule, d("message"), "Сыныптар бойынша сома барлығына тең");
  return rule;
}

/** Saves the design and waits for "saved". */
export async function saveDesign(page: Page, designer: Locator) {
  await page.getByTestId("designer-save").click();
  await expect(designer.getByRole("status").filter({ hasText: tr("common.state.saved") })).toBeVisible();
}
