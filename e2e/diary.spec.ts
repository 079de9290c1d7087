import ExcelJS from "exceljs";
import { expect, signInAs, signOut, t, test } from "./fixtures";

/**
 * The e-diary end to end: the demo teacher enters a mark and an absence with the keyboard in the journal of
 * 5 А (mathematics); the demo parent signs in and sees them in the child's diary with the computed term
 * grade; the parent cannot open another child's diary, neither by URL nor through the export API.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
const MATH = "c_subject_math";

test.describe.configure({ mode: "serial" });

let aruzhan = "";
let classmate = "";
let lessonId = "";
let grade = "";

test("teacher enters marks and attendance with the keyboard", async ({ page }) => {
  await signInAs(page, "teacher", L, { callbackUrl: `/${L}/diary/journal` });
  // mathematics of 5 А
  await page
    .getByRole("navigation", { name: tr("diary.journal.pick") })
    .locator(`a[href*="subject=${MATH}"]`)
    .first()
    .click();
  await expect(page.getByTestId("journal-title")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`subject=${MATH}`));
  const grid = page.getByRole("grid", { name: tr("diary.journal.gridLabel") });
  const rows = grid.locator("tbody tr");
  const row = rows.filter({ hasText: "Омарова Аружан" });
  aruzhan = (await row.getAttribute("data-student-id"))!;
  classmate = (await rows.nth(3).getAttribute("data-student-id"))!;
  expect(aruzhan).toBeTruthy();
  expect(classmate).not.toBe(aruzhan);

  // the most recent lesson already held
  const lessonCells = row.locator('[data-kind="lesson"]:not([aria-readonly])');
  const cell = lessonCells.last();
  const testId = (await cell.getAttribute("data-testid"))!;
  lessonId = testId.slice(`cell-${aruzhan}-`.length);

  // Esc cancels an entry
  await cell.click();
  const before = (await cell.textContent()) ?? "";
  await page.keyboard.type("3");
  await page.keyboard.press("Escape");
  await expect(cell).toHaveText(before);

  // a mark, Enter moves down to the next student
  await cell.click();
  await page.keyboard.type("9");
  await page.keyboard.press("Enter");
  await expect(cell).toContainText("9");
  // on the next row: Enter opens the cell with its value selected; the absence letter replaces it, Tab moves right
  await page.keyboard.press("Enter");
  await page.keyboard.type(tr("diary.journal.codes.absent"));
  await page.keyboard.press("Tab");
  const below = rows.nth(
    (await rows.evaluateAll((trs, id) => trs.findIndex((r) => r.getAttribute("data-student-id") === id), aruzhan)) + 1,
  );
  const belowId = (await below.getAttribute("data-student-id"))!;
  await expect(page.getByTestId(`cell-${belowId}-${lessonId}`)).toHaveAttribute("data-status", "ABSENT");

  // a mark outside the scale is refused in the cell
  await page.getByTestId(`cell-${belowId}-${lessonId}`).click();
  await page.keyboard.type("11");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId(`cell-${belowId}-${lessonId}`)).toHaveAttribute("aria-invalid", "true");
  await page.keyboard.press("Escape");

  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  grade = (await page.getByTestId(`grade-${aruzhan}`).getAttribute("data-grade"))!;
  expect(grade).toMatch(/^[2-5]$/);

  // still there after a reload (saved on the server)
  await page.reload();
  await expect(page.getByTestId(`cell-${aruzhan}-${lessonId}`)).toContainText("9");
  await expect(page.getByTestId(`cell-${belowId}-${lessonId}`)).toHaveAttribute("data-status", "ABSENT");
  await signOut(page, L);
});

test("parent sees the mark with the computed term grade", async ({ page }) => {
  await signInAs(page, "parent", L);
  const week = /_(\d{4}-\d{2}-\d{2})_\d+$/.exec(lessonId)![1]!;
  await page.goto(`/${L}/diary?student=${aruzhan}&week=${week}`);
  await expect(page.getByTestId("diary-student")).toContainText("Аружан");
  await expect(page.locator(`[data-lesson="${lessonId}"] [data-mark="9"]`)).toBeVisible();
  await expect(page.getByTestId(`term-grade-${MATH}`)).toHaveAttribute("data-grade", grade);
  await expect(page.getByTestId(`formula-${MATH}`)).toContainText(tr("diary.subjects.how"));
  // both children can be switched to
  await expect(page.getByTestId("child-switch")).toHaveCount(2);
});

test("parent cannot open another child's diary or data", async ({ page }) => {
  await signInAs(page, "parent", L);
  await page.goto(`/${L}/diary?student=${classmate}`);
  await expect(page.getByTestId("diary-refused")).toHaveText(tr("errors.diary.notYourChild"));
  await expect(page.getByTestId("student-diary")).toHaveCount(0);
  const refused = await page.request.get(`/api/v1/diary/students/${classmate}/export?format=json`);
  expect(refused.status()).toBe(403);
  const own = await page.request.get(`/api/v1/diary/students/${aruzhan}/export?format=json`);
  expect(own.status()).toBe(200);
  const data = (await own.json()) as { student: { id: string }; marks: { value: number }[] };
  expect(data.student.id).toBe(aruzhan);
  expect(data.marks.length).toBeGreaterThan(0);
});

test("teacher writes to the parents of the class, the parent reads and replies", async ({ page }) => {
  const text = `Ертең ата-аналар жиналысы ${Date.now().toString(36)}`;
  await signInAs(page, "teacher", L, { callbackUrl: `/${L}/diary/journal` });
  await page
    .getByRole("navigation", { name: tr("diary.journal.pick") })
    .getByRole("link")
    .first()
    .click();
  const form = page.getByTestId("start-thread");
  await form.getByLabel(tr("diary.messages.body")).fill(text);
  await form.getByRole("button", { name: tr("diary.messages.send") }).click();
  await expect(form.getByRole("status")).toHaveText(tr("diary.messages.sent"));
  await signOut(page, L);

  await signInAs(page, "parent", L);
  await page.goto(`/${L}/diary?student=${aruzhan}`);
  const thread = page.getByTestId("threads").locator("li[data-thread]").filter({ hasText: text });
  await expect(thread).toBeVisible();
  await thread.getByLabel(tr("diary.messages.replyLabel")).fill("Келемін.");
  await thread.getByRole("button", { name: tr("diary.messages.reply") }).click();
  await expect(page.getByTestId("threads").locator("li[data-thread]").filter({ hasText: text })).toContainText(
    "Келемін.",
  );
});

test("school administrator's student import refuses a file with a bad IIN, row by row", async ({ page }) => {
  await signInAs(page, "school", L, { callbackUrl: `/${L}/admin/diary` });
  const form = page.getByTestId("student-import");
  // 811201401188 is valid; its last digit changed breaks the check digit
  await form
    .locator('textarea[name="csv"]')
    .fill("iin,last name,first name\n811201401188,Ахметов,Ерлан\n811201401187,Бекова,Дана\n");
  await form.getByRole("button", { name: tr("diary.setup.import") }).click();
  const problems = form.getByTestId("import-problems");
  await expect(problems).toContainText(tr("errors.iin.checksum"));
  await expect(problems.locator("tbody tr")).toHaveCount(1);
  await expect(problems.locator("tbody tr td").first()).toHaveText("3");

  // The same rows as an XLSX workbook, the bad one on sheet row 4: the problem is reported by that row.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("5 А");
  sheet.getRow(1).values = ["ЖСН", "Тегі", "Аты"];
  sheet.getRow(2).values = ["811201401188", "Ахметов", "Ерлан"];
  sheet.getRow(4).values = ["811201401187", "Бекова", "Дана"];
  await form.locator('input[type="file"]').setInputFiles({
    name: "5a.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await expect(form.getByTestId("xlsx-chosen")).toContainText("5a.xlsx");
  await form.getByRole("button", { name: tr("diary.setup.import") }).click();
  await expect(problems.locator("tbody tr td").first()).toHaveText("4");
  await expect(problems).toContainText(tr("errors.iin.checksum"));
});

test("parent plans the coming week, writes to the teachers and downloads the diary in Kazakh", async ({ page }) => {
  await signInAs(page, "parent", L, { callbackUrl: `/${L}/diary` });
  const diary = page.getByTestId("student-diary");
  // the week navigation sits above the week, and the next week shows the timetable's lessons
  const nav = diary.getByTestId("week-nav");
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: new RegExp(tr("diary.week.next")) }).click();
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  await expect(diary.locator("[data-planned]").first()).toBeVisible();
  await expect(diary.getByText(tr("diary.week.none"))).toHaveCount(0);

  const body = `Сәлеметсіз бе! Ертең дәрігерге барамыз (${Date.now()}).`;
  const form = page.getByTestId("start-family-thread");
  await form.locator('textarea[name="body"], input[name="body"]').fill(body);
  await form.getByRole("button", { name: tr("diary.family.write") }).click();
  await expect(page.getByTestId("threads")).toContainText(body);

  const csv = await page.request.get(`/api/v1/diary/students/${aruzhan}/export?format=csv&locale=kk`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(tr("diary.export.headers.record"));
  expect(text).not.toMatch(/\r\nmark,/);
  // the same table as a spreadsheet, offered beside the CSV on the child's page
  const xlsxHref = await page
    .getByRole("link", { name: tr("diary.download.xlsx") })
    .first()
    .getAttribute("href");
  const xlsx = await page.request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
});
