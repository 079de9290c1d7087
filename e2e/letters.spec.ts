import { readFileSync } from "node:fs";
import { expect, t, test } from "./fixtures";

/** "YYYY-MM-DD" in Asia/Almaty, `days` from today. */
function almatyDay(days = 0): string {
  return new Date(Date.now() + 5 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/**
 * The letter registers end to end: a school administrator finds the registers in the admin menu (the demo
 * overdue letter is highlighted), registers an incoming letter that is already overdue, attaches a PDF (a
 * file of another type is refused), registers the reply (which answers the letter) and exports the register.
 */
test("register an incoming letter with a PDF, answer it, export the register", async ({ page, signedIn }) => {
  const L = "kk";
  await signedIn("school");
  await page.goto(`/${L}/admin`);
  await page
    .getByRole("navigation", { name: t(L, "admin.navLabel") })
    .getByRole("link", { name: t(L, "admin.nav.letters"), exact: true })
    .click();
  await expect(page.locator("main h1")).toHaveText(t(L, "letters.title"));
  const register = page.getByTestId("letters-register");
  // the demo register has an overdue incoming letter, highlighted
  await expect(register.locator('tr[data-overdue="1"]').first()).toContainText(t(L, "letters.list.overdueMark"));

  // a new incoming letter, due yesterday
  const subject = `Е2Е тексеру хаты ${Date.now()}`;
  const theirNumber = `07-11/${Date.now() % 100000}`;
  await page.getByRole("link", { name: t(L, "letters.list.new") }).click();
  const form = page.getByTestId("register-letter");
  await form.locator('input[name="letterNumber"]').fill(theirNumber);
  await form.locator('input[name="letterDate"]').fill(almatyDay(-3));
  await form.locator('input[name="correspondent"]').fill("Көкшетау қалалық білім бөлімі");
  await form.locator('input[name="subject"]').fill(subject);
  await form.locator('select[name="executorId"]').selectOption({ label: "Айгерім Ахметова" });
  await form.locator('input[name="dueDate"]').fill(almatyDay(-1));
  await form.getByRole("button", { name: t(L, "letters.new.submit") }).click();
  await expect(page.getByTestId("letter-number")).toHaveText(/^Кіріс-\d{4}\/\d{4}$/);
  const number = (await page.getByTestId("letter-number").textContent())!;
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(number);
  await expect(page.getByTestId("overdue")).toBeVisible();
  await expect(page.getByTestId("no-file")).toBeVisible();

  // a file that is not a PDF/DOCX/image (whatever its name) is refused; the PDF is attached
  const attach = page.getByTestId("attach-file");
  await attach
    .locator('input[type="file"]')
    .setInputFiles({ name: "хат.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
  await attach.getByRole("button", { name: t(L, "letters.card.attach"), exact: true }).click();
  await expect(attach.getByRole("alert")).toHaveText(t(L, "errors.files.contentMismatch").replace("{claimed}", "PDF"));
  await expect(page.getByTestId("no-file")).toBeVisible();
  await attach
    .locator('input[type="file"]')
    .setInputFiles({ name: "хат.pdf", mimeType: "application/pdf", buffer: PDF });
  await attach.getByRole("button", { name: t(L, "letters.card.attach"), exact: true }).click();
  await expect(attach.getByRole("status")).toHaveText(t(L, "letters.card.uploaded"));
  const download = page.getByTestId("download-file");
  await expect(download).toContainText("хат.pdf");
  const file = await page.request.get((await download.getAttribute("href"))!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await file.body()).equals(PDF)).toBe(true);

  // in the register: overdue
  await page.getByRole("link", { name: t(L, "letters.card.back") }).click();
  await page.getByRole("main").getByRole("search").locator('input[name="q"]').fill(subject);
  await page.getByRole("main").getByRole("search").getByRole("button").click();
  await expect(register.locator(`tr[data-number="${number}"]`)).toHaveAttribute("data-overdue", "1");
  await register.getByRole("link", { name: number }).click();

  // the reply: an outgoing letter prefilled from the incoming one; the incoming letter becomes answered
  await page.getByTestId("reply").click();
  const reply = page.getByTestId("register-letter");
  await expect(reply.locator('input[name="subject"]')).toHaveValue(subject);
  await expect(reply.locator('input[name="correspondent"]')).toHaveValue("Көкшетау қалалық білім бөлімі");
  await reply.getByRole("button", { name: t(L, "letters.new.submit") }).click();
  await expect(page.getByTestId("letter-number")).toHaveText(/^Шығыс-\d{4}\/\d{4}$/);
  const replyNumber = (await page.getByTestId("letter-number").textContent())!;
  await expect(page.getByTestId("reply-to")).toHaveText(number);
  await page.getByTestId("reply-to").click();
  await expect(page.getByTestId("letter-status")).toHaveText(t(L, "letters.status.ANSWERED"));
  await expect(page.getByTestId("overdue")).toHaveCount(0);
  await expect(page.getByTestId("replies")).toContainText(replyNumber);

  // the register without the overdue mark, then exported as CSV
  await page.getByRole("link", { name: t(L, "letters.card.back") }).click();
  await page.getByRole("main").getByRole("search").locator('input[name="q"]').fill(subject);
  await page.getByRole("main").getByRole("search").getByRole("button").click();
  await expect(register.locator(`tr[data-number="${number}"]`)).toHaveAttribute("data-overdue", "0");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.split("\r\n")[0]).toContain(t(L, "letters.fields.number"));
  expect(text).toContain(number);
  expect(text).toContain(replyNumber);
  expect(text).toContain(t(L, "letters.status.ANSWERED"));
  expect(text.trim().split("\r\n")).toHaveLength(2);

  // the outgoing tab lists the reply
  await page.getByTestId("tab-OUTGOING").click();
  await expect(register.locator(`tr[data-number="${replyNumber}"]`)).toBeVisible();

  // the same correspondent's letter registered again is refused, naming the first registration
  await page.goto(`/${L}/admin/letters/new?direction=INCOMING`);
  const again = page.getByTestId("register-letter");
  await again.locator('input[name="letterNumber"]').fill(theirNumber);
  await again.locator('input[name="letterDate"]').fill(almatyDay(-3));
  await again.locator('input[name="correspondent"]').fill("Көкшетау қалалық білім бөлімі");
  await again.locator('input[name="subject"]').fill(subject);
  await again.getByRole("button", { name: t(L, "letters.new.submit") }).click();
  await expect(again.getByRole("alert")).toHaveText(t(L, "errors.duplicate"));
  await expect(again).toContainText(t(L, "errors.letters.duplicateNumber").replace("{number}", number));
});

/** The district reads the school's register (in Russian) but does not keep it: no reply, no file upload. */
test("a district administrator reads a school's register without keeping it", async ({ page, signedIn }) => {
  const L = "ru";
  await signedIn("district", L);
  await page.goto(`/${L}/admin/letters`);
  await expect(page.locator("main h1")).toHaveText(t(L, "letters.title"));
  const overdueRow = page.getByTestId("letters-register").locator('tr[data-overdue="1"]').first();
  await expect(overdueRow).toContainText(t(L, "letters.list.overdueMark"));
  await overdueRow.getByTestId("open-letter").click();
  await expect(page.getByTestId("letter-number")).toHaveText(/^Кіріс-\d{4}\/\d{4}$/);
  await expect(page.getByTestId("letter-status")).toHaveText(t(L, "letters.status.IN_PROGRESS"));
  await expect(page.getByTestId("reply")).toHaveCount(0);
  await expect(page.getByTestId("attach-file")).toHaveCount(0);
  await expect(page.getByTestId("status-form")).toHaveCount(0);
  // the cancelled demo letter keeps its number in the register
  await page.getByRole("link", { name: t(L, "letters.card.back") }).click();
  await page.getByRole("main").getByRole("search").locator('select[name="status"]').selectOption("CANCELLED");
  await page.getByRole("main").getByRole("search").getByRole("button").click();
  await expect(page.getByTestId("letters-register").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("letters-register").getByTestId("letter-status")).toHaveText(
    t(L, "letters.status.CANCELLED"),
  );
});
