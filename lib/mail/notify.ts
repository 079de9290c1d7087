/**
 * Notifications by e-mail. Every module creates its in-portal notifications through `createNotifications`
 * (lib/notifications/create.ts), which calls `mailNotifications` in the same transaction: a person with a
 * verified, not failing address whose choice for the notification's topic is "immediately" gets a mail in the
 * outbox; "daily digest" collects the topic's notifications into one mail a day (`queueDigests`, a job);
 * "off" sends nothing. Each mail carries a signed one-click unsubscribe token for its topic.
 *
 * A notification of an organisation with no single recipient (`userId` null, `organizationId` set, e.g. a
 * report returned to the organisation) is mailed to the people who hold, at that organisation, a role with
 * the topic's permission (`ORGANIZATION_RECIPIENTS`), each by their own choice for the topic.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { roleHas, rolesWith, type Permission } from "../auth/permissions";
import { prisma } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import type { MailMode, NotificationKind } from "../generated/prisma/enums";
import { enqueueMail, type MailToQueue } from "./outbox";

type Tx = Prisma.TransactionClient;

/** The topics a person chooses for: each notification kind belongs to the topic its name starts with. */
export const MAIL_TOPICS = ["reporting", "services", "diary", "forums", "publications", "staff"] as const;
export type MailTopic = (typeof MAIL_TOPICS)[number];
export const MAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const satisfies readonly MailMode[];
export const DEFAULT_MODE: MailMode = "IMMEDIATE";

/**
 * Who receives the mail of an organisation's notification of each topic: the people holding, at that
 * organisation, a role with this permission (the school administrators for reporting, the diary, staff,
 * publications and forums; those who process applications for e-services).
 */
export const ORGANIZATION_RECIPIENTS: Record<MailTopic, Permission> = {
  reporting: "reporting.submit",
  services: "services.process",
  diary: "diary.manage",
  forums: "diary.manage",
  publications: "diary.manage",
  staff: "staff.manage",
};

/** Whether a person's roles make them a recipient of an organisation's notification of `topic`. */
function receivesFor(
  roles: readonly { role: Parameters<typeof roleHas>[0]; organizationId: string | null }[],
  organizationId: string,
  topic: MailTopic,
): boolean {
  return roles.some((r) => r.organizationId === organizationId && roleHas(r.role, ORGANIZATION_RECIPIENTS[topic]));
}

export function topicOf(kind: NotificationKind): MailTopic {
  const topic = kind.slice(0, kind.indexOf("_")) as MailTopic;
  return MAIL_TOPICS.includes(topic) ? topic : "reporting";
}

function secret(): string {
  const s = env().AUTH_SECRET;
  if (!s && env().NODE_ENV === "production") throw new Error("AUTH_SECRET is needed to sign unsubscribe links");
  return s ?? "eiso-development-mail-unsubscribe";
}

function signature(userId: string, topic: string): string {
  return createHmac("sha256", secret()).update(`unsubscribe\n${userId}\n${topic}`).digest("base64url").slice(0, 32);
}

/** A token that turns one topic's mail off for one person, without signing in: `<userId>.<topic>.<signature>`. */
export function unsubscribeToken(userId: string, topic: MailTopic): string {
  return `${userId}.${topic}.${signature(userId, topic)}`;
}

/** The person and topic of a valid token, or null for a forged or malformed one. */
export function readUnsubscribeToken(token: string): { userId: string; topic: MailTopic } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, topic, sig] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId) || !(MAIL_TOPICS as readonly string[]).includes(topic)) return null;
  const expected = Buffer.from(signature(userId, topic));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, topic: topic as MailTopic };
}

/** Turns a topic's mail off (one-click unsubscribe); returns false for an invalid token. */
export async function unsubscribe(token: string): Promise<{ userId: string; topic: MailTopic } | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  const exists = await prisma.user.count({ where: { id: target.userId } });
  if (!exists) return null;
  await prisma.notificationPreference.upsert({
    where: { userId_topic: { userId: target.userId, topic: target.topic } },
    create: { userId: target.userId, topic: target.topic, mode: "OFF" },
    update: { mode: "OFF" },
  });
  return target;
}

/** A person's choice for every topic (IMMEDIATE where none was made). */
export async function mailPreferences(userId: string): Promise<Record<MailTopic, MailMode>> {
  const rows = await prisma.notificationPreference.findMany({ where: { userId } });
  const out = Object.fromEntries(MAIL_TOPICS.map((t) => [t, DEFAULT_MODE])) as Record<MailTopic, MailMode>;
  for (const r of rows) if ((MAIL_TOPICS as readonly string[]).includes(r.topic)) out[r.topic as MailTopic] = r.mode;
  return out;
}

export async function saveMailPreferences(userId: string, prefs: Partial<Record<MailTopic, MailMode>>): Promise<void> {
  await prisma.$transaction(
    Object.entries(prefs).map(([topic, mode]) =>
      prisma.notificationPreference.upsert({
        where: { userId_topic: { userId, topic } },
        create: { userId, topic, mode: mode! },
        update: { mode: mode! },
      }),
    ),
  );
}

export interface NotificationToMail {
  userId: string | null;
  organizationId?: string | null;
  kind: NotificationKind;
  payload: unknown;
}

/**
 * The people an organisation's notifications (no `userId`) go to: per organisation and topic, the active
 * holders of a role with the topic's permission there. One query for all.
 */
export async function organizationRecipients(
  tx: Tx,
  notifications: readonly NotificationToMail[],
): Promise<Map<string, string[]>> {
  const wanted = new Map<string, Set<MailTopic>>();
  for (const n of notifications)
    if (!n.userId && n.organizationId)
      wanted.set(n.organizationId, (wanted.get(n.organizationId) ?? new Set()).add(topicOf(n.kind)));
  const out = new Map<string, string[]>();
  if (!wanted.size) return out;
  const roles = [
    ...new Set(
      [...wanted.values()].flatMap((topics) => [...topics].flatMap((t) => rolesWith(ORGANIZATION_RECIPIENTS[t]))),
    ),
  ];
  const holders = await tx.roleAssignment.findMany({
    where: { organizationId: { in: [...wanted.keys()] }, role: { in: roles }, user: { active: true } },
    select: { userId: true, role: true, organizationId: true },
  });
  for (const [organizationId, topics] of wanted)
    for (const topic of topics)
      out.set(`${organizationId}:${topic}`, [
        ...new Set(holders.filter((h) => receivesFor([h], organizationId, topic)).map((h) => h.userId)),
      ]);
  return out;
}

/**
 * Queues the "immediately" mail of new notifications, in the caller's transaction: one query for the
 * recipients' addresses and choices (one more for an organisation's notifications), one insert for the mail.
 */
export async function mailNotifications(tx: Tx, notifications: readonly NotificationToMail[]): Promise<number> {
  const byOrganization = await organizationRecipients(tx, notifications);
  const personal = notifications.flatMap((n) =>
    n.userId
      ? [{ ...n, userId: n.userId }]
      : n.organizationId
        ? (byOrganization.get(`${n.organizationId}:${topicOf(n.kind)}`) ?? []).map((userId) => ({ ...n, userId }))
        : [],
  );
  if (!personal.length) return 0;
  const userIds = [...new Set(personal.map((n) => n.userId))];
  const users = await tx.user.findMany({
    where: { id: { in: userIds }, active: true, email: { not: null }, emailFailedAt: null },
    select: { id: true, email: true, locale: true, mailLocale: true, notificationPreferences: true },
  });
  if (!users.length) return 0;
  const byId = new Map(users.map((u) => [u.id, u]));
  const mails: MailToQueue[] = [];
  for (const n of personal) {
    const user = byId.get(n.userId);
    if (!user) continue;
    const topic = topicOf(n.kind);
    const mode = user.notificationPreferences.find((p) => p.topic === topic)?.mode ?? DEFAULT_MODE;
    if (mode !== "IMMEDIATE") continue;
    mails.push({
      userId: user.id,
      to: user.email!,
      template: "notification",
      locale: user.mailLocale ?? user.locale,
      params: { kind: n.kind, payload: n.payload ?? {}, unsubscribe: unsubscribeToken(user.id, topic) },
    });
  }
  return enqueueMail(tx, mails);
}

/**
 * The daily digest: for each person with a digest topic, a verified address and no digest in the last day,
 * one mail with the notifications of those topics since the last digest. Returns the digests queued.
 */
export async function queueDigests(now = new Date(), limit = 500): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const users = await prisma.user.findMany({
    where: {
      active: true,
      email: { not: null },
      emailFailedAt: null,
      notificationPreferences: { some: { mode: "DIGEST" } },
      OR: [{ mailDigestAt: null }, { mailDigestAt: { lte: dayAgo } }],
    },
    select: {
      id: true,
      email: true,
      locale: true,
      mailLocale: true,
      mailDigestAt: true,
      notificationPreferences: true,
      roles: { where: { organizationId: { not: null } }, select: { role: true, organizationId: true } },
    },
    take: limit,
  });
  let queued = 0;
  for (const user of users) {
    const topics = user.notificationPreferences.filter((p) => p.mode === "DIGEST").map((p) => p.topic);
    const since = user.mailDigestAt ?? dayAgo;
    // the person's own notifications and those of the organisations where they are a recipient
    const organizations = [...new Set(user.roles.map((r) => r.organizationId!))];
    const rows = await prisma.notification.findMany({
      where: {
        createdAt: { gt: since, lte: now },
        OR: [{ userId: user.id }, { userId: null, organizationId: { in: organizations } }],
      },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { kind: true, payload: true, userId: true, organizationId: true },
    });
    const items = rows.filter(
      (r) =>
        topics.includes(topicOf(r.kind)) &&
        (r.userId !== null || receivesFor(user.roles, r.organizationId!, topicOf(r.kind))),
    );
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { mailDigestAt: now } });
      if (items.length)
        queued += await enqueueMail(tx, [
          {
            userId: user.id,
            to: user.email!,
            template: "digest",
            locale: user.mailLocale ?? user.locale,
            params: { items: items.map((i) => ({ kind: i.kind, payload: i.payload })) },
          },
        ]);
    });
  }
  return queued;
}
