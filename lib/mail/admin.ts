/** What /admin/mail shows the ministry administrator: the outbox, newest first, and one mail's text. */
import "server-only";
import { prisma } from "../db";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { env } from "../env";
import { pageWindow } from "../data-table/params";
import type { MailStatus } from "../generated/prisma/enums";
import { renderMail, type MailParams, type RenderedMail } from "./templates";

export const MAIL_PAGE_SIZE = 50;

/**
 * The policy of a mail's HTML part shown to the administrator (app/api/v1/mail/[id]/html): nothing may run
 * or load (inline styles and data: images only), the document is sandboxed, and only the portal frames it.
 */
export const MAIL_HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

export interface MailRow {
  id: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

async function subjectOf(template: string, locale: string, params: unknown): Promise<string> {
  return renderMail(template, locale, (params ?? {}) as MailParams).then(
    (m) => m.subject,
    () => template,
  );
}

/** The transport in use: "smtp" with SMTP_URL, otherwise "store" (mail kept here). */
export function mailMode(): "smtp" | "store" {
  return env().SMTP_URL ? "smtp" : "store";
}

export async function listMail(
  viewer: Viewer | null,
  { page }: { page: number },
): Promise<{ rows: MailRow[]; total: number; size: number }> {
  authorizeViewer(viewer, "mail.read");
  const [rows, total] = await Promise.all([
    prisma.mailOutbox.findMany({
      orderBy: { id: "desc" },
      ...pageWindow({ page, pageSize: MAIL_PAGE_SIZE }),
    }),
    prisma.mailOutbox.count(),
  ]);
  return {
    rows: await Promise.all(
      rows.map(async (r) => ({
        id: String(r.id),
        to: r.to,
        subject: await subjectOf(r.template, r.locale, r.params),
        status: r.status,
        attempts: r.attempts,
        lastError: r.lastError,
        createdAt: r.createdAt,
      })),
    ),
    total,
    size: MAIL_PAGE_SIZE,
  };
}

export async function mailDetail(viewer: Viewer | null, id: string): Promise<MailRow & { mail: RenderedMail }> {
  authorizeViewer(viewer, "mail.read");
  if (!/^[0-9]{1,18}$/.test(id)) throw new AppError("notFound");
  const r = await prisma.mailOutbox.findUnique({ where: { id: BigInt(id) } });
  if (!r) throw new AppError("notFound");
  const mail = await renderMail(r.template, r.locale, (r.params ?? {}) as MailParams);
  return {
    id: String(r.id),
    to: r.to,
    subject: mail.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    mail,
  };
}
