/**
 * The preschool queue of a district: positions are recomputed inside the transaction that changes the
 * queue (a new application, an accepted place, a refusal), under a per-district lock, and every applicant
 * whose position moved gets a notification with the old and the new position.
 */
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { queuePositions, QUEUE_STATUSES } from "./rules";
import type { ServicesNotificationKind } from "./notifications";
import { createNotifications } from "../notifications/create";

type Tx = Prisma.TransactionClient;

/** Serialises changes of one district's queue (PostgreSQL and PGlite alike). */
export async function lockQueue(tx: Tx, territoryId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`preschool-queue:${territoryId}`})::bigint)`;
}

/** Recomputes the district queue's positions; returns how many applications moved. */
export async function renumberQueue(
  tx: Tx,
  territoryId: string,
  options: { silentFor?: string } = {},
): Promise<number> {
  await lockQueue(tx, territoryId);
  const entries = await tx.serviceApplication.findMany({
    where: { kind: "PRESCHOOL", territoryId, status: { in: [...QUEUE_STATUSES] } },
    select: { id: true, priority: true, createdAt: true, queuePosition: true, applicantId: true, organizationId: true },
  });
  const positions = queuePositions(entries);
  const moved = entries.filter((e) => e.queuePosition !== positions.get(e.id));
  if (moved.length === 0) return 0;
  // One statement for all moves (a place taken at the head moves the whole queue up).
  await tx.$executeRaw`
    UPDATE "ServiceApplication" AS a SET "previousPosition" = a."queuePosition", "queuePosition" = v.pos
    FROM unnest(${moved.map((e) => e.id)}::text[], ${moved.map((e) => positions.get(e.id)!)}::int[]) AS v(id, pos)
    WHERE a.id = v.id`;
  const told = moved.filter((e) => e.queuePosition !== null && e.id !== options.silentFor);
  if (told.length) {
    await createNotifications(
      tx,
      told.map((e) => ({
        userId: e.applicantId,
        organizationId: e.organizationId,
        kind: "services_queue_moved" satisfies ServicesNotificationKind,
        payload: { applicationId: e.id, service: "PRESCHOOL", from: e.queuePosition, to: positions.get(e.id)! },
      })),
    );
  }
  return moved.length;
}
