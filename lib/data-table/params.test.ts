import { describe, expect, it } from "vitest";
import { pageWindow, parseListParams } from "./params";

const options = { sortable: ["name", "bin"] as const, defaultSort: "name" as const, filters: ["kind", "status"] };

describe("parseListParams", () => {
  it("reads valid values", () => {
    const p = parseListParams(
      { page: "3", pageSize: "50", sort: "bin", dir: "desc", q: " school ", kind: "SCHOOL" },
      options,
    );
    expect(p).toEqual({ page: 3, pageSize: 50, sort: "bin", dir: "desc", q: "school", filters: { kind: "SCHOOL" } });
    expect(pageWindow(p)).toEqual({ skip: 100, take: 50 });
  });

  it("falls back to defaults on values a person could type wrong", () => {
    const p = parseListParams({ page: "-1", pageSize: "1000", sort: "password", dir: "sideways", other: "x" }, options);
    expect(p).toEqual({ page: 1, pageSize: 25, sort: "name", dir: "asc", q: "", filters: {} });
    expect(parseListParams({ pageSize: "7" }, options).pageSize).toBe(25);
    expect(parseListParams({ page: "2.5" }, options).page).toBe(1);
  });

  it("takes the first of repeated values and bounds the length of text", () => {
    const p = parseListParams({ sort: ["bin", "name"], q: "x".repeat(500) }, options);
    expect(p.sort).toBe("bin");
    expect(p.q).toHaveLength(200);
  });
});
