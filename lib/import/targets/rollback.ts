/**
 * The rollback every target shares: rows a run inserted are removed while the record still holds what the
 * run wrote (in bulk, falling back to one at a time when something now refers to some of them), and rows
 * it updated are restored to their values before it; any record changed since is listed and left alone.
 */
import { randomBytes } from "node:crypto";
import { recordAudit, recordAudits } from "../../audit";
import type { Db, RollbackResult, StoredRow } from "./types";

export interface RollbackOps<R extends { id: string }> {
  /** The audit entity of the records. */
  entity: string;
  load(tx: Db, ids: string[]): Promise<R[]>;
  /** Whether the record still holds what the run wrote. */
  same(record: R, row: StoredRow): boolean;
  remove(tx: Db, rows: readonly StoredRow[]): Promise<void>;
  restore(tx: Db, row: StoredRow, record: R): Promise<void>;
  /** What follows records removed or restored (search outbox, figures built from them). */
  touched?(tx: Db, records: R[]): Promise<void>;
}

/** Runs `work` inside a savepoint; false (and nothing of it kept) when it fails. */
export async function attempt(tx: Db, work: () => Promise<unknown>): Promise<boolean> {
  const name = `import_${randomBytes(6).toString("hex")}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    await work();
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return true;
  } catch {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    return false;
  }
}

export async function rollbackRows<R extends { id: string }>(
  tx: Db,
  actorId: string,
  rows: readonly StoredRow[],
  ops: RollbackOps<R>,
): Promise<RollbackResult> {
  const result: RollbackResult = { removed: 0, restored: 0, kept: [] };
  const ids = [...new Set(rows.map((r) => r.entityId).filter((id): id is string => !!id))];
  const current = new Map((ids.length ? await ops.load(tx, ids) : []).map((r) => [r.id, r]));
  const asWritten = (row: StoredRow): R | null => {
    const record = row.entityId ? current.get(row.entityId) : undefined;
    return record && ops.same(record, row) ? record : null;
  };
  const keep = (row: StoredRow) => result.kept.push({ line: row.line, key: row.key });

  const removable: StoredRow[] = [];
  for (const row of rows.filter((r) => r.outcome === "new")) {
    if (asWritten(row)) removable.push(row);
    else keep(row);
  }
  const removed: StoredRow[] = [];
  if (removable.length) {
    if (await attempt(tx, () => ops.remove(tx, removable))) removed.push(...removable);
    else
      for (const row of removable) {
        // something refers to the record now (a user, marks): it stays
        if (await attempt(tx, () => ops.remove(tx, [row]))) removed.push(row);
        else keep(row);
      }
  }
  if (removed.length) {
    const records = removed.map((r) => current.get(r.entityId!)!);
    await recordAudits(
      tx,
      records.map((record) => ({
        actorId,
        action: "delete" as const,
        entity: ops.entity,
        entityId: record.id,
        before: record,
      })),
    );
    await ops.touched?.(tx, records);
    result.removed += removed.length;
  }
  for (const row of rows.filter((r) => r.outcome === "update")) {
    const record = asWritten(row);
    if (!record) {
      keep(row);
      continue;
    }
    await ops.restore(tx, row, record);
    await recordAudit(tx, {
      actorId,
      action: "update",
      entity: ops.entity,
      entityId: record.id,
      before: record,
      after: (row.before ?? {}) as Record<string, unknown>,
    });
    await ops.touched?.(tx, [record]);
    result.restored++;
  }
  return result;
}

/** Whether every written field still holds its value (compared as JSON holds them: dates as ISO text). */
export function holds(record: Record<string, unknown>, written: Record<string, unknown>): boolean {
  return Object.entries(written).every(([k, v]) => plain(record[k]) === plain(v));
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** A fresh id for records a run inserts in bulk. */
export const newId = () => `imp${randomBytes(11).toString("hex")}`;
