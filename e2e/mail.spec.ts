import type { Browser, Page } from "@playwright/test";
import { audit, PHONE } from "./audit";
import { accountName, expect, heading, path, signIn, signInAs, signOut, t, test } from "./fixtures";

/**
 * E-mail on the embedded demo (no SMTP server): mail is kept and read at /admin/mail by the ministry. A parent
 * account of its own (created here by the school admin) so that no demo account's password changes.
 */
const stamp = Date.now().toString(36);
const login = `e2e.mail.${stamp}`;
const email = `mail.${stamp}@example.kz`;
const displayName = "Дана Сапарова";
const FIRST = "Алатау-тауы-2026";
const SECOND = "Көкше-көлі-2027!";
const THIRD = "Есіл-өзені-2028?";
const pupilLogin = `e2e.pupil.${stamp}`;
const pupilName = "Ерлан Жақыпов";
const parentEmail = `parent.${stamp}@example.kz`;

test.describe.configure({ mode: "serial" });

/** The newest mail to `to` as the ministry reads it at /admin/mail: its subject and the link it carries. */
async function readMail(browser: Browser, subject: string, to = email): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signInAs(page, "ministry", "kk", { callbackUrl: "/kk/admin/mail" });
    await expect(heading(page)).toHaveText(t("kk", "mail.admin.title"));
    const row = page.locator(`tr[data-to="${to}"]`).filter({ hasText: subject }).first();
    await row.getByRole("link", { name: subject }).click();
    await expect(page.getByTestId("mail-to")).toHaveText(to);
    const link = await page.getByTestId("mail-link").getAttribute("href");
    expect(link).toBeTruthy();
    return new URL(link!).pathname;
  } finally {
    await context.close();
  }
}

async function setPassword(page: Page, password: string) {
  const form = page.getByTestId("reset-form");
  await form.locator('input[name="password"]').fill(password);
  await form.locator('input[name="confirm"]').fill(password);
  await form.getByRole("button", { name: t("kk", "mail.recovery.submitReset"), exact: true }).click();
}

/** The school admin creates an account of the school (a parent or a pupil) with the first password. */
async function createAccount(page: Page, account: string, name: string, role: "PARENT" | "STUDENT") {
  await signInAs(page, "school", "kk", { callbackUrl: "/kk/admin/users/new" });
  const form = page.getByTestId("user-form");
  await form.getByRole("textbox", { name: t("kk", "users.login"), exact: true }).fill(account);
  await form.getByRole("textbox", { name: t("kk", "users.displayName"), exact: true }).fill(name);
  await form.locator('input[name="password"]').fill(FIRST);
  await form
    .getByRole("combobox", { name: t("kk", "users.role"), exact: true })
    .selectOption({ label: t("kk", `admin.roles.${role}`) });
  const org = form.getByRole("combobox", { name: t("kk", "users.organization"), exact: true });
  await org.selectOption({ index: 1 });
  await form.getByRole("button", { name: t("kk", "common.actions.create"), exact: true }).click();
  await expect(page).toHaveURL(/\/kk\/admin\/users\/[^/?]+\?created=1$/);
  await expect(heading(page)).toHaveText(name);
}

/** The school admin issues a one-time reset code for an account on its page; returns the code. */
async function issueResetCode(browser: Browser, account: string, name: string): Promise<string> {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "school", "kk", { callbackUrl: `/kk/admin/users?q=${encodeURIComponent(account)}` });
  await admin.getByRole("link", { name: account, exact: true }).click();
  await expect(heading(admin)).toHaveText(name);
  const section = admin.getByTestId("reset-code");
  await section.getByRole("button", { name: t("kk", "mail.resetCode.submit"), exact: true }).click();
  const value = section.getByTestId("reset-code-value");
  await expect(value).toBeVisible();
  const code = (await value.getAttribute("data-code"))!;
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await admin.context().close();
  return code;
}

/** Signed out, from the sign-in page: "Forgot password?", "I have a code", the code and a new password. */
async function resetWithCode(page: Page, code: string, password: string) {
  await page.goto("/kk/sign-in");
  await page.getByTestId("forgot-link").click();
  await page.getByRole("link", { name: t("kk", "mail.recovery.codeLink") }).click();
  await expect(page).toHaveURL(path("/kk/reset-password"));
  await page
    .getByTestId("reset-form")
    .getByRole("textbox", { name: t("kk", "mail.recovery.code"), exact: true })
    .fill(code);
  await setPassword(page, password);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(t("kk", "mail.recovery.done"));
}

/** Adds an address on /account and follows the verification link the mail carries (read at /admin/mail). */
async function addVerifiedAddress(page: Page, browser: Browser, address: string) {
  const form = page.getByTestId("email-form");
  await form.getByRole("textbox", { name: t("kk", "mail.account.email"), exact: true }).fill(address);
  await form.getByRole("button", { name: t("kk", "mail.account.save"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t("kk", "mail.account.sent"));
  const verify = await readMail(browser, t("kk", "mail.templates.account_verify.subject"), address);
  expect(verify).toMatch(/^\/kk\/verify-email\/[0-9A-F]{64}$/);
  await page.goto(verify);
  await page.getByRole("button", { name: t("kk", "mail.verify.submit"), exact: true }).click();
  await expect(page.getByTestId("verify-form").getByRole("status")).toHaveText(t("kk", "mail.account.confirmed"));
}

test("the school admin creates a parent account for the mail journey", async ({ page }) => {
  await createAccount(page, login, displayName, "PARENT");
});

test("a parent adds and verifies an address, recovers the password by the mailed link; an old link is refused", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, login, "kk", { password: FIRST, callbackUrl: "/kk/account" });
  const section = page.getByTestId("email-section");
  // a malformed address: refused with the field named, nothing kept
  const form = page.getByTestId("email-form");
  await form.getByRole("textbox", { name: t("kk", "mail.account.email"), exact: true }).fill("not-an-address");
  await form.getByRole("button", { name: t("kk", "mail.account.save"), exact: true }).click();
  await expect(form.getByText(t("kk", "errors.mail.invalidEmail"))).toBeVisible();
  await expect(page.getByTestId("email-pending")).toHaveCount(0);

  await form.getByRole("textbox", { name: t("kk", "mail.account.email"), exact: true }).fill(email);
  await form.getByRole("button", { name: t("kk", "mail.account.save"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t("kk", "mail.account.sent"));
  await expect(page.getByTestId("email-pending")).toContainText(email);

  // the verification mail, read where the demo keeps mail
  const verify = await readMail(browser, t("kk", "mail.templates.account_verify.subject"));
  expect(verify).toMatch(/^\/kk\/verify-email\/[0-9A-F]{64}$/);
  await page.goto(verify);
  await page.getByRole("button", { name: t("kk", "mail.verify.submit"), exact: true }).click();
  await expect(page.getByTestId("verify-form").getByRole("status")).toHaveText(t("kk", "mail.account.confirmed"));
  await page.goto("/kk/account");
  await expect(section.getByTestId("email-verified")).toContainText(email);

  // signed out, "Forgot password?" from the sign-in page
  await signOut(page);
  await page.goto("/kk/sign-in");
  await page.getByTestId("forgot-link").click();
  await expect(page).toHaveURL(path("/kk/forgot-password"));
  const forgot = page.getByTestId("forgot-form");
  await forgot.getByRole("textbox", { name: t("kk", "mail.recovery.identifier"), exact: true }).fill(login);
  await forgot.getByRole("button", { name: t("kk", "mail.recovery.submit"), exact: true }).click();
  await expect(forgot.getByRole("status")).toHaveText(t("kk", "mail.recovery.requested"));
  // an unknown login gets exactly the same answer
  await forgot.getByRole("textbox", { name: t("kk", "mail.recovery.identifier"), exact: true }).fill(`nobody.${stamp}`);
  await forgot.getByRole("button", { name: t("kk", "mail.recovery.submit"), exact: true }).click();
  await expect(forgot.getByRole("status")).toHaveText(t("kk", "mail.recovery.requested"));

  const reset = await readMail(browser, t("kk", "mail.templates.password_reset.subject"));
  expect(reset).toMatch(/^\/kk\/reset-password\/[0-9A-F]{64}$/);
  await page.goto(reset);
  // a password against the policy is refused and the link still works
  await setPassword(page, "short");
  await expect(page.getByText(t("kk", "errors.mail.password.tooShort"))).toBeVisible();
  await setPassword(page, SECOND);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(t("kk", "mail.recovery.done"));

  // the new password works
  await signIn(page, login, "kk", { password: SECOND, callbackUrl: "/kk/account" });
  await expect(accountName(page)).toHaveText(displayName);
  await signOut(page);

  // the used link is refused
  await page.goto(reset);
  await setPassword(page, THIRD);
  await expect(page.getByTestId("reset-token-error")).toHaveText(t("kk", "errors.mail.tokenInvalid"));
});

test("a forum mention reaches the parent by mail, and one click on its unsubscribe link stops that topic", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  // the department's official answers in the open forum, naming the parent (who reads that forum)
  const official = await (await browser.newContext()).newPage();
  await signInAs(official, "official", "kk", { callbackUrl: "/kk/forums/open-kokshetau" });
  await official.getByTestId("threads").getByRole("link").first().click();
  const note = `@${login} кезек туралы хабарды бөлімнен біле аласыз (${stamp}).`;
  const reply = official.getByTestId("reply-form");
  await reply.locator('textarea[name="body"]').fill(note);
  await reply.getByRole("button", { name: t("kk", "forums.reply"), exact: true }).click();
  await expect(reply.getByRole("status")).toHaveText(t("kk", "forums.replied"));
  await official.context().close();

  // the mail as the demo keeps it: it leads to the thread and carries the unsubscribe link of its topic
  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, "ministry", "kk", { callbackUrl: "/kk/admin/mail" });
  const row = reader.locator(`tr[data-to="${email}"]`).first();
  // the newest mail to the parent, once the reply's notification is queued (the list is newest first)
  await expect(async () => {
    await reader.goto("/kk/admin/mail");
    await row.getByRole("link").first().click();
    await expect(reader.getByTestId("mail-link")).toHaveAttribute("href", /\/kk\/forums\/t\//, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const unsubscribe = /\/kk\/unsubscribe\/\S+/.exec((await reader.getByTestId("mail-text").textContent()) ?? "")?.[0];
  expect(unsubscribe).toBeTruthy();
  await reader.context().close();

  // one click, without signing in
  await page.goto(unsubscribe!);
  const form = page.getByTestId("unsubscribe-form");
  await form.getByRole("button").click();
  await expect(form.getByRole("status")).toHaveText(t("kk", "mail.unsubscribePage.done"));

  // the parent's choices show the forums topic without mail
  await signIn(page, login, "kk", { password: SECOND, callbackUrl: "/kk/account" });
  await expect(page.getByTestId("mail-preferences-form").locator('select[name="forums"]')).toHaveValue("OFF");
  await signOut(page);
});

test("the school admin issues a one-time reset code; the parent sets a password with it", async ({ page, browser }) => {
  const code = await issueResetCode(browser, login, displayName);
  await resetWithCode(page, code, THIRD);
  await signIn(page, login, "kk", { password: THIRD, callbackUrl: "/kk/account" });
  await expect(accountName(page)).toHaveText(displayName);
});

test("the school admin issues a reset code for a pupil; the pupil sets a password with it, used once", async ({
  page,
  browser,
}) => {
  await createAccount(page, pupilLogin, pupilName, "STUDENT");
  await signOut(page);
  const code = await issueResetCode(browser, pupilLogin, pupilName);
  await resetWithCode(page, code, SECOND);
  await signIn(page, pupilLogin, "kk", { password: SECOND, callbackUrl: "/kk/account" });
  await expect(accountName(page)).toHaveText(pupilName);
  await signOut(page);
  // the code is spent
  await page.goto("/kk/reset-password");
  await page
    .getByTestId("reset-form")
    .getByRole("textbox", { name: t("kk", "mail.recovery.code"), exact: true })
    .fill(code);
  await setPassword(page, THIRD);
  await expect(page.getByText(t("kk", "errors.mail.tokenInvalid"))).toBeVisible();
});

test("a teacher marks a pupil absent; the parent's absence mail is kept, readable as HTML and as text", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // the demo parent (of Аружан, 5 А) verifies an address; mail for the diary goes at once by default
  await signInAs(page, "parent", "kk", { callbackUrl: "/kk/account" });
  await addVerifiedAddress(page, browser, parentEmail);

  // the teacher marks Аружан absent in a lesson already held (mathematics of 5 А)
  const teacher = await (await browser.newContext()).newPage();
  await signInAs(teacher, "teacher", "kk", { callbackUrl: "/kk/diary/journal" });
  await teacher
    .getByRole("navigation", { name: t("kk", "diary.journal.pick") })
    .locator('a[href*="subject=c_subject_math"]')
    .first()
    .click();
  const grid = teacher.getByRole("grid", { name: t("kk", "diary.journal.gridLabel") });
  const row = grid.locator("tbody tr").filter({ hasText: "Омарова Аружан" });
  const aruzhan = (await row.getAttribute("data-student-id"))!;
  const free = row.locator('[data-kind="lesson"]:not([aria-readonly]):not([data-status="ABSENT"])').first();
  const cell = teacher.getByTestId((await free.getAttribute("data-testid"))!);
  // Enter opens the cell's editor with its value selected; the absence letter replaces it; Enter saves
  await expect(async () => {
    await cell.click();
    await expect(cell).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await teacher.keyboard.press("Enter");
  const editor = cell.getByRole("textbox");
  await expect(editor).toBeFocused();
  await teacher.keyboard.type(t("kk", "diary.journal.codes.absent"));
  await expect(editor).toHaveValue(t("kk", "diary.journal.codes.absent"));
  await teacher.keyboard.press("Enter");
  await expect(cell).toHaveAttribute("data-status", "ABSENT");
  await expect(teacher.getByTestId("save-state")).toHaveAttribute("data-state", "saved", { timeout: 15_000 });
  await teacher.context().close();

  // the ministry reads the mail where the demo keeps it
  const reader = await (await browser.newContext()).newPage();
  await signInAs(reader, "ministry", "kk", { callbackUrl: "/kk/admin/mail" });
  const absence = reader.locator(`tr[data-to="${parentEmail}"]`).filter({ hasText: "Аружан Омарова" }).first();
  await expect(async () => {
    await reader.goto("/kk/admin/mail");
    await expect(absence).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await absence.getByRole("link").first().click();
  await expect(reader.getByTestId("mail-to")).toHaveText(parentEmail);
  await expect(reader.getByTestId("mail-link")).toHaveAttribute("href", new RegExp(`/kk/diary\\?student=${aruzhan}$`));
  await expect(reader.getByTestId("mail-text")).toContainText("Аружан Омарова");
  await expect(reader.getByTestId("mail-text")).toContainText("/kk/unsubscribe/");
  // the HTML part, framed from its own address under a policy where nothing runs
  const frame = reader.frameLocator('[data-testid="mail-html"]');
  await expect(frame.locator("body")).toContainText("Аружан Омарова");
  await expect(frame.getByRole("link", { name: t("kk", "mail.templates.notification.action") })).toBeVisible();
  const src = (await reader.getByTestId("mail-html").getAttribute("src"))!;
  const html = await reader.request.get(src);
  expect(html.status()).toBe(200);
  expect(html.headers()["content-security-policy"]).toMatch(
    /^default-src 'none'; style-src 'unsafe-inline'; img-src data:;/,
  );
  await audit(reader);
  await reader.setViewportSize(PHONE);
  await audit(reader);
  await reader.context().close();
});
