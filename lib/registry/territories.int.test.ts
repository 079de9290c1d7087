import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { parseListParams } from "@/lib/data-table/params";
import { REGIONS } from "@/prisma/seed/territories";
import { createTerritory, listTerritories, TERRITORY_SORTS, updateTerritory } from "./territories";
import { territoryInput, territoryUpdate } from "./schemas";
import { refusal } from "@/tests/setup/helpers";

const REPUBLIC = "t000000000";
const AKMOLA = "t110000000";
const KOKSHETAU = "t110200000";
const ASTANA = "t710000000";
const ASTANA_ALMATY_DISTRICT = "t710200000";
const TERRITORY_COUNT = 1 + REGIONS.length + REGIONS.reduce((n, r) => n + r.districts.length, 0);

async function writer(userId: string): Promise<{ viewer: Viewer; scope: Scope }> {
  return authorizeViewer(await loadViewer(userId), "registry.territory.write");
}

const list = (query: Record<string, string>) =>
  parseListParams(query, { sortable: TERRITORY_SORTS, defaultSort: "code", filters: ["level", "region"] });

const newTerritory = (overrides: Record<string, string>) =>
  territoryInput.parse({
    nameKk: "Жаңа ауыл",
    nameRu: "Новое село",
    nameEn: "New Village",
    level: "SETTLEMENT",
    parentId: KOKSHETAU,
    ...overrides,
  });

const edit = (
  t: {
    id: string;
    version: number;
    code: string;
    nameKk: string;
    nameRu: string;
    nameEn: string;
    parentId: string | null;
  },
  overrides: Record<string, string> = {},
) =>
  territoryUpdate.parse({
    id: t.id,
    version: String(t.version),
    code: t.code,
    nameKk: t.nameKk,
    nameRu: t.nameRu,
    nameEn: t.nameEn,
    parentId: t.parentId ?? "",
    ...overrides,
  });

describe("listing territories", () => {
  it("shows every territory to any reader, the republic first by code", async () => {
    // A district admin reads the whole tree: territories are not personal data.
    authorizeViewer(await loadViewer("u_district"), "registry.territory.read");
    const page = await listTerritories(list({ pageSize: "100" }), "en");
    expect(page.total).toBe(TERRITORY_COUNT);
    expect(page.rows).toHaveLength(Math.min(100, TERRITORY_COUNT));
    expect(page.rows[0]).toMatchObject({ id: REPUBLIC, level: "REPUBLIC", parent: null });
    const codes = page.rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
  });

  it("filters by level", async () => {
    const page = await listTerritories(list({ level: "REGION", pageSize: "50" }), "en");
    expect(page.total).toBe(20);
    expect(page.rows.every((r) => r.level === "REGION" && r.parentId === REPUBLIC)).toBe(true);
    expect((await listTerritories(list({ level: "NONSENSE" }), "en")).total).toBe(0);
  });

  it("filters by parent region: its districts, not the region itself and nothing of other regions", async () => {
    const page = await listTerritories(list({ region: AKMOLA }), "en");
    expect(page.rows.map((r) => r.code)).toEqual(["110200000", "110400000", "110600000"]);
    expect(page.rows.every((r) => r.parent?.id === AKMOLA)).toBe(true);
    expect((await listTerritories(list({ region: "t999999999" }), "en")).total).toBe(0);
  });

  it("searches by code prefix and by name in any language", async () => {
    expect((await listTerritories(list({ q: "1102" }), "en")).rows.map((r) => r.id)).toEqual([KOKSHETAU]);
    expect((await listTerritories(list({ q: "көкшетау" }), "kk")).rows.map((r) => r.id)).toEqual([KOKSHETAU]);
    expect((await listTerritories(list({ q: "Кокшетау" }), "ru")).rows.map((r) => r.id)).toEqual([KOKSHETAU]);
  });

  it("sorts by code, by name in the locale and by level, and pages", async () => {
    const desc = await listTerritories(list({ sort: "code", dir: "desc", pageSize: "10" }), "en");
    expect(desc.rows[0]!.code).toBe("790600000");
    const byName = await listTerritories(list({ sort: "name", level: "REGION", pageSize: "50" }), "en");
    const names = byName.rows.map((r) => r.nameEn);
    expect(names[0]).toBe("Abai Region");
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byLevel = await listTerritories(list({ sort: "level", dir: "desc", pageSize: "10" }), "en");
    expect(byLevel.rows.every((r) => r.level === "DISTRICT")).toBe(true);
    const second = await listTerritories(list({ sort: "code", page: "2", pageSize: "10" }), "en");
    const first25 = await listTerritories(list({ sort: "code", pageSize: "25" }), "en");
    expect(second.rows.map((r) => r.code)).toEqual(first25.rows.slice(10, 20).map((r) => r.code));
    expect(second).toMatchObject({ page: 2, pageSize: 10, total: TERRITORY_COUNT });
  });
});

describe("who may write territories", () => {
  it("is the ministry and the region admin only", async () => {
    await expect(
      loadViewer("u_district").then((v) => authorizeViewer(v, "registry.territory.write")),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      loadViewer("u_school").then((v) => authorizeViewer(v, "registry.territory.write")),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await writer("u_region")).scope).toEqual({
      all: false,
      territoryPaths: [`/${REPUBLIC}/${AKMOLA}/`],
      organizationIds: [],
    });
  });
});

describe("creating territories", () => {
  it("lets a region admin add a settlement under a district of their region, with its path and an audit entry", async () => {
    const { viewer, scope } = await writer("u_region");
    const created = await createTerritory(viewer, scope, newTerritory({ code: "110230100" }));
    expect(created).toMatchObject({ code: "110230100", level: "SETTLEMENT", parentId: KOKSHETAU, version: 1 });
    expect(created.path).toBe(`/${REPUBLIC}/${AKMOLA}/${KOKSHETAU}/${created.id}/`);
    const audit = await prisma.auditLog.findMany({ where: { entity: "Territory", entityId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create",
      actorId: "u_region",
      after: expect.objectContaining({ code: "110230100", path: created.path }),
    });
  });

  it("lets a region admin add a district under their region", async () => {
    const { viewer, scope } = await writer("u_region");
    const created = await createTerritory(
      viewer,
      scope,
      newTerritory({ code: "110800000", level: "DISTRICT", parentId: AKMOLA, nameEn: "New District" }),
    );
    expect(created).toMatchObject({
      level: "DISTRICT",
      parentId: AKMOLA,
      path: `/${REPUBLIC}/${AKMOLA}/${created.id}/`,
    });
  });

  it("refuses a region admin anything outside their region, writing nothing", async () => {
    const { viewer, scope } = await writer("u_region");
    const auditBefore = await prisma.auditLog.count();
    const cases = [
      { code: "710800000", level: "DISTRICT", parentId: ASTANA },
      { code: "710230100", level: "SETTLEMENT", parentId: ASTANA_ALMATY_DISTRICT },
      { code: "120000000", level: "REGION", parentId: REPUBLIC },
    ];
    for (const c of cases) {
      const error = await refusal(createTerritory(viewer, scope, newTerritory(c)));
      expect(error.code).toBe("validation");
      expect(error.fieldErrors).toEqual({ parentId: "territory.outOfScope" });
    }
    expect(await prisma.territory.count({ where: { code: { in: cases.map((c) => c.code) } } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });

  it("refuses a parent that does not exist", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const error = await refusal(
      createTerritory(viewer, scope, newTerritory({ code: "110230200", parentId: "t999999999" })),
    );
    expect(error.fieldErrors).toEqual({ parentId: "territory.unknown" });
    expect(await prisma.territory.findUnique({ where: { code: "110230200" } })).toBeNull();
  });

  it("refuses a parent of the wrong level", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const cases = [
      { code: "720000000", level: "DISTRICT", parentId: REPUBLIC },
      { code: "110230300", level: "SETTLEMENT", parentId: AKMOLA },
      { code: "110900000", level: "REGION", parentId: AKMOLA },
    ];
    for (const c of cases) {
      const error = await refusal(createTerritory(viewer, scope, newTerritory(c)));
      expect(error.fieldErrors).toEqual({ parentId: "territory.parentLevel" });
    }
    expect(await prisma.territory.count({ where: { code: { in: cases.map((c) => c.code) } } })).toBe(0);
  });

  it("refuses a malformed code (schema) and a code already taken (service)", async () => {
    for (const code of ["11020000", "1102000001", "11020000a", ""]) {
      const parsed = territoryInput.safeParse({
        code,
        nameKk: "Аа",
        nameRu: "Аа",
        nameEn: "Aa",
        level: "SETTLEMENT",
        parentId: KOKSHETAU,
      });
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["code"], message: "territory.codeFormat" });
    }
    expect(
      territoryInput.safeParse({
        code: "110200000",
        nameKk: "Аа",
        nameRu: "Аа",
        nameEn: "Aa",
        level: "REPUBLIC",
        parentId: KOKSHETAU,
      }).success,
    ).toBe(false);

    const { viewer, scope } = await writer("u_ministry");
    const error = await refusal(createTerritory(viewer, scope, newTerritory({ code: "110200000" })));
    expect(error.fieldErrors).toEqual({ code: "territory.codeDuplicate" });
    expect(await prisma.territory.count({ where: { code: "110200000" } })).toBe(1);
  });

  it("lets the ministry add a region", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const created = await createTerritory(
      viewer,
      scope,
      newTerritory({ code: "810000000", level: "REGION", parentId: REPUBLIC, nameEn: "New Region" }),
    );
    expect(created).toMatchObject({ level: "REGION", path: `/${REPUBLIC}/${created.id}/` });
  });
});

describe("updating territories", () => {
  it("records one audit entry with old → new and refuses a stale version", async () => {
    const { viewer, scope } = await writer("u_region");
    const current = await prisma.territory.findUniqueOrThrow({ where: { id: KOKSHETAU } });
    const input = edit(current, { nameEn: "Kokshetau Town" });
    const updated = await updateTerritory(viewer, scope, input);
    expect(updated).toMatchObject({
      nameEn: "Kokshetau Town",
      version: current.version + 1,
      path: current.path,
      parentId: AKMOLA,
    });
    const audit = await prisma.auditLog.findMany({ where: { entity: "Territory", entityId: KOKSHETAU } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "update",
      actorId: "u_region",
      before: { nameEn: "Kokshetau City" },
      after: { nameEn: "Kokshetau Town" },
    });

    const stale = await refusal(updateTerritory(viewer, scope, { ...input, nameEn: "Someone Else's Name" }));
    expect(stale.code).toBe("stale");
    expect((await prisma.territory.findUniqueOrThrow({ where: { id: KOKSHETAU } })).nameEn).toBe("Kokshetau Town");
    expect(await prisma.auditLog.count({ where: { entity: "Territory", entityId: KOKSHETAU } })).toBe(1);
  });

  it("refuses a region admin editing their own region or another region's district", async () => {
    const { viewer, scope } = await writer("u_region");
    for (const id of [AKMOLA, ASTANA_ALMATY_DISTRICT, REPUBLIC]) {
      const current = await prisma.territory.findUniqueOrThrow({ where: { id } });
      const error = await refusal(updateTerritory(viewer, scope, edit(current, { nameEn: "Changed" })));
      expect(error.code).toBe("outOfScope");
      expect(await prisma.territory.findUniqueOrThrow({ where: { id } })).toMatchObject({
        nameEn: current.nameEn,
        version: current.version,
      });
    }
  });

  it("refuses moving a territory to another parent", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const current = await prisma.territory.findUniqueOrThrow({ where: { id: ASTANA_ALMATY_DISTRICT } });
    const error = await refusal(updateTerritory(viewer, scope, edit(current, { parentId: AKMOLA })));
    expect(error.fieldErrors).toEqual({ parentId: "territory.parentFixed" });
    expect(await prisma.territory.findUniqueOrThrow({ where: { id: current.id } })).toMatchObject({
      parentId: ASTANA,
      path: current.path,
    });
  });

  it("refuses a code taken by another territory but keeps its own", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const current = await prisma.territory.findUniqueOrThrow({ where: { id: ASTANA_ALMATY_DISTRICT } });
    const error = await refusal(updateTerritory(viewer, scope, edit(current, { code: "710400000" })));
    expect(error.fieldErrors).toEqual({ code: "territory.codeDuplicate" });
    const same = await updateTerritory(viewer, scope, edit(current, { nameRu: "Алматинский район" }));
    expect(same).toMatchObject({ code: "710200000", nameRu: "Алматинский район" });
  });

  it("answers not found for a territory that does not exist", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const error = await refusal(
      updateTerritory(
        viewer,
        scope,
        edit({
          id: "t999999999",
          version: 1,
          code: "999999999",
          nameKk: "Аа",
          nameRu: "Аа",
          nameEn: "Aa",
          parentId: null,
        }),
      ),
    );
    expect(error.code).toBe("notFound");
  });
});
