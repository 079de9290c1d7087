import "server-only";
import { prisma } from "../db";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import type { Prisma } from "../generated/prisma/client";
import { pageWindow, type ListParams, type Page } from "../data-table/params";
import { almatyDate, almatyDayStart, formatDateTime } from "../time";
import { toCsv } from "../csv";
import { toXlsx } from "../csv/xlsx";

export const AUDIT_SORTS = ["at"] as const;
export const AUDIT_ACTIONS = ["create", "update", "delete", "grant", "revoke", "refuse"] as const;
/** URL filters of the audit list and its export (`q` also searches the actor's login). */
export const AUDIT_FILTERS = ["entity", "action", "actor", "from", "to", "entityId"] as const;
/** The most rows one CSV export holds. */
export const AUDIT_EXPORT_LIMIT = 10_000;

export interface AuditFilter {
  entity?: string;
  action?: string;
  actor?: string;
  /** Days "YYYY-MM-DD" in Asia/Almaty, both inclusive. */
  from?: string;
  to?: string;
  entityId?: string;
}

/** The audit filter in a list's URL state (`q` is the actor's login when no `actor` is given). */
export function auditFilterOf(params: Pick<ListParams<string>, "q" | "filters">): AuditFilter {
  const f = params.filters;
  return {
    entity: f.entity,
    action: f.action,
    actor: f.actor || params.q || undefined,
    from: f.from,
    to: f.to,
    entityId: f.entityId,
  };
}

export function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const from = filter.from ? almatyDayStart(filter.from) : null;
  const toStart = filter.to ? almatyDayStart(filter.to) : null;
  // The end day is inclusive: everything before the next day's start in Almaty.
  const until = toStart && filter.to ? almatyDayStart(almatyDate(new Date(toStart.getTime() + 36 * 3_600_000))) : null;
  return {
    AND: [
      filter.entity ? { entity: filter.entity } : {},
      filter.action ? { action: filter.action } : {},
      filter.entityId ? { entityId: filter.entityId } : {},
      filter.actor ? { actor: { login: { contains: filter.actor.trim().toLowerCase() } } } : {},
      from ? { at: { gte: from } } : {},
      until ? { at: { lt: until } } : {},
    ],
  };
}

const include = { actor: { select: { id: true, login: true, displayName: true } } } satisfies Prisma.AuditLogInclude;
export type AuditRow = Prisma.AuditLogGetPayload<{ include: typeof include }>;

/** One page of the audit log, newest first unless asked otherwise. Requires audit.read. */
export async function listAudit(
  viewer: Viewer | null,
  params: ListParams<(typeof AUDIT_SORTS)[number]>,
): Promise<Page<AuditRow>> {
  authorizeViewer(viewer, "audit.read");
  const where = auditWhere(auditFilterOf(params));
  const [rows, total] = await Promise.all([
    prisma.auditLog.findMany({
      where,
      include,
      orderBy: [{ at: params.dir }, { id: params.dir }],
      ...pageWindow(params),
    }),
    prisma.auditLog.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/** The entries an export holds: the same filter and order as the list, at most AUDIT_EXPORT_LIMIT rows. */
export async function exportAudit(
  viewer: Viewer | null,
  params: ListParams<(typeof AUDIT_SORTS)[number]>,
): Promise<AuditRow[]> {
  authorizeViewer(viewer, "audit.read");
  return prisma.auditLog.findMany({
    where: auditWhere(auditFilterOf(params)),
    include,
    orderBy: [{ at: params.dir }, { id: params.dir }],
    take: AUDIT_EXPORT_LIMIT,
  });
}

const CSV_COLUMNS = ["at", "atAlmaty", "actor", "action", "entity", "entityId", "before", "after"] as const;

/** The export as CSV (lib/csv: UTF-8 with a byte order mark, CRLF, formula guard), one line per entry. */
export function auditCsv(rows: readonly AuditRow[]): string {
  return toCsv(auditTable(rows));
}

/** The audit rows as an XLSX sheet: the same columns as the CSV, the time as a date-time cell. */
export function auditXlsx(rows: readonly AuditRow[]): Promise<Buffer> {
  return toXlsx(auditTable(rows), { sheet: "audit" });
}

function auditTable(rows: readonly AuditRow[]): string[][] {
  return [
    [...CSV_COLUMNS],
    ...rows.map((row) => [
      row.at.toISOString(),
      formatDateTime(row.at),
      row.actor?.login ?? "",
      row.action,
      row.entity,
      row.entityId,
      row.before === null ? "" : JSON.stringify(row.before),
      row.after === null ? "" : JSON.stringify(row.after),
    ]),
  ];
}

/** Entity names present in the log, for the filter. */
export async function auditEntities(viewer: Viewer | null): Promise<string[]> {
  authorizeViewer(viewer, "audit.read");
  const rows = await prisma.auditLog.findMany({
    distinct: ["entity"],
    select: { entity: true },
    orderBy: { entity: "asc" },
  });
  return rows.map((r) => r.entity);
}

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

const SKIPPED = new Set(["createdAt", "updatedAt", "version"]);

/**
 * before/after as a list of fields: on update only the changed fields are stored; on create only the new
 * values and on delete or revoke only the old ones are shown (empty values and bookkeeping columns left out).
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const both = Object.keys(b).length > 0 && Object.keys(a).length > 0;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => both || (!SKIPPED.has(f) && f !== "id" && (b[f] ?? a[f]) !== null))
    .map((f) => ({ field: f, ...(f in b ? { before: b[f] } : {}), ...(f in a ? { after: a[f] } : {}) }));
}

/** A value of a change as short text. */
export function changeValue(value: unknown, max = 80): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "field: old → new; …" — the compact form of a change for tables. */
export function describeChanges(before: unknown, after: unknown): string {
  return fieldChanges(before, after)
    .map((c) =>
      "before" in c && "after" in c
        ? `${c.field}: ${changeValue(c.before)} → ${changeValue(c.after)}`
        : "after" in c
          ? `${c.field}: ${changeValue(c.after)}`
          : `${c.field}: ${changeValue(c.before)}`,
    )
    .join("; ");
}
