import { createRequire } from "node:module";
import { expect, t, test } from "./fixtures";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * The ministry administrator opens the background jobs from the admin navigation: every job of the runner is
 * listed with its state; the page works at 360 px and has no axe-core violations.
 */
test("the ministry sees the background jobs, at 360 px too, without accessibility violations", async ({
  page,
  signedIn,
}) => {
  const L = "ru";
  await signedIn("ministry");
  await page.goto(`/${L}/admin`);
  await page
    .getByRole("navigation", { name: t(L, "admin.navLabel") })
    .getByRole("link", { name: t(L, "admin.nav.jobs"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "jobs.title"));
  const jobs = page.getByTestId("jobs");
  for (const name of ["search.outbox", "publications.release", "reporting.reminders", "services.offer-lapses"])
    await expect(jobs.locator(`tr[data-job="${name}"]`)).toContainText(t(L, `jobs.names.${name.replace(".", "_")}`));
  // the outbox job runs every two seconds: it has run by now, on this server's runner
  await expect(jobs.locator('tr[data-job="search.outbox"] [data-status]')).not.toHaveAttribute("data-status", "never");

  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.locator("main h1")).toBeVisible();
  // the page's content fits: the wide table scrolls inside its own frame
  const overflow = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    return main.scrollWidth - main.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);

  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run(document.querySelector("main"))).violations.map((v) => v.id);
  });
  expect(violations).toEqual([]);
});
