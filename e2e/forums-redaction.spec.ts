import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, t, test, type SessionLogin } from "./fixtures";

/**
 * A post's history and its redaction end to end: a teacher opens a thread, edits the opening post twice
 * (the first edit held a home address), sees the earlier versions in the post's history — which another
 * teacher cannot open — and removes them from the history; a moderator still sees them, marked as removed
 * by the author. The title is unique per run, since the database outlives one spec.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function as(browser: Browser, login: SessionLogin, callback = `/${L}/forums`): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, login, L, { callbackUrl: callback });
  return page;
}

/** Edits the opening post through its own edit form and waits for the confirmation. */
async function editFirstPost(page: Page, body: string) {
  const post = page.locator('[data-testid="post"][data-number="1"]');
  const field = post.locator('textarea[name="body"]');
  // the edit panel stays open after a save; open it only when it is closed
  if (!(await field.isVisible())) await post.getByText(tr("forums.edit"), { exact: true }).click();
  const form = post.locator("form", { has: page.locator('textarea[name="body"]') });
  await field.fill(body);
  await form.getByRole("button", { name: tr("forums.save"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(tr("forums.editedOk"));
  await expect(post).toContainText(body);
}

test("the author removes the earlier versions of a post from its history; moderators still see them", async ({
  browser,
}) => {
  const title = `Үй тапсырмасы туралы ${run}`;
  const address = `Менің мекенжайым: Абай көшесі 10, ${run}`;
  const teacher = await as(browser, "teacher");
  await teacher.goto(`/${L}/forums`);
  await teacher.locator(`main a[href="/${L}/forums/teachers-math"]`).click();
  const create = teacher.getByTestId("new-thread");
  await create.locator('input[name="title"]').fill(title);
  await create.locator('textarea[name="body"]').fill(`Сұрақ ${run}`);
  await create.getByRole("button", { name: tr("forums.create"), exact: true }).click();
  await expect(create.getByRole("status")).toHaveText(tr("forums.threadCreated"));
  await teacher.getByTestId("threads").getByRole("link", { name: title, exact: true }).click();
  await expect(teacher.locator("main h1")).toHaveText(title);
  const threadUrl = teacher.url();

  await editFirstPost(teacher, address);
  await editFirstPost(teacher, `Сұрақ түзетілді ${run}`);

  // the author opens the history (the edits were quick, so the post is not marked edited for readers)
  const first = teacher.locator('[data-testid="post"][data-number="1"]');
  await first.getByTestId("history-link").click();
  const history = first.getByTestId("history");
  await expect(history.getByTestId("history-version")).toHaveCount(2);
  await expect(history).toContainText(address);
  const historyUrl = teacher.url();

  // another teacher sees neither the link nor the history, even with the link's address
  const colleague = await as(browser, "teacher2", threadUrl);
  await colleague.goto(historyUrl);
  await expect(colleague.locator('[data-testid="post"][data-number="1"]')).toContainText(`Сұрақ түзетілді ${run}`);
  await expect(colleague.getByTestId("history-link")).toHaveCount(0);
  await expect(colleague.getByTestId("history")).toHaveCount(0);
  await expect(colleague.locator("main")).not.toContainText(address);

  // the author removes the earlier versions (after confirming)
  teacher.once("dialog", (dialog) => void dialog.accept());
  await history.getByRole("button", { name: tr("forums.redaction.button"), exact: true }).click();
  await expect(first.getByTestId("history-link")).toHaveCount(0);
  await teacher.goto(historyUrl);
  await expect(teacher.getByTestId("history")).toHaveCount(0);
  await expect(teacher.locator("main")).not.toContainText(address);

  // a moderator still sees them, marked as removed by the author
  const moderator = await as(browser, "moderator", threadUrl);
  await moderator.goto(historyUrl);
  const audit = moderator.locator('[data-testid="post"][data-number="1"]').getByTestId("history");
  await expect(audit.getByTestId("history-version")).toHaveCount(2);
  await expect(audit).toContainText(address);
  await expect(audit.getByTestId("redacted-mark")).toHaveCount(2);
});
