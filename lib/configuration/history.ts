/**
 * Change history of the configuration (issue 27): who changed which configuration item, when, and what
 * (before → after), read from the audit log that every configuration write already fills in its own
 * transaction. Grouped by the sections of the configuration's documentation.
 */
import "server-only";
import { prisma } from "../db";
import { fieldChanges, type FieldChange } from "../audit/queries";

/** The audited entities of each documented section. */
export const HISTORY_ENTITIES = {
  forms: ["FormList", "Form", "FormVersion", "ReportingPeriod"],
  classifiers: ["Classifier", "ClassifierItem"],
  processes: ["ReportingProcess", "ReportingProcessRule"],
  attributes: ["AttributeDefinition"],
  ratings: ["RatingMethod"],
} as const;
export type HistorySection = keyof typeof HISTORY_ENTITIES;

export interface HistoryEntry {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string;
  changes: FieldChange[];
}

/**
 * The newest changes of a section's items, or of the listed items only (`entityIds`), newest first.
 * `limit` caps the rows read.
 */
export async function configurationHistory(
  section: HistorySection,
  options: { entityIds?: readonly string[]; limit?: number } = {},
): Promise<HistoryEntry[]> {
  const rows = await prisma.auditLog.findMany({
    where: {
      entity: { in: [...HISTORY_ENTITIES[section]] },
      ...(options.entityIds ? { entityId: { in: [...options.entityIds] } } : {}),
    },
    include: { actor: { select: { login: true, displayName: true } } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit ?? 20,
  });
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    actor: r.actor ? r.actor.displayName || r.actor.login : null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    changes: fieldChanges(r.before, r.after),
  }));
}

/** The history of several items at once, by item id (for a page listing them, one query). */
export async function historyByItem(section: HistorySection, ids: readonly string[], perItem = 10) {
  const entries = await configurationHistory(section, { entityIds: ids, limit: perItem * Math.max(ids.length, 1) });
  const out = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const list = out.get(e.entityId) ?? [];
    if (list.length < perItem) list.push(e);
    out.set(e.entityId, list);
  }
  return out;
}
