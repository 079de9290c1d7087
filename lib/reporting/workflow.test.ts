import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/scope";
import { roleHas } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import {
  actsAt,
  allowedActions,
  chainFor,
  lastApprovingLevel,
  pendingLevel,
  reviewLevelOf,
  statusAwaiting,
  submitsFor,
} from "./workflow";

const viewer = (
  role: Viewer["roles"][number]["role"],
  territoryPath: string | null,
  organizationId: string | null = null,
): Viewer => ({
  userId: "u",
  login: "u",
  displayName: "u",
  roles: [{ role, territoryId: null, territoryPath, organizationId }],
});

const DISTRICT_PATH = "/rep/reg/dis/";

describe("approval chain", () => {
  it("goes through the district only for organisations inside one", () => {
    expect(chainFor("DISTRICT")).toEqual(["DISTRICT", "REGION", "MINISTRY"]);
    expect(chainFor("SETTLEMENT")).toEqual(["DISTRICT", "REGION", "MINISTRY"]);
    expect(chainFor("REGION")).toEqual(["REGION", "MINISTRY"]);
    expect(chainFor("REPUBLIC")).toEqual(["MINISTRY"]);
  });

  it("knows whose turn it is and who acted last", () => {
    const full = chainFor("DISTRICT");
    expect(pendingLevel("SUBMITTED", full)).toBe("DISTRICT");
    expect(pendingLevel("APPROVED_DISTRICT", full)).toBe("REGION");
    expect(pendingLevel("APPROVED_REGION", full)).toBe("MINISTRY");
    for (const status of ["DRAFT", "RETURNED", "ACCEPTED"] as const) expect(pendingLevel(status, full)).toBeNull();
    expect(lastApprovingLevel("APPROVED_REGION", full)).toBe("REGION");
    expect(statusAwaiting("REGION", full)).toBe("APPROVED_DISTRICT");

    const short = chainFor("REGION");
    expect(pendingLevel("SUBMITTED", short)).toBe("REGION");
    expect(pendingLevel("APPROVED_DISTRICT", short)).toBeNull();
    expect(statusAwaiting("REGION", short)).toBe("SUBMITTED");
    expect(pendingLevel("SUBMITTED", chainFor("REPUBLIC"))).toBe("MINISTRY");
  });

  it("lets a level act only inside its territory", () => {
    expect(actsAt(viewer("DISTRICT_ADMIN", "/rep/reg/dis/"), "DISTRICT", DISTRICT_PATH)).toBe(true);
    expect(actsAt(viewer("DISTRICT_ADMIN", "/rep/reg/other/"), "DISTRICT", DISTRICT_PATH)).toBe(false);
    expect(actsAt(viewer("DISTRICT_ADMIN", "/rep/reg/dis/"), "REGION", DISTRICT_PATH)).toBe(false);
    expect(actsAt(viewer("REGION_ADMIN", "/rep/reg/"), "REGION", DISTRICT_PATH)).toBe(true);
    expect(actsAt(viewer("MINISTRY_ADMIN", "/rep/"), "MINISTRY", DISTRICT_PATH)).toBe(true);
    expect(actsAt(viewer("ORG_ADMIN", DISTRICT_PATH, "o1"), "DISTRICT", DISTRICT_PATH)).toBe(false);
  });

  it("takes the reviewers from the permission table and their level from their scope", () => {
    for (const role of ROLES) expect(reviewLevelOf(role) !== null).toBe(roleHas(role, "reporting.review"));
    expect(reviewLevelOf("DISTRICT_ADMIN")).toBe("DISTRICT");
    expect(reviewLevelOf("REGION_ADMIN")).toBe("REGION");
    expect(reviewLevelOf("MINISTRY_ADMIN")).toBe("MINISTRY");
    // a teacher, a student or a parent of the organisation neither reviews nor hands over its reports
    for (const role of ["TEACHER", "STUDENT", "PARENT"] as const) {
      const v = viewer(role, DISTRICT_PATH, "o1");
      expect(chainFor("DISTRICT").some((level) => actsAt(v, level, DISTRICT_PATH))).toBe(false);
      expect(submitsFor(v, "o1")).toBe(false);
    }
    expect(submitsFor(viewer("ORG_ADMIN", DISTRICT_PATH, "o1"), "o1")).toBe(true);
    expect(submitsFor(viewer("ORG_ADMIN", DISTRICT_PATH, "o2"), "o1")).toBe(false);
  });

  it("offers the viewer the transitions of their level", () => {
    const chain = chainFor("DISTRICT");
    const sub = (status: "SUBMITTED" | "APPROVED_DISTRICT" | "ACCEPTED" | "RETURNED") => ({
      status,
      supersededAt: null,
      organizationId: "o1",
    });
    const district = viewer("DISTRICT_ADMIN", "/rep/reg/dis/");
    expect(allowedActions(district, sub("SUBMITTED"), DISTRICT_PATH, chain, null)).toMatchObject({
      approve: true,
      return: true,
      accept: false,
      undo: false,
    });
    expect(allowedActions(district, sub("APPROVED_DISTRICT"), DISTRICT_PATH, chain, null)).toMatchObject({
      approve: false,
      return: false,
      undo: true,
    });
    expect(
      allowedActions(district, sub("RETURNED"), DISTRICT_PATH, chain, { action: "return", level: "DISTRICT" }),
    ).toMatchObject({ undo: true });
    const ministry = viewer("MINISTRY_ADMIN", "/rep/");
    expect(
      allowedActions(
        ministry,
        { ...sub("APPROVED_DISTRICT"), status: "APPROVED_REGION" as const },
        DISTRICT_PATH,
        chain,
        null,
      ),
    ).toMatchObject({ accept: true, approve: false });
    expect(allowedActions(ministry, sub("ACCEPTED"), DISTRICT_PATH, chain, null)).toMatchObject({
      correct: true,
      undo: false,
    });
    expect(
      allowedActions(viewer("ORG_ADMIN", DISTRICT_PATH, "o1"), sub("ACCEPTED"), DISTRICT_PATH, chain, null),
    ).toMatchObject({ correct: true, approve: false });
  });
});
