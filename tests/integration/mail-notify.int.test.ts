import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { createThread, getThreadPage, replyToThread } from "@/lib/forums/forums";
import { createNotifications } from "@/lib/notifications/create";
import { decide } from "@/lib/publications/workflow";
import { startClockAfterSeed } from "@/tests/setup/clock";
import { viewer } from "@/tests/setup/helpers";
import {
  mailPreferences,
  queueDigests,
  readUnsubscribeToken,
  saveMailPreferences,
  unsubscribe,
  unsubscribeToken,
} from "@/lib/mail/notify";
import { renderMail } from "@/lib/mail/templates";
import { POST as unsubscribePost, GET as unsubscribeGet } from "@/app/api/v1/mail/unsubscribe/route";

vi.mock("@/lib/auth/config", () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));

let teacher: Viewer, teacher2: Viewer;
let clock = Date.UTC(2027, 2, 1);
const later = (minutes = 60) => new Date((clock += minutes * 60_000));

beforeAll(() => startClockAfterSeed(3_600_000));
afterAll(() => {
  vi.useRealTimers();
});

beforeAll(async () => {
  teacher = await viewer("u_teacher");
  teacher2 = await viewer("u_teacher2");
  await prisma.user.update({
    where: { id: "u_teacher" },
    data: { email: "teacher@example.kz", emailVerifiedAt: new Date(), mailLocale: "en" },
  });
});

const mailsTo = (to: string) => prisma.mailOutbox.findMany({ where: { to }, orderBy: { id: "asc" } });

const call = (handler: typeof unsubscribePost, method: string, token: string) =>
  handler(new Request(`http://localhost/api/v1/mail/unsubscribe?token=${encodeURIComponent(token)}`, { method }), {
    params: Promise.resolve({}),
  });

describe("notifications by e-mail", () => {
  it("a forum reply mails its author at once, in the author's mail language, with a one-click unsubscribe", async () => {
    const { id } = await createThread(
      teacher,
      { categoryId: "fc_math", title: "Бөлшектер", body: "Сұрақ бар" },
      { now: later() },
    );
    const page = await getThreadPage(teacher, id);
    await replyToThread(teacher2, { threadId: id, body: "Жауап", replyToId: page.posts[0]!.id }, { now: later() });
    const mails = await mailsTo("teacher@example.kz");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "notification", locale: "en", userId: "u_teacher" });
    const rendered = await renderMail(mails[0]!.template, mails[0]!.locale, mails[0]!.params as never);
    expect(rendered.url).toMatch(/^https?:\/\/[^/]+\/en\/forums\//);
    expect(rendered.unsubscribeUrl).toMatch(/\/api\/v1\/mail\/unsubscribe\?token=/);
    expect(rendered.text).toMatch(/\/en\/unsubscribe\//);
    // a person without a verified address gets no mail (teacher2 replied, the thread's other readers none)
    expect(await prisma.mailOutbox.count({ where: { userId: "u_teacher2" } })).toBe(0);
  });

  it("unsubscribes one topic with one click, without signing in; a forged token changes nothing", async () => {
    const token = unsubscribeToken("u_teacher", "forums");
    expect(readUnsubscribeToken(token)).toEqual({ userId: "u_teacher", topic: "forums" });
    expect(readUnsubscribeToken(token.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toBeNull();
    expect(readUnsubscribeToken("u_teacher2.forums." + token.split(".")[2])).toBeNull();
    const forged = await call(unsubscribePost, "POST", "u_teacher.forums.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(forged.status).toBe(404);
    expect((await mailPreferences("u_teacher")).forums).toBe("IMMEDIATE");
    // a GET (a link scanner, a browser) only leads to the page with the button
    const get = await call(unsubscribeGet, "GET", token);
    expect(get.status).toBe(303);
    expect((await mailPreferences("u_teacher")).forums).toBe("IMMEDIATE");
    const post = await call(unsubscribePost, "POST", token);
    expect(post.status).toBe(200);
    expect(await mailPreferences("u_teacher")).toMatchObject({ forums: "OFF", reporting: "IMMEDIATE" });
    // no more forum mail; in the portal still
    const before = (await mailsTo("teacher@example.kz")).length;
    const notes = await prisma.notification.count({ where: { userId: "u_teacher" } });
    await prisma.$transaction((tx) =>
      createNotifications(tx, [{ userId: "u_teacher", kind: "forums_reply", payload: { threadId: "x" } }]),
    );
    expect((await mailsTo("teacher@example.kz")).length).toBe(before);
    expect(await prisma.notification.count({ where: { userId: "u_teacher" } })).toBe(notes + 1);
    expect(await unsubscribe("garbage")).toBeNull();
  });

  it("a daily digest collects the chosen topics once a day", async () => {
    await saveMailPreferences("u_teacher", { services: "DIGEST", forums: "OFF" });
    const before = (await mailsTo("teacher@example.kz")).length;
    await prisma.$transaction((tx) =>
      createNotifications(tx, [
        { userId: "u_teacher", kind: "services_new", payload: { applicationId: "a1", service: "CERTIFICATE" } },
        { userId: "u_teacher", kind: "services_new", payload: { applicationId: "a2", service: "CERTIFICATE" } },
      ]),
    );
    // nothing at once
    expect((await mailsTo("teacher@example.kz")).length).toBe(before);
    expect(await queueDigests(new Date(Date.now() + 1000))).toBe(1);
    const digest = (await mailsTo("teacher@example.kz")).at(-1)!;
    expect(digest.template).toBe("digest");
    const rendered = await renderMail("digest", digest.locale, digest.params as never);
    expect(rendered.subject).toContain("(2)");
    // not again the same day
    expect(await queueDigests(new Date(Date.now() + 2000))).toBe(0);
  });

  it("dedupe keys keep reminders idempotent, and mail goes only with the notification actually created", async () => {
    await saveMailPreferences("u_teacher", { reporting: "IMMEDIATE" });
    const before = (await mailsTo("teacher@example.kz")).length;
    const row = {
      userId: "u_teacher",
      kind: "reporting_reminder_d7" as const,
      payload: { formCode: "F1", periodLabel: "2026" },
      dedupeKey: "test-reminder-1",
    };
    expect(await prisma.$transaction((tx) => createNotifications(tx, [row]))).toBe(1);
    expect(await prisma.$transaction((tx) => createNotifications(tx, [row]))).toBe(0);
    expect((await mailsTo("teacher@example.kz")).length).toBe(before + 1);
  });

  it("an editor's decision mails the author, with the remarks and a link to the author's page", async () => {
    const submitted = await prisma.publication.create({
      data: {
        type: "LESSON_PLAN",
        status: "IN_REVIEW",
        language: "kk",
        title: "Бөлшектерді қосу",
        body: "Сабақ жоспары",
        html: "<p>Сабақ жоспары</p>",
        authorId: "u_teacher2",
      },
      select: { id: true, authorId: true, title: true },
    });
    const author = submitted!.authorId;
    await prisma.user.update({
      where: { id: author },
      data: { email: `author-${author}@example.kz`, emailVerifiedAt: new Date(), mailLocale: "ru" },
    });
    await saveMailPreferences(author, { publications: "IMMEDIATE" });
    const editor = await viewer("u_editor");
    await decide(editor, { id: submitted!.id, decision: "requestChanges", remarks: "Уточните источники" });
    const mails = await mailsTo(`author-${author}@example.kz`);
    expect(mails).toHaveLength(1);
    const rendered = await renderMail(mails[0]!.template, mails[0]!.locale, mails[0]!.params as never);
    expect(rendered.subject).toContain(submitted!.title);
    expect(rendered.subject).toContain("нужны изменения");
    expect(rendered.text).toContain("Уточните источники");
    expect(rendered.url).toMatch(new RegExp(`/ru/account/publications/${submitted!.id}$`));
  });
});
