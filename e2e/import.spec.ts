import initSqlJs from "sql.js";
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

/**
 * A region administrator, on a 360 px screen in Kazakh, imports schools from a legacy system's SQLite file:
 * the first table is offered, a write is refused with a message saying so, a SELECT that names the columns
 * as the portal does gets the suggested mapping, the dry run shows two new schools, the run writes them, and
 * the run is rolled back.
 */
test("a region admin imports schools from a SQLite file with a SELECT, at 360 px", async ({ page, signedIn }) => {
  test.setTimeout(180_000);
  const L: Locale = "kk";
  const [a, b] = bins(2) as [string, string];
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`CREATE TABLE pupils (iin TEXT, fio TEXT);
          CREATE TABLE mektep (bin TEXT, name_kk TEXT, name_ru TEXT, kato TEXT, kind TEXT, closed INTEGER);
          INSERT INTO mektep VALUES ('${a}', 'SQLite мектебі 1', 'Школа SQLite 1', '110200000', 'SCHOOL', 0),
                                    ('${b}', 'SQLite мектебі 2', 'Школа SQLite 2', '110200000', 'SCHOOL', 0),
                                    ('000000000000', 'Жабық', 'Закрыта', '110200000', 'SCHOOL', 1);`);
  const file = { name: "legacy.sqlite", mimeType: "application/vnd.sqlite3", buffer: Buffer.from(db.export()) };
  db.close();

  await page.setViewportSize({ width: 360, height: 800 });
  await signedIn("region");
  await page.goto(`/${L}/admin/import`);
  await expect(page.locator("main h1")).toHaveText(t(L, "import.title"));
  // a live database is one of the sources of a region admin: a server that cannot be reached is said so
  const kind = page.getByRole("combobox", { name: t(L, "import.sourceKind") });
  await kind.selectOption("database");
  await expect(page.getByText(t(L, "import.connectionNote"))).toBeVisible();
  await page.getByRole("textbox", { name: t(L, "import.host") }).fill("127.0.0.1");
  await page.getByRole("spinbutton", { name: t(L, "import.port") }).fill("1");
  await page.getByRole("textbox", { name: t(L, "import.database"), exact: true }).fill("legacy_school");
  await page.getByRole("textbox", { name: t(L, "import.user") }).fill("legacy");
  await page.getByRole("button", { name: t(L, "import.connect") }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(t(L, "errors.import.connectionFailed"));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await kind.selectOption("file");

  await page.getByLabel(t(L, "import.file")).setInputFiles(file);
  await page.getByRole("button", { name: t(L, "import.upload") }).click();
  const table = page.getByRole("combobox", { name: t(L, "import.table") });
  await expect(table).toHaveValue("mektep");
  await expect(table.locator("option")).toHaveText(["—", "mektep", "pupils"]);

  // a statement that writes is refused, with a message saying what is allowed
  const query = page.getByRole("textbox", { name: t(L, "import.query") });
  await query.fill("DELETE FROM mektep");
  await page.getByRole("button", { name: t(L, "import.reread") }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(t(L, "errors.import.notSelect"));

  await query.fill(
    "SELECT bin AS БСН, name_kk AS Атауы, name_ru AS Наименование, kato AS КАТО, kind AS Түрі FROM mektep WHERE closed = 0",
  );
  await page.getByRole("button", { name: t(L, "import.reread") }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("region", { name: t(L, "import.preview") })).toContainText("SQLite мектебі 1");
  await expect(page.locator('[data-field="bin"] select').first()).toHaveValue("БСН");
  await page.getByRole("button", { name: t(L, "import.dryRun"), exact: true }).click();
  await expect(page.getByText(t(L, "import.dryRunDone"))).toBeVisible();
  const counts = page.getByTestId("dry-counts");
  await expect(counts.locator('[data-outcome="new"] strong')).toHaveText("2");
  await expect(counts.locator('[data-outcome="invalid"] strong')).toHaveText("0");
  // the page fits the narrow screen
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole("button", { name: t(L, "import.run") }).click();
  await expect(page).toHaveURL(/\/admin\/import\/runs\//);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
  await expect(page.getByTestId("run-counts").locator('[data-outcome="new"] strong')).toHaveText("2");
  await page.getByRole("button", { name: t(L, "import.rollback") }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ROLLED_BACK");
});

/**
 * A ministry administrator imports a region's past marks from its old system's MariaDB database (the legacy
 * fixture): first the pupils, into school No. 1's 5 А, then the marks of a SELECT joining them — the dry run
 * shows two new marks and one invalid (a subject code the classifier does not have), the run writes the two and
 * the journal gets the lesson of that day; both runs are rolled back, the marks' first.
 */
test("a ministry admin imports past marks from the MariaDB source and rolls them back", async ({ page, signedIn }) => {
  test.skip(!process.env.MARIADB_URL, "MARIADB_URL is not set (the legacy fixture loaded in MariaDB): skipped");
  test.setTimeout(240_000);
  const L: Locale = "en";
  const url = new URL(process.env.MARIADB_URL!);

  await signedIn("ministry");
  // school No. 1 of Kokshetau, whose 5 А the legacy pupils join: its BIN as the registry shows it
  await page.goto(`/${L}/admin/organizations?q=${encodeURIComponent("Secondary School No. 1 (Kokshetau")}`);
  const row = page.locator("main tbody tr", { hasText: "Secondary School No. 1 (Kokshetau" }).first();
  const bin = /\b\d{12}\b/.exec(await row.innerText())![0];

  await page.goto(`/${L}/admin`);
  await page
    .getByRole("navigation", { name: t(L, "admin.navLabel") })
    .getByRole("link", { name: t(L, "admin.nav.import"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "import.title"));

  /** Reads a SELECT from the legacy database for a target, then runs the dry run. */
  async function readAndDryRun(target: string, query: string) {
    await page.getByRole("combobox", { name: t(L, "import.target") }).selectOption(target);
    await page.getByRole("combobox", { name: t(L, "import.sourceKind") }).selectOption("database");
    await page.getByRole("textbox", { name: t(L, "import.host") }).fill(url.hostname);
    await page.getByRole("spinbutton", { name: t(L, "import.port") }).fill(url.port || "3306");
    await page.getByRole("textbox", { name: t(L, "import.database"), exact: true }).fill(url.pathname.slice(1));
    await page.getByRole("textbox", { name: t(L, "import.user") }).fill(decodeURIComponent(url.username));
    await page.getByLabel(t(L, "import.password")).fill(decodeURIComponent(url.password));
    await page.getByRole("textbox", { name: t(L, "import.query") }).fill(query);
    await page.getByRole("button", { name: t(L, "import.read"), exact: true }).click();
    await expect(page.getByRole("heading", { name: t(L, "import.mapping") })).toBeVisible();
    await page.getByRole("button", { name: t(L, "import.dryRun"), exact: true }).click();
    await expect(page.getByText(t(L, "import.dryRunDone"))).toBeVisible();
    return page.getByTestId("dry-counts");
  }

  async function runIt(expectNew: string) {
    await page.getByRole("button", { name: t(L, "import.run") }).click();
    await expect(page).toHaveURL(/\/admin\/import\/runs\//);
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
    await expect(page.getByTestId("run-counts").locator('[data-outcome="new"] strong')).toHaveText(expectNew);
    return page.url();
  }

  // the pupils of legacy school 1 into school No. 1's 5 А (one has a wrong IIN check digit)
  let counts = await readAndDryRun(
    "pupils",
    `SELECT p.iin AS IIN, p.fio AS \`ФИО\`, '${bin}' AS BIN, p.klass AS \`Класс\` FROM pupils p WHERE p.school_id = 1 ORDER BY p.id`,
  );
  await expect(counts.locator('[data-outcome="new"] strong')).toHaveText("2");
  await expect(counts.locator('[data-outcome="invalid"] strong')).toHaveText("1");
  const pupilsRun = await runIt("2");

  // their marks: the suggestion maps the columns by name, the dd.mm.yyyy dates through the date transform
  await page.getByRole("link", { name: t(L, "import.back") }).click();
  counts = await readAndDryRun(
    "marks",
    "SELECT p.iin AS IIN, m.subject_code AS Subject, m.dt AS Date, m.mark AS Mark FROM marks m JOIN pupils p ON p.id = m.pupil_id ORDER BY m.id",
  );
  await expect(page.locator('[data-field="date"] select').nth(1)).toHaveValue("date");
  await expect(counts.locator('[data-outcome="new"] strong')).toHaveText("2");
  await expect(counts.locator('[data-outcome="invalid"] strong')).toHaveText("1");
  const invalid = page.getByTestId("dry-rows").locator('tr[data-outcome="invalid"]');
  await expect(invalid).toHaveCount(1);
  // the legacy code KAZ is not one of the subjects classifier's codes: the row says so
  await expect(invalid).toContainText(t(L, "errors.import.subjectUnknown"));
  const marksRun = await runIt("2");
  await expect(page.getByTestId("run-counts").locator('[data-outcome="invalid"] strong')).toHaveText("1");

  // rolled back: the marks (and the lesson the run created), then the pupils
  await page.getByRole("button", { name: t(L, "import.rollback") }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(
    t(L, "import.rolledBack").replace("{removed}", "2").replace("{restored}", "0"),
  );
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ROLLED_BACK");
  expect(marksRun).not.toBe(pupilsRun);
  await page.goto(pupilsRun);
  await page.getByRole("button", { name: t(L, "import.rollback") }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "ROLLED_BACK");
  await expect(page.locator("main").getByRole("alert")).toContainText(
    t(L, "import.rolledBack").replace("{removed}", "2").replace("{restored}", "0"),
  );
});
