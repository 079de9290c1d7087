/**
 * Import target: items of the unified classifiers, keyed by the classifier's code and the item's code. Each
 * row is checked with the classifier item form's schema (`classifierItemCreate`: code format, names, the
 * validity range); the classifier must exist. Only the ministry manages classifiers (`classifiers.manage`).
 * The names in Russian and English fall back to the Kazakh one for new items; fields a mapping leaves out
 * keep their current values.
 */
import { recordAudit, recordAudits } from "../../audit";
import { classifierItemCreate } from "../../classifiers/schemas";
import type { TargetField } from "../mapping";
import { existingRow, issueReason } from "./common";
import { holds, newId, rollbackRows } from "./rollback";
import type { ImportTarget, RowResult, Written } from "./types";

export const CLASSIFIER_ITEM_FIELDS: readonly TargetField[] = [
  {
    name: "classifier",
    required: true,
    synonyms: ["Жіктеуіш", "Жіктеуіш коды", "Классификатор", "Код классификатора", "Classifier"],
  },
  { name: "code", required: true, synonyms: ["Код", "Коды", "Code", "Item code"] },
  {
    name: "nameKk",
    required: true,
    synonyms: ["Атауы", "Атауы (қаз)", "Наименование на казахском", "Name (kk)", "name kk"],
  },
  { name: "nameRu", required: false, synonyms: ["Наименование", "Название", "Атауы (орыс)", "Name (ru)", "name ru"] },
  { name: "nameEn", required: false, synonyms: ["Name", "Name (en)", "name en", "Атауы (ағыл)"] },
  { name: "sortOrder", required: false, synonyms: ["Реті", "Порядок", "Sort order", "Order"] },
  { name: "validFrom", required: false, synonyms: ["Басталуы", "Действует с", "Valid from"], transform: "date" },
  { name: "validTo", required: false, synonyms: ["Аяқталуы", "Действует по", "Valid to"], transform: "date" },
];

/** The item columns an import sets (what a run writes and a rollback restores). */
const COLUMNS = ["nameKk", "nameRu", "nameEn", "sortOrder", "validFrom", "validTo"] as const;

function itemKey(values: Record<string, string>): string {
  const classifier = (values.classifier ?? "").trim().toUpperCase();
  const code = (values.code ?? "").trim();
  return classifier && code ? `${classifier}:${code}` : "";
}

/** Dates as JSON holds them (ISO text), so what a run records compares with what the database returns. */
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const dated = (v: unknown) => (v ? new Date(v as string) : null);

export const classifierItemsTarget: ImportTarget<Map<string, string>> = {
  permission: "classifiers.manage",
  fields: CLASSIFIER_ITEM_FIELDS,
  keyOf: itemKey,

  async prepare(db) {
    return new Map((await db.classifier.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c.id]));
  },

  async classify(db, classifiers, _scope, rows) {
    const out: RowResult[] = [];
    const candidates: { line: number; key: string; data: Record<string, unknown>; mapped: Set<string> }[] = [];
    for (const { line, values } of rows) {
      const key = itemKey(values);
      const invalid = (field: string, reason: string, params?: Record<string, string | number>) =>
        out.push({ line, key, outcome: "invalid", changes: [], field, reason, params });
      const classifier = (values.classifier ?? "").trim().toUpperCase();
      const classifierId = classifiers.get(classifier);
      if (!classifierId) {
        invalid("classifier", "import.classifierUnknown");
        continue;
      }
      const nameKk = values.nameKk ?? "";
      const parsed = classifierItemCreate.safeParse({
        classifier,
        code: values.code ?? "",
        nameKk,
        nameRu: values.nameRu || nameKk,
        nameEn: values.nameEn || values.nameRu || nameKk,
        sortOrder: values.sortOrder ?? "",
        validFrom: values.validFrom ?? "",
        validTo: values.validTo ?? "",
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const { reason, params } = issueReason(issue);
        invalid(String(issue.path[0] ?? "code"), reason, params);
        continue;
      }
      const d = parsed.data;
      candidates.push({
        line,
        key,
        mapped: new Set(Object.keys(values)),
        data: {
          classifierId,
          code: d.code,
          nameKk: d.nameKk,
          nameRu: d.nameRu,
          nameEn: d.nameEn,
          sortOrder: d.sortOrder,
          validFrom: iso(d.validFrom),
          validTo: iso(d.validTo),
        },
      });
    }
    const existing = candidates.length
      ? await db.classifierItem.findMany({
          where: {
            classifierId: { in: [...new Set(candidates.map((c) => c.data.classifierId as string))] },
            code: { in: [...new Set(candidates.map((c) => c.data.code as string))] },
          },
        })
      : [];
    const byKey = new Map(existing.map((i) => [`${i.classifierId}|${i.code}`, i]));
    for (const c of candidates) {
      const item = byKey.get(`${c.data.classifierId}|${c.data.code}`);
      if (!item) {
        out.push({ line: c.line, key: c.key, outcome: "new", changes: [], data: c.data });
        continue;
      }
      const current: Record<string, unknown> = { ...item, validFrom: iso(item.validFrom), validTo: iso(item.validTo) };
      out.push(existingRow(c, item.id, current, COLUMNS));
    }
    return out;
  },

  async write(tx, actorId, rows) {
    const out = new Map<number, Written>();
    const inserted = rows.filter((r) => r.outcome === "new");
    if (inserted.length) {
      const records = inserted.map((r) => {
        const d = r.data as Record<string, string | number | null>;
        return {
          id: newId(),
          classifierId: d.classifierId as string,
          code: d.code as string,
          nameKk: d.nameKk as string,
          nameRu: d.nameRu as string,
          nameEn: d.nameEn as string,
          sortOrder: d.sortOrder as number,
          validFrom: dated(d.validFrom),
          validTo: dated(d.validTo),
        };
      });
      await tx.classifierItem.createMany({ data: records });
      await recordAudits(
        tx,
        records.map((r) => ({
          actorId,
          action: "create" as const,
          entity: "ClassifierItem",
          entityId: r.id,
          after: r,
        })),
      );
      inserted.forEach((r, i) => {
        const { classifierId: _c, code: _code, ...after } = r.data!;
        void _c;
        void _code;
        out.set(r.line, { entityId: records[i]!.id, version: 1, after });
      });
    }
    for (const row of rows.filter((r) => r.outcome === "update")) {
      const data = row.data!;
      const current = await tx.classifierItem.findUniqueOrThrow({ where: { id: row.id! } });
      const before = Object.fromEntries(
        Object.keys(data).map((k) => {
          const v = (current as Record<string, unknown>)[k];
          return [k, v instanceof Date ? v.toISOString() : v];
        }),
      );
      const after = await tx.classifierItem.update({
        where: { id: row.id! },
        data: {
          ...data,
          ...("validFrom" in data ? { validFrom: dated(data.validFrom) } : {}),
          ...("validTo" in data ? { validTo: dated(data.validTo) } : {}),
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, {
        actorId,
        action: "update",
        entity: "ClassifierItem",
        entityId: after.id,
        before,
        after: data,
      });
      out.set(row.line, { entityId: after.id, before, version: after.version, after: data });
    }
    return out;
  },

  rollback(tx, actorId, rows) {
    return rollbackRows(tx, actorId, rows, {
      entity: "ClassifierItem",
      load: (db, ids) => db.classifierItem.findMany({ where: { id: { in: ids } } }),
      same: (record, row) => holds(record, (row.after ?? {}) as Record<string, unknown>),
      remove: async (db, removed) => {
        await db.classifierItem.deleteMany({ where: { id: { in: removed.map((r) => r.entityId!) } } });
      },
      restore: async (db, row) => {
        const before = (row.before ?? {}) as Record<string, unknown>;
        const data = Object.fromEntries(
          Object.entries(before)
            .filter(([k]) => (COLUMNS as readonly string[]).includes(k))
            .map(([k, v]) => [k, k === "validFrom" || k === "validTo" ? dated(v) : v]),
        );
        await db.classifierItem.update({ where: { id: row.entityId! }, data: { ...data, version: { increment: 1 } } });
      },
    });
  },
};
