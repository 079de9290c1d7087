import { withCheckDigit } from "../lib/identity/checksum";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, t, test } from "./fixtures";
import { audit, PHONE } from "./audit";

/** A valid IIN of a woman born on 12 April 1991 with a random serial (the run's database is fresh anyway). */
function iin(): string {
  for (;;) {
    const full = withCheckDigit(`910412${"4"}${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`);
    if (full) return full;
  }
}

/**
 * The personnel registry end to end: the school admin finds the staff list in the admin menu, hires a
 * teacher — a wrong IIN is refused with the field named and nothing written, the right one hires — and finds
 * her in the list and on her card; the school publishes a vacancy (a phone number in its text refused), the
 * public sees it on /vacancies, and after the school fills it with a new appointment the public no longer does.
 */
test("the school hires a teacher (a wrong IIN refused); a vacancy is public until it is filled", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const L = "kk";
  const nav = () => page.getByRole("navigation", { name: t(L, "admin.navLabel") });
  const good = iin();
  const wrong = good.slice(0, 11) + String((Number(good[11]) + 1) % 10);

  // the school admin: the staff list from the admin menu, then the hire form
  await signedIn("school");
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.staff"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.title"));
  await page.getByRole("link", { name: t(L, "staff.new"), exact: true }).click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.hire.title"));
  const form = page.getByTestId("hire-form");
  const fill = async (value: string) => {
    await form.locator('input[name="iin"]').fill(value);
    await form.locator('input[name="lastName"]').fill("Тестова");
    await form.locator('input[name="firstName"]').fill("Меруерт");
    await form.locator('input[name="weeklyHours"]').fill("18");
    await form.locator('input[name="startDate"]').fill("2026-09-01");
  };

  // a wrong IIN: refused, the field named, nothing written
  await fill(wrong);
  await form.getByRole("button", { name: t(L, "staff.hire.submit"), exact: true }).click();
  await expect(form.getByText(t(L, "errors.iin.checksum"))).toBeVisible();
  await page.goto(`/${L}/admin/staff?q=Тестова`);
  await expect(page.getByRole("link", { name: /Тестова Меруерт/ })).toHaveCount(0);

  // the right IIN hires her
  await page.goto(`/${L}/admin/staff/new`);
  await fill(good);
  await form.getByText("Математика", { exact: true }).click();
  await form.getByRole("button", { name: t(L, "staff.hire.submit"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t(L, "staff.hire.saved"));
  await page.goto(`/${L}/admin/staff?q=Тестова`);
  await page.getByRole("link", { name: "Тестова Меруерт" }).click();
  await expect(page.getByTestId("employee-card")).toContainText(good);
  await expect(page.getByTestId("appointments")).toContainText("Математика");

  // a vacancy: a phone number in the public text is refused, then published
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.vacancies"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.vacancies.title"));
  const vacancy = page.getByTestId("vacancy-form");
  const marker = `Химия мұғалімі ${Date.now().toString(36)}`;
  await vacancy.locator('select[name="subjectId"]').selectOption({ label: "Химия" });
  await vacancy.locator('input[name="startDate"]').fill("2027-09-01");
  await vacancy.locator('textarea[name="description"]').fill(`${marker}, қоңырау шалыңыз +7 701 555 12 34`);
  await vacancy.getByRole("button", { name: t(L, "staff.vacancies.publish"), exact: true }).click();
  await expect(vacancy.getByText(t(L, "errors.staff.vacancyContact.phone"))).toBeVisible();
  await vacancy.locator('textarea[name="description"]').fill(`${marker}: 8–11 сыныптар, аптасына 16 сағат.`);
  await vacancy.getByRole("button", { name: t(L, "staff.vacancies.publish"), exact: true }).click();
  await expect(vacancy.getByRole("status")).toHaveText(t(L, "staff.vacancies.published"));

  // the public sees it (signed out), from the footer's link
  await page.context().clearCookies();
  await page.goto(`/${L}`);
  await page.getByTestId("footer-vacancies").click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.public.title"));
  await expect(page.getByTestId("public-vacancies").getByText(marker)).toBeVisible();
  await expect(page.getByTestId("public-vacancies")).not.toContainText(good);

  // the school fills it with a new appointment: the vacancy closes
  await signedIn("school");
  await page.goto(`/${L}/admin/staff/vacancies`);
  const open = page.getByTestId("own-vacancies").locator('li[data-status="OPEN"]');
  const before = await open.count();
  await open.filter({ hasText: "Химия" }).first().getByTestId("fill-vacancy").click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.hire.title"));
  await expect(form.locator('select[name="vacancyId"]')).not.toHaveValue("");
  await form.locator('input[name="iin"]').fill(iin());
  await form.locator('input[name="lastName"]').fill("Химикова");
  await form.locator('input[name="firstName"]').fill("Алма");
  await form.locator('input[name="startDate"]').fill("2027-09-01");
  await form.getByRole("button", { name: t(L, "staff.hire.submit"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t(L, "staff.hire.saved"));
  await page.goto(`/${L}/admin/staff/vacancies`);
  await expect(page.getByTestId("own-vacancies").locator('li[data-status="OPEN"]')).toHaveCount(before - 1);

  // the public no longer sees it
  await page.context().clearCookies();
  await page.goto(`/${L}/vacancies`);
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.public.title"));
  await expect(page.getByText(marker)).toHaveCount(0);
});

test("a teacher reads their own record from the account page", async ({ page, signedIn }) => {
  const L = "ru";
  await signedIn("teacher", L);
  await page.goto(`/${L}/account`);
  await page.getByTestId("my-staff-link").click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.own.title"));
  await expect(page.getByTestId("own-category")).toContainText(t(L, "staff.categories.expert"));
  await expect(page.getByTestId("own-appointments")).toContainText("Математика");
});

/**
 * Attestation end to end: the second demo teacher (педагог-модератор for over two years) applies from their
 * account page for the next category; the district administrator finds the commission's queue in the admin
 * menu and awards it with a decision number; the teacher's own record then shows the new category and the
 * decision.
 */
test("a teacher applies for attestation, the district commission awards the category", async ({ page, signedIn }) => {
  test.setTimeout(120_000);
  const L = "en";
  const decision = `AK-${Date.now().toString(36)}`;

  await signedIn("teacher2", L);
  await page.goto(`/${L}/account`);
  await page.getByTestId("my-staff-link").click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.own.title"));
  await expect(page.getByTestId("own-category")).toContainText(t(L, "staff.categories.moderator"));
  const apply = page.getByTestId("attestation-apply");
  await apply.getByRole("button", { name: t(L, "staff.attestation.apply"), exact: true }).click();
  await expect(page.getByTestId("attestation-open")).toBeVisible();
  await expect(page.getByTestId("attestation-apply")).toHaveCount(0);

  // the district commission: its queue from the admin menu, the award with a decision number
  await signedIn("district", L);
  await page.goto(`/${L}/admin`);
  await page
    .getByRole("navigation", { name: t(L, "admin.navLabel") })
    .getByRole("link", { name: t(L, "admin.nav.attestation"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.attestation.queueTitle"));
  const item = page.getByTestId("attestation-queue").locator("li").filter({ hasText: "Серіков" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(t(L, "staff.categories.expert"));
  // a refusal without a reason is refused naming the field
  const refuse = item.getByTestId("attestation-refuse");
  await refuse.getByRole("button", { name: t(L, "staff.attestation.refuse"), exact: true }).click();
  await expect(refuse.getByText(t(L, "errors.staff.attestation.reasonRequired"))).toBeVisible();
  const award = item.getByTestId("attestation-award");
  await award.locator('input[name="decisionNumber"]').fill(decision);
  await award.getByRole("button", { name: t(L, "staff.attestation.award"), exact: true }).click();
  await expect(page.getByTestId("attestation-queue").locator("li").filter({ hasText: "Серіков" })).toHaveCount(0);
  await page.getByRole("link", { name: t(L, "staff.attestation.tab.decided"), exact: true }).click();
  await expect(page.getByTestId("attestation-queue")).toContainText(decision);

  // the teacher's card shows the new category and the decision
  await signedIn("teacher2", L);
  await page.goto(`/${L}/account/staff`);
  await expect(page.getByTestId("own-category")).toContainText(t(L, "staff.categories.expert"));
  await expect(page.getByTestId("attestation-history")).toContainText(decision);
});

/**
 * Professional development end to end: the ministry finds the course catalogue in the admin menu; the school
 * admin records on a teacher's card that she completed a course (hours 0 refused naming the field) and the
 * card shows the certificate with its code and the hours against the policy; signed out, the code verifies on
 * the public verification page, and a wrong code does not.
 */
test("a course completion issues a certificate that verifies publicly", async ({ page, signedIn }) => {
  test.setTimeout(120_000);
  const L = "ru";
  const nav = () => page.getByRole("navigation", { name: t(L, "admin.navLabel") });

  await signedIn("ministry", L);
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.courses"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.courses.title"));
  await expect(page.getByTestId("course-catalogue")).toContainText("Цифровая грамотность учителя");

  await signedIn("school", L);
  await page.goto(`/${L}/admin/staff?q=Ахметова`);
  await page
    .getByRole("link", { name: /Ахметова Айгерім/ })
    .first()
    .click();
  const form = page.getByTestId("completion-form");
  await form.locator('select[name="courseId"]').selectOption("co_digital");
  await form.locator('input[name="hours"]').fill("0");
  await form.getByRole("button", { name: t(L, "staff.courses.complete"), exact: true }).click();
  await expect(form.getByText(t(L, "errors.staff.courses.hours"))).toBeVisible();
  await expect(page.getByTestId("course-certificates")).toHaveCount(0);
  await form.locator('input[name="hours"]').fill("72");
  await form.getByRole("button", { name: t(L, "staff.courses.complete"), exact: true }).click();
  await expect(page.getByTestId("course-certificates")).toContainText("Цифровая грамотность учителя");
  const code = (await page.getByTestId("certificate-code").first().textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByTestId("course-hours")).toContainText("72");

  // the public verification page: the code verifies, a wrong one does not
  await page.context().clearCookies();
  await page.goto(`/${L}/verify/certificate`);
  await page.getByTestId("verify-query").fill(code);
  await page.getByRole("button", { name: t(L, "services.verify.check"), exact: true }).click();
  await expect(page.getByTestId("verify-genuine")).toContainText(t(L, "services.verify.courseTitle"));
  await expect(page.getByTestId("verify-genuine")).toContainText("Цифровая грамотность учителя");
  await expect(page.getByTestId("verify-genuine")).not.toContainText("Ахметова");
  const wrong = code.startsWith("2") ? `3${code.slice(1)}` : `2${code.slice(1)}`;
  await page.getByTestId("verify-query").fill(wrong);
  await page.getByRole("button", { name: t(L, "services.verify.check"), exact: true }).click();
  await expect(page.getByTestId("verify-refused")).toHaveText(t(L, "services.verify.notGenuine"));
});

test("the public statistics of a region and the district staff page show vacancy counts and staff figures", async ({
  page,
  signedIn,
}) => {
  const L = "kk";
  await page.goto(`/${L}/statistics/110000000`);
  const counts = page.getByTestId("public-vacancy-counts");
  await expect(counts).toContainText(t(L, "staff.analytics.publicVacancies"));
  await expect(counts.locator("tbody tr").first()).toBeVisible();
  await expect(counts).not.toContainText("@");

  await signedIn("district", L);
  await page.goto(`/${L}/admin/staff`);
  await expect(page.getByTestId("staff-analytics")).toContainText(t(L, "staff.analytics.title"));
  await expect(page.getByTestId("staff-by-category")).toContainText(t(L, "staff.categories.moderator"));
  await expect(page.getByTestId("staff-by-age").locator("tr")).toHaveCount(5);
});

/** The open page checked by axe and for sideways scrolling at 360 px and at desktop width. */
async function auditBothWidths(page: Page) {
  await page.setViewportSize(PHONE);
  await audit(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await audit(page);
}

/**
 * A course application end to end: the demo teacher finds the courses taking applications on her staff
 * record — one for directors is refused naming the course — and applies for an open one; the school admin
 * finds the applications in the admin menu, a refusal without a reason is refused, and approves; the
 * provider's admin finds the provider's page in the admin menu, a completion before the attendance is marked
 * is refused, marks the attendance and completes it; the teacher downloads the certificate as a PDF, and its
 * code verifies on the public page. Each new page passes axe at 360 px and at desktop width.
 */
test("a teacher applies for a course, the school approves, the provider completes; the certificate downloads and verifies", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const L = "kk";
  const nav = () => page.getByRole("navigation", { name: t(L, "admin.navLabel") });

  await signedIn("teacher", L);
  await page.goto(`/${L}/account`);
  await page.getByTestId("my-staff-link").click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.own.title"));
  const courses = page.getByTestId("open-courses");
  await expect(courses).toContainText("Инклюзивті білім беру: мұғалімнің құралдары");
  await auditBothWidths(page);
  // a course for directors: refused naming the course, nothing written
  const leaders = courses.locator('li[data-course="co_run_leaders"]');
  await leaders.getByRole("button", { name: t(L, "staff.applications.apply"), exact: true }).click();
  await expect(leaders.getByText(t(L, "errors.staff.applications.audience"))).toBeVisible();
  await expect(page.getByTestId("own-course-applications")).toHaveCount(0);
  const inclusive = courses.locator('li[data-course="co_run_inclusive"]');
  await inclusive.getByRole("button", { name: t(L, "staff.applications.apply"), exact: true }).click();
  await expect(inclusive).toContainText(t(L, "staff.applications.alreadyApplied"));
  await expect(page.getByTestId("own-course-applications")).toContainText(
    t(L, "staff.applications.statuses.SUBMITTED"),
  );

  // the school admin: the applications from the admin menu; a refusal needs a reason; approve
  await signedIn("school", L);
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.courseApplications"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.applications.queueTitle"));
  const item = page.getByTestId("course-applications").locator("li").filter({ hasText: "Ахметова" });
  await expect(item).toHaveCount(1);
  await auditBothWidths(page);
  const refuse = item.getByTestId("course-refuse");
  await refuse.getByRole("button", { name: t(L, "staff.applications.refuse"), exact: true }).click();
  await expect(refuse.getByText(t(L, "errors.staff.applications.reasonRequired"))).toBeVisible();
  await item
    .getByTestId("course-approve")
    .getByRole("button", { name: t(L, "staff.applications.approve"), exact: true })
    .click();
  await expect(item).toHaveAttribute("data-status", "APPROVED");

  // the provider: its page from the admin menu; completion before attendance refused; attendance, completion
  await signedIn("provider", L);
  await page.goto(`/${L}/admin`);
  await nav()
    .getByRole("link", { name: t(L, "admin.nav.provider"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "staff.applications.providerTitle"));
  await auditBothWidths(page);
  const course = page.locator('article[data-course="co_run_inclusive"]');
  const applicant = course.getByTestId("provider-applicants").locator("li").filter({ hasText: "Ахметова" });
  await expect(applicant).toHaveAttribute("data-status", "APPROVED");
  const complete = applicant.getByTestId("course-complete");
  await complete.getByRole("button", { name: t(L, "staff.applications.complete"), exact: true }).click();
  await expect(complete.getByText(t(L, "errors.staff.applications.notAttended"))).toBeVisible();
  await applicant
    .getByTestId("course-attendance")
    .getByRole("button", { name: t(L, "staff.applications.markAttended"), exact: true })
    .click();
  await expect(applicant).toContainText(t(L, "staff.applications.attendedYes"));
  await applicant
    .getByTestId("course-complete")
    .getByRole("button", { name: t(L, "staff.applications.complete"), exact: true })
    .click();
  await expect(applicant).toHaveAttribute("data-status", "COMPLETED");

  // the teacher: the certificate on the record, its PDF, the code verifies publicly
  await signedIn("teacher", L);
  await page.goto(`/${L}/account/staff`);
  const certificates = page.getByTestId("course-certificates");
  const certificate = certificates.locator("li").filter({ hasText: "Инклюзивті білім беру" });
  await expect(certificate).toHaveCount(1);
  await expect(page.getByTestId("own-course-applications")).toContainText(
    t(L, "staff.applications.statuses.COMPLETED"),
  );
  const downloading = page.waitForEvent("download");
  await certificate.getByTestId("certificate-pdf").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^PD-\d{4}-\d{6}\.pdf$/);
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");
  const code = (await certificate.getByTestId("certificate-code").textContent())!.trim();

  await page.context().clearCookies();
  await page.goto(`/${L}/verify/certificate`);
  await page.getByTestId("verify-query").fill(code);
  await page.getByRole("button", { name: t(L, "services.verify.check"), exact: true }).click();
  await expect(page.getByTestId("verify-genuine")).toContainText("Инклюзивті білім беру: мұғалімнің құралдары");
  await expect(page.getByTestId("verify-genuine")).not.toContainText("Ахметова");
  // signed out, the PDF is not given
  const pdf = await page.request.get(`/api/v1/staff/certificates/x/pdf?locale=${L}`);
  expect(pdf.status()).toBe(401);
});

/**
 * The authorities' staff page shows the hours policy per district and the breakdowns by sex, education and
 * weekly hours; the public vacancy table keeps small counts hidden; both pass axe at both widths.
 */
test("the region's staff page shows the hours policy per district; the public vacancy table hides small counts", async ({
  page,
  signedIn,
}) => {
  const L = "ru";
  await page.goto(`/${L}/statistics/110000000`);
  const table = page.getByTestId("public-vacancy-counts");
  await expect(table).toBeVisible();
  for (const cell of await table.locator("tbody td").allTextContents()) {
    const n = Number(cell.replace(/\s/g, ""));
    if (!Number.isNaN(n)) expect(n === 0 || n >= 5, `a published count of ${n}`).toBe(true);
  }
  await auditBothWidths(page);

  await signedIn("region", L);
  await page.goto(`/${L}/admin/staff`);
  const policy = page.getByTestId("staff-hours-policy");
  await expect(policy).toContainText(t(L, "staff.analytics.share"));
  await expect(policy).toContainText("Кокшетау");
  await expect(page.getByTestId("staff-by-sex")).toContainText(t(L, "staff.analytics.sexes.FEMALE"));
  await expect(page.getByTestId("staff-by-education")).toContainText(t(L, "staff.analytics.education.higher"));
  await expect(page.getByTestId("staff-by-workload").locator("tr")).toHaveCount(6);
  await auditBothWidths(page);
});
