import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import {
  dashboardFor,
  deleteDashboard,
  listDashboards,
  publishDashboard,
  saveDashboard,
  shareDashboard,
} from "./dashboards";
import { publicDashboard } from "./public";
import { dashboardInput, MAX_TEXT, type Widget } from "./schemas";
import { readWidgets, tableCells, type WidgetData } from "./widgets";
import type { PivotTable } from "@/lib/databank/pivot";
import { parsePivotParams } from "@/lib/databank/params";

const AKMOLA = "110000000";
const VIEW_QUERY = "indicator=students&rows=district&cols=sex&year=2025";

async function as(userId: string, permission: "dashboards.compose" | "dashboards.read" = "dashboards.compose") {
  return authorizeViewer(await loadViewer(userId), permission);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
}

const input = (widgets: Widget[], extra: Record<string, string> = {}) =>
  dashboardInput.parse({ titleKk: "Облыс", widgets: JSON.stringify(widgets), ...extra });

let regionView = "";
let regionFilteredView = "";
let districtView = "";
let districtAkmolaView = "";

beforeAll(async () => {
  const view = (ownerId: string, query: string) =>
    prisma.databankView.create({ data: { ownerId, name: `v ${query}`, query }, select: { id: true } });
  regionView = (await view("u_region", VIEW_QUERY)).id;
  regionFilteredView = (await view("u_region", `${VIEW_QUERY}&territory=${AKMOLA}`)).id;
  districtView = (await view("u_district", VIEW_QUERY)).id;
  districtAkmolaView = (await view("u_district", `${VIEW_QUERY}&territory=${AKMOLA}`)).id;
});

const districtsOf = (w: WidgetData) =>
  w.kind === "table" && w.table ? w.table.lines.filter((l) => l.kind === "row").map((l) => l.labels[0]) : null;

describe("dashboards", () => {
  it("reads every widget through the viewer's scope: the region sees its districts, a district its own", async () => {
    const region = await as("u_region");
    const { id } = await saveDashboard(
      region.viewer,
      region.scope,
      input([
        { kind: "table", width: 3, viewId: regionView },
        { kind: "chart", width: 1, viewId: regionView, chart: "donut" },
        { kind: "figure", width: 1, indicator: "students", year: 2025 },
        { kind: "text", width: 1, kk: "**Түсіндірме**", ru: "", en: "" },
      ]),
    );
    const dashboard = (await dashboardFor(region.viewer, id))!;
    const asRegion = await readWidgets(dashboard.widgets, region.scope, "kk", { suppressSmall: false });
    expect(districtsOf(asRegion[0]!)!.length).toBe(3);
    expect(asRegion[1]).toMatchObject({ kind: "chart", chart: "donut", problem: null });
    const figure = asRegion[2]! as WidgetData & { kind: "figure" };
    expect(figure.year).toBe(2025);
    expect(figure.previousYear).toBe(2024);
    const total = await prisma.dataValue.aggregate({
      where: {
        formCode: "D-1",
        indicator: "grades.total",
        year: 2025,
        organization: {
          territory: {
            path: { startsWith: (await prisma.territory.findUniqueOrThrow({ where: { code: AKMOLA } })).path },
          },
        },
      },
      _sum: { value: true },
    });
    expect(figure.value.value).toBe(total._sum.value);
    expect(asRegion[3]).toMatchObject({ kind: "text", html: expect.stringContaining("<strong>Түсіндірме</strong>") });

    // Not shared yet: the district administrator cannot open it.
    const district = await as("u_district", "dashboards.read");
    expect(await dashboardFor(district.viewer, id)).toBeNull();
    await shareDashboard(region.viewer, { id, version: dashboard.version, DISTRICT_ADMIN: "on" });
    const shared = (await dashboardFor(district.viewer, id))!;
    expect((await listDashboards(district.viewer)).map((d) => d.id)).toContain(id);
    // …nor a school administrator, whose role it was not shared with.
    expect(await dashboardFor((await as("u_school", "dashboards.read")).viewer, id)).toBeNull();
    const asDistrict = await readWidgets(shared.widgets, district.scope, "kk", { suppressSmall: false });
    expect(districtsOf(asDistrict[0]!)).toEqual(["Көкшетау қаласы"]);
    const districtFigure = asDistrict[2]! as WidgetData & { kind: "figure" };
    expect(districtFigure.value.value).toBeLessThan(figure.value.value!);
  });

  it("shows a notice for a widget whose view the viewer cannot read", async () => {
    const region = await as("u_region");
    const { id } = await saveDashboard(
      region.viewer,
      region.scope,
      input([{ kind: "table", width: 3, viewId: regionFilteredView }]),
    );
    const before = (await dashboardFor(region.viewer, id))!;
    await shareDashboard(region.viewer, { id, version: before.version, DISTRICT_ADMIN: "on" });
    const district = await as("u_district", "dashboards.read");
    const widgets = await readWidgets((await dashboardFor(district.viewer, id))!.widgets, district.scope, "ru", {
      suppressSmall: false,
    });
    expect(widgets[0]).toMatchObject({ kind: "table", problem: "viewNotReadable", table: null });
    // The region itself reads it.
    const own = await readWidgets(before.widgets, region.scope, "ru", { suppressSmall: false });
    expect(own[0]).toMatchObject({ problem: null });
  });

  it("refuses bad input with a named reason and writes nothing", async () => {
    const count = () => prisma.dashboard.count();
    const audits = () => prisma.auditLog.count({ where: { entity: "Dashboard" } });
    const [dashboards, entries] = [await count(), await audits()];
    const issue = (values: Record<string, string>) => {
      const parsed = dashboardInput.safeParse({ titleKk: "Т", ...values });
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(issue({ widgets: "[]" })).toBe("dashboards.noWidgets");
    expect(issue({ widgets: "not json" })).toBe("dashboards.badWidget");
    expect(
      issue({ widgets: JSON.stringify([{ kind: "text", width: 3, kk: "a".repeat(MAX_TEXT + 1), ru: "", en: "" }]) }),
    ).toBe("dashboards.textTooLong");
    expect(issue({ widgets: JSON.stringify([{ kind: "text", width: 3, kk: " ", ru: "", en: "" }]) })).toBe(
      "dashboards.textEmpty",
    );
    expect(issue({ widgets: JSON.stringify([{ kind: "figure", width: 1, indicator: "nothing" }]) })).toBe(
      "dashboards.indicatorUnknown",
    );
    expect(issue({ widgets: JSON.stringify([{ kind: "table", width: 5, viewId: regionView }]) })).toBe(
      "dashboards.badWidth",
    );

    const region = await as("u_region");
    const unknown = await refusal(
      saveDashboard(region.viewer, region.scope, input([{ kind: "table", width: 3, viewId: "nosuchview" }])),
    );
    expect(unknown.fieldErrors).toEqual({ widgets: "dashboards.viewUnknown" });
    expect(unknown.params).toEqual({ n: 1 });
    // Someone else's view.
    const foreign = await refusal(
      saveDashboard(
        region.viewer,
        region.scope,
        input([
          { kind: "text", width: 3, kk: "Кіріспе", ru: "", en: "" },
          { kind: "chart", width: 3, viewId: districtView, chart: "bar" },
        ]),
      ),
    );
    expect(foreign.fieldErrors).toEqual({ widgets: "dashboards.viewNotVisible" });
    expect(foreign.params).toEqual({ n: 2 });
    // One's own view whose filter lies outside one's scope (a district naming its region).
    const district = await as("u_district");
    const outside = await refusal(
      saveDashboard(district.viewer, district.scope, input([{ kind: "table", width: 3, viewId: districtAkmolaView }])),
    );
    expect(outside.options.message).toBe("errors.dashboards.viewNotVisible");
    expect([await count(), await audits()]).toEqual([dashboards, entries]);

    // A district administrator does not publish, even their own dashboard.
    const { id } = await saveDashboard(
      district.viewer,
      district.scope,
      input([{ kind: "table", width: 3, viewId: districtView }]),
    );
    const own = (await dashboardFor(district.viewer, id))!;
    const publishing = await refusal(publishDashboard(district.viewer, { id, version: own.version, publish: true }));
    expect(publishing.code).toBe("forbidden");
    expect(publishing.options.message).toBe("errors.dashboards.publishNotAllowed");
    expect((await prisma.dashboard.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull();
    // Nor shares it with a role above its own.
    const sharing = await refusal(shareDashboard(district.viewer, { id, version: own.version, REGION_ADMIN: "on" }));
    expect(sharing.options.message).toBe("errors.dashboards.shareOutsideScope");
    expect((await prisma.dashboard.findUniqueOrThrow({ where: { id } })).sharedWith).toEqual([]);
    // Someone else cannot change or delete it.
    const region2 = await as("u_region");
    expect((await refusal(deleteDashboard(region2.viewer, { id }))).code).toBe("notFound");
    expect(await prisma.dashboard.count({ where: { id } })).toBe(1);
  });

  it("publishes within the dashboard's territory with small counts hidden, and withdraws", async () => {
    const region = await as("u_region");
    const { id } = await saveDashboard(
      region.viewer,
      region.scope,
      input([
        { kind: "table", width: 3, viewId: regionView },
        { kind: "figure", width: 1, indicator: "students", year: null },
      ]),
    );
    expect(await publicDashboard(id, "en")).toBeNull();
    const before = (await dashboardFor(region.viewer, id))!;
    await publishDashboard(region.viewer, { id, version: before.version, publish: true });
    const published = (await publicDashboard(id, "en"))!;
    expect(published.title.kk).toBe("Облыс");
    const table = published.widgets[0]!;
    expect(districtsOf(table)!.length).toBe(3);
    // Every shown count of persons is 0 or at least 5; a hidden one has no value.
    if (table.kind !== "table" || !table.table) throw new Error("no table");
    const cells = [
      ...table.table.lines.flatMap((l) => [...l.values, l.total]),
      ...table.table.columnTotals,
      table.table.grandTotal,
    ];
    for (const c of cells) {
      if (c.hidden) expect(c.value).toBeNull();
      else if (c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true);
    }
    await publishDashboard(region.viewer, { id, version: before.version + 1, publish: false });
    expect(await publicDashboard(id, "en")).toBeNull();
    // A stale version is refused.
    expect((await refusal(publishDashboard(region.viewer, { id, version: before.version, publish: true }))).code).toBe(
      "stale",
    );
  });

  it("hides a small count on public tables and, with it, a second cell of its line and column", () => {
    const parsed = parsePivotParams(new URLSearchParams("indicator=students&rows=district&cols=sex"));
    const line = (label: string, f: number, m: number) => ({
      kind: "row" as const,
      key: [label],
      labels: [label],
      values: [f, m],
      total: f + m,
      drill: [],
      hidden: [],
    });
    const pivot = {
      rows: ["district"],
      columns: ["sex"],
      columnKeys: [["F"], ["M"]],
      columnLabels: [["F"], ["M"]],
      lines: [line("A", 3, 40), line("B", 20, 30), line("C", 25, 35)],
      columnTotals: [48, 105],
      grandTotal: 153,
      totalsHidden: [],
      suppressed: false,
      years: [2025],
      preliminary: [],
      stockTotalsOmitted: false,
      truncated: false,
      chart: [],
      series: [],
    } satisfies PivotTable;
    const shown = tableCells(pivot, parsed, true);
    const hidden = shown.lines.map((l) => l.values.map((v) => v.hidden));
    expect(hidden[0]).toEqual([true, true]);
    // Row A's 40 hides with its 3; then each column has one hidden cell, so the smallest other (20, 30) hides too.
    expect(hidden[1]).toEqual([true, true]);
    expect(shown.lines[2]!.values.map((v) => v.value)).toEqual([25, 35]);
    expect(shown.grandTotal).toEqual({ value: 153, hidden: false });
    // For staff nothing is hidden.
    expect(tableCells(pivot, parsed, false).lines[0]!.values).toEqual([
      { value: 3, hidden: false },
      { value: 40, hidden: false },
    ]);
  });
});
