import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { loadViewer } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { ListParams } from "@/lib/data-table/params";
import { almatyDayStart, formatDateTime } from "../time";
import { auditEntities, describeChanges, exportAudit, listAudit } from "./queries";

const params = (over: Partial<ListParams<"at">> = {}): ListParams<"at"> => ({
  page: 1,
  pageSize: 100,
  sort: "at",
  dir: "desc",
  q: "",
  filters: {},
  ...over,
});

let ministry: Viewer;

beforeAll(async () => {
  ministry = (await loadViewer("u_ministry"))!;
  // Entries at known instants: 2026-03-10 23:30 and 2026-03-11 00:30 in Almaty (UTC+5) fall on different days.
  await prisma.auditLog.createMany({
    data: [
      {
        id: "a1",
        at: new Date("2026-03-10T18:30:00Z"),
        actorId: "u_region",
        action: "create",
        entity: "User",
        entityId: "u_x",
        after: { login: "x", displayName: "X", personId: null },
      },
      {
        id: "a2",
        at: new Date("2026-03-10T19:30:00Z"),
        actorId: "u_region",
        action: "grant",
        entity: "RoleAssignment",
        entityId: "ra_x",
        after: { role: "TEACHER" },
      },
      {
        id: "a3",
        at: new Date("2026-03-12T04:00:00Z"),
        actorId: "u_ministry",
        action: "update",
        entity: "ClassifierItem",
        entityId: "c_language_kk",
        before: { nameRu: "Казахский язык" },
        after: { nameRu: "Казахский" },
      },
      {
        id: "a4",
        at: new Date("2026-03-13T04:00:00Z"),
        actorId: "u_district",
        action: "revoke",
        entity: "RoleAssignment",
        entityId: "ra_y",
        before: { role: "PARENT" },
      },
      {
        id: "a5",
        at: new Date("2026-03-14T04:00:00Z"),
        actorId: null,
        action: "update",
        entity: "User",
        entityId: "u_x",
        before: { locale: "kk" },
        after: { locale: "ru" },
      },
    ],
  });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("audit log queries", () => {
  it("lists newest first, or oldest first when asked, with paging", async () => {
    const newest = await listAudit(ministry, params());
    expect(ids(newest.rows)).toEqual(["a5", "a4", "a3", "a2", "a1"]);
    expect(newest.total).toBe(5);
    const oldest = await listAudit(ministry, params({ dir: "asc", pageSize: 2, page: 2 }));
    expect(ids(oldest.rows)).toEqual(["a3", "a4"]);
    expect(oldest.total).toBe(5);
  });

  it("filters by entity, action, record id and actor login", async () => {
    expect(ids((await listAudit(ministry, params({ filters: { entity: "RoleAssignment" } }))).rows)).toEqual([
      "a4",
      "a2",
    ]);
    expect(ids((await listAudit(ministry, params({ filters: { action: "update" } }))).rows)).toEqual(["a5", "a3"]);
    expect(ids((await listAudit(ministry, params({ filters: { entity: "User", action: "update" } }))).rows)).toEqual([
      "a5",
    ]);
    expect(ids((await listAudit(ministry, params({ filters: { entityId: "u_x" } }))).rows)).toEqual(["a5", "a1"]);
    expect(ids((await listAudit(ministry, params({ q: "Region" }))).rows)).toEqual(["a2", "a1"]);
    expect(ids((await listAudit(ministry, params({ filters: { actor: "district" } }))).rows)).toEqual(["a4"]);
    expect((await listAudit(ministry, params({ filters: { actor: "nobody" } }))).total).toBe(0);
  });

  it("filters by days in Almaty time, both ends inclusive", async () => {
    expect(
      ids((await listAudit(ministry, params({ filters: { from: "2026-03-10", to: "2026-03-10" } }))).rows),
    ).toEqual(["a1"]);
    expect(
      ids((await listAudit(ministry, params({ filters: { from: "2026-03-11", to: "2026-03-12" } }))).rows),
    ).toEqual(["a3", "a2"]);
    expect(ids((await listAudit(ministry, params({ filters: { from: "2026-03-13" } }))).rows)).toEqual(["a5", "a4"]);
    expect(ids((await listAudit(ministry, params({ filters: { to: "2026-03-11" } }))).rows)).toEqual(["a2", "a1"]);
    // A malformed day is ignored rather than failing the page.
    expect((await listAudit(ministry, params({ filters: { from: "2026-13-45" } }))).total).toBe(5);
  });

  it("exports with the same filters and lists the entities present", async () => {
    expect(ids(await exportAudit(ministry, params({ filters: { entity: "User" }, pageSize: 1 })))).toEqual([
      "a5",
      "a1",
    ]);
    expect(await auditEntities(ministry)).toEqual(["ClassifierItem", "RoleAssignment", "User"]);
  });

  it("is for audit.read holders only", async () => {
    for (const login of ["region", "district", "school", "editor"]) {
      const viewer = await loadViewer(`u_${login}`);
      await expect(listAudit(viewer, params())).rejects.toMatchObject({ code: "forbidden" });
      await expect(exportAudit(viewer, params())).rejects.toBeInstanceOf(AppError);
    }
    await expect(listAudit(null, params())).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("shows times and changes compactly", () => {
    expect(formatDateTime(new Date("2026-03-10T19:30:00Z"))).toBe("2026-03-11 00:30:00");
    expect(almatyDayStart("2026-03-11")?.toISOString()).toBe("2026-03-10T19:00:00.000Z");
    // Before March 2024 Almaty was at UTC+6.
    expect(almatyDayStart("2023-06-01")?.toISOString()).toBe("2023-05-31T18:00:00.000Z");
    expect(describeChanges({ nameRu: "Казахский язык" }, { nameRu: "Казахский" })).toBe(
      "nameRu: Казахский язык → Казахский",
    );
    expect(describeChanges(null, { login: "x", displayName: "X", personId: null, version: 1 })).toBe(
      "login: x; displayName: X",
    );
    expect(describeChanges({ role: "PARENT" }, null)).toBe("role: PARENT");
  });
});
