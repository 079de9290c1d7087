import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import { DatabankParamError, parseApiParams, parsePivotParams } from "./params";
import { buildPivot, pivotGrid } from "./pivot";
import { SUPPRESSED } from "./suppression";

async function as(userId: string) {
  return authorizeViewer(await loadViewer(userId), "databank.pivot");
}

const pivot = (qs: string) => parsePivotParams(new URLSearchParams(qs));

/** Pupils (D-1 grades.total) of 2025 of the given organisations. */
async function pupils(organizationIds: string[]) {
  const facts = await prisma.dataValue.aggregate({
    where: { year: 2025, formCode: "D-1", indicator: "grades.total", organizationId: { in: organizationIds } },
    _sum: { value: true },
  });
  return Number(facts._sum.value ?? 0);
}

let withHall: string[];
let districtPath: string;

beforeAll(async () => {
  await prisma.attributeDefinition.create({
    data: {
      code: "hasSportsHall",
      nameKk: "Спорт залы бар",
      nameRu: "Есть спортзал",
      nameEn: "Has a sports hall",
      type: "BOOLEAN",
      orgKinds: [],
    },
  });
  await prisma.attributeDefinition.create({
    data: { code: "note", nameKk: "Ескерту", nameRu: "Заметка", nameEn: "Note", type: "TEXT", orgKinds: [] },
  });
  // The schools with accepted pupils in one district of the district admin: all but one have a hall.
  const district = await prisma.roleAssignment.findFirstOrThrow({
    where: { userId: "u_district" },
    select: { territory: { select: { path: true } } },
  });
  districtPath = district.territory!.path;
  const schools = await prisma.organization.findMany({
    where: { dataValues: { some: { year: 2025, formCode: "D-1" } } },
    select: { id: true, territory: { select: { path: true } } },
    orderBy: { bin: "asc" },
  });
  withHall = schools.filter((s) => !s.territory.path.startsWith(districtPath)).map((s) => s.id);
  const inDistrict = schools.filter((s) => s.territory.path.startsWith(districtPath)).map((s) => s.id);
  withHall.push(...inDistrict.slice(1));
  for (const id of withHall)
    await prisma.organization.update({ where: { id }, data: { attributes: { hasSportsHall: true } } });
  if (inDistrict[0])
    await prisma.organization.update({ where: { id: inDistrict[0] }, data: { attributes: { hasSportsHall: false } } });
});

describe("the pivot by a custom attribute", () => {
  it("splits an indicator by a yes/no attribute of organisations, the figures adding up to the facts", async () => {
    const { scope } = await as("u_ministry");
    const table = await buildPivot(
      scope,
      pivot("indicator=students&rows=attribute&attribute=hasSportsHall&year=2025"),
      "en",
    );
    const byKey = new Map(table.lines.map((l) => [l.key[0], l]));
    expect(byKey.get("true")!.labels).toEqual(["yes"]);
    expect(byKey.get("true")!.total).toBe(await pupils(withHall));
    const total = await prisma.dataValue.aggregate({
      where: { year: 2025, formCode: "D-1", indicator: "grades.total" },
      _sum: { value: true },
    });
    expect(table.grandTotal).toBe(Number(total._sum.value));
    const labels = await buildPivot(
      scope,
      pivot("indicator=students&rows=attribute&attribute=hasSportsHall&year=2025"),
      "ru",
    );
    expect(labels.lines.find((l) => l.key[0] === "true")!.labels).toEqual(["да"]);
  });

  it("keeps to the viewer's scope", async () => {
    const { scope } = await as("u_district");
    const table = await buildPivot(
      scope,
      pivot("indicator=students&rows=attribute&attribute=hasSportsHall&year=2025"),
      "en",
    );
    const inScope = await prisma.organization.findMany({
      where: { territory: { path: { startsWith: districtPath } }, id: { in: withHall } },
      select: { id: true },
    });
    const yes = table.lines.find((l) => l.key[0] === "true");
    expect(yes?.total ?? 0).toBe(await pupils(inScope.map((o) => o.id)));
    const everywhere = await pupils(withHall);
    expect(yes?.total ?? 0).toBeLessThan(everywhere);
  });

  it("hides counts of persons below the threshold in an attribute split, with a complementary cell", async () => {
    const { scope } = await as("u_ministry");
    // a school with a few pupils of grade 1 (a figure below the threshold of 5): marked alone as "no"
    const small = await prisma.dataValue
      .findFirstOrThrow({
        where: { year: 2025, formCode: "D-1", indicator: "grades.total", rowKey: "g1", value: { gt: 0, lt: 5 } },
      })
      .catch(async () => {
        const row = await prisma.dataValue.findFirstOrThrow({
          where: { year: 2025, formCode: "D-1", indicator: "grades.total", rowKey: "g1", value: { gt: 0 } },
        });
        // none in the seed: make one school's grade 1 small
        return prisma.dataValue.update({ where: { id: row.id }, data: { value: 3 } });
      });
    const before = await prisma.organization.findUniqueOrThrow({ where: { id: small.organizationId } });
    await prisma.organization.updateMany({ data: { attributes: { hasSportsHall: true } } });
    await prisma.organization.update({
      where: { id: small.organizationId },
      data: { attributes: { hasSportsHall: false } },
    });
    try {
      const table = await buildPivot(
        scope,
        pivot("indicator=students&rows=attribute&cols=grade&attribute=hasSportsHall&year=2025&grade=1"),
        "en",
      );
      expect(table.suppressed).toBe(true);
      const no = table.lines.find((l) => l.key[0] === "false")!;
      expect(no.values[0]).toBeGreaterThan(0);
      expect(no.values[0]).toBeLessThan(5);
      expect(no.hidden[0]).toBe(true);
      expect(no.hidden.at(-1)).toBe(true);
      const grid = pivotGrid(table, { total: "Total", dimension: (d) => d });
      expect(grid.flat()).toContain(SUPPRESSED);
      expect(grid.flat()).not.toContain(no.values[0]);
      // the yes line of the same column is hidden too, or the column total would give the hidden figure away
      const yes = table.lines.find((l) => l.key[0] === "true")!;
      expect(yes.hidden[0]).toBe(true);
      expect(table.chart.every((c) => Object.values(c.values).every((v) => v === null || v >= 5))).toBe(true);
      // a count of organisations is not a count of persons
      const count = await buildPivot(
        scope,
        pivot("indicator=students&rows=attribute&attribute=hasSportsHall&year=2025&measure=count"),
        "en",
      );
      expect(count.suppressed).toBe(false);
      expect(count.lines.find((l) => l.key[0] === "false")!.total).toBe(1);
    } finally {
      await prisma.organization.updateMany({ data: { attributes: {} } });
      await prisma.organization.update({ where: { id: before.id }, data: { attributes: before.attributes ?? {} } });
    }
  });

  it("refuses a missing, unknown or text attribute, and the attribute in the open data API", async () => {
    const { scope } = await as("u_ministry");
    expect(() => pivot("indicator=students&rows=attribute")).toThrow(DatabankParamError);
    for (const code of ["nothing", "note"]) {
      const error = await buildPivot(scope, pivot(`indicator=students&rows=attribute&attribute=${code}`), "en").then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DatabankParamError);
      expect((error as DatabankParamError).reason).toBe("unknownAttribute");
    }
    expect(() => parseApiParams(new URLSearchParams("indicator=students&by=attribute"))).toThrow(
      expect.objectContaining({ reason: "unknownDimension" }),
    );
    expect(() => parseApiParams(new URLSearchParams("indicator=students&by=region&attribute=x"))).toThrow(
      expect.objectContaining({ reason: "unknownParameter" }),
    );
  });
});
