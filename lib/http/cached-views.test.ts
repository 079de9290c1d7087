import { describe, expect, it } from "vitest";
import { cachedViewPath, decodeView, encodeView, SESSION_COOKIE } from "./cached-views";

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

  it("gives the forums' cached twins to readers without a session only", () => {
    const signedIn = (url: string) => {
      const u = new URL(url, "http://portal.test");
      return cachedViewPath(u.pathname, u.searchParams, true);
    };
    expect(path("/kk/forums")).toBe("/kk/forums/v/_");
    expect(viewOf(path("/ru/forums/general?page=2&sort=x"))).toEqual({ page: "2" });
    expect(signedIn("/kk/forums")).toBeNull();
    expect(signedIn("/kk/forums/general?page=2")).toBeNull();
    // the pages of other kinds are the same for everyone
    expect(signedIn("/kk/statistics?year=2024")).toBe(path("/kk/statistics?year=2024"));
    // threads, chats and moderation are never cached; the twins pass through
    for (const other of ["/kk/forums/t/abc", "/kk/forums/chat", "/kk/forums/chat/room", "/kk/forums/moderation"])
      expect(path(other)).toBeNull();
    expect(path("/kk/forums/v/_")).toBeNull();
    expect(path("/kk/forums/general/v/_")).toBeNull();
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token", "authjs.session-token.1"])
      expect(SESSION_COOKIE.test(name)).toBe(true);
    expect(SESSION_COOKIE.test("authjs.csrf-token")).toBe(false);
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
