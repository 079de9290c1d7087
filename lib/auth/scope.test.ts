import { describe, expect, it } from "vitest";
import {
  canGrant,
  holds,
  organizationInScope,
  organizationsWith,
  scopeOf,
  territoryInScope,
  type Viewer,
} from "./scope";

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

describe("students and parents", () => {
  const student = viewer([{ role: "STUDENT", territoryId: null, territoryPath: "/kz/akm/kok/", organizationId: "s1" }]);
  const parent = viewer([
    { role: "PARENT", territoryId: null, territoryPath: "/kz/akm/kok/", organizationId: "s1" },
    { role: "PARENT", territoryId: null, territoryPath: "/kz/akm/kok/", organizationId: "s2" },
  ]);

  it("get what the permission table gives them, by permission, not by role name", () => {
    // both read a diary, request certificates
    for (const v of [student, parent]) {
      expect(holds(v, "diary.read")).toBe(true);
      expect(holds(v, "services.apply")).toBe(true);
      expect(holds(v, "diary.teach")).toBe(false);
    }
    // a student reads their own diary; a parent their children's and applies for them
    expect(organizationsWith(student, "diary.self")).toEqual(["s1"]);
    expect(organizationsWith(student, "diary.family")).toEqual([]);
    expect(holds(student, "services.applyForChild")).toBe(false);
    expect(organizationsWith(parent, "diary.family")).toEqual(["s1", "s2"]);
    expect(organizationsWith(parent, "diary.self")).toEqual([]);
    expect(holds(parent, "services.applyForChild")).toBe(true);
    expect(organizationsWith(teacher, "diary.teach")).toEqual(["s1"]);
  });
});
