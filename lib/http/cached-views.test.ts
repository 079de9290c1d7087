import { describe, expect, it } from "vitest";
import { cachedViewPath, decodeView, encodeView } from "./cached-views";

const path = (url: string) => {
  const u = new URL(url, "http://portal.test");
  return cachedViewPath(u.pathname, u.searchParams);
};
const viewOf = (twin: string | null) => decodeView(twin!.split("/v/")[1]!);

describe("cached views", () => {
  it("moves a page's view parameters into its twin's path and back", () => {
    expect(path("/kk/statistics?year=2024")).toMatch(/^\/kk\/statistics\/v\/[A-Za-z0-9_-]+$/);
    expect(viewOf(path("/kk/statistics?year=2024"))).toEqual({ year: "2024" });
    expect(viewOf(path("/ru/statistics/completeness?region=710000000&period=2025-Q1"))).toEqual({
      period: "2025-Q1",
      region: "710000000",
    });
  });

  it("gives one twin for every spelling of the same view", () => {
    const a = path("/kk/news?page=2&type=ARTICLE");
    expect(path("/kk/news?type=ARTICLE&page=2&utm_source=x")).toBe(a);
    expect(path("/kk/news?type=ARTICLE&type=OTHER&page=2&sort=")).toBe(a);
    expect(path("/kk/statistics")).toBe("/kk/statistics/v/_");
    expect(path("/kk/statistics?utm_source=x")).toBe("/kk/statistics/v/_");
  });

  it("keeps values that are not plain ASCII intact", () => {
    const twin = path("/en/vacancies?subject=Қазақ тілі&page=3");
    expect(viewOf(twin)).toEqual({ subject: "Қазақ тілі", page: "3" });
  });

  it("leaves other pages, twins and overlong queries alone", () => {
    expect(path("/kk/admin/organizations?page=2")).toBeNull();
    expect(path("/kk/statistics/v/_")).toBeNull();
    expect(path("/statistics?year=2024")).toBeNull();
    expect(path("/kk/ratings/api")).toBeNull();
    expect(path(`/kk/news?type=${"x".repeat(400)}`)).toBeNull();
  });

  it("tells the method page of a rating from an entity card", () => {
    expect(viewOf(path("/kk/ratings/methods/SCHOOL?version=2&year=2024"))).toEqual({ version: "2" });
    expect(viewOf(path("/kk/ratings/SCHOOL/123456789012?year=2024&version=2"))).toEqual({ year: "2024" });
  });

  it("refuses a view segment it did not write", () => {
    expect(decodeView("not base64!")).toBeNull();
    expect(decodeView("")).toBeNull();
    expect(decodeView("_-")).toBeNull();
    expect(decodeView(encodeView("year=2024"))).toEqual({ year: "2024" });
  });
});
