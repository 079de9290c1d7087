import "server-only";
/**
 * What each widget of a dashboard shows, read through the scope it is given: the viewer's scope on the
 * administrators' pages (a district administrator opening a region's dashboard sees their district only),
 * the dashboard's own territory on the public page — where every count of persons then passes the small-cell
 * rule (lib/databank/suppression.ts) before it leaves this module. A view that is gone, or that the scope
 * cannot read (its filters name a territory outside it), becomes a notice instead of figures.
 */
import type { Locale } from "@/i18n/routing";
import type { Scope } from "../auth/scope";
import { renderMarkdown } from "../markdown";
import { CATALOGUE, type Dimension, type Indicator } from "../databank/catalogue";
import { translatorFor } from "../databank/api";
import { DatabankParamError, parsePivotParams, type ParsedPivotParams } from "../databank/params";
import { buildPivot, type PivotTable } from "../databank/pivot";
import { defaultYear, runStats } from "../databank/query";
import { suppress, type SuppressionCell } from "../databank/suppression";
import { prisma } from "../db";
import type { CHART_KINDS, Widget } from "./schemas";

/** A figure as a widget shows it: hidden (shown as "<5") on public pages below the small-cell threshold. */
export interface Cell {
  value: number | null;
  hidden: boolean;
}

export interface WidgetTable {
  rows: Dimension[];
  hasColumns: boolean;
  columnLabels: string[];
  lines: { kind: "row" | "subtotal"; labels: string[]; values: Cell[]; total: Cell }[];
  columnTotals: Cell[];
  grandTotal: Cell;
  measure: string;
  years: number[];
  preliminary: number[];
}

export type WidgetProblem = "viewMissing" | "viewNotReadable" | "noData";

export type WidgetData =
  | { kind: "table"; width: number; title: string; problem: WidgetProblem | null; table: WidgetTable | null }
  | {
      kind: "chart";
      width: number;
      title: string;
      problem: WidgetProblem | null;
      chart: (typeof CHART_KINDS)[number];
      data: { label: string; values: Record<string, number | null> }[];
      series: { key: string; name: string }[];
      table: WidgetTable | null;
    }
  | {
      kind: "figure";
      width: number;
      indicator: Indicator;
      year: number | null;
      value: Cell;
      previousYear: number | null;
      previous: Cell | null;
      /** Change against the previous year, in per cent; null when either figure is missing or hidden. */
      change: number | null;
      problem: WidgetProblem | null;
    }
  | { kind: "text"; width: number; html: string };

export interface ReadOptions {
  /** Public page: suppression of small counts of persons. */
  suppressSmall: boolean;
}

const shown = (value: number | null): Cell => ({ value, hidden: false });

function persons(parsed: ParsedPivotParams): boolean {
  return parsed.query.measure !== "count" && parsed.query.indicators.some((i) => CATALOGUE[i].persons);
}

/**
 * The pivot with its totals as cells; on public pages small counts are hidden, and with them (complementary)
 * a second cell of every line, column or block whose published total would give a hidden one away.
 */
export function tableCells(table: PivotTable, parsed: ParsedPivotParams, suppressSmall: boolean): WidgetTable {
  const hasColumns = table.columns.length > 0;
  const additive = parsed.query.measure === "sum";
  const isPersons = persons(parsed);
  const cells: SuppressionCell[] = [];
  const add = (value: number | null, groups: string[]) => {
    cells.push({ value, persons: isPersons, groups: additive ? groups : [] });
    return cells.length - 1;
  };
  let block = 0;
  const lines = table.lines.map((line, i) => {
    if (line.kind === "subtotal") block += 1;
    const values = hasColumns
      ? line.values.map((v, j) =>
          add(v, line.kind === "row" ? [`r${i}`, `b${block}:${j}`, `c${j}`] : [`s${i}`, `sc${j}`]),
        )
      : [];
    const total = add(line.total, line.kind === "row" ? [`rt`, `b${block}:t`] : [`st`]);
    return { line, values, total };
  });
  const columnTotals = table.columnTotals.map((v) => add(v, ["ct"]));
  const grand = add(table.grandTotal, []);
  const reasons = suppressSmall ? suppress(cells) : cells.map(() => null);
  const cell = (i: number): Cell => (reasons[i] ? { value: null, hidden: true } : shown(cells[i]!.value));
  return {
    rows: table.rows,
    hasColumns,
    columnLabels: table.columnLabels.map((l) => l.join(" · ")),
    lines: lines.map(({ line, values, total }) => ({
      kind: line.kind === "subtotal" ? "subtotal" : "row",
      labels: line.labels,
      values: values.map(cell),
      total: cell(total),
    })),
    columnTotals: hasColumns ? columnTotals.map(cell) : [],
    grandTotal: cell(grand),
    measure: parsed.query.measure,
    years: table.years,
    preliminary: table.preliminary,
  };
}

async function readView(
  viewId: string,
  scope: Scope,
  locale: Locale,
  options: ReadOptions,
  views: Map<string, { name: string; query: string }>,
): Promise<{ title: string; problem: WidgetProblem | null; table: WidgetTable | null }> {
  const view = views.get(viewId);
  if (!view) return { title: "", problem: "viewMissing", table: null };
  try {
    const parsed = parsePivotParams(new URLSearchParams(view.query));
    const pivot = await buildPivot(scope, parsed, locale);
    if (!pivot.lines.length) return { title: view.name, problem: "noData", table: null };
    return { title: view.name, problem: null, table: tableCells(pivot, parsed, options.suppressSmall) };
  } catch (error) {
    if (error instanceof DatabankParamError) return { title: view.name, problem: "viewNotReadable", table: null };
    throw error;
  }
}

function chartOf(table: WidgetTable, measureName: string) {
  const series = table.hasColumns
    ? table.columnLabels.slice(0, 8).map((name, i) => ({ key: `c${i}`, name }))
    : [{ key: "c0", name: measureName }];
  const data = table.lines
    .filter((l) => l.kind === "row")
    .slice(0, 60)
    .map((l) => ({
      label: l.labels.join(" · ") || measureName,
      values: Object.fromEntries(
        series.map((s, i) => [s.key, table.hasColumns ? (l.values[i]?.value ?? null) : l.total.value]),
      ),
    }));
  return { data, series };
}

async function readFigure(
  w: Widget & { kind: "figure" },
  scope: Scope,
  options: ReadOptions,
): Promise<WidgetData & { kind: "figure" }> {
  const base = { kind: "figure" as const, width: w.width, indicator: w.indicator };
  const empty = { ...base, year: w.year, value: shown(null), previousYear: null, previous: null, change: null };
  try {
    const result = await runStats(scope, {
      indicators: [w.indicator],
      dimensions: ["year"],
      measure: "sum",
      filters: {},
      limit: 200,
    });
    const byYear = new Map(result.cells.map((c) => [Number(c.key.year), c.value]));
    const year =
      w.year ??
      defaultYear(
        [...byYear.keys()].sort((a, b) => a - b),
        result.preliminary,
      ) ??
      null;
    if (year === null || !byYear.has(year)) return { ...empty, year, problem: "noData" };
    const previousYear = byYear.has(year - 1) ? year - 1 : null;
    const hide = (v: number | null): Cell =>
      options.suppressSmall && CATALOGUE[w.indicator].persons && v !== null && v > 0 && v < 5
        ? { value: null, hidden: true }
        : shown(v);
    const value = hide(byYear.get(year) ?? null);
    const previous = previousYear === null ? null : hide(byYear.get(previousYear) ?? null);
    const change =
      previous && previous.value && value.value !== null
        ? Math.round(((value.value - previous.value) / previous.value) * 1000) / 10
        : null;
    return { ...base, year, value, previousYear, previous, change, problem: null };
  } catch (error) {
    if (error instanceof DatabankParamError) return { ...empty, problem: "viewNotReadable" };
    throw error;
  }
}

function textOf(w: Widget & { kind: "text" }, locale: Locale): string {
  const text = (locale === "ru" ? w.ru : locale === "en" ? w.en : w.kk) || w.kk || w.ru || w.en;
  return renderMarkdown(text);
}

/** Every widget's figures, in order, through `scope`. */
export async function readWidgets(
  widgets: Widget[],
  scope: Scope,
  locale: Locale,
  options: ReadOptions,
): Promise<WidgetData[]> {
  const ids = [...new Set(widgets.flatMap((w) => (w.kind === "table" || w.kind === "chart" ? [w.viewId] : [])))];
  const views = new Map(
    (
      await prisma.databankView.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, query: true } })
    ).map((v) => [v.id, v]),
  );
  const t = translatorFor(locale, "databank");
  // A view shown both as a table and as a chart is read once.
  const reads = new Map<string, ReturnType<typeof readView>>();
  const viewOf = (viewId: string) => {
    let read = reads.get(viewId);
    if (!read) reads.set(viewId, (read = readView(viewId, scope, locale, options, views)));
    return read;
  };
  return Promise.all(
    widgets.map(async (w): Promise<WidgetData> => {
      switch (w.kind) {
        case "table":
          return { kind: "table", width: w.width, ...(await viewOf(w.viewId)) };
        case "chart": {
          const read = await viewOf(w.viewId);
          const { data, series } = read.table
            ? chartOf(read.table, t(`measure.${read.table.measure}`))
            : { data: [], series: [] };
          return { kind: "chart", width: w.width, chart: w.chart, data, series, ...read };
        }
        case "figure":
          return readFigure(w, scope, options);
        case "text":
          return { kind: "text", width: w.width, html: textOf(w, locale) };
      }
    }),
  );
}
