import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer } from "@/lib/auth/access";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { boardList, boardSummary, closePeriod, isNotableChange, relativeChange, reviewSubmission } from "./review";
import { consolidatedReport, reportCsv, reportGrid, reportXlsx, type ReportLabels } from "./reports";
import { generateReminders, reminderStage } from "./reminders";
import { refusal, viewer } from "@/tests/setup/helpers";

const D1_2026 = "rp2026_d1";
const D1_2025 = "rp2025_d1";
const KOKSHETAU_PATH = "/t000000000/t110000000/t110200000/";

const params = (filters: Record<string, string>) => ({
  page: 1,
  pageSize: 100,
  sort: "name" as const,
  dir: "asc" as const,
  q: "",
  filters,
});

let district: Viewer;
let region: Viewer;
let ministry: Viewer;
let districtScope: Scope;

beforeAll(async () => {
  district = await viewer("u_district");
  region = await viewer("u_region");
  ministry = await viewer("u_ministry");
  districtScope = authorizeViewer(district, "reporting.review").scope;
});

describe("completeness board", () => {
  it("counts the obliged organisations of the scope, and the buckets add up", async () => {
    const all = await boardSummary(ministry, { all: true }, D1_2026);
    const schools = await prisma.organization.count({ where: { kind: { code: "SCHOOL" } } });
    expect(all.counts.obliged).toBe(schools);
    const c = all.counts;
    expect(c.handedOver + c.missing + c.returned).toBe(c.obliged);
    expect(c.handedOver).toBe(c.submitted + c.approvedDistrict + c.approvedRegion + c.accepted);
    const accepted = await prisma.submission.count({
      where: { periodId: D1_2026, supersededAt: null, status: "ACCEPTED" },
    });
    expect(c.accepted).toBe(accepted);
    expect(c.late).toBeGreaterThan(0);
    expect(c.overdue).toBe(c.missing + c.returned); // the deadline (5 October 2026) has passed
    expect(all.groupLevel).toBe("REGION");
    expect(all.byTerritory.reduce((n, g) => n + g.counts.obliged, 0)).toBe(c.obliged);
    // The ministry waits for what the regions approved.
    expect(c.awaiting).toBe(c.approvedRegion);

    const mine = await boardSummary(district, districtScope, D1_2026);
    const inDistrict = await prisma.organization.count({
      where: { kind: { code: "SCHOOL" }, territory: { path: { startsWith: KOKSHETAU_PATH } } },
    });
    expect(mine.counts.obliged).toBe(inDistrict);
    expect(mine.groupLevel).toBe("DISTRICT");
  });

  it("lists organisations by state, only inside the scope", async () => {
    const page = await boardList(district, districtScope, params({ period: D1_2026 }), "kk");
    expect(page.total).toBe((await boardSummary(district, districtScope, D1_2026)).counts.obliged);
    for (const row of page.rows) expect(row.organization.territory.path.startsWith(KOKSHETAU_PATH)).toBe(true);

    const regionScope = authorizeViewer(region, "reporting.review").scope;
    const missing = await boardList(region, regionScope, params({ period: D1_2026, state: "missing" }), "ru");
    for (const row of missing.rows) expect(row.submission === null || row.submission.status === "DRAFT").toBe(true);
    const awaiting = await boardList(region, regionScope, params({ period: D1_2026, state: "awaiting" }), "en");
    expect(awaiting.total).toBe((await boardSummary(region, regionScope, D1_2026)).counts.awaiting);
    for (const row of awaiting.rows) expect(row.submission?.status).toBe("APPROVED_DISTRICT");
    const late = await boardList(ministry, { all: true }, params({ period: D1_2026, state: "late" }), "en");
    expect(late.rows.length).toBeGreaterThan(0);
    for (const row of late.rows) expect(row.submission?.late).toBe(true);
  });
});

describe("review page data", () => {
  it("compares with the previous period and highlights big changes", async () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(isNotableChange(121, 100)).toBe(true);
    expect(isNotableChange(119, 100)).toBe(false);
    expect(isNotableChange(5, 0)).toBe(true);
    expect(isNotableChange("a", 1)).toBe(false);

    const s = await prisma.submission.findFirstOrThrow({
      where: {
        periodId: D1_2026,
        supersededAt: null,
        status: { not: "DRAFT" },
        organization: { territory: { path: { startsWith: KOKSHETAU_PATH } } },
      },
    });
    const data = await reviewSubmission(district, s.id);
    expect(data.previous?.year).toBe(2025);
    expect(data.rows).toHaveLength(36);
    const values = s.values as Record<string, number>;
    const previous = (
      await prisma.submission.findFirstOrThrow({ where: { periodId: D1_2025, organizationId: s.organizationId } })
    ).values as Record<string, number>;
    for (const row of data.rows) {
      expect(row.value).toBe(values[row.key] ?? null);
      expect(row.previous).toBe(previous[row.key] ?? null);
      expect(row.highlight).toBe(isNotableChange(values[row.key], previous[row.key]));
    }
    expect(data.events.length).toBeGreaterThan(0);
    expect(data.actions.chain).toEqual(["DISTRICT", "REGION", "MINISTRY"]);

    // Another district's administrator does not see it at all.
    const other = await prisma.user.create({
      data: {
        id: "u_other_district",
        login: "other-district",
        passwordHash: "x",
        displayName: "x",
        roles: { create: [{ role: "DISTRICT_ADMIN", territoryId: "t110400000" }] },
      },
    });
    expect((await refusal(reviewSubmission(await viewer(other.id), s.id))).code).toBe("notFound");
  });
});

const LABELS: ReportLabels = {
  title: "Report",
  region: "Region",
  district: "District",
  total: "Total",
  regionLevel: "Regional",
  republicLevel: "Republican",
  obliged: "Obliged",
  handedOver: "Handed over",
  accepted: "Accepted",
  late: "Late",
  onTime: "On time",
  missing: "Missing",
  completeness: "Completeness",
  timeliness: "Timeliness",
  byRow: "By rows",
  row: "Row",
  provisional: "Provisional",
};

describe("consolidated report", () => {
  it("totals the data bank by region and district and counts completeness", async () => {
    const report = await consolidatedReport({ all: true }, D1_2025);
    const facts = await prisma.dataValue.aggregate({
      where: { periodId: D1_2025, indicator: "grades.total" },
      _sum: { value: true },
    });
    expect(report.total.totals["grades.total"]).toBe(facts._sum.value);
    const regions = report.lines.filter((l) => l.level === "region");
    const districts = report.lines.filter((l) => l.level === "district");
    expect(regions.reduce((n, l) => n + (l.totals["grades.total"] ?? 0), 0)).toBeCloseTo(facts._sum.value!);
    expect(districts.reduce((n, l) => n + (l.totals["grades.total"] ?? 0), 0)).toBeCloseTo(facts._sum.value!);
    expect(report.total.stats.obliged).toBe(await prisma.organization.count({ where: { kind: { code: "SCHOOL" } } }));
    expect(report.total.stats.accepted).toBe(
      await prisma.submission.count({ where: { periodId: D1_2025, status: "ACCEPTED", supersededAt: null } }),
    );
    expect(report.byRow["grades.girls"]!.g1).toBe(
      (
        await prisma.dataValue.aggregate({
          where: { periodId: D1_2025, indicator: "grades.girls", rowKey: "g1" },
          _sum: { value: true },
        })
      )._sum.value,
    );
    expect(report.period.closedAt).not.toBeNull();

    const mine = await consolidatedReport(districtScope, D1_2025);
    const kokshetau = await prisma.dataValue.aggregate({
      where: {
        periodId: D1_2025,
        indicator: "summary.students_total",
        organization: { territory: { path: { startsWith: KOKSHETAU_PATH } } },
      },
      _sum: { value: true },
    });
    expect(mine.total.totals["summary.students_total"]).toBe(kokshetau._sum.value);
    expect(mine.lines.filter((l) => l.level === "district").map((l) => l.territoryId)).toEqual(["t110200000"]);
  });

  it("writes CSV and XLSX with the same numbers", async () => {
    const report = await consolidatedReport({ all: true }, D1_2025);
    const grid = reportGrid(report, "en", LABELS);
    const totalRow = grid.at(-1)!;
    expect(totalRow[0]).toBe("Total");
    const column = grid[0]!.findIndex((h) => String(h).endsWith("Total") && String(h).startsWith("Students by grade"));
    expect(totalRow[column]).toBe(report.total.totals["grades.total"]);
    const csv = reportCsv(report, "ru", LABELS);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(String(report.total.totals["grades.total"]));
    const xlsx = await reportXlsx(report, "kk", LABELS);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe("Total");
    expect(last.getCell(column + 1).value).toBe(report.total.totals["grades.total"]);
    expect(book.worksheets[1]!.rowCount).toBe(12);
  });

  it("is closed by the ministry only, once", async () => {
    expect((await refusal(closePeriod(district, { periodId: "rp2026_d3" }))).code).toBe("forbidden");
    const closed = await closePeriod(ministry, { periodId: "rp2026_d3" });
    expect(closed.closedAt).not.toBeNull();
    expect((await refusal(closePeriod(ministry, { periodId: "rp2026_d3" }))).code).toBe("conflict");
  });
});

describe("reminders", () => {
  it("picks the stage by the time left", () => {
    const deadline = new Date("2026-11-25T18:59:59.999Z");
    expect(reminderStage(deadline, new Date("2026-11-10T00:00:00Z"))).toBeNull();
    expect(reminderStage(deadline, new Date("2026-11-20T00:00:00Z"))).toBe("d7");
    expect(reminderStage(deadline, new Date("2026-11-25T06:00:00Z"))).toBe("d1");
    expect(reminderStage(deadline, new Date("2026-11-26T06:00:00Z"))).toBe("overdue");
    expect(reminderStage(deadline, new Date("2027-03-01T00:00:00Z"))).toBeNull();
  });

  it("notifies organisation administrators and district administrators, idempotently", async () => {
    const now = new Date("2026-11-25T06:00:00Z");
    const first = await generateReminders(now);
    expect(first.created).toBeGreaterThan(0);
    const school = await prisma.notification.findMany({
      where: {
        userId: "u_school",
        kind: { in: ["reporting_reminder_d7", "reporting_reminder_d1", "reporting_reminder_overdue"] },
      },
    });
    const kinds = new Set(school.map((n) => `${n.kind}:${(n.payload as { formCode: string }).formCode}`));
    expect(kinds).toContain("reporting_reminder_d7:P-1");
    expect(kinds).toContain("reporting_reminder_overdue:AH-1");
    expect(kinds).toContain("reporting_reminder_overdue:D-1");
    const digest = await prisma.notification.findMany({
      where: { userId: "u_district", kind: "reporting_overdue_list" },
    });
    expect(digest.length).toBeGreaterThan(0);
    const count = await prisma.notification.count();

    const again = await generateReminders(now);
    expect(again.created).toBe(0);
    const parallel = await Promise.all([generateReminders(now), generateReminders(now)]);
    expect(parallel.map((r) => r.created)).toEqual([0, 0]);
    expect(await prisma.notification.count()).toBe(count);

    // The next day brings the overdue stage of D-3 (closed above: no reminders for closed periods).
    const later = await generateReminders(new Date("2026-11-26T06:00:00Z"));
    expect(
      await prisma.notification.count({
        where: { kind: "reporting_reminder_overdue", payload: { path: ["formCode"], equals: "D-3" } },
      }),
    ).toBe(0);
    expect(later.created).toBeGreaterThan(0); // a new day's district digests
  });
});
