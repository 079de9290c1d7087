import { describe, expect, it } from "vitest";
import { containsContact, defaultExpiry, overlaps, skipsCategory, validRate } from "./rules";

describe("staff rules", () => {
  it("refuses a skipped category, allows one step up, keeping or lowering", () => {
    expect(skipsCategory("no_category", "moderator")).toBe(false);
    expect(skipsCategory("no_category", "expert")).toBe(true);
    expect(skipsCategory("moderator", "master")).toBe(true);
    expect(skipsCategory("expert", "expert")).toBe(false);
    expect(skipsCategory("master", "moderator")).toBe(false);
  });

  it("gives a category five years, the base category none", () => {
    expect(defaultExpiry("moderator", "2026-09-01")).toBe("2031-09-01");
    expect(defaultExpiry("no_category", "2026-09-01")).toBeNull();
  });

  it("sees overlapping intervals with open ends", () => {
    expect(overlaps({ start: "2020-01-01", end: null }, { start: "2026-01-01", end: null })).toBe(true);
    expect(overlaps({ start: "2020-01-01", end: "2025-12-31" }, { start: "2026-01-01", end: null })).toBe(false);
    expect(overlaps({ start: "2020-01-01", end: "2026-01-01" }, { start: "2026-01-01", end: null })).toBe(true);
  });

  it("accepts rates in quarters from 0.25 to 1.5", () => {
    expect([0.25, 0.5, 1, 1.5].every(validRate)).toBe(true);
    expect([0, 0.3, 1.75, 2].some(validRate)).toBe(false);
  });

  it("finds phone numbers and e-mail addresses in public text", () => {
    expect(containsContact("Звоните +7 (701) 123-45-67")).toBe("phone");
    expect(containsContact("87011234567")).toBe("phone");
    expect(containsContact("пишите school@mail.kz")).toBe("email");
    expect(containsContact("Учитель математики, 18 часов, 5–9 классы, с 01.09.2026 (2026-09-01)")).toBeNull();
  });
});
