import { readFileSync } from "node:fs";
import { expect, signInAs, signOut, t, test } from "./fixtures";
import { samplePdf } from "../tests/fixtures/zip-fixture";

/**
 * Publications end to end: a teacher writes a lesson plan with a PDF attachment (an executable renamed .pdf
 * is refused) and submits it; the editor asks for changes with a remark; the teacher fixes it and submits
 * again; the editor sees the diff and publishes; a reader finds it by the subject and grade filters,
 * downloads the PDF and comments; the RSS feed lists it; three verified teachers flag the comment and it is
 * hidden from readers.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);

test.describe.configure({ mode: "serial" });

const serial = String(Date.now() % 1_000_000);
const title = `Бөлшектерді көбейту ${serial}`;
const remark = "Бағалау критерийлерін қосыңыз";
let workUrl = "";
let readPath = "";
let comment = "";

test("a teacher writes a lesson plan, attaches a PDF and submits it", async ({ page }) => {
  await signInAs(page, "teacher", L, { callbackUrl: `/${L}/publications` });
  await page.getByTestId("write-publication").click();
  await expect(page).toHaveURL(new RegExp(`/${L}/account/publications$`));
  await page.getByTestId("new-publication").click();
  const form = page.getByTestId("draft-form");
  await form.locator('select[name="type"]').selectOption("LESSON_PLAN");
  await form.locator('select[name="subjectCode"]').selectOption("MATH");
  await form.locator('input[name="title"]').fill(title);
  await form.locator('input[name="summary"]').fill("6-сыныпқа арналған сабақ жоспары");
  await form.locator('input[name="grades"]').fill("6");
  await form.locator('input[name="keywords"]').fill("бөлшек, көбейту");
  await form
    .getByTestId("publication-body")
    .fill("## Мақсаты\n\nБөлшектерді **көбейтуді** үйрену.\n\n<script>alert(1)</script>");
  // the live preview renders the Markdown and shows the script as text
  await expect(form.getByTestId("publication-preview").locator("strong")).toHaveText("көбейтуді");
  await expect(form.getByTestId("publication-preview")).toContainText("<script>");
  await form.getByRole("button", { name: tr("publications.form.save") }).click();
  await expect(page).toHaveURL(/\/account\/publications\/[^/?]+\?saved=1$/);
  workUrl = page.url().replace(/\?.*$/, "");

  // an executable renamed .pdf is refused by its content
  const upload = page.getByTestId("uploader");
  await upload.getByTestId("upload-input").setInputFiles({
    name: "plan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(2048)]),
  });
  await upload.getByTestId("upload-button").click();
  await expect(upload.getByRole("alert")).toContainText(tr("errors.files.contentMismatch").split("{")[0]!.trim());
  await expect(page.getByTestId("my-attachment")).toHaveCount(0);

  await upload
    .getByTestId("upload-input")
    .setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: samplePdf(title) });
  await upload.getByTestId("upload-button").click();
  await expect(page.getByTestId("my-attachment")).toHaveText("plan.pdf");

  await page.getByTestId("submit-for-review").getByRole("button").click();
  await expect(page.getByTestId("publication-status")).toHaveText(tr("publications.statuses.IN_REVIEW"));
  await signOut(page, L);
});

async function openInQueue(page: import("@playwright/test").Page) {
  await signInAs(page, "editor", L, { callbackUrl: `/${L}/admin` });
  await page
    .getByRole("main")
    .getByRole("link", { name: tr("admin.nav.publications") })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/${L}/admin/publications$`));
  await page.getByRole("link", { name: title }).click();
  await expect(page.locator("main h1")).toHaveText(title);
}

test("the editor requests changes with a remark", async ({ page }) => {
  await openInQueue(page);
  const form = page.getByTestId("decision-form");
  await form.locator('select[name="decision"]').selectOption("requestChanges");
  await form.locator('textarea[name="remarks"]').fill(remark);
  await form.getByRole("button", { name: tr("publications.review.apply") }).click();
  // the page now shows the new state, where no further decision is open, instead of the form
  await expect(page.getByTestId("no-decision")).toContainText(tr("publications.statuses.CHANGES_REQUESTED"));
  await signOut(page, L);
});

test("the teacher sees the remark, fixes the text and submits again", async ({ page }) => {
  await signInAs(page, "teacher", L, { callbackUrl: workUrl });
  await expect(page.getByTestId("publication-status")).toHaveText(tr("publications.statuses.CHANGES_REQUESTED"));
  await expect(page.getByTestId("remark")).toContainText(remark);
  const form = page.getByTestId("draft-form");
  const body = form.getByTestId("publication-body");
  await body.fill(`${await body.inputValue()}\n\n## Бағалау критерийлері\n\n- бөлшектерді көбейтеді`);
  await form.getByRole("button", { name: tr("publications.form.save") }).click();
  await expect(form.getByRole("status")).toHaveText(tr("publications.messages.saved"));
  await page.getByTestId("submit-for-review").getByRole("button").click();
  await expect(page.getByTestId("publication-status")).toHaveText(tr("publications.statuses.IN_REVIEW"));
  await signOut(page, L);
});

test("the editor compares the versions and publishes", async ({ page }) => {
  await openInQueue(page);
  await expect(
    page.getByTestId("version-diff").locator('[data-op="add"]').filter({ hasText: "Бағалау критерийлері" }),
  ).toBeVisible();
  const form = page.getByTestId("decision-form");
  await form.locator('select[name="decision"]').selectOption("publish");
  await form.getByRole("button", { name: tr("publications.review.apply") }).click();
  await expect(form.getByRole("status")).toHaveText(tr("publications.decidedTo.PUBLISHED"));
  await signOut(page, L);
});

test("a reader finds it by filter, downloads the PDF and comments; the RSS feed lists it", async ({ page }) => {
  await signInAs(page, "parent", L, { callbackUrl: `/${L}/publications` });
  await page.goto(`/${L}`);
  await page
    .getByRole("navigation", { name: tr("common.nav.label") })
    .getByRole("link", { name: tr("common.nav.publications") })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${L}/publications$`));
  const filters = page.getByTestId("publication-filters");
  await filters.locator('select[name="subject"]').selectOption("MATH");
  await filters.locator('select[name="grade"]').selectOption("6");
  await filters.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(/subject=MATH/);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByTestId("publication-title")).toHaveText(title);
  // sanitised: the script is shown as text, never run
  await expect(page.getByTestId("publication-body")).toContainText("<script>alert(1)</script>");
  await expect(page.getByTestId("citation")).toContainText(title);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("attachment-link").first().click(),
  ]);
  expect(download.suggestedFilename()).toBe("plan.pdf");
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");

  readPath = new URL(page.url()).pathname;
  comment = `Пайдалы жоспар, рақмет! ${serial}`;
  const form = page.getByTestId("comment-form");
  await form.locator('textarea[name="body"]').fill(comment);
  await form.getByRole("button", { name: tr("publications.read.send") }).click();
  await expect(page.getByTestId("comment").filter({ hasText: comment })).toBeVisible();

  const rss = await page.request.get(`/${L}/publications/rss.xml`);
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  expect(await rss.text()).toContain(`<title>${title}</title>`);
});

test("three verified teachers flag the comment and it disappears for readers", async ({ browser }) => {
  for (const login of ["teacher", "teacher2", "teacher3"] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, login, L, { callbackUrl: readPath });
    await expect(page.getByTestId("comment").filter({ hasText: comment })).toBeVisible();
    const flag = page.getByTestId("flag-comment");
    await flag.locator("summary").click();
    const form = page.getByTestId("flag-form");
    // the parent's comment is the only one under this publication
    await form.locator('select[name="reason"]').selectOption("spam");
    await form.getByRole("button", { name: tr("publications.read.flag") }).click();
    await expect(page.getByText(tr("publications.messages.flagged"))).toBeVisible();
    await context.close();
  }
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(readPath);
  await expect(reader.getByTestId("publication-title")).toHaveText(title);
  await expect(reader.getByTestId("comment").filter({ hasText: comment })).toHaveCount(0);
  await context.close();
});

test("news: a Kazakh original with its Russian translation, feeds per locale, footer pages", async ({ page }) => {
  await page.goto(`/ru/news`);
  await page
    .getByRole("link", { name: "В единой информационной системе образования открыт раздел публикаций" })
    .click();
  await expect(page.getByTestId("publication-title")).toHaveText(
    "В единой информационной системе образования открыт раздел публикаций",
  );
  await page.goto(`/en/news`);
  await page.getByRole("link", { name: /жарияланымдар бөлімі ашылды/ }).click();
  await expect(page.getByTestId("fallback-note")).toHaveText(t("en", "publications.read.fallback"));
  const atom = await page.request.get(`/ru/news/atom.xml`);
  expect(await atom.text()).toContain("открыт раздел публикаций");
  await page.getByTestId("footer-legal").click();
  await expect(page.locator("main h1")).toHaveText(t("en", "publications.footer.legal"));
  await page.getByTestId("footer-help").click();
  await expect(page.locator("main h3").filter({ hasText: "Editor" })).toBeVisible();
});
