import "server-only";
import { prisma } from "../db";

/**
 * Sign-in and session events in the audit log: refusals (a wrong, reused or expired code, a used recovery
 * code, a revoked or forged session token, a replayed sign-in) and changes to sessions and second factors.
 * Never the code, password or token itself. A failure to write is logged and does not fail the request.
 */
export async function recordSecurityEvent(event: {
  userId: string | null;
  action: "refuse" | "create" | "update" | "delete" | "revoke";
  entity: "SecondFactor" | "Session" | "SignIn";
  entityId?: string;
  detail: string;
  address?: string;
}): Promise<void> {
  await prisma.auditLog
    .create({
      data: {
        actorId: event.userId,
        action: event.action,
        entity: event.entity,
        entityId: event.entityId ?? event.userId ?? "-",
        after: { detail: event.detail, ...(event.address ? { address: event.address } : {}) },
      },
    })
    .catch((error: unknown) => console.error("[auth] audit entry not written", error));
}
