import type { Prisma } from "../../generated/prisma/client";
import type { Permission } from "../../auth/permissions";
import type { Scope } from "../../auth/scope";
import type { TargetField } from "../mapping";

export type Db = Prisma.TransactionClient;

export type Outcome = "new" | "update" | "unchanged" | "duplicate" | "invalid";

/** One row's classification: `key` is its natural key (BIN, IIN), `changes` the fields an update would change. */
export interface RowResult {
  line: number;
  key: string;
  outcome: Outcome;
  changes: string[];
  /** The field a problem is about (invalid rows). */
  field?: string;
  /** Message key (under `errors.`) of why a row is invalid or a duplicate. */
  reason?: string;
  params?: Record<string, string | number>;
  /** What a run would write (new and update rows): the target's own shape, resolved references included. */
  data?: Record<string, unknown>;
  /** The id of the record an update or unchanged row is about. */
  id?: string;
}

/** What a run records of a written row: the record, its values before (updates) and after, its version after. */
export interface Written {
  entityId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  version?: number;
  /** A second record the row created (a class enrolment, a lesson), removed again by a rollback. */
  extraId?: string;
}

/** A written row as its run stored it: what a rollback reads. */
export interface StoredRow {
  line: number;
  key: string;
  outcome: string;
  changes: string[];
  entityId: string | null;
  before: unknown;
  after: unknown;
  version: number | null;
  extraId: string | null;
}

export interface RollbackResult {
  removed: number;
  restored: number;
  /** Rows whose record changed since the run (or something now refers to it): left as they are. */
  kept: { line: number; key: string }[];
}

/**
 * An import target: its fields and natural key, who may import into it, how a batch of mapped rows is
 * classified (validation and scope), how a run writes the new and changed rows, and how a rollback undoes them.
 * The dry run and the run dispatch through this interface only.
 */
export interface ImportTarget<Context> {
  permission: Permission;
  fields: readonly TargetField[];
  /** The natural key of mapped values (empty when missing: the row is then invalid, not a duplicate). */
  keyOf(values: Record<string, string>): string;
  /** Lookups loaded once per dry run (territories, classifier items, classes in scope). */
  prepare(db: Db, scope: Scope): Promise<Context>;
  classify(
    db: Db,
    context: Context,
    scope: Scope,
    rows: readonly { line: number; values: Record<string, string> }[],
  ): Promise<RowResult[]>;
  /**
   * Writes a batch's new and update rows inside the run's batch transaction (audit entries and search
   * outbox included); returns, by line, what the rollback needs.
   */
  write(tx: Db, actorId: string, rows: readonly RowResult[]): Promise<Map<number, Written>>;
  /** Undoes a page of a run's written rows (newest line first) inside the rollback's transaction. */
  rollback(tx: Db, actorId: string, rows: readonly StoredRow[]): Promise<RollbackResult>;
}
