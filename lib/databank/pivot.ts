import "server-only";
/**
 * The pivot of the data bank for signed-in staff (R33): rows × columns of dimensions over the chosen
 * indicators and measure, within the viewer's scope, with row and column totals, subtotals by the first row
 * dimension, drill-down links and exports. Totals are computed by the engine with fewer dimensions (so an
 * average's total is the average over organisations, not a sum of averages). Staff see their scope's
 * figures unsuppressed: suppression is for public outputs.
 */
import ExcelJS from "exceljs";
import type { Scope } from "../auth/scope";
import type { Locale } from "@/i18n/routing";
import { CATALOGUE, SUPPRESSION_THRESHOLD, hasStock, type Dimension } from "./catalogue";
import { crossGroups, suppress, SUPPRESSED } from "./suppression";
import { valueName, translatorFor } from "./api";
import { toCsv } from "../csv";
import { pivotSearch, type ParsedPivotParams, type StatsFilters } from "./params";
import { runStats, type StatsResult } from "./query";

export interface PivotLine {
  kind: "row" | "subtotal" | "total";
  /** Row coordinates (codes); for a subtotal only the first. */
  key: string[];
  labels: string[];
  values: (number | null)[];
  total: number | null;
  /** Drill-down search strings per column (and for the row total), null when there is nothing finer. */
  drill: (string | null)[];
  /** Per column (and for the row total): hidden by the small-cell rule. */
  hidden: boolean[];
}

export interface PivotTable {
  rows: Dimension[];
  columns: Dimension[];
  /** Column coordinates and their labels. */
  columnKeys: string[][];
  columnLabels: string[][];
  lines: PivotLine[];
  columnTotals: (number | null)[];
  grandTotal: number | null;
  /** Column totals hidden by the small-cell rule (and the grand total, last). */
  totalsHidden: boolean[];
  /** The table splits counts of persons by a custom attribute: the small-cell rule applies. */
  suppressed: boolean;
  years: number[];
  /** Those of the years whose reporting periods are still open (preliminary figures). */
  preliminary: number[];
  /** Totals over years left out: the indicators are stocks, which are not added across years. */
  stockTotalsOmitted: boolean;
  truncated: boolean;
  /** The chart: one category per row line, one series per column (at most 8). */
  chart: { label: string; values: Record<string, number | null> }[];
  series: { key: string; name: string }[];
}

const SEP = "\u0001";
const NEXT: Partial<Record<Dimension, Dimension>> = { region: "district", district: "organization" };

/**
 * The figures with fewer dimensions (totals); null when the total would add different indicators together.
 */
async function run(scope: Scope, parsed: ParsedPivotParams, dims: Dimension[]): Promise<StatsResult | null> {
  if (parsed.query.indicators.length > 1 && !dims.includes("indicator")) return null;
  // Nor stocks of different years (pupils on the reporting day of 2022 + 2023 + … is no figure).
  if (stockAcrossYears(parsed, dims)) return null;
  return runStats(scope, { ...parsed.query, dimensions: dims });
}

function stockAcrossYears(parsed: ParsedPivotParams, dims: Dimension[]): boolean {
  return (parsed.query.filters.year?.length ?? 0) > 1 && !dims.includes("year") && hasStock(parsed.query.indicators);
}

function index(result: StatsResult | null, dims: Dimension[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of result?.cells ?? []) map.set(dims.map((d) => c.key[d] ?? "").join(SEP), c.value);
  return map;
}

/** The search string of the pivot one level finer at a cell (filters on its coordinates). */
export function drillSearch(parsed: ParsedPivotParams, coords: Partial<Record<Dimension, string>>): string | null {
  // A cell of an attribute's value has nothing finer that keeps the split.
  if (coords.attribute !== undefined) return null;
  const filters: StatsFilters = { ...parsed.query.filters };
  let indicators = parsed.query.indicators;
  for (const [d, v] of Object.entries(coords) as [Dimension, string][]) {
    if (!v) continue;
    if (d === "region" || d === "district") filters.territory = [v];
    else if (d === "organization") filters.organization = [v];
    else if (d === "indicator") indicators = [v as (typeof indicators)[number]];
    else if (d === "year" || d === "grade") filters[d] = [Number(v)];
    else (filters as Record<string, string[]>)[d] = [v];
  }
  if (coords.region && coords.district) filters.territory = [coords.district];
  const used = new Set<Dimension>();
  const replace = (dims: Dimension[]) =>
    dims.flatMap((d) => {
      if (coords[d] === undefined) return [d];
      const next = NEXT[d] ?? (d === "organization" ? null : "region");
      if (!next || used.has(next) || [...parsed.rows, ...parsed.columns].includes(next)) return [];
      used.add(next);
      return [next];
    });
  const rows = replace(parsed.rows);
  const columns = replace(parsed.columns).filter((d) => !rows.includes(d));
  if (!rows.length && !columns.length) return null;
  return pivotSearch({
    indicators,
    rows,
    columns,
    measure: parsed.query.measure,
    filters,
    chart: parsed.chart,
    attribute: [...rows, ...columns].includes("attribute") ? parsed.query.attribute : undefined,
  });
}

export async function buildPivot(scope: Scope, requested: ParsedPivotParams, locale: Locale): Promise<PivotTable> {
  let parsed = requested;
  const { rows, columns } = parsed;
  const all = [...rows, ...columns];
  const main = await runStats(scope, { ...parsed.query, dimensions: all });
  // Totals cover the same years as the cells (without a year filter, a query without the year dimension
  // would take the latest year only).
  const sameYears: ParsedPivotParams = {
    ...parsed,
    query: { ...parsed.query, filters: { ...parsed.query.filters, year: main.years } },
  };
  parsed = sameYears;
  const [rowTotals, columnTotalsResult, grand, subCells, subTotals] = await Promise.all([
    columns.length ? run(scope, parsed, rows) : Promise.resolve(null),
    rows.length ? run(scope, parsed, columns) : Promise.resolve(null),
    all.length ? run(scope, parsed, []) : Promise.resolve(null),
    rows.length > 1 ? run(scope, parsed, [rows[0]!, ...columns]) : Promise.resolve(null),
    rows.length > 1 && columns.length ? run(scope, parsed, [rows[0]!]) : Promise.resolve(null),
  ]);
  const t = translatorFor(locale, "databank");
  const name = (d: Dimension, v: string) =>
    v === ""
      ? t("none")
      : d === "year" && main.preliminary.includes(Number(v))
        ? `${v} (${t("preliminary")})`
        : valueName(main, d, v, locale, t);
  // A split by a custom attribute can single out a few organisations: counts of persons follow the
  // small-cell rule there (primary and complementary suppression over the table's lines, totals below
  // the threshold hidden too), whatever the viewer's scope.
  const suppressed =
    all.includes("attribute") &&
    parsed.query.measure !== "count" &&
    parsed.query.indicators.some((i) => CATALOGUE[i].persons);
  const hiddenCells = new Set<string>();
  if (suppressed) {
    const reasons = suppress(
      main.cells.map((c) => ({
        value: c.value,
        persons: true,
        groups: crossGroups(all.map((d) => c.key[d] ?? "")),
      })),
    );
    main.cells.forEach((c, i) => {
      if (reasons[i]) hiddenCells.add(all.map((d) => c.key[d] ?? "").join(SEP));
    });
  }
  const small = (v: number | null) => suppressed && v !== null && v > 0 && v < SUPPRESSION_THRESHOLD;
  const cellMap = index(main, all);
  const rowTotalMap = columns.length ? index(rowTotals, rows) : index(main, rows);
  const colTotalMap = index(columnTotalsResult, columns);
  const subMap = index(subCells, rows.length > 1 ? [rows[0]!, ...columns] : []);
  const subTotalMap = index(subTotals, rows.length > 1 ? [rows[0]!] : []);

  const uniq = (dims: Dimension[]) => {
    const seen = new Map<string, string[]>();
    for (const c of main.cells) {
      const key = dims.map((d) => c.key[d] ?? "");
      seen.set(key.join(SEP), key);
    }
    return [...seen.values()];
  };
  const rowKeys = rows.length ? uniq(rows) : [[]];
  const columnKeys = columns.length
    ? uniq(columns).sort((a, b) => a.join(SEP).localeCompare(b.join(SEP), "en", { numeric: true }))
    : [[]];
  const coordsOf = (rk: string[], ck: string[]) =>
    Object.fromEntries([...rows.map((d, i) => [d, rk[i]!]), ...columns.map((d, i) => [d, ck[i]!])]) as Partial<
      Record<Dimension, string>
    >;

  const lines: PivotLine[] = [];
  let previousFirst: string | null = null;
  const pushSubtotal = (first: string) => {
    lines.push({
      kind: "subtotal",
      key: [first],
      labels: [name(rows[0]!, first)],
      values: columnKeys.map((ck) =>
        columns.length ? (subMap.get([first, ...ck].join(SEP)) ?? null) : (subMap.get(first) ?? null),
      ),
      total: columns.length ? (subTotalMap.get(first) ?? null) : (subMap.get(first) ?? null),
      drill: columnKeys.map(() => null),
      hidden: [],
    });
    const sub = lines.at(-1)!;
    sub.hidden = [...sub.values.map(small), small(sub.total)];
  };
  for (const rk of rowKeys) {
    if (rows.length > 1 && previousFirst !== null && rk[0] !== previousFirst) pushSubtotal(previousFirst);
    previousFirst = rk[0] ?? null;
    const values = columnKeys.map((ck) => cellMap.get([...rk, ...ck].join(SEP)) ?? null);
    const total = rows.length
      ? (rowTotalMap.get(rk.join(SEP)) ?? null)
      : (grand?.cells[0]?.value ?? main.cells[0]?.value ?? null);
    lines.push({
      kind: "row",
      key: rk,
      labels: rows.map((d, i) => name(d, rk[i]!)),
      values,
      total,
      hidden: [
        ...columnKeys.map((ck) => hiddenCells.has([...rk, ...ck].join(SEP))),
        columns.length ? small(total) : hiddenCells.has(rk.join(SEP)),
      ],
      drill: [
        ...columnKeys.map((ck) => drillSearch(requested, coordsOf(rk, ck))),
        drillSearch(requested, coordsOf(rk, [])),
      ],
    });
  }
  if (rows.length > 1 && previousFirst !== null) pushSubtotal(previousFirst);

  const columnLabels = columnKeys.map((ck) => columns.map((d, i) => name(d, ck[i]!)));
  const columnTotals = columnKeys.map((ck) =>
    rows.length ? (colTotalMap.get(ck.join(SEP)) ?? null) : (cellMap.get(ck.join(SEP)) ?? null),
  );
  const grandTotal = all.length ? (grand?.cells[0]?.value ?? null) : (main.cells[0]?.value ?? null);
  const totalsHidden = [...columnTotals.map(small), small(grandTotal)];
  // The chart never draws a hidden figure.
  const shown = (l: PivotLine, i: number, v: number | null) => (l.hidden[i] ? null : v);
  const series = columns.length
    ? columnKeys.slice(0, 8).map((ck, i) => ({ key: `c${i}`, name: columnLabels[i]!.join(" · ") }))
    : [{ key: "c0", name: t(`measure.${parsed.query.measure}`) }];
  const chart = lines
    .filter((l) => l.kind === "row")
    .slice(0, 60)
    .map((l) => ({
      label: l.labels.join(" · ") || t(`measure.${parsed.query.measure}`),
      values: Object.fromEntries(
        series.map((s, i) =>
          columns.length ? [s.key, shown(l, i, l.values[i]!)] : [s.key, shown(l, l.values.length, l.total)],
        ),
      ),
    }));
  return {
    rows,
    columns,
    columnKeys,
    columnLabels,
    lines,
    columnTotals,
    grandTotal,
    totalsHidden,
    suppressed,
    years: main.years,
    preliminary: main.preliminary,
    stockTotalsOmitted: stockAcrossYears(parsed, []),
    truncated: main.truncated,
    chart,
    series,
  };
}

/** The pivot as a grid of text (header, lines, totals) for CSV and XLSX. */
export function pivotGrid(
  table: PivotTable,
  labels: { total: string; dimension: (d: Dimension) => string },
): (string | number | null)[][] {
  const head = [
    ...table.rows.map(labels.dimension),
    ...table.columnLabels.map((l) => l.join(" · ") || labels.total),
    ...(table.columns.length ? [labels.total] : []),
  ];
  const cell = (v: number | null, hidden: boolean | undefined) => (hidden ? SUPPRESSED : v);
  const n = table.columnKeys.length;
  const body = table.lines.map((l) => [
    ...(l.kind === "subtotal" ? [`${l.labels[0]} — ${labels.total}`, ...table.rows.slice(1).map(() => "")] : l.labels),
    ...(table.columns.length ? l.values.map((v, i) => cell(v, l.hidden[i])) : [cell(l.total, l.hidden[n])]),
    ...(table.columns.length ? [cell(l.total, l.hidden[n])] : []),
  ]);
  const foot = table.rows.length
    ? [
        [
          labels.total,
          ...table.rows.slice(1).map(() => ""),
          ...(table.columns.length
            ? table.columnTotals.map((v, i) => cell(v, table.totalsHidden[i]))
            : [cell(table.grandTotal, table.totalsHidden[n])]),
          ...(table.columns.length ? [cell(table.grandTotal, table.totalsHidden[n])] : []),
        ],
      ]
    : [];
  return [head, ...body, ...foot];
}

export function pivotCsv(grid: (string | number | null)[][]): string {
  return toCsv(grid);
}

export async function pivotXlsx(grid: (string | number | null)[][], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Pivot");
  sheet.addRow([title]).font = { bold: true };
  grid.forEach((line, i) => {
    const row = sheet.addRow(line.map((v) => (v === null ? "" : v)));
    if (i === 0) row.font = { bold: true };
  });
  sheet.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await book.xlsx.writeBuffer());
}
