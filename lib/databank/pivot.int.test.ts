import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import { DatabankParamError, parsePivotParams } from "./params";
import { buildPivot, drillSearch, pivotGrid } from "./pivot";
import { getView, saveView } from "./views";

const KOKSHETAU = "110200000";

async function as(userId: string) {
  return authorizeViewer(await loadViewer(userId), "databank.pivot");
}

const pivot = (qs: string) => parsePivotParams(new URLSearchParams(qs));

describe("the pivot", () => {
  it("has row and column totals and subtotals that add up (sum)", async () => {
    const { scope } = await as("u_ministry");
    const table = await buildPivot(scope, pivot("indicator=students&rows=region,district&cols=sex&year=2025"), "en");
    const rows = table.lines.filter((l) => l.kind === "row");
    const subtotals = table.lines.filter((l) => l.kind === "subtotal");
    expect(table.columnLabels.map((l) => l[0])).toEqual(["Girls", "Boys"]);
    for (const r of rows) expect(r.total).toBe(r.values.reduce((s, v) => s! + (v ?? 0), 0));
    expect(subtotals.length).toBe(new Set(rows.map((r) => r.key[0])).size);
    for (const s of subtotals) {
      const members = rows.filter((r) => r.key[0] === s.key[0]);
      expect(s.total).toBe(members.reduce((a, r) => a + r.total!, 0));
    }
    expect(table.grandTotal).toBe(table.columnTotals.reduce((a, v) => a! + v!, 0));
    const facts = await prisma.dataValue.aggregate({
      where: { year: 2025, formCode: "D-1", indicator: "grades.total" },
      _sum: { value: true },
    });
    expect(table.grandTotal).toBe(facts._sum.value);
  });

  it("never adds pupils of different years: no total over years, the preliminary year marked", async () => {
    const { scope } = await as("u_ministry");
    const table = await buildPivot(scope, pivot("indicator=students&rows=region&cols=year"), "en");
    expect(table.stockTotalsOmitted).toBe(true);
    expect(table.grandTotal).toBeNull();
    for (const line of table.lines) expect(line.total).toBeNull();
    // Each year's column total is still a figure (regions of one year do add up).
    for (const v of table.columnTotals) expect(v).toBeGreaterThan(0);
    expect(table.preliminary).toEqual([2026]);
    expect(table.columnLabels.map((l) => l[0])).toContain("2026 (preliminary)");
    // Several years chosen without the year dimension: each year gets its own column.
    const chosen = await buildPivot(scope, pivot("indicator=students&rows=region&year=2024,2025"), "en");
    expect(chosen.columns).toEqual(["year"]);
    expect(chosen.columnLabels.map((l) => l[0])).toEqual(["2024", "2025"]);
    // Without a year: the last complete one.
    expect((await buildPivot(scope, pivot("indicator=students&rows=region"), "en")).years).toEqual([2025]);
  });

  it("an average's total is the average over organisations, not a sum", async () => {
    const { scope } = await as("u_ministry");
    const table = await buildPivot(scope, pivot("indicator=students&rows=region&measure=avg&year=2025"), "en");
    const perOrg = await prisma.dataValue.groupBy({
      by: ["organizationId"],
      where: { year: 2025, formCode: "D-1", indicator: "grades.total" },
      _sum: { value: true },
    });
    const avg = perOrg.reduce((s, r) => s + r._sum.value!, 0) / perOrg.length;
    expect(table.grandTotal).toBeCloseTo(avg, 1);
  });

  it("keeps a district administrator inside the district, whatever the URL says", async () => {
    const { scope } = await as("u_district");
    const table = await buildPivot(
      scope,
      pivot("indicator=teachers&rows=region,district&cols=qualification&year=2025"),
      "en",
    );
    expect(table.lines.filter((l) => l.kind === "row").map((l) => l.key[1])).toEqual([KOKSHETAU]);
    await expect(
      buildPivot(scope, pivot("indicator=teachers&rows=district&territory=110400000"), "en"),
    ).rejects.toBeInstanceOf(DatabankParamError);
  });

  it("drills down from a region to its districts and from a district to its organisations", async () => {
    const parsed = pivot("indicator=students&rows=region&cols=sex&year=2025");
    const next = new URLSearchParams(drillSearch(parsed, { region: "110000000", sex: "F" })!);
    expect(next.get("rows")).toBe("district");
    expect(next.get("territory")).toBe("110000000");
    expect(next.get("sex")).toBe("F");
    const deeper = new URLSearchParams(drillSearch(pivot(next.toString()), { district: KOKSHETAU })!);
    expect(deeper.get("rows")).toBe("organization");
    expect(deeper.get("territory")).toBe(KOKSHETAU);
  });

  it("exports the same numbers as a grid with totals", async () => {
    const { scope } = await as("u_region");
    const table = await buildPivot(scope, pivot("indicator=students&rows=district&cols=year"), "en");
    const grid = pivotGrid(table, { total: "Total", dimension: (d) => d });
    expect(grid[0]).toEqual(["district", "2022", "2023", "2024", "2025", "2026 (preliminary)", "Total"]);
    expect(grid.at(-1)![0]).toBe("Total");
    expect(grid).toHaveLength(1 + 3 + 1);
    // Pupils are a stock: the districts of a year add up, the years of a district do not.
    const footer = grid.at(-1)!;
    for (let i = 1; i < footer.length - 1; i++) {
      const column = grid.slice(1, -1).reduce<number>((a, line) => a + ((line[i] as number | null) ?? 0), 0);
      expect(footer[i]).toBe(column);
    }
    for (const line of grid.slice(1)) expect(line.at(-1)).toBeNull();
  });

  it("refuses unknown dimensions and measures in the URL", () => {
    expect(() => pivot("rows=colour")).toThrow(DatabankParamError);
    expect(() => pivot("measure=median")).toThrow(DatabankParamError);
    expect(() => pivot("indicator=classes&cols=sex")).toThrow(DatabankParamError);
  });
});

describe("saved views", () => {
  it("saves a named view with a normalised query and opens it by id", async () => {
    const { viewer } = await as("u_district");
    const { id } = await saveView(viewer, {
      name: "Kokshetau by sex",
      query: "cols=sex&indicator=students&rows=district&year=2025",
    });
    const view = await getView(id);
    expect(view?.name).toBe("Kokshetau by sex");
    expect(view?.query).toBe("indicator=students&rows=district&cols=sex&year=2025");
    expect(await prisma.auditLog.count({ where: { entity: "DatabankView", entityId: id } })).toBe(1);
  });

  it("refuses a broken pivot and writes nothing", async () => {
    const { viewer } = await as("u_district");
    const before = await prisma.databankView.count();
    const error = await saveView(viewer, { name: "broken", query: "rows=colour" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("badRequest");
    expect(await prisma.databankView.count()).toBe(before);
  });

  it("is not for teachers, parents or students", async () => {
    for (const login of ["u_teacher", "u_parent", "u_student"]) {
      const viewer = await loadViewer(login);
      expect(viewer).not.toBeNull();
      expect(() => authorizeViewer(viewer, "databank.pivot")).toThrow(AppError);
    }
  });
});
