import { readFileSync } from "node:fs";
import { iinPrefix, withCheckDigit } from "../lib/identity";
import { expect, signInAs, t, test } from "./fixtures";

/**
 * Electronic services end to end: a parent (parent2, so the other specs' parent keeps two children) applies for a child's admission to first grade (a bad IIN is
 * refused first), the school administrator accepts the application into 1 А, and the child appears in the
 * parent's diary in that class; the parent downloads a certificate of study whose code verifies on the
 * public page, while a forged code is refused.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);

test.describe.configure({ mode: "serial" });

// A fresh child on every run: born 15 March 2020, so 6 by 1 September 2026.
const serial = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
const childIin = withCheckDigit(iinPrefix("2020-03-15", "FEMALE") + serial)!;
const firstName = "Әсел";
const lastName = `Сейітова${serial}`;

test("a parent applies for admission to first grade", async ({ page }) => {
  await signInAs(page, "parent2", L, { callbackUrl: `/${L}/services` });
  await expect(page.getByTestId("service-catalogue").locator("li")).toHaveCount(4);
  await page.getByTestId("apply-FIRST_GRADE").click();
  await expect(page).toHaveURL(new RegExp(`/${L}/account/services/first-grade`));
  const form = page.getByTestId("first-grade-form");
  const school = await form
    .locator('select[name="organizationId"] option', { hasText: /№1 .*Көкшетау/ })
    .first()
    .getAttribute("value");
  expect(school).toBeTruthy();

  // a wrong check digit is refused with the localised message
  const broken = childIin.slice(0, 11) + String((Number(childIin[11]) + 1) % 10);
  await form.locator('input[name="childIin"]').fill(broken);
  await form.locator('input[name="childLastName"]').fill(lastName);
  await form.locator('input[name="childFirstName"]').fill(firstName);
  await form.locator('select[name="organizationId"]').selectOption(school!);
  await form.locator('select[name="admissionYear"]').selectOption("2026");
  await form.getByRole("button", { name: tr("services.firstGrade.submit") }).click();
  await expect(form.getByText(tr("errors.services.iinInvalid"))).toBeVisible();

  await form.locator('input[name="childIin"]').fill(childIin);
  await form.getByRole("button", { name: tr("services.firstGrade.submit") }).click();
  await expect(form.getByRole("status")).toHaveText(tr("services.firstGrade.submitted"));

  await page.goto(`/${L}/account/services`);
  const mine = page.getByTestId("my-applications").locator('li[data-kind="FIRST_GRADE"]', { hasText: lastName });
  await expect(mine).toHaveAttribute("data-status", "SUBMITTED");
});

test("the school accepts and the child appears in the class", async ({ page, browser }) => {
  await signInAs(page, "school", L, { callbackUrl: `/${L}/admin` });
  await page
    .getByRole("main")
    .getByRole("link", { name: new RegExp(tr("admin.navHint.services")) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${L}/admin/services`));
  await page.goto(`/${L}/admin/services?status=OPEN`);
  const row = page.getByTestId("services-queue").locator("tr", { hasText: lastName });
  await row.getByTestId("open-application").click();
  await expect(page.getByTestId("review-child")).toContainText(lastName);
  // a refusal without a reason is refused
  const refuse = page.getByTestId("refuse-form");
  await refuse.getByRole("button", { name: tr("services.review.refuse") }).click();
  await expect(refuse.getByText(tr("errors.services.reasonRequired"))).toBeVisible();

  const accept = page.getByTestId("accept-form");
  const option = await accept
    .locator('select[name="classGroupId"] option', { hasText: /^1 А/ })
    .first()
    .getAttribute("value");
  await accept.locator('select[name="classGroupId"]').selectOption(option!);
  await accept.getByRole("button", { name: tr("services.review.accept") }).click();
  // the page re-renders with the closed application
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "APPROVED");
  await expect(page.getByTestId("timeline").locator("li")).toHaveCount(2);

  const parent = await browser.newPage();
  await signInAs(parent, "parent2", L, { callbackUrl: `/${L}/diary` });
  await expect(parent.getByTestId("child-switch").filter({ hasText: `${firstName} ${lastName}` })).toContainText(
    "(1 А)",
  );
  await parent.goto(`/${L}/account/services`);
  await expect(
    parent.getByTestId("my-applications").locator('li[data-kind="FIRST_GRADE"]', { hasText: lastName }),
  ).toHaveAttribute("data-status", "APPROVED");
  // every change reached the parent as a notification
  await parent.goto(`/${L}/notifications`);
  await expect(parent.locator('li[data-kind="services.approved"]').first()).toContainText(
    tr("reporting-review.notifications.kinds.services.approved"),
  );
  await parent.close();
});

test("a parent downloads a certificate that verifies; a forged code does not", async ({ page, browser }) => {
  await signInAs(page, "parent", L, { callbackUrl: `/${L}/account/services` });
  const form = page.getByTestId("certificate-form");
  const aruzhan = await form
    .locator('select[name="studentId"] option', { hasText: "Омарова Аружан" })
    .getAttribute("value");
  await form.locator('select[name="studentId"]').selectOption(aruzhan!);
  await form.locator('select[name="language"]').selectOption("kk");
  await form.getByRole("button", { name: tr("services.my.request") }).click();
  await expect(form.getByRole("status")).toBeVisible();
  const number = (await form.getByRole("status").textContent())!.match(/SC-\d{4}-\d{6}/)![0];

  const item = page
    .getByTestId("my-applications")
    .locator("li", { has: page.getByTestId("certificate-number").filter({ hasText: number }) });
  await expect(item).toHaveAttribute("data-status", "ISSUED");
  const code = (await item.getByTestId("certificate-code").textContent())!.match(/[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    item.getByTestId("certificate-download").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.byteLength).toBeGreaterThan(5_000);

  // anyone, signed out, verifies it by the QR link; initials only
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/${L}/verify/certificate?code=${encodeURIComponent(code)}`);
  await expect(visitor.getByTestId("verify-genuine")).toContainText(tr("services.verify.genuine"));
  await expect(visitor.getByTestId("verify-number")).toHaveText(number);
  await expect(visitor.getByTestId("verify-holder")).toHaveText("А. Е. О.");
  await expect(visitor.getByText("Омарова")).toHaveCount(0);

  // a forged code typed into the form is refused
  const forged = code === "ZZZZ-ZZZZ" ? "ZZZZ-ZZZY" : "ZZZZ-ZZZZ";
  await visitor.getByTestId("verify-query").fill(forged);
  await visitor.getByRole("button", { name: tr("services.verify.check") }).click();
  await expect(visitor.getByTestId("verify-refused")).toHaveText(tr("services.verify.notGenuine"));
  await expect(visitor.getByTestId("verify-genuine")).toHaveCount(0);
});
