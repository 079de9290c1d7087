/**
 * Final reports (R7): the consolidated report of one form's period — totals of every numeric indicator
 * from the data bank (accepted values) by region and district, with completeness and timeliness of the
 * obliged organisations — as a page, CSV and XLSX. Everything is limited to the viewer's scope.
 *
 * The figures come from two grouped SQL queries (data bank sums, and obliged organisations with their
 * current report), grouped by territory: at national scale (10,000 organisations, 360,000 values) the
 * report takes well under the 2-second budget (bench/reporting.ts).
 */
import "server-only";
import ExcelJS from "exceljs";
import { prisma } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { toCsv } from "../csv";
import type { Scope } from "../auth/scope";
import { localName } from "../names";
import { definitionSchema, NUMERIC_TYPES, valueSlots, type LocalizedText } from "./definition";

export interface ReportIndicator {
  key: string;
  section: LocalizedText;
  label: LocalizedText;
  /** Row keys and labels when the indicator is a table column. */
  rows: { key: string; label: LocalizedText }[] | null;
}

export interface ReportStats {
  obliged: number;
  handedOver: number;
  accepted: number;
  late: number;
  onTime: number;
  missing: number;
}

export interface ReportLine {
  level: "region" | "district" | "total";
  territoryId: string | null;
  name: LocalizedText | null;
  stats: ReportStats;
  totals: Record<string, number>;
}

export interface ConsolidatedReport {
  period: { id: string; label: string; dueDate: Date; deadlineAt: Date; closedAt: Date | null };
  form: { id: string; code: string; name: LocalizedText; year: number; orderNumber: string; orderDate: Date };
  indicators: ReportIndicator[];
  /** Regions, each followed by its districts; then the total line. */
  lines: ReportLine[];
  total: ReportLine;
  /** Table indicators by row over the whole scope: indicator → row key → total. */
  byRow: Record<string, Record<string, number>>;
  generatedAt: Date;
}

const HANDED_OVER = new Set(["SUBMITTED", "APPROVED_DISTRICT", "APPROVED_REGION", "ACCEPTED"]);

function emptyStats(): ReportStats {
  return { obliged: 0, handedOver: 0, accepted: 0, late: 0, onTime: 0, missing: 0 };
}

/** SQL condition limiting organisation `o` in territory `t` to a scope. */
function scopeSql(scope: Scope): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  const parts: Prisma.Sql[] = scope.territoryPaths.map(
    (p) => Prisma.sql`t.path LIKE ${`${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
  );
  for (const id of scope.organizationIds) parts.push(Prisma.sql`o.id = ${id}`);
  return parts.length ? Prisma.sql`(${Prisma.join(parts, " OR ")})` : Prisma.sql`FALSE`;
}

/** SQL condition: organisation `o` is of one of the kinds (FALSE for none). */
function obligedKindsSql(kinds: readonly string[]): Prisma.Sql {
  if (!kinds.length) return Prisma.sql`FALSE`;
  return Prisma.sql`o."kindId" IN (SELECT ci.id FROM "ClassifierItem" ci JOIN "Classifier" c ON c.id = ci."classifierId" WHERE c.code = 'ORG_KIND' AND ci.code IN (${Prisma.join([...kinds])}))`;
}

/** Region and district ids of a territory path ("/rep/region/district/settlement/"). */
function regionDistrict(path: string): { region: string; district: string } {
  const parts = path.split("/").filter(Boolean);
  return { region: parts[1] ?? NONE, district: parts[2] ?? NONE };
}

/** Stands for "no region" (republic-level organisations) or "no district" (directly under a region). */
const NONE = "-";

/** Numeric indicators of a form's latest version, in display order. */
function indicatorsOf(definition: unknown): ReportIndicator[] {
  const def = definitionSchema.parse(definition);
  const numeric = new Set<string>(NUMERIC_TYPES);
  const out = new Map<string, ReportIndicator>();
  for (const slot of valueSlots(def)) {
    if (!numeric.has(slot.type) || out.has(slot.indicator)) continue;
    const s = slot.section;
    const key = slot.indicator.split(".")[1]!;
    if (s.kind === "table") {
      out.set(slot.indicator, {
        key: slot.indicator,
        section: s.title,
        label: s.columns.find((c) => c.key === key)!.label,
        rows: s.rows.map((r) => ({ key: r.key, label: r.label })),
      });
    } else {
      out.set(slot.indicator, {
        key: slot.indicator,
        section: s.title,
        label: s.fields.find((f) => f.key === key)!.label,
        rows: null,
      });
    }
  }
  return [...out.values()];
}

/** The consolidated report of a period within a scope (see the module comment). */
export async function consolidatedReport(scope: Scope, periodId: string): Promise<ConsolidatedReport> {
  const period = await prisma.reportingPeriod.findUnique({
    where: { id: periodId },
    include: {
      form: {
        include: { formList: true, versions: { orderBy: { number: "desc" }, take: 1, select: { definition: true } } },
      },
    },
  });
  if (!period || period.form.formList.status !== "PUBLISHED") throw new AppError("notFound");
  const indicators = period.form.versions[0] ? indicatorsOf(period.form.versions[0].definition) : [];
  const known = new Set(indicators.map((i) => i.key));
  const scoped = scope.all ? Prisma.sql`TRUE` : scopeSql(scope);
  const joinTerritory = scope.all ? Prisma.empty : Prisma.sql`JOIN "Territory" t ON t.id = o."territoryId"`;
  const handed = Prisma.raw(`'${[...HANDED_OVER].join("','")}'`);
  // Both queries group by the organisation's own territory (a few hundred groups at most); regions and
  // districts are then derived from the territories' paths. One scan of the period's data bank rows.
  const [sums, stats] = await Promise.all([
    prisma.$queryRaw<{ territory: string; indicator: string; rowKey: string; total: number }[]>`
      SELECT o."territoryId" AS territory, dv.indicator, dv."rowKey" AS "rowKey", SUM(dv.value)::float8 AS total
      FROM "DataValue" dv
      JOIN "Organization" o ON o.id = dv."organizationId"
      ${joinTerritory}
      WHERE dv."periodId" = ${periodId} AND ${scoped}
      GROUP BY 1, 2, 3`,
    // The obliged organisations (as obligedOrganizationsWhere: active, of the form's kinds or addressed)
    // with their current revision of the period.
    prisma.$queryRaw<{ territory: string; obliged: number; handedOver: number; accepted: number; late: number }[]>`
      SELECT o."territoryId" AS territory,
             COUNT(*)::int AS obliged,
             COUNT(s.id) FILTER (WHERE s.status IN (${handed}))::int AS "handedOver",
             COUNT(s.id) FILTER (WHERE s.status = 'ACCEPTED')::int AS accepted,
             COUNT(s.id) FILTER (WHERE s.status IN (${handed}) AND s.late)::int AS late
      FROM "Organization" o
      ${joinTerritory}
      LEFT JOIN "Submission" s ON s."organizationId" = o.id AND s."periodId" = ${periodId} AND s."supersededAt" IS NULL
      WHERE o.status = 'ACTIVE' AND ${scoped}
        AND (${obligedKindsSql(period.form.orgKinds)} OR EXISTS (SELECT 1 FROM "FormAddressee" fa WHERE fa."formId" = ${period.form.id} AND fa."organizationId" = o.id))
      GROUP BY 1`,
  ]);
  const allTerritories = new Set([...sums.map((r) => r.territory), ...stats.map((r) => r.territory)]);
  const paths = new Map(
    (
      await prisma.territory.findMany({ where: { id: { in: [...allTerritories] } }, select: { id: true, path: true } })
    ).map((t) => [t.id, regionDistrict(t.path)]),
  );
  for (const s of sums) {
    if (!known.has(s.indicator)) {
      known.add(s.indicator);
      indicators.push({
        key: s.indicator,
        section: { kk: "", ru: "", en: "" },
        label: { kk: s.indicator, ru: s.indicator, en: s.indicator },
        rows: null,
      });
    }
  }

  // Lines keyed "region|district" ("region|" for the region itself, "|" for the total).
  const lines = new Map<string, { stats: ReportStats; totals: Record<string, number> }>();
  const line = (key: string) => {
    let l = lines.get(key);
    if (!l) lines.set(key, (l = { stats: emptyStats(), totals: {} }));
    return l;
  };
  const keysOf = (territory: string) => {
    const { region, district } = paths.get(territory) ?? { region: NONE, district: NONE };
    return [`${region}|${district}`, `${region}|`, "|"];
  };
  for (const r of stats) {
    for (const key of keysOf(r.territory)) {
      const l = line(key).stats;
      l.obliged += r.obliged;
      l.handedOver += r.handedOver;
      l.accepted += r.accepted;
      l.late += r.late;
      l.onTime += r.handedOver - r.late;
      l.missing += r.obliged - r.handedOver;
    }
  }
  const byRow: Record<string, Record<string, number>> = {};
  for (const s of sums) {
    const value = Number(s.total);
    for (const key of keysOf(s.territory)) {
      const totals = line(key).totals;
      totals[s.indicator] = (totals[s.indicator] ?? 0) + value;
    }
    if (s.rowKey) {
      const rows = (byRow[s.indicator] ??= {});
      rows[s.rowKey] = (rows[s.rowKey] ?? 0) + value;
    }
  }

  const territoryIds = new Set<string>();
  for (const key of lines.keys()) for (const id of key.split("|")) if (id && id !== NONE) territoryIds.add(id);
  const territories = new Map(
    (
      await prisma.territory.findMany({
        where: { id: { in: [...territoryIds] } },
        select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true },
      })
    ).map((t) => [t.id, t]),
  );
  const code = (id: string) => territories.get(id)?.code ?? "";
  const name = (id: string): LocalizedText | null => {
    const t = territories.get(id);
    return t ? { kk: t.nameKk, ru: t.nameRu, en: t.nameEn } : null;
  };
  const ordered: ReportLine[] = [];
  const regionKeys = [...lines.keys()]
    .filter((k) => k !== "|" && k.endsWith("|"))
    .sort((a, b) => code(a.slice(0, -1)).localeCompare(code(b.slice(0, -1))));
  for (const rk of regionKeys) {
    const region = rk.slice(0, -1);
    ordered.push({
      level: "region",
      territoryId: region === NONE ? null : region,
      name: name(region),
      ...lines.get(rk)!,
    });
    const districtKeys = [...lines.keys()]
      .filter((k) => k.startsWith(rk) && k !== rk)
      .sort((a, b) => code(a.split("|")[1]!).localeCompare(code(b.split("|")[1]!)));
    for (const dk of districtKeys) {
      const district = dk.split("|")[1]!;
      ordered.push({
        level: "district",
        territoryId: district === NONE ? null : district,
        name: name(district),
        ...lines.get(dk)!,
      });
    }
  }
  const total: ReportLine = {
    level: "total",
    territoryId: null,
    name: null,
    ...(lines.get("|") ?? { stats: emptyStats(), totals: {} }),
  };
  return {
    period: {
      id: period.id,
      label: period.label,
      dueDate: period.dueDate,
      deadlineAt: period.deadlineAt,
      closedAt: period.closedAt,
    },
    form: {
      id: period.form.id,
      code: period.form.code,
      name: { kk: period.form.nameKk, ru: period.form.nameRu, en: period.form.nameEn },
      year: period.form.formList.year,
      orderNumber: period.form.formList.orderNumber,
      orderDate: period.form.formList.orderDate,
    },
    indicators,
    lines: ordered,
    total,
    byRow,
    generatedAt: new Date(),
  };
}

// ───────────────────────── Files ─────────────────────────

export interface ReportLabels {
  title: string;
  region: string;
  district: string;
  total: string;
  /** Name of the pseudo-district of organisations directly under a region. */
  regionLevel: string;
  /** Name of the pseudo-region of organisations directly under the republic. */
  republicLevel: string;
  obliged: string;
  handedOver: string;
  accepted: string;
  late: string;
  onTime: string;
  missing: string;
  completeness: string;
  timeliness: string;
  byRow: string;
  row: string;
  provisional: string;
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/** The report as a grid: header row then one row per line (numbers stay numbers). */
export function reportGrid(report: ConsolidatedReport, locale: string, labels: ReportLabels): (string | number)[][] {
  const header = [
    labels.region,
    labels.district,
    labels.obliged,
    labels.handedOver,
    labels.accepted,
    labels.late,
    labels.onTime,
    labels.missing,
    `${labels.completeness}, %`,
    `${labels.timeliness}, %`,
    ...report.indicators.map((i) =>
      [localName(nameOf(i.section), locale), localName(nameOf(i.label), locale)].filter(Boolean).join(": "),
    ),
  ];
  const rows: (string | number)[][] = [header];
  let region = "";
  for (const l of [...report.lines, report.total]) {
    if (l.level === "region") region = l.name ? localName(nameOf(l.name), locale) : labels.republicLevel;
    const regionCell = l.level === "total" ? labels.total : region;
    const districtCell =
      l.level === "district" ? (l.name && l.territoryId ? localName(nameOf(l.name), locale) : labels.regionLevel) : "";
    rows.push([
      regionCell,
      districtCell,
      l.stats.obliged,
      l.stats.handedOver,
      l.stats.accepted,
      l.stats.late,
      l.stats.onTime,
      l.stats.missing,
      percent(l.stats.handedOver, l.stats.obliged),
      percent(l.stats.onTime, l.stats.obliged),
      ...report.indicators.map((i) => l.totals[i.key] ?? 0),
    ]);
  }
  return rows;
}

/** The columns of the report's first table section that have data by row (forms have one table in practice). */
export function rowTable(report: ConsolidatedReport): ReportIndicator[] {
  const first = report.indicators.find((i) => i.rows && report.byRow[i.key]);
  if (!first) return [];
  const section = first.key.split(".")[0];
  return report.indicators.filter((i) => i.rows && report.byRow[i.key] && i.key.split(".")[0] === section);
}

function nameOf(text: LocalizedText) {
  return { nameKk: text.kk, nameRu: text.ru, nameEn: text.en };
}

/** CSV (lib/csv: UTF-8 with a byte order mark, CRLF) of the report grid, with a title line. */
export function reportCsv(report: ConsolidatedReport, locale: string, labels: ReportLabels): string {
  const title = [
    `${report.form.code} ${localName(nameOf(report.form.name), locale)}`,
    report.period.label,
    report.period.closedAt ? "" : labels.provisional,
  ];
  return toCsv([title, ...reportGrid(report, locale, labels)]);
}

/** XLSX of the report: the grid on the first sheet, table indicators by row on the second. */
export async function reportXlsx(report: ConsolidatedReport, locale: string, labels: ReportLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "EISO";
  workbook.created = report.generatedAt;
  const sheet = workbook.addWorksheet(report.form.code.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "report", {
    views: [{ state: "frozen", ySplit: 3, xSplit: 2 }],
  });
  sheet.addRow([`${report.form.code} ${localName(nameOf(report.form.name), locale)} — ${report.period.label}`]).font = {
    bold: true,
    size: 13,
  };
  sheet.addRow([report.period.closedAt ? "" : labels.provisional]);
  const grid = reportGrid(report, locale, labels);
  const header = sheet.addRow(grid[0]!);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  for (const row of grid.slice(1)) {
    const added = sheet.addRow(row);
    if (row[1] === "") added.font = { bold: true };
  }
  sheet.columns.forEach((column, i) => {
    column.width = i < 2 ? 32 : 14;
  });
  const tables = rowTable(report);
  if (tables.length) {
    const byRow = workbook.addWorksheet(labels.byRow.replace(/[\\/?*[\]:]/g, "_").slice(0, 31));
    const rowKeys = tables[0]!.rows!;
    byRow.addRow([labels.row, ...tables.map((i) => localName(nameOf(i.label), locale))]).font = { bold: true };
    for (const r of rowKeys)
      byRow.addRow([localName(nameOf(r.label), locale), ...tables.map((i) => report.byRow[i.key]?.[r.key] ?? 0)]);
    byRow.columns.forEach((column, i) => {
      column.width = i === 0 ? 24 : 16;
    });
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
