/**
 * The mail outbox: the event's own transaction writes a row (`enqueueMail`), the `mail.outbox` job sends it
 * (`drainMail`). Rows are claimed `FOR UPDATE SKIP LOCKED` with a visibility timeout, as the search outbox, so
 * several instances drain one queue and a drain that dies loses nothing. A temporary failure (4xx, a lost
 * connection) is retried with back-off; a permanent refusal (5xx) or too many attempts fails the mail and
 * marks the recipient's address as failing, which /account shows. Without SMTP_URL the mail is kept
 * (STORED) and read at /admin/mail.
 */
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import { renderMail, type MailParams, type MailTemplate } from "./templates";
import type { MailTransport } from "./transport";

type Tx = Prisma.TransactionClient;

export interface MailToQueue {
  userId?: string | null;
  to: string;
  template: MailTemplate;
  locale: string;
  params?: MailParams;
}

/** Queues mail inside the caller's transaction (nothing is sent if it rolls back). */
export async function enqueueMail(tx: Tx, mails: readonly MailToQueue[]): Promise<number> {
  if (!mails.length) return 0;
  const r = await tx.mailOutbox.createMany({
    data: mails.map((m) => ({
      userId: m.userId ?? null,
      to: m.to,
      template: m.template,
      locale: m.locale,
      params: (m.params ?? {}) as Prisma.InputJsonValue,
    })),
  });
  return r.count;
}

/** Seconds a claimed row stays invisible to other drains. */
export const MAIL_VISIBILITY_SECONDS = 300;
/** Attempts before a mail that keeps failing temporarily is given up. */
export const MAX_ATTEMPTS = 8;

/** Seconds before the n-th retry: 30, 60, 120 … up to an hour. */
export function mailRetrySeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/** Whether a sending error is a permanent refusal (an SMTP 5xx reply) rather than a temporary one. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

interface ClaimedMail {
  id: bigint;
  userId: string | null;
  to: string;
  template: string;
  locale: string;
  params: unknown;
  attempts: number;
}

async function claim(limit: number): Promise<ClaimedMail[]> {
  return prisma.$queryRaw<ClaimedMail[]>`
    UPDATE "MailOutbox" SET "notBefore" = clock_timestamp() + ${MAIL_VISIBILITY_SECONDS}::int * interval '1 second'
     WHERE id IN (SELECT id FROM "MailOutbox" WHERE status = 'QUEUED' AND "notBefore" <= clock_timestamp()
                   ORDER BY id LIMIT ${limit}::int FOR UPDATE SKIP LOCKED)
    RETURNING id, "userId", "to", template, locale, params, attempts`;
}

export interface MailDrainResult {
  sent: number;
  stored: number;
  retried: number;
  failed: number;
}

/** Sends up to `limit` due mails through `transport` (`null`: keep them, no SMTP server), `concurrency` at a time. */
export async function drainMail(
  transport: MailTransport | null,
  { limit = 200, concurrency = 8 }: { limit?: number; concurrency?: number } = {},
): Promise<MailDrainResult> {
  const rows = await claim(limit);
  const result: MailDrainResult = { sent: 0, stored: 0, retried: 0, failed: 0 };
  if (!rows.length) return result;
  if (!transport) {
    const r = await prisma.mailOutbox.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { status: "STORED", sentAt: new Date(), attempts: { increment: 1 } },
    });
    result.stored = r.count;
    return result;
  }
  const from = env().MAIL_FROM;
  const sent: bigint[] = [];
  let next = 0;
  async function worker() {
    while (next < rows.length) {
      const row = rows[next++]!;
      try {
        const mail = await renderMail(row.template, row.locale, (row.params ?? {}) as MailParams);
        await transport!.send({
          from,
          to: row.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.unsubscribeUrl
            ? { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
            : {},
        });
        sent.push(row.id);
      } catch (error) {
        await failed(row, error, result);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
  if (sent.length) {
    await prisma.mailOutbox.updateMany({
      where: { id: { in: sent } },
      data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
    });
  }
  result.sent = sent.length;
  return result;
}

async function failed(row: ClaimedMail, error: unknown, result: MailDrainResult): Promise<void> {
  const message = String((error as Error)?.message ?? error).slice(0, 500);
  const attempts = row.attempts + 1;
  if (isPermanent(error) || attempts >= MAX_ATTEMPTS) {
    result.failed++;
    await prisma.$transaction(async (tx) => {
      await tx.mailOutbox.update({ where: { id: row.id }, data: { status: "FAILED", attempts, lastError: message } });
      // the address is marked failing only when it is still the person's address
      if (row.userId)
        await tx.user.updateMany({
          where: { id: row.userId, email: row.to },
          data: { emailFailedAt: new Date(), emailFailure: message.slice(0, 200) },
        });
    });
  } else {
    result.retried++;
    await prisma.mailOutbox.update({
      where: { id: row.id },
      data: { attempts, lastError: message, notBefore: new Date(Date.now() + mailRetrySeconds(attempts) * 1000) },
    });
  }
}

/** Drains until nothing due is left or `budgetMs` has passed (a job run stays inside its lease). */
export async function drainAllMail(
  transport: MailTransport | null,
  { budgetMs = 45_000, limit, concurrency }: { budgetMs?: number; limit?: number; concurrency?: number } = {},
): Promise<MailDrainResult> {
  const total: MailDrainResult = { sent: 0, stored: 0, retried: 0, failed: 0 };
  const until = Date.now() + budgetMs;
  for (;;) {
    const r = await drainMail(transport, { limit, concurrency });
    total.sent += r.sent;
    total.stored += r.stored;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.sent + r.stored + r.retried + r.failed === 0 || Date.now() > until) return total;
  }
}
