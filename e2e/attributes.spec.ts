import { readFileSync } from "node:fs";
import { expect, heading, signInAs, signOut, t, test } from "./fixtures";
import { audit, PHONE } from "./audit";

/**
 * Custom attributes of organisations (issue 27), end to end: the ministry defines "has a sports hall"
 * (yes/no, public, schools) and "sports hall area" (a number 0–5000) — refused first with a built-in
 * field's code and with a range whose minimum exceeds its maximum, nothing written; the district admin
 * fills them in for a school (a value out of range refused, naming the attribute), filters the registry by
 * the attribute; the public school card shows the public one to a signed-out reader; the configuration's
 * documentation lists both with their change history. The registry's list filters the area by a range,
 * sorts by it and exports it; the data bank's pivot splits pupils by "has a sports hall"; the ministry
 * defines an attribute of classes and a school administrator fills it in for a new class.
 */
const SUFFIX = Date.now().toString(36).slice(-5);
const GYM = `hasSportsHall${SUFFIX}`;
const AREA = `sportsHallArea${SUFFIX}`;
const PROFILE = `profileClass${SUFFIX}`;
const NAMES = {
  [GYM]: { kk: `Спорт залы бар ${SUFFIX}`, ru: `Есть спортзал ${SUFFIX}`, en: `Has a sports hall ${SUFFIX}` },
  [AREA]: { kk: `Спорт залының ауданы ${SUFFIX}`, ru: `Площадь спортзала ${SUFFIX}`, en: `Sports hall area ${SUFFIX}` },
  [PROFILE]: { kk: `Бейінді сынып ${SUFFIX}`, ru: `Профильный класс ${SUFFIX}`, en: `Profile class ${SUFFIX}` },
};

test.describe.configure({ mode: "serial" });

let bin = "";

test("the ministry defines the attributes, refused first with a built-in code and an inverted range", async ({
  page,
}) => {
  const L = "kk" as const;
  const a = (key: string) => t(L, `organizations.attributes.${key}`);
  await signInAs(page, "ministry", L, { callbackUrl: `/${L}/admin` });
  await page
    .getByRole("navigation")
    .getByRole("link", { name: t(L, "admin.nav.attributes"), exact: true })
    .first()
    .click();
  await expect(heading(page)).toHaveText(a("title"));

  const form = page.getByTestId("attribute-new");
  const create = form.getByRole("button", { name: a("create"), exact: true });
  const fill = async (code: string, type: string) => {
    await form.getByRole("textbox", { name: a("code"), exact: true }).fill(code);
    await form.getByRole("combobox", { name: a("type"), exact: true }).selectOption(type);
    await form.getByRole("textbox", { name: a("nameKk"), exact: true }).fill(NAMES[code]?.kk ?? "Атау");
    await form.getByRole("textbox", { name: a("nameRu"), exact: true }).fill(NAMES[code]?.ru ?? "Название");
    await form.getByRole("textbox", { name: a("nameEn"), exact: true }).fill(NAMES[code]?.en ?? "Name");
  };

  await fill("bin", "BOOLEAN");
  await create.click();
  await expect(form.getByText(t(L, "errors.attribute.codeBuiltIn"))).toBeVisible();
  await expect(page.getByTestId("attribute-bin")).toHaveCount(0);

  await fill(AREA, "NUMBER");
  await form.getByRole("textbox", { name: a("min"), exact: true }).fill("10");
  await form.getByRole("textbox", { name: a("max"), exact: true }).fill("1");
  await create.click();
  await expect(form.getByText(t(L, "errors.attribute.rangeInverted"))).toBeVisible();
  await expect(page.getByTestId(`attribute-${AREA}`)).toHaveCount(0);
  await form.getByRole("textbox", { name: a("min"), exact: true }).fill("0");
  await form.getByRole("textbox", { name: a("max"), exact: true }).fill("5000");
  await create.click();
  await expect(page.getByTestId(`attribute-${AREA}`)).toContainText(AREA);

  await fill(GYM, "BOOLEAN");
  await form.getByRole("textbox", { name: a("min"), exact: true }).fill("");
  await form.getByRole("textbox", { name: a("max"), exact: true }).fill("");
  await form.getByRole("checkbox", { name: "Жалпы білім беретін мектеп", exact: true }).check();
  await form.getByRole("checkbox", { name: a("public"), exact: true }).check();
  await create.click();
  const gym = page.getByTestId(`attribute-${GYM}`);
  await expect(gym).toContainText(NAMES[GYM]!.kk);
  await expect(gym).toContainText("Жалпы білім беретін мектеп");
  await gym.getByText(t(L, "admin.configuration.history.title").replace("{count}", "1")).click();
  await expect(gym.getByTestId(`attribute-history-${GYM}`)).toContainText(
    t(L, "admin.configuration.history.actions.create"),
  );

  // an attribute of classes: a personal-data record kind cannot be public, a class's can be asked of schools
  await fill(PROFILE, "BOOLEAN");
  await form.getByRole("combobox", { name: a("record"), exact: true }).selectOption("PERSON");
  await form.getByRole("checkbox", { name: a("public"), exact: true }).check();
  await create.click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(page.getByTestId(`attribute-${PROFILE}`)).toHaveCount(0);
  await form.getByRole("combobox", { name: a("record"), exact: true }).selectOption("CLASS");
  await form.getByRole("checkbox", { name: a("public"), exact: true }).uncheck();
  await create.click();
  await expect(page.getByTestId(`attribute-${PROFILE}`)).toContainText(a("records.CLASS"));
  await signOut(page, L);
});

test("the district admin fills them in for a school, refused first out of range, and filters the registry", async ({
  page,
}) => {
  const L = "ru" as const;
  await signInAs(page, "district", L, { callbackUrl: `/${L}/admin` });
  await page
    .getByRole("navigation")
    .getByRole("link", { name: t(L, "admin.nav.organizations"), exact: true })
    .first()
    .click();
  await expect(heading(page)).toHaveText(t(L, "organizations.title"));
  await page.getByRole("combobox", { name: t(L, "organizations.kind"), exact: true }).selectOption("SCHOOL");
  await page.getByRole("button", { name: t(L, "common.actions.filter"), exact: true }).click();
  await expect(page).toHaveURL(/kind=SCHOOL/);
  await page.getByRole("table").getByRole("link").first().click();
  const header = page.locator("main").getByText(new RegExp(`^${t(L, "organizations.bin")}: \\d{12}$`));
  bin = (await header.textContent())!.match(/\d{12}/)![0];

  const form = page.getByTestId("organization-form");
  await form.getByRole("combobox", { name: NAMES[GYM]!.ru, exact: true }).selectOption("yes");
  await form.getByRole("textbox", { name: NAMES[AREA]!.ru, exact: true }).fill("9999");
  await form.getByRole("button", { name: t(L, "common.actions.save"), exact: true }).click();
  await expect(form.getByText(t(L, "errors.attribute.outOfRange").replace("{range}", "0–5000"))).toBeVisible();
  await expect(form.getByRole("alert")).toHaveText(
    t(L, "errors.attribute.invalid").replace("{nameRu}", NAMES[AREA]!.ru),
  );

  await form.getByRole("textbox", { name: NAMES[AREA]!.ru, exact: true }).fill("288");
  await form.getByRole("button", { name: t(L, "common.actions.save"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t(L, "common.state.saved"));

  // the registry's list: a column and a filter for the attribute
  await page.goto(`/${L}/admin/organizations`);
  await page.getByRole("combobox", { name: NAMES[GYM]!.ru, exact: true }).selectOption("yes");
  await page.getByRole("button", { name: t(L, "common.actions.filter"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`attr_${GYM}=yes`));
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(bin);
  await expect(rows.first()).toContainText(t(L, "organizations.attributes.yes"));

  // a range of the number attribute, then sorted by it, then exported with the attribute's column
  await page.goto(`/${L}/admin/organizations`);
  const from = t(L, "organizations.attributes.from").replace("{name}", NAMES[AREA]!.ru);
  await page.getByRole("textbox", { name: from, exact: true }).fill("200");
  await page.getByRole("button", { name: t(L, "common.actions.filter"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`attr_${AREA}_from=200`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("288");
  await page.getByRole("textbox", { name: from, exact: true }).fill("300");
  await page.getByRole("button", { name: t(L, "common.actions.filter"), exact: true }).click();
  await expect(page.getByRole("table").locator("tbody tr").filter({ hasText: bin })).toHaveCount(0);
  await page.getByRole("textbox", { name: from, exact: true }).fill("");
  await page.getByRole("button", { name: t(L, "common.actions.filter"), exact: true }).click();
  await page.goto(`/${L}/admin/organizations?sort=attr_${AREA}&dir=asc`);
  await expect(page).toHaveURL(new RegExp(`sort=attr_${AREA}`));
  await expect(rows.first()).toContainText(bin);
  const csv = await page.request.get((await page.getByTestId("export-csv").getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain(NAMES[AREA]!.ru);
  expect(text.split("\r\n")[1]).toContain(bin);
  expect(text.split("\r\n")[1]).toContain("288");
  await signOut(page, L);
});

test("the district admin splits pupils by the attribute in the data bank's pivot", async ({ page }) => {
  const L = "kk" as const;
  const p = (key: string) => t(L, `databank.pivot.${key}`);
  await signInAs(page, "district", L, { callbackUrl: `/${L}/admin/databank/pivot` });
  await expect(heading(page)).toHaveText(p("title"));
  const form = page.getByTestId("pivot-form");
  await form.getByLabel(p("rows"), { exact: true }).selectOption("attribute");
  await form.getByLabel(p("columns"), { exact: true }).selectOption("");
  await form.getByLabel(p("attribute"), { exact: true }).selectOption(GYM);
  await form.getByLabel(p("measure"), { exact: true }).selectOption("count");
  await form.getByLabel("2025", { exact: true }).check();
  await page.getByTestId("pivot-apply").click();
  await expect(page).toHaveURL(new RegExp(`attribute=${GYM}`));
  const table = page.getByTestId("pivot-table");
  const yes = table.locator('tbody tr[data-kind="row"]').filter({
    has: page.getByRole("rowheader", { name: t(L, "databank.attributeValue.yes"), exact: true }),
  });
  // one school of the district has a sports hall
  await expect(yes).toHaveCount(1);
  await expect(yes.locator("td").last()).toHaveText("1");
  await audit(page);
  await page.setViewportSize(PHONE);
  await audit(page);
  await signOut(page, L);
});

test("a school administrator fills the class attribute in for a new class", async ({ page }) => {
  const L = "ru" as const;
  await signInAs(page, "school", L, { callbackUrl: `/${L}/admin/diary` });
  const section = page.locator("section").filter({
    has: page.getByRole("heading", { name: t(L, "diary.setup.newClass"), exact: true }),
  });
  await section.getByLabel(t(L, "diary.setup.grade")).fill("9");
  const letter = "Щ";
  await section.getByRole("textbox", { name: t(L, "diary.setup.letter") }).fill(letter);
  await section.getByRole("combobox", { name: NAMES[PROFILE]!.ru }).selectOption("yes");
  await section.getByRole("button", { name: t(L, "diary.setup.create"), exact: true }).click();
  await expect(section.getByRole("status")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId(`class-attributes-9${letter}`).first()).toContainText(
    `${NAMES[PROFILE]!.ru}: ${t(L, "organizations.attributes.yes")}`,
  );
  await audit(page);
  await page.setViewportSize(PHONE);
  await audit(page);
  await signOut(page, L);
});

test("a signed-out reader sees the public attribute on the school card, not the other", async ({ page }) => {
  const L = "en" as const;
  await page.goto(`/${L}/statistics/organizations/${bin}`);
  const passport = page.getByTestId("passport");
  await expect(passport).toContainText(NAMES[GYM]!.en);
  await expect(passport).toContainText(t(L, "statistics.org.yes"));
  await expect(passport).not.toContainText(NAMES[AREA]!.en);
});

test("the registry list with the attribute filters passes axe on a phone and at desktop width", async ({ page }) => {
  const L = "kk" as const;
  await signInAs(page, "district", L, { callbackUrl: `/${L}/admin/organizations?attr_${GYM}=yes` });
  await expect(heading(page)).toHaveText(t(L, "organizations.title"));
  await audit(page);
  await page.setViewportSize(PHONE);
  await audit(page);
  await signOut(page, L);
});

test("the configuration's documentation lists the attributes and their change history", async ({ page }) => {
  const L = "en" as const;
  await signInAs(page, "ministry", L, { callbackUrl: `/${L}/admin/configuration` });
  await expect(heading(page)).toHaveText(t(L, "admin.configuration.title"));
  const section = page.getByTestId("config-attributes");
  await expect(section.locator(`[data-attribute="${GYM}"]`)).toContainText(NAMES[GYM]!.en);
  await expect(section.locator(`[data-attribute="${AREA}"]`)).toContainText("0");
  await expect(page.getByTestId("config-history-attributes")).toContainText(AREA);
  // the rules in words, generated from their expressions
  await expect(page.getByTestId("rule-words").first()).toContainText(t(L, "admin.configuration.words.inWords"));

  // the whole configuration as one printable HTML file, and as PDF
  const links = page.getByTestId("config-download");
  const [html] = await Promise.all([
    page.waitForEvent("download"),
    links.getByRole("link", { name: t(L, "admin.configuration.downloadHtml") }).click(),
  ]);
  expect(html.suggestedFilename()).toMatch(/^configuration-\d{4}-\d{2}-\d{2}\.html$/);
  const text = readFileSync((await html.path())!, "utf8");
  expect(text).toContain("@media print");
  expect(text).toContain(GYM);
  expect(text).not.toContain("<script");
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    links.getByRole("link", { name: t(L, "admin.configuration.downloadPdf") }).click(),
  ]);
  expect(
    readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
  await signOut(page, L);
});

test("a signed-out reader downloads the definitions of the open data", async ({ page }) => {
  const L = "ru" as const;
  await page.goto(`/${L}/open-data/definitions`);
  const [html] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByTestId("definitions-download")
      .getByRole("link", { name: t(L, "admin.configuration.downloadHtml") })
      .click(),
  ]);
  const text = readFileSync((await html.path())!, "utf8");
  expect(text).toContain('<html lang="ru">');
  expect(text).toContain(t(L, "open-data.definitions.title"));
  expect(text).not.toContain(GYM);
});
