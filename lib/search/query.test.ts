import { describe, expect, it } from "vitest";
import { audienceOf, MAX_QUERY_LENGTH, parseQuery, visibilityTokens, withinOneEdit } from "./query";

describe("parseQuery", () => {
  it("keeps letters and digits only, so no character reaches a query parser as syntax", () => {
    const q = parseQuery(`"мектеп" & | ! ( ) : * 'x' \\ -- 2024`);
    expect(q.words.flatMap((w) => w.forms).every((f) => /^[\p{L}\p{N}]+$/u.test(f))).toBe(true);
    expect(q.words[0]!.forms).toContain("мектеп");
    expect(q.words.at(-1)).toMatchObject({ forms: ["2024"], prefix: true });
    expect(q.words.filter((w) => w.prefix)).toHaveLength(1);
  });

  it("reads Kazakh Latin (2021) and repairs Latin look-alikes", () => {
    expect(parseQuery("mektep").words[0]!.forms).toContain("мектеп");
    expect(parseQuery("kitaphana").words[0]!.forms).toContain("кітапхана");
    expect(parseQuery("мeктeп").words[0]!.forms).toEqual(["мектеп"]);
  });

  it("truncates long queries and drops empty ones", () => {
    const long = parseQuery("а".repeat(1000));
    expect(long.truncated).toBe(true);
    expect([...long.text]).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseQuery("  ").words).toEqual([]);
    expect(parseQuery("&&& !!").words).toEqual([]);
    expect(parseQuery("a b c d e f g h i j k").words).toHaveLength(8);
  });
});

describe("audience", () => {
  it("hidden documents carry no token; restricted ones their roles and permissions", () => {
    expect(visibilityTokens({ kind: "hidden" })).toEqual([]);
    expect(visibilityTokens({ kind: "public" })).toEqual(["public"]);
    expect(visibilityTokens({ kind: "restricted", roles: ["MODERATOR"], permissions: ["search.manage"] })).toEqual([
      "role:MODERATOR",
      "perm:search.manage",
    ]);
  });

  it("a signed-out reader is public only; a viewer adds their roles and permissions", () => {
    expect(audienceOf(null)).toEqual(["public"]);
    const a = audienceOf({
      userId: "u",
      login: "m",
      displayName: "M",
      roles: [{ role: "MINISTRY_ADMIN", territoryId: null, territoryPath: null, organizationId: null }],
    });
    expect(a).toContain("role:MINISTRY_ADMIN");
    expect(a).toContain("perm:search.manage");
    expect(a).not.toContain("role:MODERATOR");
  });
});

describe("withinOneEdit", () => {
  it("accepts one replaced, added or dropped letter and nothing more", () => {
    expect(withinOneEdit("мектеп", "мектап")).toBe(true);
    expect(withinOneEdit("мектеп", "мектепп")).toBe(true);
    expect(withinOneEdit("мектеп", "мктеп")).toBe(true);
    expect(withinOneEdit("мектеп", "мектеп")).toBe(true);
    expect(withinOneEdit("мектеп", "мкетеп")).toBe(false);
    expect(withinOneEdit("мектеп", "мектепке")).toBe(false);
  });
});
