import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, t, test } from "./fixtures";

/**
 * Data packages end to end: a school administrator registers a key, the sender's CLI signs and sends a
 * package, the package becomes the school's submission, the receipt is in the admin area, and the public
 * page checks the receipt (and refuses a changed one).
 */
test("register a key, send a package with the CLI, see the submission and verify the receipt", async ({
  page,
  signedIn,
  baseURL,
}) => {
  const dir = mkdtempSync(join(tmpdir(), "eiso-e2e-packages-"));
  const run = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync("npx", ["tsx", "scripts/package-send.ts", ...args], { encoding: "utf8" }) };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { code: e.status, out: e.stdout };
    }
  };
  expect(run(["--keygen", "--out", join(dir, "school")]).code).toBe(0);
  const publicKey = readFileSync(join(dir, "school.pub"), "utf8");

  await signedIn("school");
  await page.goto("/kk/admin/packages/keys");
  const form = page.getByTestId("key-register");
  await form.getByLabel(t("kk", "packages.keys.label")).fill("Мектеп АЖ");
  await form.getByLabel(t("kk", "packages.keys.publicKey")).fill(publicKey);
  await form.getByRole("button", { name: t("kk", "packages.keys.register") }).click();
  await expect(form.getByRole("status")).toBeVisible();
  await expect(page.getByTestId("package-keys")).toContainText("Мектеп АЖ");
  const bin = (await page.getByTestId("package-keys").locator("td .font-mono").first().textContent())!.trim();

  writeFileSync(
    join(dir, "p1.json"),
    JSON.stringify({
      sender: { bin },
      form: "P-1",
      year: 2026,
      period: "2026",
      payload: {
        values: {
          "general.director": "Ахметов Асқар",
          "general.founded": 1975,
          "general.language": "KK",
          "general.capacity": 900,
          "general.internet": true,
          "general.computers": 60,
        },
      },
    }),
  );
  const sent = run(["--key", join(dir, "school.key"), "--file", join(dir, "p1.json"), "--url", baseURL!]);
  expect(sent.code).toBe(0);
  const answer = JSON.parse(sent.out) as {
    status: number;
    packageId: string;
    receipt: { verdict: string; submissionId: string };
  };
  expect(answer.status).toBe(201);
  expect(answer.receipt.verdict).toBe("accepted");

  // the submission, handed over, on the school's reporting page
  await page.goto("/kk/reporting?year=2026");
  await expect(page.locator('section[data-form="P-1"] tr[data-period="2026"]')).toContainText(
    t("kk", "reporting.status.SUBMITTED"),
  );

  // the package with its receipt in the admin area, re-verified
  await page.goto("/kk/admin/packages");
  await page.getByTestId(`package-${answer.packageId}`).getByRole("link").first().click();
  await expect(page.getByTestId("reverify")).toContainText(t("kk", "packages.detail.signatureValid"));
  await expect(page.getByTestId("receipt-json")).toContainText(answer.receipt.submissionId);

  // the receipt again from the API, checked on the public page
  const receipt = await (await page.request.get(`/api/v1/packages/${answer.packageId}/receipt`)).text();
  expect(receipt).toEqual(receipt);
  const file = readFileSync(join(dir, "p1.json.receipt.json"), "utf8");
  await page.goto("/kk/verify");
  await page.getByLabel(t("kk", "packages.check.paste")).fill(file);
  await page.getByRole("button", { name: t("kk", "packages.check.submit") }).click();
  const result = page.getByTestId("receipt-result");
  await expect(result).toContainText(t("kk", "packages.check.valid"));
  await expect(result).toContainText(t("kk", "packages.check.accepted"));
  await expect(result).toContainText(answer.packageId);

  // a changed receipt is refused
  await page.getByLabel(t("kk", "packages.check.paste")).fill(receipt.replace('"accepted"', '"rejected"'));
  await page.getByRole("button", { name: t("kk", "packages.check.submit") }).click();
  await expect(result).toContainText(t("kk", "packages.check.invalid"));
  await expect(result).toContainText(t("kk", "packages.check.problem.badSignature"));
});

/**
 * The archive export from the admin area runs as a background job: the page answers at once, follows the
 * job's progress and offers the download when the archive is written.
 */
test("export the archive as a background job from the backups page and download it", async ({ page, signedIn }) => {
  await signedIn("ministry");
  await page.goto("/kk/admin/archive");
  // the admin menu leads to the backups page
  await page
    .getByRole("navigation")
    .getByRole("link", { name: t("kk", "archive.backups.title") })
    .first()
    .click();
  await expect(page.locator("main h1")).toHaveText(t("kk", "archive.backups.title"));
  await page.getByRole("button", { name: t("kk", "archive.backups.start") }).click();
  await expect(page.getByTestId("start-backup").getByRole("status")).toHaveText(t("kk", "archive.backups.started"));
  const ready = page.getByTestId("backup-ready");
  await expect(ready).toBeVisible({ timeout: 120_000 });
  const download = page.waitForEvent("download");
  await ready.getByRole("link", { name: t("kk", "archive.backups.download") }).click();
  expect((await download).suggestedFilename()).toMatch(/^eiso-.+\.tar\.gz$/);
  // the finished export is the last backup and a row of the list
  await expect(page.getByTestId("last-backup")).not.toHaveText(t("kk", "archive.backups.never"));
  await expect(
    page
      .getByTestId("backups")
      .getByRole("link", { name: t("kk", "archive.backups.download") })
      .first(),
  ).toBeVisible();
});
