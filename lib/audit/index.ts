import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Fields never copied into the audit trail. */
const SECRET_FIELDS = new Set(["passwordHash"]);

function snapshot(value: object | null | undefined): Prisma.InputJsonValue | undefined {
  if (!value) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_FIELDS.has(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out as Prisma.InputJsonValue;
}

/** Only the fields that changed, so the log reads "old → new". */
export function changedFields(
  before: object,
  after: object,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  for (const [k, v] of Object.entries(after)) {
    if (k === "updatedAt" || k === "version" || SECRET_FIELDS.has(k)) continue;
    const old = (before as Record<string, unknown>)[k];
    if (JSON.stringify(norm(old)) !== JSON.stringify(norm(v))) {
      b[k] = norm(old);
      a[k] = norm(v);
    }
  }
  return { before: b, after: a };
}

/**
 * Records who changed what, in the same transaction as the change itself (so a rolled-back change leaves
 * no audit entry, and a committed one always has one).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: auditRow(entry) });
}

/** Several audit entries in one statement (bulk writers such as imports), in the same transaction as their change. */
export async function recordAudits(
  tx: Tx,
  entries: readonly (AuditEntry & { action: "create" | "update" | "delete" })[],
): Promise<void> {
  if (!entries.length) return;
  await tx.auditLog.createMany({ data: entries.map(auditRow) });
}

/** One change as the audit log records it. */
export interface AuditEntry {
  actorId: string | null;
  action: "create" | "update" | "delete" | "grant" | "revoke";
  entity: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  };
}
