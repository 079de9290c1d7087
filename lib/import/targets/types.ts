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

/** An import target: its fields, who may import into it, and how a batch of mapped rows is classified. */
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
}
