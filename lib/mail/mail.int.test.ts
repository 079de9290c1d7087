import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { prisma } from "@/lib/db";
import { refusal, viewer } from "@/tests/setup/helpers";
import { drainMail, enqueueMail, mailRetrySeconds } from "./outbox";
import { smtpTransport, type MailTransport } from "./transport";
import { renderMail } from "./templates";
import { listMail, mailDetail } from "./admin";

/** A real SMTP server in the test: what it receives, and recipients it refuses for good (5xx) or for now (4xx). */
interface Received {
  from: string;
  to: string[];
  raw: string;
}
const received: Received[] = [];
let server: SMTPServer;
let transport: MailTransport;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce@"))
        return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
      if (address.address.startsWith("later@"))
        return callback(Object.assign(new Error("4.2.0 Try again later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  transport = smtpTransport(`smtp://127.0.0.1:${port}`, { pool: false });
});

afterAll(async () => {
  transport?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  received.length = 0;
  await prisma.mailOutbox.deleteMany();
});

/** Decodes the quoted-printable / base64 parts of a raw message well enough to search its text. */
function decoded(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, "").replace(/((?:=[0-9A-F]{2})+)/g, (m) => {
    const bytes = m
      .split("=")
      .filter(Boolean)
      .map((h) => parseInt(h, 16));
    return Buffer.from(bytes).toString("utf8");
  });
  const b64 = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\s/g, ""), "base64").toString("utf8"))
    .join("\n");
  return `${qp}\n${b64}`;
}

describe("mail outbox", () => {
  it("writes mail with the event's transaction and nothing when it rolls back", async () => {
    await prisma
      .$transaction(async (tx) => {
        await enqueueMail(tx, [
          { to: "a@example.kz", template: "account.verify", locale: "ru", params: { name: "A" } },
        ]);
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await prisma.mailOutbox.count()).toBe(0);
    await prisma.$transaction((tx) =>
      enqueueMail(tx, [{ to: "a@example.kz", template: "account.verify", locale: "ru", params: { name: "A" } }]),
    );
    expect(await prisma.mailOutbox.count()).toBe(1);
  });

  it("sends through a real SMTP server: HTML and text parts in the recipient's language, absolute links", async () => {
    await prisma.$transaction((tx) =>
      enqueueMail(tx, [
        {
          userId: "u_parent",
          to: "parent@example.kz",
          template: "password.reset",
          locale: "ru",
          params: { name: "Ерлан", login: "parent", token: "tok123" },
        },
      ]),
    );
    const r = await drainMail(transport);
    expect(r).toEqual({ sent: 1, stored: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(["parent@example.kz"]);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    const text = decoded(mail.raw);
    expect(text).toContain("Задайте новый пароль");
    expect(text).toContain("/ru/reset-password/tok123");
    expect(text).toMatch(/https?:\/\/[^/]+\/ru\/reset-password\/tok123/);
    const row = await prisma.mailOutbox.findFirstOrThrow();
    expect(row.status).toBe("SENT");
    expect(row.sentAt).not.toBeNull();
    // sent once: a second drain finds nothing
    expect((await drainMail(transport)).sent).toBe(0);
  });

  it("escapes values into the HTML part", async () => {
    const m = await renderMail("account.verify", "en", { name: "<script>alert(1)</script>", token: "t" });
    expect(m.html).not.toContain("<script>alert(1)</script>");
    expect(m.html).toContain("&lt;script&gt;");
    expect(m.text).toContain("<script>alert(1)</script>");
    expect(m.subject).toBe("Confirm your e-mail address");
  });

  it("carries List-Unsubscribe and List-Unsubscribe-Post on notification mail", async () => {
    await prisma.$transaction((tx) =>
      enqueueMail(tx, [
        {
          to: "teacher@example.kz",
          template: "notification",
          locale: "kk",
          params: { kind: "forums_reply", payload: { threadTitle: "T", slug: "s", threadId: "x" }, unsubscribe: "sig" },
        },
      ]),
    );
    await drainMail(transport);
    expect(received).toHaveLength(1);
    expect(received[0]!.raw).toMatch(/List-Unsubscribe: <https?:\/\/[^>]+\/api\/v1\/mail\/unsubscribe\?token=sig>/);
    expect(received[0]!.raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  });

  it("retries a temporary refusal with back-off and marks the address failing on a permanent one", async () => {
    await prisma.user.update({ where: { id: "u_parent" }, data: { email: "bounce@example.kz" } });
    await prisma.$transaction((tx) =>
      enqueueMail(tx, [
        { userId: "u_parent", to: "bounce@example.kz", template: "account.verify", locale: "kk", params: {} },
        { to: "later@example.kz", template: "account.verify", locale: "kk", params: {} },
      ]),
    );
    const r = await drainMail(transport);
    expect(r).toMatchObject({ sent: 0, retried: 1, failed: 1 });
    const [bounce, later] = await prisma.mailOutbox.findMany({ orderBy: { id: "asc" } });
    expect(bounce!.status).toBe("FAILED");
    expect(later!.status).toBe("QUEUED");
    expect(later!.attempts).toBe(1);
    expect(later!.notBefore.getTime()).toBeGreaterThan(Date.now() + (mailRetrySeconds(1) - 5) * 1000);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: "u_parent" } });
    expect(user.emailFailedAt).not.toBeNull();
    expect(user.emailFailure).toMatch(/No such mailbox/);
    await prisma.user.update({
      where: { id: "u_parent" },
      data: { email: null, emailFailedAt: null, emailFailure: null },
    });
  });

  it("keeps mail without an SMTP server; only the ministry admin reads it", async () => {
    await prisma.$transaction((tx) =>
      enqueueMail(tx, [
        { to: "x@example.kz", template: "account.verify", locale: "en", params: { name: "X", token: "abc" } },
      ]),
    );
    expect(await drainMail(null)).toMatchObject({ stored: 1 });
    const ministry = await viewer("u_ministry");
    const list = await listMail(ministry, { page: 1 });
    expect(list.rows[0]).toMatchObject({
      to: "x@example.kz",
      status: "STORED",
      subject: "Confirm your e-mail address",
    });
    const one = await mailDetail(ministry, list.rows[0]!.id);
    expect(one.mail.url).toMatch(/\/en\/verify-email\/abc$/);
    expect((await refusal(listMail(await viewer("u_school"), { page: 1 }))).code).toBe("forbidden");
    expect((await refusal(mailDetail(ministry, "999999"))).code).toBe("notFound");
  });
});
