import { expect, heading, signInAs, signOut, t, test } from "./fixtures";

/**
 * Reporting processes (issue 27), end to end: the ministry defines a process with the region as the only
 * level — refused first without a level and with a level twice, nothing written — and assigns it to
 * colleges and to the ad-hoc request AH-1; the demo school (an addressee of AH-1: the demo has no college
 * account) hands the request over, and it goes to the region, whose approval is acceptance. The
 * configuration's documentation lists the new process.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
const p = (key: string) => tr(`reporting.processes.${key}`);
const rv = (key: string) => tr(`reporting-review.${key}`);
/** Unique per run, so the spec also passes against a server that was already running. */
const CODE = `colleges-${Date.now().toString(36).slice(-5)}`;

test.describe.configure({ mode: "serial" });

test("the ministry defines a region-only process, refused first with no level and with a cycle", async ({ page }) => {
  await signInAs(page, "ministry", L, { callbackUrl: `/${L}/admin` });
  await page
    .getByRole("navigation")
    .getByRole("link", { name: tr("admin.nav.reportingProcesses"), exact: true })
    .first()
    .click();
  await expect(heading(page)).toHaveText(p("title"));
  await expect(page.getByTestId("process-standard").getByTestId("process-chain")).toContainText(p("levels.DISTRICT"));

  const form = page.getByTestId("process-new");
  await form.getByLabel(p("code")).fill(CODE);
  await form.getByLabel(p("nameKk")).fill("Колледждер: тек облыс");
  await form.getByLabel(p("nameRu")).fill("Колледжи: только область");
  await form.getByLabel(p("nameEn")).fill("Colleges: region only");
  const create = form.getByRole("button", { name: p("create"), exact: true });
  await create.click();
  await expect(form.getByText(tr("errors.reportingProcess.noLevel"))).toBeVisible();

  const level = (n: number) => form.getByLabel(p("levelRow").replace("{n}", String(n)), { exact: true });
  const days = (n: number) => form.getByLabel(p("daysRow").replace("{n}", String(n)), { exact: true });
  await level(1).selectOption("REGION");
  await days(1).fill("7");
  await level(2).selectOption("MINISTRY");
  await days(2).fill("5");
  await level(3).selectOption("REGION");
  await days(3).fill("5");
  await create.click();
  await expect(form.getByText(tr("errors.reportingProcess.cycle"))).toBeVisible();
  await expect(page.getByTestId(`process-${CODE}`)).toHaveCount(0);

  await level(2).selectOption("");
  await level(3).selectOption("");
  await create.click();
  const created = page.getByTestId(`process-${CODE}`);
  await expect(created.getByTestId("process-chain")).toContainText(p("levels.REGION"));
  await expect(created.getByTestId("process-chain").locator("[data-level]")).toHaveCount(1);

  const assign = page.getByTestId("process-assign");
  const label = `Колледждер: тек облыс (${CODE})`;
  await assign.getByLabel(p("assign.process"), { exact: true }).selectOption({ label });
  await assign.getByLabel(p("assign.target")).selectOption("kind");
  await assign.getByLabel(p("assign.kind"), { exact: true }).selectOption("COLLEGE");
  await assign.getByRole("button", { name: p("assign.submit"), exact: true }).click();
  await expect(created.getByTestId("process-assigned")).toContainText("Колледж");

  await assign.getByLabel(p("assign.process"), { exact: true }).selectOption({ label });
  await assign.getByLabel(p("assign.target")).selectOption("form");
  await assign.getByLabel(p("assign.form"), { exact: true }).selectOption("f2026_ah1");
  await assign.getByRole("button", { name: p("assign.submit"), exact: true }).click();
  await expect(created.getByTestId("process-assigned")).toContainText("AH-1 (2026)");

  // The configuration's documentation lists the new process, and AH-1 under it.
  await page
    .getByRole("navigation")
    .getByRole("link", { name: tr("admin.nav.configuration"), exact: true })
    .first()
    .click();
  await expect(heading(page)).toHaveText(tr("admin.configuration.title"));
  await expect(page.getByTestId("config-processes").locator(`[data-process="${CODE}"]`)).toContainText(
    p("levels.REGION"),
  );
  await expect(page.getByTestId("config-forms").locator('[data-form="AH-1"]').first()).toContainText(CODE);
  await expect(page.getByTestId("config-permissions")).toContainText("reporting.design");
  await signOut(page, L);
});

test("the school hands the ad-hoc request over", async ({ page }) => {
  await signInAs(page, "school", L, { callbackUrl: `/${L}/reporting/rp2026_ah1` });
  await expect(heading(page)).toContainText("AH-1");
  const entry = page.getByTestId("entry-form");
  await entry.locator('[data-key="heating.ready"]').selectOption("true");
  await entry.locator('[data-key="heating.fuel_tonnes"]').fill("120");
  await entry.locator('[data-key="heating.boilers"]').fill("1");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.getByTestId("submit-report").click();
  await expect(page.getByTestId("entry-status")).toHaveAttribute("data-status", "SUBMITTED");
  await signOut(page, L);
});

test("the report goes to the region, whose approval is acceptance", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await signInAs(page, "region", L, { callbackUrl: `/${L}/notifications` });
  const notice = page
    .getByTestId("notifications")
    .locator('[data-kind="reporting.submitted"]')
    .filter({ hasText: "AH-1" })
    .first();
  await expect(notice).toBeVisible();
  await notice.getByRole("link").first().click();
  await expect(page.getByTestId("submission-status")).toContainText(rv("status.SUBMITTED"));
  await page
    .getByTestId("accept-form")
    .getByRole("button", { name: rv("review.accept"), exact: true })
    .click();
  await expect(page.getByTestId("submission-status")).toContainText(rv("status.ACCEPTED"));
  await expect(page.getByTestId("timeline").locator('[data-action="accept"]')).toBeVisible();
  await signOut(page, L);
});
