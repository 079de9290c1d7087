/**
 * Sending through SMTP with nodemailer: one pooled transporter per process on SMTP_URL (a few connections
 * reused for many messages). Without SMTP_URL there is no transport and the outbox keeps the mail (STORED).
 */
import { connect, type Socket } from "node:net";
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
    // Nagle's algorithm holds back the short SMTP commands until the server's delayed ACK (about 40 ms a
    // command, some 60 messages a second per connection); plain and STARTTLS connections send at once.
    ...(secure
      ? {}
      : {
          getSocket: (_options: unknown, callback: (error: Error | null, socket?: { connection: Socket }) => void) => {
            const socket = connect({ host: u.hostname, port: Number(u.port) || 587, noDelay: true });
            const failed = (error: Error) => callback(error);
            socket.once("error", failed);
            socket.setTimeout(10_000, () => socket.destroy(new Error("SMTP connection timed out")));
            socket.once("connect", () => {
              socket.off("error", failed);
              socket.setTimeout(0);
              callback(null, { connection: socket });
            });
          },
        }),
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
