/**
 * Import target: the passport's budget lines of a school, keyed by the school's BIN, the year, the source,
 * the expense line and the quarter. Each row is checked with the passport form's schema (`budgetLineSave`:
 * years, amounts, a comment for spending above plan) and the form's scope (`passport.manage`: the
 * importer's own organisation). Like a line typed in the passport, an imported one arrives unconfirmed and
 * waits in the district's confirm queue; a confirmed line corrected by an import leaves the public figures
 * until it is confirmed again. Fields a mapping leaves out keep their current values.
 */
import { recordAudit, recordAudits } from "../../audit";
import { organizationInScope } from "../../auth/scope";
import { refreshPassportOf } from "../../databank/passport-facts";
import { budgetLineSave } from "../../passport/schemas";
import { BUDGET_SOURCES, EXPENSE_LINES } from "../../passport/rules";
import type { TargetField } from "../mapping";
import kk from "../../../messages/kk/passport.json";
import ru from "../../../messages/ru/passport.json";
import en from "../../../messages/en/passport.json";
import { normalizeText } from "../../text";
import { existingRow, issueReason } from "./common";
import { holds, newId, rollbackRows } from "./rollback";
import type { ImportTarget, RowResult, Written } from "./types";

export const BUDGET_LINE_FIELDS: readonly TargetField[] = [
  { name: "school", required: true, synonyms: ["Мектеп БСН", "БСН", "БИН школы", "БИН", "School BIN", "BIN"] },
  { name: "year", required: true, synonyms: ["Жыл", "Год", "Year"] },
  { name: "source", required: true, synonyms: ["Қаржы көзі", "Источник", "Источник финансирования", "Source"] },
  { name: "expense", required: true, synonyms: ["Шығыс бабы", "Статья расходов", "Статья", "Expense", "Expense line"] },
  { name: "quarter", required: true, synonyms: ["Тоқсан", "Квартал", "Quarter"] },
  { name: "planned", required: true, synonyms: ["Жоспар", "План", "Planned"], transform: "decimal" },
  { name: "spent", required: false, synonyms: ["Жұмсалды", "Израсходовано", "Факт", "Spent"], transform: "decimal" },
  { name: "comment", required: false, synonyms: ["Түсініктеме", "Комментарий", "Comment"] },
];

/** The columns an import sets and a rollback restores. */
const VALUES = ["planned", "spent", "comment"] as const;
const DECISION = ["status", "decidedById", "decidedAt", "decisionNote"] as const;

/** A code ("PER_CAPITA") or its name in kk/ru/en, as the passport shows it. */
function wordsOf<T extends string>(codes: readonly T[], names: Record<string, string>[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(normalizeText(code.replace(/_/g, " ")), code);
    for (const n of names) if (n[code]) map.set(normalizeText(n[code]!), code);
  }
  return map;
}
const SOURCES = wordsOf(BUDGET_SOURCES, [kk.source, ru.source, en.source]);
const EXPENSES = wordsOf(EXPENSE_LINES, [kk.expense, ru.expense, en.expense]);
const word = <T>(map: Map<string, T>, text: string | undefined) =>
  map.get(normalizeText((text ?? "").replace(/_/g, " ")));

function budgetKey(values: Record<string, string>): string {
  const source = word(SOURCES, values.source) ?? values.source ?? "";
  const expense = word(EXPENSES, values.expense) ?? values.expense ?? "";
  return values.school ? [values.school.trim(), values.year, source, expense, values.quarter].join("|") : "";
}

type Line = { organizationId: string; year: number; source: string; expense: string; quarter: number };

export const budgetLinesTarget: ImportTarget<null> = {
  permission: "passport.manage",
  fields: BUDGET_LINE_FIELDS,
  keyOf: budgetKey,

  async prepare() {
    return null;
  },

  async classify(db, _context, scope, rows) {
    const out: RowResult[] = [];
    const bins = [...new Set(rows.map((r) => (r.values.school ?? "").trim()).filter(Boolean))];
    const schools = new Map(
      (
        await db.organization.findMany({
          where: { bin: { in: bins } },
          select: { id: true, bin: true, territory: { select: { path: true } } },
        })
      ).map((o) => [o.bin, o]),
    );
    const candidates: { line: number; key: string; data: Line & Record<string, unknown>; mapped: Set<string> }[] = [];
    for (const { line, values } of rows) {
      const key = budgetKey(values);
      const invalid = (field: string, reason: string, params?: Record<string, string | number>) =>
        out.push({ line, key, outcome: "invalid", changes: [], field, reason, params });
      const school = schools.get((values.school ?? "").trim());
      if (!school) {
        invalid("school", "organization.unknown");
        continue;
      }
      if (!organizationInScope(scope, { id: school.id, territoryPath: school.territory.path })) {
        invalid("school", "passport.outOfScope");
        continue;
      }
      const parsed = budgetLineSave.safeParse({
        organizationId: school.id,
        year: values.year,
        source: word(SOURCES, values.source) ?? values.source,
        expense: word(EXPENSES, values.expense) ?? values.expense,
        quarter: values.quarter,
        planned: values.planned,
        spent: values.spent || undefined,
        comment: values.comment,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const { reason, params } = issueReason(issue);
        invalid(String(issue.path[0] ?? "planned"), reason, params);
        continue;
      }
      const { organizationId, year, source, expense, quarter, planned, spent, comment } = parsed.data;
      candidates.push({
        line,
        key,
        mapped: new Set(Object.keys(values)),
        data: { organizationId, year, source, expense, quarter, planned, spent: spent ?? 0, comment: comment ?? null },
      });
    }
    const existing = candidates.length
      ? await db.budgetLine.findMany({
          where: {
            organizationId: { in: [...new Set(candidates.map((c) => c.data.organizationId))] },
            year: { in: [...new Set(candidates.map((c) => c.data.year))] },
          },
        })
      : [];
    const lineKey = (l: Line) => [l.organizationId, l.year, l.source, l.expense, l.quarter].join("|");
    const byKey = new Map(existing.map((l) => [lineKey(l), l]));
    for (const c of candidates) {
      const current = byKey.get(lineKey(c.data));
      if (!current) {
        out.push({ line: c.line, key: c.key, outcome: "new", changes: [], data: c.data });
        continue;
      }
      out.push(existingRow(c, current.id, current, VALUES));
    }
    return out;
  },

  async write(tx, actorId, rows) {
    const out = new Map<number, Written>();
    const inserted = rows.filter((r) => r.outcome === "new");
    if (inserted.length) {
      const records = inserted.map((r) => {
        const d = r.data as Line & { planned: number; spent: number; comment: string | null };
        return {
          id: newId(),
          organizationId: d.organizationId,
          year: d.year,
          source: d.source as (typeof BUDGET_SOURCES)[number],
          expense: d.expense as (typeof EXPENSE_LINES)[number],
          quarter: d.quarter,
          planned: d.planned,
          spent: d.spent,
          comment: d.comment,
          status: "PENDING" as const,
          updatedById: actorId,
        };
      });
      await tx.budgetLine.createMany({ data: records });
      await recordAudits(
        tx,
        records.map((r) => ({ actorId, action: "create" as const, entity: "BudgetLine", entityId: r.id, after: r })),
      );
      inserted.forEach((r, i) => {
        const { planned, spent, comment } = records[i]!;
        out.set(r.line, {
          entityId: records[i]!.id,
          version: 1,
          after: { planned, spent, comment, status: "PENDING" },
        });
      });
    }
    for (const row of rows.filter((r) => r.outcome === "update")) {
      const current = await tx.budgetLine.findUniqueOrThrow({ where: { id: row.id! } });
      const before = Object.fromEntries([...VALUES, ...DECISION].map((k) => [k, current[k]]));
      // a corrected line waits for the district again, as one corrected in the passport does
      const after = await tx.budgetLine.update({
        where: { id: row.id! },
        data: {
          ...(row.data as { planned?: number; spent?: number; comment?: string | null }),
          status: "PENDING",
          decidedById: null,
          decidedAt: null,
          decisionNote: null,
          updatedById: actorId,
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, {
        actorId,
        action: "update",
        entity: "BudgetLine",
        entityId: after.id,
        before,
        after: row.data,
      });
      if (current.status === "CONFIRMED") await refreshPassportOf(tx, current.organizationId);
      out.set(row.line, {
        entityId: after.id,
        before,
        version: after.version,
        after: { ...Object.fromEntries(VALUES.map((k) => [k, after[k]])), status: "PENDING" },
      });
    }
    return out;
  },

  rollback(tx, actorId, rows) {
    return rollbackRows(tx, actorId, rows, {
      entity: "BudgetLine",
      load: (db, ids) => db.budgetLine.findMany({ where: { id: { in: ids } } }),
      // a line decided or corrected since the run is left as it is
      same: (record, row) =>
        record.version === row.version && holds(record, (row.after ?? {}) as Record<string, unknown>),
      remove: async (db, removed) => {
        await db.budgetLine.deleteMany({ where: { id: { in: removed.map((r) => r.entityId!) } } });
      },
      restore: async (db, row, record) => {
        const before = (row.before ?? {}) as Record<string, unknown>;
        await db.budgetLine.update({
          where: { id: record.id },
          data: {
            planned: before.planned as number,
            spent: before.spent as number,
            comment: (before.comment as string | null) ?? null,
            status: before.status as "PENDING" | "CONFIRMED" | "REJECTED",
            decidedById: (before.decidedById as string | null) ?? null,
            decidedAt: before.decidedAt ? new Date(before.decidedAt as string) : null,
            decisionNote: (before.decisionNote as string | null) ?? null,
            version: { increment: 1 },
          },
        });
        // a line confirmed again counts in the passport's figures again
        if (before.status === "CONFIRMED") await refreshPassportOf(db, record.organizationId);
      },
    });
  },
};
