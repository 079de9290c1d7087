/**
 * The one way to create in-portal notifications: the rows, and in the same transaction the e-mail of those
 * whose recipients chose it (lib/mail/notify.ts). A row with an organisation and no user is the organisation's:
 * its mail goes to the people holding the topic's role there. Returns how many notifications were created.
 */
import type { Prisma } from "../generated/prisma/client";
import type { NotificationKind } from "./kinds";
import { mailNotifications } from "../mail/notify";

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
  const created = await tx.notification.createManyAndReturn({
    data: data.map((n) => ({ ...n, payload: n.payload ?? {} })),
    skipDuplicates: true,
    select: { userId: true, organizationId: true, kind: true, payload: true },
  });
  await mailNotifications(tx, created);
  return created.length;
}
