/**
 * The one way to create in-portal notifications: the rows, and in the same transaction the e-mail of those
 * whose recipients chose it (lib/mail/notify.ts). A notification for an organisation (no user) is given to
 * each person holding the topic's role there, as their own row: it is in their list, read by each on their
 * own, and mailed as each chose. Returns how many notifications were created.
 */
import type { Prisma } from "../generated/prisma/client";
import type { NotificationKind } from "./kinds";
import { mailNotifications, organizationRecipients, topicOf } from "../mail/notify";

type Tx = Prisma.TransactionClient;

export interface NewNotification {
  userId?: string | null;
  organizationId?: string | null;
  kind: NotificationKind;
  payload?: Prisma.InputJsonValue;
  dedupeKey?: string | null;
}

/**
 * Creates the notifications (rows with a dedupe key already present are skipped, so reminders stay
 * idempotent) and queues the mail of the ones actually created.
 */
export async function createNotifications(tx: Tx, data: readonly NewNotification[]): Promise<number> {
  if (!data.length) return 0;
  const holders = await organizationRecipients(
    tx,
    data.map((n) => ({ ...n, userId: n.userId ?? null, payload: n.payload ?? {} })),
  );
  const rows = data.flatMap((n) =>
    n.userId || !n.organizationId
      ? [n]
      : (holders.get(`${n.organizationId}:${topicOf(n.kind)}`) ?? []).map((userId) => ({
          ...n,
          userId,
          dedupeKey: n.dedupeKey ? `${n.dedupeKey}:${userId}` : n.dedupeKey,
        })),
  );
  if (!rows.length) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: rows.map((n) => ({ ...n, payload: n.payload ?? {} })),
    skipDuplicates: true,
    select: { userId: true, organizationId: true, kind: true, payload: true },
  });
  await mailNotifications(tx, created);
  return created.length;
}
