import { describe, expect, it } from "vitest";
import { pageCount, pageNumbers, pageWindow, parseListParams, parsePage } from "./params";

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

describe("parsePage and pageCount", () => {
  it("reads a page number and falls back to 1", () => {
    expect(parsePage({ page: "4" })).toBe(4);
    expect(parsePage({ page: ["2", "3"] })).toBe(2);
    for (const page of [undefined, "", "0", "-3", "2.5", "x", "1e9"]) expect(parsePage({ page })).toBe(1);
  });

  it("counts at least one page", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});

describe("pageNumbers", () => {
  it("shows the first, the last, the current page and its neighbours, with gaps", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 20)).toEqual([1, null, 4, 5, 6, null, 20]);
    expect(pageNumbers(2, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pageNumbers(20, 20)).toEqual([1, null, 19, 20]);
  });
});
