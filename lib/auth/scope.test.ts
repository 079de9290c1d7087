import { describe, expect, it } from "vitest";
import { canGrant, organizationInScope, scopeOf, territoryInScope, type Viewer } from "./scope";

const viewer = (roles: Viewer["roles"]): Viewer => ({ userId: "u", login: "u", displayName: "U", roles });

const ministry = viewer([{ role: "MINISTRY_ADMIN", territoryId: "kz", territoryPath: "/kz/", organizationId: null }]);
const region = viewer([{ role: "REGION_ADMIN", territoryId: "akm", territoryPath: "/kz/akm/", organizationId: null }]);
const district = viewer([
  { role: "DISTRICT_ADMIN", territoryId: "kok", territoryPath: "/kz/akm/kok/", organizationId: null },
]);
const school = viewer([{ role: "ORG_ADMIN", territoryId: null, territoryPath: "/kz/akm/kok/", organizationId: "s1" }]);
const teacher = viewer([{ role: "TEACHER", territoryId: null, territoryPath: "/kz/akm/kok/", organizationId: "s1" }]);

describe("scopeOf", () => {
  it("gives the ministry everything and others their subtree", () => {
    expect(scopeOf(ministry, "registry.organization.read")).toEqual({ all: true });
    expect(scopeOf(region, "registry.organization.read")).toEqual({
      all: false,
      territoryPaths: ["/kz/akm/"],
      organizationIds: [],
    });
    expect(scopeOf(school, "registry.person.write")).toEqual({
      all: false,
      territoryPaths: [],
      organizationIds: ["s1"],
    });
  });

  it("denies a permission the role lacks", () => {
    expect(scopeOf(teacher, "registry.organization.read")).toBeNull();
    expect(scopeOf(region, "classifiers.manage")).toBeNull();
    expect(scopeOf(district, "registry.territory.write")).toBeNull();
  });

  it("checks containment by path prefix", () => {
    const s = scopeOf(district, "registry.organization.read")!;
    expect(territoryInScope(s, "/kz/akm/kok/")).toBe(true);
    expect(territoryInScope(s, "/kz/akm/bur/")).toBe(false);
    expect(organizationInScope(s, { id: "x", territoryPath: "/kz/akm/kok/" })).toBe(true);
    expect(organizationInScope(s, { id: "x", territoryPath: "/kz/ast/" })).toBe(false);
    const own = scopeOf(school, "registry.organization.read")!;
    expect(organizationInScope(own, { id: "s1", territoryPath: "/kz/akm/kok/" })).toBe(true);
    expect(organizationInScope(own, { id: "s2", territoryPath: "/kz/akm/kok/" })).toBe(false);
  });
});

describe("canGrant", () => {
  it("lets an administrator grant up to their own rank inside their scope", () => {
    expect(canGrant(region, { role: "DISTRICT_ADMIN", territoryPath: "/kz/akm/kok/", organizationId: null })).toBe(
      true,
    );
    expect(canGrant(region, { role: "REGION_ADMIN", territoryPath: "/kz/akm/", organizationId: null })).toBe(true);
    expect(canGrant(school, { role: "TEACHER", territoryPath: "/kz/akm/kok/", organizationId: "s1" })).toBe(true);
  });

  it("refuses a wider role or a scope outside their own", () => {
    expect(canGrant(region, { role: "MINISTRY_ADMIN", territoryPath: "/kz/", organizationId: null })).toBe(false);
    expect(canGrant(region, { role: "DISTRICT_ADMIN", territoryPath: "/kz/ast/esil/", organizationId: null })).toBe(
      false,
    );
    expect(canGrant(district, { role: "REGION_ADMIN", territoryPath: "/kz/akm/", organizationId: null })).toBe(false);
    expect(canGrant(school, { role: "TEACHER", territoryPath: "/kz/akm/kok/", organizationId: "s2" })).toBe(false);
    expect(canGrant(school, { role: "DISTRICT_ADMIN", territoryPath: "/kz/akm/kok/", organizationId: null })).toBe(
      false,
    );
    expect(canGrant(teacher, { role: "STUDENT", territoryPath: "/kz/akm/kok/", organizationId: "s1" })).toBe(false);
  });
});
