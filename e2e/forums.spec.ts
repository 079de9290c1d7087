import type { Browser, Page } from "@playwright/test";
import { expect, signInAs, t, test, type SessionLogin } from "./fixtures";

/**
 * Forums end to end: a teacher opens a thread and another teacher replies; a parent asks in the open forum
 * of the Kokshetau education department (a new account's first questions wait for a moderator) and the
 * department's official answers, the answer marked and pinned under the question; three verified teachers
 * flag a post and readers no longer see it; two people in the chat of class 5 А see each other's messages
 * live. Titles and messages are unique per run, since the database outlives one spec.
 */
const L = "kk" as const;
const tr = (key: string) => t(L, key);
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function as(browser: Browser, login: SessionLogin | null, callback = `/${L}/forums`): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (login) await signInAs(page, login, L, { callbackUrl: callback });
  return page;
}

/** From the main menu to a category of the forums. */
async function openCategory(page: Page, slug: string) {
  await page.goto(`/${L}`);
  await page
    .getByRole("navigation", { name: tr("common.nav.label"), exact: true })
    .getByRole("link", { name: tr("common.nav.forums"), exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${L}/forums$`));
  await page.locator(`main a[href="/${L}/forums/${slug}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/${L}/forums/${slug}`));
}

async function newThread(page: Page, title: string, body: string): Promise<string> {
  const form = page.getByTestId("new-thread");
  await form.locator('input[name="title"]').fill(title);
  await form.locator('textarea[name="body"]').fill(body);
  await form.getByRole("button", { name: tr("forums.create"), exact: true }).click();
  const status = form.getByRole("status");
  await expect(status).toBeVisible();
  return (await status.textContent()) ?? "";
}

async function reply(page: Page, body: string, expected = "forums.replied") {
  const form = page.getByTestId("reply-form");
  await form.locator('textarea[name="body"]').fill(body);
  await form.getByRole("button", { name: tr("forums.reply"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(tr(expected));
}

async function openThread(page: Page, title: string) {
  await page.getByTestId("threads").getByRole("link", { name: title, exact: true }).click();
  await expect(page.locator("main h1")).toHaveText(title);
  return page.url();
}

test("a teacher opens a thread and another teacher replies", async ({ browser }) => {
  const title = `Логарифмдерді түсіндіру ${run}`;
  const teacher = await as(browser, "teacher");
  await openCategory(teacher, "teachers-math");
  expect(await newThread(teacher, title, "Әріптестер, логарифмдерді **қалай** түсіндіресіздер?")).toBe(
    tr("forums.threadCreated"),
  );
  const url = await openThread(teacher, title);

  const colleague = await as(browser, "teacher2");
  await colleague.goto(url);
  const answer = `Я начинаю с показательной функции ${run}`;
  await reply(colleague, answer);
  await expect(colleague.getByTestId("post")).toHaveCount(2);

  // the author sees the reply (and the thread is marked as having new posts in the category)
  await openCategory(teacher, "teachers-math");
  await expect(teacher.getByTestId("threads").locator("li", { hasText: title })).toContainText(
    tr("forums.unread").replace("{count}", "1"),
  );
  await openThread(teacher, title);
  const second = teacher.locator('[data-testid="post"][data-number="2"]');
  await expect(second).toContainText(answer);
  await expect(second).toContainText("Дәулет Серіков");

  // readers outside the role do not see the teachers' category
  const visitor = await as(browser, null);
  await visitor.goto(url);
  await expect(visitor.locator("main h1")).not.toHaveText(title);
});

test("a parent asks in an open forum and the official answers", async ({ browser }) => {
  const title = `Мектепке дейінгі топқа орын қашан беріледі? ${run}`;
  const question = "Балабақшаға кезекте тұрмыз, орын қашан берілетінін қайдан білуге болады?";
  const parent = await as(browser, "parent");
  await openCategory(parent, "open-kokshetau");
  const outcome = await newThread(parent, title, question);
  expect([tr("forums.held"), tr("forums.threadCreated")]).toContain(outcome);

  if (outcome === tr("forums.held")) {
    // a new account's first questions wait for a moderator; its author still reads it, marked as waiting,
    // while other readers do not see it; the moderator approves from the queue
    await parent.getByTestId("threads").getByRole("link", { name: title }).click();
    await expect(parent.getByTestId("post").first()).toContainText(question);
    await expect(parent.getByText(tr("forums.heldMark")).first()).toBeVisible();
    const other = await as(browser, null);
    await openCategory(other, "open-kokshetau");
    await expect(other.getByTestId("threads").getByRole("link", { name: title })).toHaveCount(0);
    const moderator = await as(browser, "moderator");
    await moderator.goto(`/${L}/forums`);
    await moderator.getByRole("link", { name: tr("forums.moderation.link"), exact: true }).click();
    const item = moderator.getByTestId("queue-item").filter({ hasText: title });
    await expect(item).toContainText(tr("forums.moderation.statusReason.firstPost"));
    await item.getByRole("button", { name: tr("forums.moderation.restore"), exact: true }).click();
    // approved, it leaves the queue
    await expect(item).toHaveCount(0);
  }

  const official = await as(browser, "official");
  await openCategory(official, "open-kokshetau");
  await expect(official.getByTestId("threads").locator("li", { hasText: title }).getByTestId("awaiting")).toBeVisible();
  const url = await openThread(official, title);
  const answer = `Кезек порталда жаңартылады; нөміріңізді бөлімнен біле аласыз (${run}).`;
  await reply(official, answer);

  // everyone sees the answer marked as official and pinned under the question
  const visitor = await as(browser, null);
  await visitor.goto(url);
  const pinned = visitor.getByTestId("official-answers");
  await expect(pinned).toContainText(answer);
  await expect(pinned.getByTestId("official-mark")).toHaveText(tr("forums.official"));
  await expect(visitor.getByTestId("awaiting")).toHaveCount(0);
  await expect(visitor.getByTestId("post").first()).toContainText(question);
  await visitor.goto(`/${L}/forums/open-kokshetau`);
  await expect(visitor.getByTestId("threads").locator("li", { hasText: title })).toContainText(tr("forums.answered"));
});

test("a reader without a session gets the forums from the page cache, and a new thread reaches it at once", async ({
  browser,
  request,
}) => {
  for (const path of [`/${L}/forums`, `/${L}/forums/parents`]) {
    expect((await request.get(path)).status(), path).toBe(200);
    const again = await request.get(path);
    expect(again.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(again.headers()["set-cookie"], path).toBeUndefined();
  }
  // a category a reader without a session may not read is not found, cached or not
  expect((await request.get(`/${L}/forums/teachers-math`)).status()).toBe(404);

  const title = `Мектеп формасы ${run}`;
  const teacher = await as(browser, "teacher");
  await openCategory(teacher, "parents");
  expect(await newThread(teacher, title, "Мектеп формасы қыркүйектен бастап міндетті ме?")).toBe(
    tr("forums.threadCreated"),
  );
  const visitor = await as(browser, null);
  await openCategory(visitor, "parents");
  await expect(visitor.getByTestId("threads")).toContainText(title);
  await expect(visitor.getByTestId("sign-in-to-post")).toBeVisible();
  // signed in, the page is the reader's own: the form to open a thread is there
  await teacher.goto(`/${L}/forums/parents`);
  await expect(teacher.getByTestId("new-thread")).toBeVisible();
});

test("three trusted users flag a post and it disappears for readers", async ({ browser }) => {
  const title = `Ата-аналар жиналысы ${run}`;
  const teacher = await as(browser, "teacher");
  await openCategory(teacher, "parents");
  expect(await newThread(teacher, title, "Жиналыс жұма күні сағат 18:00-де өтеді.")).toBe(tr("forums.threadCreated"));
  const url = await openThread(teacher, title);

  const word = `rep${run}`;
  const bad = `Бұл жиналыс ешкімге керек емес, бәріңіз ақымақсыз ${word}`;
  const author = await as(browser, "parent2");
  await author.goto(url);
  await reply(author, bad);

  const visitor = await as(browser, null);
  await visitor.goto(url);
  await expect(visitor.getByTestId("post").filter({ hasText: bad })).toHaveCount(1);
  // the portal search finds the reply (the outbox is drained every 2 s) and its link opens it
  const results = visitor.getByTestId("search-results");
  await expect(async () => {
    await visitor.goto(`/${L}/search?q=${word}`);
    await expect(results.locator("li a").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await results.locator("li a").first().click();
  await expect(visitor).toHaveURL(/\/forums\/t\/.*post=2/);
  await expect(visitor.locator("#post-2")).toContainText(bad);

  for (const [i, login] of (["teacher", "teacher2", "teacher3"] as const).entries()) {
    const page = login === "teacher" ? teacher : await as(browser, login);
    await page.goto(url);
    const post = page.getByTestId("post").filter({ hasText: bad });
    await post.getByTestId("flag-open").click();
    const form = post.getByTestId("flag-form");
    await form.locator('select[name="reason"]').selectOption("offensive");
    await form.getByRole("button", { name: tr("forums.flag"), exact: true }).click();
    if (i < 2) {
      // flagged once by this person (no second flag offered); two flags do not hide it
      await expect(post.getByTestId("flag-open")).toHaveCount(0);
      await expect(post).toBeVisible();
    } else {
      // the third trusted flag hides it: the flagger no longer sees it either
      await expect(page.getByTestId("post").filter({ hasText: bad })).toHaveCount(0);
    }
  }

  await visitor.goto(url);
  await expect(visitor.getByTestId("post")).toHaveCount(1);
  await expect(visitor.getByText(bad)).toHaveCount(0);
  // and the search no longer finds it
  await expect(async () => {
    await visitor.goto(`/${L}/search?q=${word}`);
    await expect(results.locator("li a")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // the author still sees it, marked hidden; the moderator finds it in the queue
  await author.reload();
  await expect(author.getByTestId("post").filter({ hasText: bad })).toContainText(tr("forums.hiddenMark"));
  const moderator = await as(browser, "moderator", `/${L}/forums/moderation`);
  await moderator.goto(`/${L}/forums/moderation`);
  await expect(moderator.getByTestId("queue-item").filter({ hasText: bad })).toContainText(
    tr("forums.moderation.statusReason.flags"),
  );
});

test("two members of a class chat see each other's messages live", async ({ browser }) => {
  const student = await as(browser, "student");
  await student.goto(`/${L}/forums`);
  await student.getByRole("link", { name: tr("forums.chat.title"), exact: true }).click();
  await expect(student.getByTestId("chat-room-link")).toHaveCount(1);
  const studentStream = student.waitForResponse((r) => r.url().includes("/events"));
  await student.getByTestId("chat-room-link").click();
  await studentStream;
  const roomUrl = student.url();
  expect(roomUrl).toMatch(/\/forums\/chat\/room_/);

  const teacher = await as(browser, "teacher");
  const teacherStream = teacher.waitForResponse((r) => r.url().includes("/events"));
  await teacher.goto(roomUrl);
  await teacherStream;
  await expect(teacher.getByTestId("chat-mode")).toHaveText(tr("forums.chat.live"));

  const fromTeacher = `Ертеңгі сабаққа сызғыш әкеліңдер ${run}`;
  await teacher.getByLabel(tr("forums.chat.message")).fill(fromTeacher);
  await teacher.getByRole("button", { name: tr("forums.chat.send"), exact: true }).click();
  await expect(teacher.getByTestId("chat-messages")).toContainText(fromTeacher);
  await expect(student.getByTestId("chat-messages")).toContainText(fromTeacher);

  const fromStudent = `Жақсы, апай! ${run}`;
  await student.getByLabel(tr("forums.chat.message")).fill(fromStudent);
  await student.getByRole("button", { name: tr("forums.chat.send"), exact: true }).click();
  await expect(teacher.getByTestId("chat-messages")).toContainText(fromStudent);
  await expect(student.getByTestId("chat-messages").getByText(fromStudent)).toHaveCount(1);
});
