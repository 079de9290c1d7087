import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import type { Scope, Viewer } from "@/lib/auth/scope";
import { withCheckDigit } from "@/lib/identity";
import { createOrganization, getOrganization, updateOrganization } from "./organizations";
import { organizationInput, organizationUpdate } from "./schemas";
import { refusal } from "@/tests/setup/helpers";

const KOKSHETAU = "t110200000";
const BURABAY = "t110400000";
const ASTANA_ALMATY_DISTRICT = "t710200000";

async function writer(userId: string): Promise<{ viewer: Viewer; scope: Scope }> {
  return authorizeViewer(await loadViewer(userId), "registry.organization.write");
}

/** The AppError a refused call throws (fails the test when the call succeeds or throws something else). */
let serial = 9000;
/** A valid BIN that is not in the registry yet. */
async function freshBin(): Promise<string> {
  while (serial <= 9999) {
    const bin = withCheckDigit(`2403400${String(serial++).padStart(4, "0")}`);
    if (bin && !(await prisma.organization.findUnique({ where: { bin } }))) return bin;
  }
  throw new Error("no BIN left in the test range");
}

/** Form-shaped input, as the action receives it. */
function form(overrides: Record<string, string> = {}) {
  return {
    bin: "",
    nameKk: "Сынақ мектебі",
    nameRu: "Тестовая школа",
    nameEn: "Test School",
    kindId: "c_org_kind_school",
    territoryId: KOKSHETAU,
    reportsToId: "",
    languageId: "c_language_kk",
    status: "ACTIVE",
    isUrban: "on",
    address: "",
    ...overrides,
  };
}

let districtSchool: { id: string; version: number; bin: string; nameEn: string };
let astanaSchool: { id: string };
let regionDept: { id: string };
let districtDept: { id: string };

beforeAll(async () => {
  districtSchool = await prisma.organization.findFirstOrThrow({
    where: { territoryId: KOKSHETAU, kind: { code: "SCHOOL" } },
    orderBy: { bin: "asc" },
  });
  astanaSchool = await prisma.organization.findFirstOrThrow({
    where: { territoryId: ASTANA_ALMATY_DISTRICT, kind: { code: "SCHOOL" } },
  });
  regionDept = await prisma.organization.findFirstOrThrow({
    where: { territoryId: "t110000000", kind: { code: "EDU_DEPT_REGION" } },
  });
  districtDept = await prisma.organization.findFirstOrThrow({
    where: { territoryId: KOKSHETAU, kind: { code: "EDU_DEPT_DISTRICT" } },
  });
});

describe("organisation input", () => {
  it("refuses a BIN with a wrong check digit and accepts the corrected one", async () => {
    const bin = await freshBin();
    const wrong = bin.slice(0, 11) + String((Number(bin[11]) + 1) % 10);
    const refused = organizationInput.safeParse(form({ bin: wrong }));
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ["bin"], message: "bin.checksum" },
    ]);
    const accepted = organizationInput.safeParse(form({ bin }));
    expect(accepted.success).toBe(true);
    expect(accepted.data).toMatchObject({ bin, reportsToId: null, address: null, isUrban: true });
  });

  it("refuses a BIN of the wrong shape", () => {
    const refused = organizationInput.safeParse(form({ bin: "12345" }));
    expect(refused.error?.issues[0]).toMatchObject({ path: ["bin"], message: "bin.format" });
  });
});

describe("creating organisations", () => {
  it("registers an organisation inside the district admin's district, with an audit entry", async () => {
    const { viewer, scope } = await writer("u_district");
    const bin = await freshBin();
    const created = await createOrganization(
      viewer,
      scope,
      organizationInput.parse(form({ bin, reportsToId: districtDept.id })),
    );
    expect(created).toMatchObject({ bin, territoryId: KOKSHETAU, reportsToId: districtDept.id, version: 1 });
    const audit = await prisma.auditLog.findMany({ where: { entity: "Organization", entityId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create",
      actorId: "u_district",
      after: expect.objectContaining({ bin, territoryId: KOKSHETAU }),
    });
  });

  it("refuses a BIN that is already registered", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const error = await refusal(
      createOrganization(viewer, scope, organizationInput.parse(form({ bin: districtSchool.bin }))),
    );
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({ bin: "bin.duplicate" });
    expect(await prisma.organization.count({ where: { bin: districtSchool.bin } })).toBe(1);
  });

  it("refuses a territory outside the district admin's district and leaves no row and no audit entry", async () => {
    const { viewer, scope } = await writer("u_district");
    const bin = await freshBin();
    const auditBefore = await prisma.auditLog.count();
    for (const territoryId of [ASTANA_ALMATY_DISTRICT, BURABAY, "t110000000"]) {
      const error = await refusal(
        createOrganization(viewer, scope, organizationInput.parse(form({ bin, territoryId }))),
      );
      expect(error.code).toBe("validation");
      expect(error.fieldErrors).toEqual({ territoryId: "territory.outOfScope" });
    }
    expect(await prisma.organization.findUnique({ where: { bin } })).toBeNull();
    expect(await prisma.auditLog.count()).toBe(auditBefore);
  });

  it("refuses a territory that does not exist", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const bin = await freshBin();
    const error = await refusal(
      createOrganization(viewer, scope, organizationInput.parse(form({ bin, territoryId: "t999999999" }))),
    );
    expect(error.fieldErrors).toEqual({ territoryId: "territory.unknown" });
    expect(await prisma.organization.findUnique({ where: { bin } })).toBeNull();
  });

  it("lets the ministry register anywhere", async () => {
    const { viewer, scope } = await writer("u_ministry");
    const bin = await freshBin();
    const created = await createOrganization(
      viewer,
      scope,
      organizationInput.parse(form({ bin, territoryId: ASTANA_ALMATY_DISTRICT })),
    );
    expect(created.territoryId).toBe(ASTANA_ALMATY_DISTRICT);
  });
});

describe("the reporting line", () => {
  it("refuses an organisation reporting to itself", async () => {
    const { viewer, scope } = await writer("u_region");
    const current = await prisma.organization.findUniqueOrThrow({ where: { id: districtDept.id } });
    const error = await refusal(
      updateOrganization(
        viewer,
        scope,
        organizationUpdate.parse(form({ ...strings(current), reportsToId: current.id })),
      ),
    );
    expect(error.fieldErrors).toEqual({ reportsToId: "organization.reportsToSelf" });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: current.id } })).reportsToId).toBe(
      regionDept.id,
    );
  });

  it("refuses a loop: the region department cannot report to a school that reports (through the district) to it", async () => {
    const { viewer, scope } = await writer("u_region");
    const school = await prisma.organization.findUniqueOrThrow({ where: { id: districtSchool.id } });
    expect(school.reportsToId).toBe(districtDept.id);
    const region = await prisma.organization.findUniqueOrThrow({ where: { id: regionDept.id } });
    const auditBefore = await prisma.auditLog.count({ where: { entityId: region.id } });
    const error = await refusal(
      updateOrganization(viewer, scope, organizationUpdate.parse(form({ ...strings(region), reportsToId: school.id }))),
    );
    expect(error.fieldErrors).toEqual({ reportsToId: "organization.reportsToCycle" });
    const after = await prisma.organization.findUniqueOrThrow({ where: { id: region.id } });
    expect(after.reportsToId).toBe(region.reportsToId);
    expect(after.version).toBe(region.version);
    expect(await prisma.auditLog.count({ where: { entityId: region.id } })).toBe(auditBefore);
  });
});

describe("updating organisations", () => {
  it("writes exactly one audit entry with old → new, and refuses the same version again as stale", async () => {
    const { viewer, scope } = await writer("u_district");
    const current = await prisma.organization.findUniqueOrThrow({ where: { id: districtSchool.id } });
    const input = organizationUpdate.parse(form({ ...strings(current), nameEn: "Renamed School No. 1" }));
    const updated = await updateOrganization(viewer, scope, input);
    expect(updated).toMatchObject({ nameEn: "Renamed School No. 1", version: current.version + 1 });

    const audit = await prisma.auditLog.findMany({ where: { entity: "Organization", entityId: current.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "update",
      actorId: "u_district",
      before: { nameEn: current.nameEn },
      after: { nameEn: "Renamed School No. 1" },
    });

    // A second save from the same (now old) form: refused, nothing changes, nothing is logged.
    const stale = await refusal(updateOrganization(viewer, scope, { ...input, nameEn: "Another Name" }));
    expect(stale.code).toBe("stale");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: current.id } })).nameEn).toBe(
      "Renamed School No. 1",
    );
    expect(await prisma.auditLog.count({ where: { entity: "Organization", entityId: current.id } })).toBe(1);
  });

  it("refuses a district admin's update of another district's organisation as not found", async () => {
    const { viewer, scope } = await writer("u_district");
    const current = await prisma.organization.findUniqueOrThrow({ where: { id: astanaSchool.id } });
    const error = await refusal(
      updateOrganization(viewer, scope, organizationUpdate.parse(form({ ...strings(current), nameEn: "Hijacked" }))),
    );
    expect(error.code).toBe("notFound");
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: current.id } })).nameEn).toBe(current.nameEn);
  });

  it("refuses moving an organisation to a territory outside the scope", async () => {
    const { viewer, scope } = await writer("u_district");
    const current = await prisma.organization.findUniqueOrThrow({ where: { id: districtSchool.id } });
    const error = await refusal(
      updateOrganization(viewer, scope, organizationUpdate.parse(form({ ...strings(current), territoryId: BURABAY }))),
    );
    expect(error.fieldErrors).toEqual({ territoryId: "territory.outOfScope" });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: current.id } })).territoryId).toBe(KOKSHETAU);
  });
});

describe("reading organisations", () => {
  it("gives a district admin their district's organisation and null for another district's", async () => {
    const { scope } = authorizeViewer(await loadViewer("u_district"), "registry.organization.read");
    expect(await getOrganization(scope, districtSchool.id)).toMatchObject({ id: districtSchool.id });
    expect(await getOrganization(scope, astanaSchool.id)).toBeNull();
    expect(await getOrganization(scope, regionDept.id)).toBeNull();
  });

  it("gives a school admin only their own organisation", async () => {
    const { scope } = authorizeViewer(await loadViewer("u_school"), "registry.organization.read");
    const own = await prisma.user.findUniqueOrThrow({ where: { id: "u_school" }, include: { roles: true } });
    const ownId = own.roles[0]!.organizationId!;
    expect(await getOrganization(scope, ownId)).toMatchObject({ id: ownId });
    expect(await getOrganization(scope, districtDept.id)).toBeNull();
  });
});

/** A stored organisation as the edit form would post it back. */
function strings(o: {
  id: string;
  version: number;
  bin: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  kindId: string;
  territoryId: string;
  reportsToId: string | null;
  languageId: string | null;
  status: string;
  isUrban: boolean;
  address: string | null;
}): Record<string, string> {
  const values: Record<string, string> = {
    id: o.id,
    version: String(o.version),
    bin: o.bin,
    nameKk: o.nameKk,
    nameRu: o.nameRu,
    nameEn: o.nameEn,
    kindId: o.kindId,
    territoryId: o.territoryId,
    reportsToId: o.reportsToId ?? "",
    languageId: o.languageId ?? "",
    status: o.status,
    address: o.address ?? "",
    isUrban: o.isUrban ? "on" : "",
  };
  return values;
}
