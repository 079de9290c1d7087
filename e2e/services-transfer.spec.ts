import { iinPrefix, withCheckDigit } from "../lib/identity";
import { expect, signInAs, t, test } from "./fixtures";

/**
 * Transfer to another school and the preschool queue, end to end on the demo data.
 * Transfer: parent2 asks to move Мирас Қасымов (1 А of school No. 1) to school No. 2 (the same school is
 * refused first); `school` releases him, `school2` accepts him into its 1 Б, and the parent's diary shows
 * him there. Preschool: `parent` and then `parent2` put a child in Kokshetau's kindergarten queue (a child
 * too old is refused first); `district` offers a place to the first, `parent` accepts it, and parent2's
 * child moves up one position.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

test.describe.configure({ mode: "serial" });

test("a parent requests a transfer; both schools approve; the child appears in the new class", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, "parent2", L, { callbackUrl: `/${L}/services` });
  await page.getByTestId("apply-TRANSFER").click();
  await expect(page).toHaveURL(new RegExp(`/${L}/account/services/transfer`));
  const form = page.getByTestId("transfer-form");
  const child = await form
    .locator('select[name="studentId"] option', { hasText: "Қасымов Мирас" })
    .getAttribute("value");
  const school1 = await form
    .locator('select[name="targetOrganizationId"] option', { hasText: /№1 .*Көкшетау/ })
    .first()
    .getAttribute("value");
  const school2 = await form
    .locator('select[name="targetOrganizationId"] option', { hasText: /№2 .*Көкшетау/ })
    .first()
    .getAttribute("value");
  await form.locator('select[name="studentId"]').selectOption(child!);
  await form.locator('select[name="targetGrade"]').selectOption("1");
  // the school the child is in already is refused
  await form.locator('select[name="targetOrganizationId"]').selectOption(school1!);
  await form.getByRole("button", { name: tr("services.transfer.submit") }).click();
  await expect(form.getByText(tr("errors.services.sameSchool"))).toBeVisible();
  await form.locator('select[name="targetOrganizationId"]').selectOption(school2!);
  await form.getByRole("button", { name: tr("services.transfer.submit") }).click();
  await expect(form.getByRole("status")).toHaveText(tr("services.transfer.submitted"));
  await page.goto(`/${L}/account/services`);
  await expect(
    page.getByTestId("my-applications").locator('li[data-kind="TRANSFER"]', { hasText: "Қасымов" }),
  ).toHaveAttribute("data-status", "SUBMITTED");

  // the school left releases
  const left = await browser.newPage();
  await signInAs(left, "school", L, { callbackUrl: `/${L}/admin` });
  await left
    .getByRole("main")
    .getByRole("link", { name: new RegExp(tr("admin.navHint.services")) })
    .click();
  await expect(left).toHaveURL(new RegExp(`/${L}/admin/services`));
  await left.goto(`/${L}/admin/services?kind=TRANSFER&status=OPEN`);
  await left
    .getByTestId("services-queue")
    .locator("tr", { hasText: "Қасымов" })
    .getByTestId("open-application")
    .click();
  await expect(left.getByTestId("review-child")).toContainText("Қасымов");
  await left
    .getByTestId("release-form")
    .getByRole("button", { name: tr("services.review.release") })
    .click();
  await expect(left.getByTestId("status").first()).toHaveAttribute("data-status", "RELEASED");
  await expect(left.getByTestId("waiting-other")).toHaveText(tr("services.review.waitingJoined"));
  await left.close();

  // the school joined accepts into 1 Б
  const joined = await browser.newPage();
  await signInAs(joined, "school2", L, { callbackUrl: `/${L}/admin` });
  await joined
    .getByRole("main")
    .getByRole("link", { name: new RegExp(tr("admin.navHint.services")) })
    .click();
  await joined.goto(`/${L}/admin/services?kind=TRANSFER&status=OPEN`);
  await joined
    .getByTestId("services-queue")
    .locator("tr", { hasText: "Қасымов" })
    .getByTestId("open-application")
    .click();
  const accept = joined.getByTestId("accept-transfer-form");
  const cls = await accept
    .locator('select[name="classGroupId"] option', { hasText: /^1 Б/ })
    .first()
    .getAttribute("value");
  await accept.locator('select[name="classGroupId"]').selectOption(cls!);
  await accept.getByRole("button", { name: tr("services.review.acceptTransfer") }).click();
  await expect(joined.getByTestId("status").first()).toHaveAttribute("data-status", "APPROVED");
  await expect(joined.getByTestId("timeline").locator("li")).toHaveCount(3);
  await joined.close();

  // the parent sees the child in the new class and the approved application
  await page.goto(`/${L}/diary`);
  await expect(page.getByTestId("child-switch").filter({ hasText: "Мирас Қасымов" })).toContainText("(1 Б)");
  await page.goto(`/${L}/account/services`);
  await expect(
    page.getByTestId("my-applications").locator('li[data-kind="TRANSFER"]', { hasText: "Қасымов" }),
  ).toHaveAttribute("data-status", "APPROVED");
});

// Fresh children on every run, born in 2023 and 2024 (under 6).
const serial = Math.floor(Math.random() * 9_000);
const first = {
  iin: withCheckDigit(iinPrefix("2023-06-15", "FEMALE") + String(serial).padStart(4, "0"))!,
  lastName: `Кезекова${serial}`,
};
const second = {
  iin: withCheckDigit(iinPrefix("2024-02-20", "MALE") + String(serial + 1).padStart(4, "0"))!,
  lastName: `Кезеков${serial}`,
};

async function joinQueue(
  page: import("@playwright/test").Page,
  login: "parent" | "parent2",
  child: { iin: string; lastName: string },
  tooOld?: string,
): Promise<number> {
  await signInAs(page, login, L, { callbackUrl: `/${L}/services` });
  await page.getByTestId("apply-PRESCHOOL").click();
  await expect(page).toHaveURL(new RegExp(`/${L}/account/services/preschool`));
  const districts = page.getByTestId("district-form");
  const kokshetau = await districts
    .locator('select[name="district"] option', { hasText: "Көкшетау" })
    .first()
    .getAttribute("value");
  await districts.locator('select[name="district"]').selectOption(kokshetau!);
  await districts.getByRole("button", { name: tr("services.preschool.chooseDistrict") }).click();
  const form = page.getByTestId("preschool-form");
  await form.locator('input[name="childLastName"]').fill(child.lastName);
  await form.locator('input[name="childFirstName"]').fill("Ая");
  const kindergarten = await form.locator('select[name="preferred1"] option').nth(1).getAttribute("value");
  await form.locator('select[name="preferred1"]').selectOption(kindergarten!);
  if (tooOld) {
    await form.locator('input[name="childIin"]').fill(tooOld);
    await form.getByRole("button", { name: tr("services.preschool.submit") }).click();
    await expect(form.getByText(tr("errors.services.preschool.tooOld"))).toBeVisible();
  }
  await form.locator('input[name="childIin"]').fill(child.iin);
  await form.getByRole("button", { name: tr("services.preschool.submit") }).click();
  await expect(form.getByRole("status")).toBeVisible();
  const position = Number((await form.getByRole("status").textContent())!.match(/\d+/)![0]);
  await expect(form.getByRole("status")).toHaveText(fill(tr("services.preschool.submitted"), { position }));
  await page.goto(`/${L}/account/services`);
  const mine = page.getByTestId("my-applications").locator('li[data-kind="PRESCHOOL"]', { hasText: child.lastName });
  await expect(mine.getByTestId("queue-position")).toHaveAttribute("data-position", String(position));
  return position;
}

test("a parent joins the kindergarten queue, the district offers a place, the parent accepts, the queue moves up", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const tooOld = withCheckDigit(iinPrefix("2019-03-01", "MALE") + "0042")!;
  const p1 = await joinQueue(page, "parent", first, tooOld);
  const other = await browser.newPage();
  const p2 = await joinQueue(other, "parent2", second);
  expect(p2).toBe(p1 + 1);

  // the district's staff see the queue of Kokshetau and offer a place to the first child
  const district = await browser.newPage();
  await signInAs(district, "district", L, { callbackUrl: `/${L}/admin/services` });
  await district.getByTestId("preschool-queue-link").click();
  await expect(district).toHaveURL(new RegExp(`/${L}/admin/services/preschool`));
  const row = district.getByTestId("district-queue").locator("tr", { hasText: first.lastName });
  await expect(row).toHaveAttribute("data-position", String(p1));
  await expect(district.getByTestId("district-queue").locator("tr", { hasText: second.lastName })).toHaveAttribute(
    "data-position",
    String(p2),
  );
  await row.getByTestId("open-application").click();
  const offer = district.getByTestId("offer-form");
  await offer.getByRole("button", { name: tr("services.review.offer") }).click();
  await expect(district.getByTestId("status").first()).toHaveAttribute("data-status", "OFFERED");
  await district.close();

  // the parent accepts: the referral is issued and the application leaves the queue
  await page.goto(`/${L}/account/services`);
  const mine = page.getByTestId("my-applications").locator('li[data-kind="PRESCHOOL"]', { hasText: first.lastName });
  await expect(mine).toHaveAttribute("data-status", "OFFERED");
  await mine
    .getByTestId("offer-yes")
    .getByRole("button", { name: tr("services.my.acceptPlace") })
    .click();
  await expect(mine).toHaveAttribute("data-status", "ISSUED");
  await expect(mine.getByTestId("queue-position")).toHaveCount(0);
  await expect(mine.getByTestId("offered-kindergarten")).toBeVisible();

  // the second child moved up by one, and the parent sees where it was
  await other.goto(`/${L}/account/services`);
  const theirs = other
    .getByTestId("my-applications")
    .locator('li[data-kind="PRESCHOOL"]', { hasText: second.lastName });
  await expect(theirs.getByTestId("queue-position")).toHaveAttribute("data-position", String(p2 - 1));
  await expect(theirs.getByTestId("queue-previous")).toHaveText(fill(tr("services.my.positionWas"), { position: p2 }));
  await other.goto(`/${L}/notifications`);
  await expect(other.locator('li[data-kind="services.queue_moved"]').first()).toBeVisible();
  await other.close();
});
