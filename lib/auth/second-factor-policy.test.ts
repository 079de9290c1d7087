import { describe, expect, it } from "vitest";
import { ROLES, SECOND_FACTOR, secondFactorPolicy } from "./roles";
import { describeUserAgent } from "./user-agent";

describe("second-factor policy", () => {
  it("requires the factor for every administrative role and only for those", () => {
    const required = ROLES.filter((r) => SECOND_FACTOR[r] === "required");
    expect(required.sort()).toEqual(
      ["DISTRICT_ADMIN", "EDITOR", "LEXICOGRAPHER", "MINISTRY_ADMIN", "MODERATOR", "ORG_ADMIN", "REGION_ADMIN"].sort(),
    );
    expect(SECOND_FACTOR.TEACHER).toBe("optional");
    expect(SECOND_FACTOR.PARENT).toBe("onRequest");
    expect(SECOND_FACTOR.STUDENT).toBe("onRequest");
  });

  it("takes the strictest policy of a person's roles", () => {
    expect(secondFactorPolicy(["PARENT", "EDITOR"])).toBe("required");
    expect(secondFactorPolicy(["PARENT", "TEACHER"])).toBe("optional");
    expect(secondFactorPolicy(["STUDENT"])).toBe("onRequest");
    expect(secondFactorPolicy([])).toBe("onRequest");
  });
});

describe("describeUserAgent", () => {
  it("names the browser and system, or says nothing for an empty header", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
      ),
    ).toBe("Edge · Windows");
    expect(describeUserAgent("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0")).toBe(
      "Firefox · Android",
    );
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent("curl/8.5.0")).toBe("curl/8.5.0");
  });
});
