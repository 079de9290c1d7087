import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "./access";

describe("loadViewer", () => {
  it("gives an organisation-scoped role the path of the organisation's territory", async () => {
    const viewer = await loadViewer("u_school");
    const role = viewer!.roles.find((r) => r.role === "ORG_ADMIN")!;
    const org = await prisma.organization.findUniqueOrThrow({
      where: { id: role.organizationId! },
      include: { territory: true },
    });
    expect(role).toEqual({
      role: "ORG_ADMIN",
      territoryId: null,
      organizationId: org.id,
      territoryPath: org.territory.path,
    });
  });

  it("gives a territory-scoped role its territory's path, and every role of the user", async () => {
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: "u_district" },
      include: { roles: { include: { territory: true } } },
    });
    const viewer = await loadViewer("u_district");
    expect(viewer).toMatchObject({ userId: "u_district", login: "district", displayName: user.displayName });
    expect(viewer!.roles).toHaveLength(user.roles.length);
    const district = viewer!.roles.find((r) => r.role === "DISTRICT_ADMIN")!;
    expect(district.territoryPath).toBe(user.roles.find((r) => r.role === "DISTRICT_ADMIN")!.territory!.path);
  });

  it("answers null for an unknown or deactivated user, and no roles for a user without any", async () => {
    expect(await loadViewer("u_nobody")).toBeNull();
    await prisma.user.create({ data: { id: "u_plain", login: "plain", passwordHash: "x", displayName: "Plain" } });
    const plain = await loadViewer("u_plain");
    expect(plain?.roles).toEqual([]);
    expect(() => authorizeViewer(plain, "admin.access")).toThrow();
    await prisma.user.update({ where: { id: "u_plain" }, data: { active: false } });
    expect(await loadViewer("u_plain")).toBeNull();
  });
});
