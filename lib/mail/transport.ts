/**
 * Sending through SMTP with nodemailer: one pooled transporter per process on SMTP_URL (a few connections
 * reused for many messages). Without SMTP_URL there is no transport and the outbox keeps the mail (STORED).
 */
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { env } from "../env";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A transport on an SMTP URL (smtp://host:port, smtps://user:pass@host:465). */
export function smtpTransport(url: string, { pool = true, maxConnections = 4 } = {}): MailTransport {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  const options: SMTPPool.Options = {
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    pool: pool as true,
    maxConnections,
    maxMessages: Infinity,
    // a local test server has no certificate; ?tls=insecure says so explicitly
    tls: u.searchParams.get("tls") === "insecure" ? { rejectUnauthorized: false } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transporter = nodemailer.createTransport(options);
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close() {
      transporter.close();
    },
  };
}

let shared: MailTransport | null | undefined;

/** This process's transport on SMTP_URL, or null when mail is kept in the database (the embedded demo). */
export function mailTransport(): MailTransport | null {
  if (shared === undefined) {
    const url = env().SMTP_URL;
    shared = url ? smtpTransport(url) : null;
  }
  return shared;
}
