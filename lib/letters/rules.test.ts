import { describe, expect, it } from "vitest";
import { canMove, isOverdue, letterNumber, nextStatuses, parseLetterNumber, registerYear } from "./rules";
import { letterQueryOf } from "./schemas";

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe("registration number", () => {
  it("is register, year and a four-digit sequence", () => {
    expect(letterNumber("INCOMING", 2026, 1)).toBe("Кіріс-2026/0001");
    expect(letterNumber("OUTGOING", 2026, 42)).toBe("Шығыс-2026/0042");
    expect(letterNumber("INCOMING", 2027, 12345)).toBe("Кіріс-2027/12345");
  });
  it("refuses a sequence below one", () => {
    expect(() => letterNumber("INCOMING", 2026, 0)).toThrow();
  });
  it("parses back what it formats, and nothing else", () => {
    expect(parseLetterNumber("Шығыс-2026/0042")).toEqual({ direction: "OUTGOING", year: 2026, sequence: 42 });
    expect(parseLetterNumber("Кіріс-2026/1")).toBeNull();
    expect(parseLetterNumber("IN-2026/0001")).toBeNull();
  });
  it("takes the year of registration in Asia/Almaty", () => {
    // 31 December 20:00 UTC is already 1 January in Almaty (UTC+5)
    expect(registerYear(new Date("2026-12-31T20:00:00Z"))).toBe(2027);
    expect(registerYear(new Date("2026-12-31T18:00:00Z"))).toBe(2026);
  });
});

describe("overdue rule", () => {
  const open = { dueDate: day("2026-11-20"), status: "REGISTERED" as const };
  it("is not overdue on the due day itself, overdue the next Almaty day", () => {
    expect(isOverdue(open, new Date("2026-11-20T18:59:00Z"))).toBe(false); // 23:59 in Almaty
    expect(isOverdue(open, new Date("2026-11-20T19:00:00Z"))).toBe(true); // 00:00 on the 21st in Almaty
  });
  it("never for answered, closed or cancelled letters, nor without a due date", () => {
    const late = new Date("2026-12-01T10:00:00Z");
    expect(isOverdue({ ...open, status: "IN_PROGRESS" }, late)).toBe(true);
    for (const status of ["ANSWERED", "CLOSED", "CANCELLED"] as const)
      expect(isOverdue({ ...open, status }, late)).toBe(false);
    expect(isOverdue({ dueDate: null, status: "REGISTERED" }, late)).toBe(false);
  });
});

describe("status transitions", () => {
  it("cancels only open letters and never leaves cancelled", () => {
    expect(canMove("REGISTERED", "CANCELLED", "INCOMING")).toBe(true);
    expect(canMove("ANSWERED", "CANCELLED", "INCOMING")).toBe(false);
    expect(nextStatuses("CANCELLED", "INCOMING")).toEqual([]);
  });
  it("answers only incoming letters", () => {
    expect(canMove("REGISTERED", "ANSWERED", "INCOMING")).toBe(true);
    expect(canMove("REGISTERED", "ANSWERED", "OUTGOING")).toBe(false);
  });
});

describe("list state from the URL", () => {
  it("falls back to defaults on anything malformed", () => {
    expect(letterQueryOf({ direction: "SIDEWAYS", sort: "x", dir: "up", status: "LOST", year: "abc" })).toMatchObject({
      direction: "INCOMING",
      sort: "number",
      dir: "desc",
      status: undefined,
      year: undefined,
      overdue: false,
    });
    expect(letterQueryOf({ direction: "OUTGOING", overdue: "1", q: " мектеп " })).toMatchObject({
      direction: "OUTGOING",
      overdue: true,
      q: "мектеп",
    });
  });
});
