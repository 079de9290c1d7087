/**
 * Import target: organisations (schools and others), keyed by BIN. Each row is checked with the
 * organisation form's schema (`organizationInput`: BIN check digit, names) and its references: territory by
 * KATO code or kk/ru name, kind and language from their classifiers by code or name. The importer's scope
 * is the form's (`registry.organization.write`): a new organisation's territory, an existing one and a
 * territory it moves to must be inside it. Fields a mapping leaves out keep their current values.
 */
import { organizationInput } from "../../registry/schemas";
import { organizationInScope, territoryInScope, type Scope } from "../../auth/scope";
import type { TargetField } from "../mapping";
import { Lookup } from "../lookup";
import type { Prisma } from "../../generated/prisma/client";
import { recordAudit, recordAudits } from "../../audit";
import { enqueueSearch } from "../../search/outbox";
import { issueReason, yesNo } from "./common";
import { holds, newId, rollbackRows } from "./rollback";
import type { Db, ImportTarget, RowResult, Written } from "./types";

export const ORGANIZATION_FIELDS: readonly TargetField[] = [
  { name: "bin", required: true, synonyms: ["БСН", "БИН", "BIN", "Бизнес-сәйкестендіру нөмірі"] },
  {
    name: "nameKk",
    required: true,
    synonyms: ["nameKk", "Атауы", "Атауы (қаз)", "Атауы қазақша", "Наименование на казахском", "Name (kk)", "name kk"],
  },
  {
    name: "nameRu",
    required: false,
    synonyms: ["nameRu", "Наименование", "Название", "Наименование на русском", "Атауы (орыс)", "Name (ru)", "name ru"],
  },
  {
    name: "nameEn",
    required: false,
    synonyms: ["nameEn", "Name", "Name (en)", "name en", "Атауы (ағыл)", "Наименование на английском"],
  },
  {
    name: "territory",
    required: true,
    synonyms: [
      "КАТО",
      "КАТО коды",
      "Код КАТО",
      "KATO",
      "KATO code",
      "Аумақ",
      "Территория",
      "Territory",
      "Аудан",
      "Район",
    ],
  },
  { name: "kind", required: true, synonyms: ["Түрі", "Ұйым түрі", "Вид", "Вид организации", "Тип", "Kind", "Type"] },
  { name: "language", required: false, synonyms: ["Оқыту тілі", "Тілі", "Язык обучения", "Язык", "Language"] },
  { name: "status", required: false, synonyms: ["Мәртебесі", "Статус", "Status"] },
  { name: "isUrban", required: false, synonyms: ["Қала/ауыл", "Город/село", "Местность", "Urban"] },
  { name: "address", required: false, synonyms: ["Мекенжай", "Адрес", "Address"] },
];

const STATUS_WORDS: Record<string, "ACTIVE" | "SUSPENDED" | "CLOSED"> = {
  active: "ACTIVE",
  "жұмыс істейді": "ACTIVE",
  действует: "ACTIVE",
  действующая: "ACTIVE",
  suspended: "SUSPENDED",
  тоқтатылған: "SUSPENDED",
  приостановлена: "SUSPENDED",
  closed: "CLOSED",
  жабылған: "CLOSED",
  закрыта: "CLOSED",
};

/** The organisation columns an import can set (what a run writes and a rollback restores). */
export const ORGANIZATION_COLUMNS = [
  "bin",
  "nameKk",
  "nameRu",
  "nameEn",
  "territoryId",
  "kindId",
  "languageId",
  "status",
  "isUrban",
  "address",
] as const;

interface Context {
  territories: Lookup;
  territoryPath: Map<string, string>;
  kinds: Lookup;
  languages: Lookup;
}

async function classifierLookup(db: Db, code: string): Promise<Lookup> {
  const items = await db.classifierItem.findMany({
    where: { classifier: { code } },
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
  });
  return new Lookup(items.map((i) => ({ id: i.id, code: i.code, names: [i.nameKk, i.nameRu, i.nameEn] })));
}

export const organizationsTarget: ImportTarget<Context> = {
  permission: "registry.organization.write",
  fields: ORGANIZATION_FIELDS,
  keyOf: (values) => (values.bin ?? "").trim(),

  async prepare(db) {
    const territories = await db.territory.findMany({
      select: { id: true, code: true, path: true, nameKk: true, nameRu: true, nameEn: true },
    });
    return {
      territories: new Lookup(
        territories.map((t) => ({ id: t.id, code: t.code, names: [t.nameKk, t.nameRu, t.nameEn] })),
      ),
      territoryPath: new Map(territories.map((t) => [t.id, t.path])),
      kinds: await classifierLookup(db, "ORG_KIND"),
      languages: await classifierLookup(db, "LANGUAGE"),
    };
  },

  async classify(db, context, scope: Scope, rows) {
    const out: RowResult[] = [];
    const candidates: { line: number; key: string; data: Record<string, unknown>; mapped: Set<string> }[] = [];
    for (const { line, values } of rows) {
      const key = (values.bin ?? "").trim();
      const invalid = (field: string, reason: string, params?: Record<string, string | number>) =>
        out.push({ line, key, outcome: "invalid", changes: [], field, reason, params });
      const territory = context.territories.find(values.territory ?? "");
      if (!territory.ok) {
        invalid("territory", territory.problem === "ambiguous" ? "import.ambiguous" : "territory.unknown");
        continue;
      }
      const kind = context.kinds.find(values.kind ?? "");
      if (!kind.ok) {
        invalid("kind", kind.problem === "ambiguous" ? "import.ambiguous" : "organization.kind");
        continue;
      }
      let languageId = "";
      if (values.language) {
        const language = context.languages.find(values.language);
        if (!language.ok) {
          invalid("language", "validation.invalidOption");
          continue;
        }
        languageId = language.id;
      }
      let status = "ACTIVE";
      if (values.status) {
        const s = STATUS_WORDS[values.status.toLowerCase()] ?? values.status.toUpperCase();
        status = s;
      }
      let isUrban = true;
      if (values.isUrban) {
        const yes = yesNo(values.isUrban);
        if (yes === null) {
          invalid("isUrban", "validation.invalidOption");
          continue;
        }
        isUrban = yes;
      }
      const nameKk = values.nameKk ?? "";
      const parsed = organizationInput.safeParse({
        bin: key,
        nameKk,
        nameRu: values.nameRu || nameKk,
        nameEn: values.nameEn || values.nameRu || nameKk,
        kindId: kind.id,
        territoryId: territory.id,
        reportsToId: "",
        languageId,
        status,
        isUrban: isUrban ? "on" : undefined,
        address: values.address ?? "",
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = String(issue.path[0] ?? "bin").replace(/Id$/, "");
        const { reason, params } = issueReason(issue);
        invalid(field, reason, params);
        continue;
      }
      const { reportsToId: _unused, ...data } = parsed.data;
      void _unused;
      const mapped = new Set(
        Object.keys(values).map((f) => (f === "territory" || f === "kind" || f === "language" ? `${f}Id` : f)),
      );
      candidates.push({ line, key, data, mapped });
    }
    const existing = await db.organization.findMany({
      where: { bin: { in: candidates.map((c) => c.key) } },
      select: {
        id: true,
        version: true,
        territory: { select: { path: true } },
        ...Object.fromEntries(ORGANIZATION_COLUMNS.map((c) => [c, true])),
      },
    });
    const byBin = new Map(
      existing.map((o) => {
        const row = o as unknown as Record<string, unknown>;
        return [row.bin as string, row];
      }),
    );
    for (const c of candidates) {
      const current = byBin.get(c.key);
      const newPath = context.territoryPath.get(c.data.territoryId as string)!;
      if (!current) {
        if (!territoryInScope(scope, newPath)) {
          out.push({
            line: c.line,
            key: c.key,
            outcome: "invalid",
            changes: [],
            field: "territory",
            reason: "import.outOfScope",
          });
          continue;
        }
        out.push({ line: c.line, key: c.key, outcome: "new", changes: [], data: c.data });
        continue;
      }
      const path = (current.territory as { path: string }).path;
      if (!organizationInScope(scope, { id: current.id as string, territoryPath: path })) {
        out.push({
          line: c.line,
          key: c.key,
          outcome: "invalid",
          changes: [],
          field: "bin",
          reason: "import.outOfScope",
        });
        continue;
      }
      // only what the mapping sets is compared; the names fall back to the Kazakh one only for new rows
      const changes = ORGANIZATION_COLUMNS.filter(
        (column) => c.mapped.has(column) && column !== "bin" && (c.data[column] ?? null) !== (current[column] ?? null),
      );
      if (changes.includes("territoryId") && !territoryInScope(scope, newPath)) {
        out.push({
          line: c.line,
          key: c.key,
          outcome: "invalid",
          changes: [],
          field: "territory",
          reason: "import.outOfScope",
        });
        continue;
      }
      if (!changes.length) {
        out.push({ line: c.line, key: c.key, outcome: "unchanged", changes: [], id: current.id as string });
        continue;
      }
      out.push({
        line: c.line,
        key: c.key,
        outcome: "update",
        changes: [...changes],
        id: current.id as string,
        data: Object.fromEntries(changes.map((k) => [k, c.data[k] ?? null])),
      });
    }
    return out;
  },

  async write(tx, actorId, rows) {
    const out = new Map<number, Written>();
    // new rows in bulk (one statement per table), updates one by one (each keeps its own before)
    const inserted = rows.filter((r) => r.outcome === "new");
    if (inserted.length) {
      const records = inserted.map((r) => ({
        id: newId(),
        ...(r.data as Omit<Prisma.OrganizationCreateManyInput, "id">),
      }));
      await tx.organization.createMany({ data: records });
      await recordAudits(
        tx,
        records.map((r) => ({ actorId, action: "create" as const, entity: "Organization", entityId: r.id, after: r })),
      );
      await enqueueSearch(
        tx,
        "organization",
        records.map((r) => r.id),
      );
      inserted.forEach((r, i) => out.set(r.line, { entityId: records[i]!.id, version: 1, after: r.data! }));
    }
    for (const row of rows.filter((r) => r.outcome === "update")) {
      const data = row.data!;
      const current = await tx.organization.findUniqueOrThrow({ where: { id: row.id! } });
      const before = Object.fromEntries(Object.keys(data).map((k) => [k, (current as Record<string, unknown>)[k]]));
      const after = await tx.organization.update({
        where: { id: row.id! },
        data: { ...(data as Prisma.OrganizationUncheckedUpdateInput), version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId,
        action: "update",
        entity: "Organization",
        entityId: after.id,
        before,
        after: data,
      });
      await enqueueSearch(tx, "organization", [after.id]);
      out.set(row.line, { entityId: after.id, before, version: after.version, after: data });
    }
    return out;
  },

  rollback(tx, actorId, rows) {
    return rollbackRows(tx, actorId, rows, {
      entity: "Organization",
      load: (db, ids) => db.organization.findMany({ where: { id: { in: ids } } }),
      same: (record, row) => holds(record, (row.after ?? {}) as Record<string, unknown>),
      remove: async (db, removed) => {
        await db.organization.deleteMany({ where: { id: { in: removed.map((r) => r.entityId!) } } });
      },
      restore: async (db, row) => {
        const before = (row.before ?? {}) as Record<string, unknown>;
        const data = Object.fromEntries(
          Object.entries(before).filter(([k]) => (ORGANIZATION_COLUMNS as readonly string[]).includes(k)),
        );
        await db.organization.update({ where: { id: row.entityId! }, data: { ...data, version: { increment: 1 } } });
      },
      touched: (db, records) =>
        enqueueSearch(
          db,
          "organization",
          records.map((r) => r.id),
        ),
    });
  },
};
