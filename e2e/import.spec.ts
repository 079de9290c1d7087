import { withCheckDigit } from "../lib/identity";
import { expect, t, test, type Locale } from "./fixtures";

/** Valid BINs not in the demo data (a registration prefix of 2026, serials from the clock so reruns differ). */
function bins(n: number): string[] {
  const out: string[] = [];
  let serial = Date.now() % 9000;
  while (out.length < n) {
    const bin = withCheckDigit(`2604400${String(1000 + (serial++ % 9000)).padStart(4, "0")}`);
    if (bin) out.push(bin);
  }
  return out;
}

/**
 * A region administrator imports a CSV of schools from the admin navigation: the mapping is suggested from
 * the column names, the dry run shows three new rows and two invalid ones (a wrong check digit, a territory
 * outside the region), the run writes the three and lists the two; the same file again changes nothing;
 * the first run is rolled back and its schools are gone.
 */
test("a region admin imports schools, re-runs the file unchanged and rolls the import back", async ({
  page,
  signedIn,
}) => {
  test.setTimeout(180_000);
  const L: Locale = "ru";
  const [a, b, c, d] = bins(4) as [string, string, string, string];
  const bad = a.slice(0, 11) + String((Number(a[11]) + 1) % 10);
  const csv = [
    "БСН;Атауы;Наименование;КАТО;Түрі",
    `${a};Импорт мектебі 1;Школа импорта 1;110200000;SCHOOL`,
    `${b};"Импорт мектебі 2; Көкшетау";Школа импорта 2;Бурабайский район;SCHOOL`,
    `${c};Импорт мектебі 3;Школа импорта 3;110200000;Общеобразовательная школа`,
    `${bad};Қате;Ошибка;110200000;SCHOOL`,
    `${d};Астана;Астана;710200000;SCHOOL`,
  ].join("\r\n");
  const file = { name: "schools.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };

  await signedIn("region");
  await page.goto(`/${L}/admin`);
  await page
    .getByRole("navigation", { name: t(L, "admin.navLabel") })
    .getByRole("link", { name: t(L, "admin.nav.import"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "import.title"));

  async function uploadAndDryRun() {
    await page.getByLabel(t(L, "import.file")).setInputFiles(file);
    await page.getByRole("button", { name: t(L, "import.upload") }).click();
    await expect(page.getByRole("heading", { name: t(L, "import.mapping") })).toBeVisible();
    // the suggestion maps the columns by their names
    await expect(page.locator('[data-field="bin"] select').first()).toHaveValue("БСН");
    await expect(page.locator('[data-field="territory"] select').first()).toHaveValue("КАТО");
    await page.getByRole("button", { name: t(L, "import.dryRun"), exact: true }).click();
    await expect(page.getByText(t(L, "import.dryRunDone"))).toBeVisible();
  }

  await uploadAndDryRun();
  const counts = page.getByTestId("dry-counts");
  await expect(counts.locator('[data-outcome="new"] strong')).toHaveText("3");
  await expect(counts.locator('[data-outcome="invalid"] strong')).toHaveText("2");
  const invalid = page.getByTestId("dry-rows").locator('tr[data-outcome="invalid"]');
  await expect(invalid).toHaveCount(2);
  await expect(invalid.first()).toContainText(bad);
  await expect(invalid.nth(1)).toContainText(t(L, "errors.import.outOfScope"));

  // run it anyway: the invalid rows are skipped and listed
  await page.getByRole("button", { name: t(L, "import.run") }).click();
  await expect(page).toHaveURL(/\/admin\/import\/runs\//);
  const firstRun = page.url();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  await expect(page.getByTestId("run-counts").locator('[data-outcome="new"] strong')).toHaveText("3");
  await expect(page.getByTestId("run-counts").locator('[data-outcome="invalid"] strong')).toHaveText("2");
  // the progress survives a reload: it is the server's
  await page.reload();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "DONE");

  // the same file again: everything unchanged
  await page.getByRole("link", { name: t(L, "import.back") }).click();
  await uploadAndDryRun();
  await expect(counts.locator('[data-outcome="unchanged"] strong')).toHaveText("3");
  await expect(counts.locator('[data-outcome="new"] strong')).toHaveText("0");
  await page.getByRole("button", { name: t(L, "import.run") }).click();
  await expect(page).not.toHaveURL(firstRun);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  await expect(page.getByTestId("run-counts").locator('[data-outcome="unchanged"] strong')).toHaveText("3");
  await expect(page.getByTestId("run-counts").locator('[data-outcome="new"] strong')).toHaveText("0");

  // roll the first run back: its three schools are removed
  await page.goto(firstRun);
  await page.getByRole("button", { name: t(L, "import.rollback") }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(
    t(L, "import.rolledBack").replace("{removed}", "3").replace("{restored}", "0"),
  );
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ROLLED_BACK");
  await page.goto(`/${L}/admin/organizations?q=${a}`);
  await expect(page.getByText("Школа импорта 1")).toHaveCount(0);
});
