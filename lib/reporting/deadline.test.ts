import { describe, expect, it } from "vitest";
import {
  DEFAULT_HOLIDAY_OVERRIDES,
  describeDay,
  effectiveDeadline,
  endOfAlmatyDay,
  isLate,
  isWorkingDay,
  parseHolidayOverrides,
  type HolidayOverride,
} from "./deadline";

/** Library data only: no transfers, so tests do not depend on holiday-overrides.json. */
const NONE = { overrides: [] as HolidayOverride[] };

const DAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
type Day = (typeof DAY)[number];

function weekday(date: string): Day {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return DAY[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** [case, due date, its weekday, expected deadline, its weekday] */
type Case = [string, string, Day, string, Day];

function checkCases(cases: Case[], options = NONE) {
  it.each(cases)("%s: %s (%s) -> %s (%s)", (_label, due, dueDay, expected, expectedDay) => {
    // Guard the hand-computed calendar itself.
    expect(weekday(due)).toBe(dueDay);
    expect(weekday(expected)).toBe(expectedDay);

    const result = effectiveDeadline(due, options);
    expect(result.date).toBe(expected);
    expect(result.moved).toBe(due !== expected);
    expect(result.endsAt.toISOString()).toBe(`${expected}T18:59:59.999Z`);
    if (result.moved)
      expect(result.reason).toHaveLength(
        (Date.UTC(+expected.slice(0, 4), +expected.slice(5, 7) - 1, +expected.slice(8)) -
          Date.UTC(+due.slice(0, 4), +due.slice(5, 7) - 1, +due.slice(8))) /
          86_400_000,
      );
    else expect(result.reason).toBeUndefined();
  });
}

describe("effectiveDeadline: ordinary days", () => {
  checkCases([
    ["normal weekday", "2025-02-12", "Wed", "2025-02-12", "Wed"],
    ["normal Friday", "2026-03-20", "Fri", "2026-03-20", "Fri"],
    ["Saturday", "2025-02-15", "Sat", "2025-02-17", "Mon"],
    ["Sunday", "2025-02-16", "Sun", "2025-02-17", "Mon"],
    ["last working day of the year", "2024-12-31", "Tue", "2024-12-31", "Tue"],
  ]);
});

describe("effectiveDeadline: public holidays (library data, no transfers)", () => {
  checkCases([
    // New Year, 1-2 January
    ["New Year 2025 (Wed, Thu)", "2025-01-01", "Wed", "2025-01-03", "Fri"],
    ["New Year 2026 (Thu, Fri) + weekend", "2026-01-01", "Thu", "2026-01-05", "Mon"],
    ["New Year 2027, 2 Jan on Saturday -> substitute Monday", "2027-01-01", "Fri", "2027-01-05", "Tue"],
    // Orthodox Christmas: religious, no substitute day
    ["Orthodox Christmas 2026", "2026-01-07", "Wed", "2026-01-08", "Thu"],
    ["Orthodox Christmas 2024 on Sunday (no substitute)", "2024-01-07", "Sun", "2024-01-08", "Mon"],
    // 8 March
    ["8 March 2025 on Saturday", "2025-03-08", "Sat", "2025-03-11", "Tue"],
    // Nauryz, 21-23 March
    ["Nauryz 2024 (Thu-Sat, substitute Mon 25)", "2024-03-21", "Thu", "2024-03-26", "Tue"],
    ["Nauryz 2025 (Fri-Sun, substitutes Mon 24, Tue 25)", "2025-03-21", "Fri", "2025-03-26", "Wed"],
    ["Nauryz 2025, due on the substitute day", "2025-03-24", "Mon", "2025-03-26", "Wed"],
    ["Nauryz 2026 (Sat-Mon, substitutes Tue 24, Wed 25)", "2026-03-21", "Sat", "2026-03-26", "Thu"],
    ["Nauryz 2027 (Sun-Tue, substitute Wed 24)", "2027-03-21", "Sun", "2027-03-25", "Thu"],
    // May holidays
    ["1 May 2025", "2025-05-01", "Thu", "2025-05-02", "Fri"],
    ["1 May 2027 on Saturday", "2027-05-01", "Sat", "2027-05-04", "Tue"],
    ["7 May 2025", "2025-05-07", "Wed", "2025-05-08", "Thu"],
    ["7 May 2024 (no transfer)", "2024-05-07", "Tue", "2024-05-08", "Wed"],
    ["9 May 2025 + weekend", "2025-05-09", "Fri", "2025-05-12", "Mon"],
    ["9 May 2026 on Saturday", "2026-05-09", "Sat", "2026-05-12", "Tue"],
    // Kurban Ait: religious, no substitute day
    ["Kurban Ait 2025 + weekend", "2025-06-06", "Fri", "2025-06-09", "Mon"],
    ["Kurban Ait 2024 on Sunday (no substitute)", "2024-06-16", "Sun", "2024-06-17", "Mon"],
    // 6 July
    ["Capital Day 2026", "2026-07-06", "Mon", "2026-07-07", "Tue"],
    ["Capital Day 2025 on Sunday", "2025-07-06", "Sun", "2025-07-08", "Tue"],
    ["Capital Day 2024 on Saturday", "2024-07-06", "Sat", "2024-07-09", "Tue"],
    // 30 August (Constitution Day until 2025)
    ["Constitution Day 2024 + weekend", "2024-08-30", "Fri", "2024-09-02", "Mon"],
    ["Constitution Day 2025 on Saturday", "2025-08-30", "Sat", "2025-09-02", "Tue"],
    ["30 August 2026 is an ordinary Sunday", "2026-08-30", "Sun", "2026-08-31", "Mon"],
    // 25 October
    ["Republic Day 2024 + weekend", "2024-10-25", "Fri", "2024-10-28", "Mon"],
    ["Republic Day 2025 on Saturday", "2025-10-25", "Sat", "2025-10-28", "Tue"],
    ["Republic Day 2027", "2027-10-25", "Mon", "2027-10-26", "Tue"],
    // 16 December
    ["Independence Day 2025", "2025-12-16", "Tue", "2025-12-17", "Wed"],
    ["Independence Day 2024", "2024-12-16", "Mon", "2024-12-17", "Tue"],
    ["Independence Day 2023 on Saturday", "2023-12-16", "Sat", "2023-12-19", "Tue"],
    // Chains
    ["chain: Friday holiday, weekend", "2024-10-25", "Fri", "2024-10-28", "Mon"],
    ["chain: weekend before a Monday holiday", "2026-07-04", "Sat", "2026-07-07", "Tue"],
    ["working day right before Nauryz 2025", "2025-03-20", "Thu", "2025-03-20", "Thu"],
    ["chain: weekend holidays, then two substitutes", "2025-03-22", "Sat", "2025-03-26", "Wed"],
  ]);

  it("recomputes substitutes that collide with other holidays (Nauryz 2026)", () => {
    for (const d of ["2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24", "2026-03-25"]) {
      expect(isWorkingDay(d, NONE), d).toBe(false);
    }
    expect(isWorkingDay("2026-03-26", NONE)).toBe(true);
    expect(describeDay("2026-03-25", NONE).reasons).toEqual(["day off in place of Nauryz on 2026-03-22"]);
  });

  it("explains every skipped day", () => {
    expect(effectiveDeadline("2025-03-21", NONE).reason).toEqual([
      "2025-03-21 (Friday): public holiday: Nauryz",
      "2025-03-22 (Saturday): public holiday: Nauryz; weekend",
      "2025-03-23 (Sunday): public holiday: Nauryz; weekend",
      "2025-03-24 (Monday): day off in place of Nauryz on 2025-03-22",
      "2025-03-25 (Tuesday): day off in place of Nauryz on 2025-03-23",
    ]);
  });
});

describe("effectiveDeadline: transferred days (explicit overrides)", () => {
  // Government transfers for 2024 and 2025 as published.
  const transfers: HolidayOverride[] = [
    { date: "2024-05-04", kind: "working-day", note: "rest day moved to 8 May" },
    { date: "2024-05-08", kind: "day-off", note: "rest day moved from 4 May" },
    { date: "2025-01-03", kind: "day-off", note: "rest day moved from 5 January" },
    { date: "2025-01-05", kind: "working-day", note: "rest day moved to 3 January" },
  ];
  const withTransfers = { overrides: transfers };

  checkCases(
    [
      ["7 May 2024 with 8 May off: 7, 8, 9 May off", "2024-05-07", "Tue", "2024-05-10", "Fri"],
      ["working Saturday 4 May 2024", "2024-05-04", "Sat", "2024-05-04", "Sat"],
      ["New Year 2025 with 3 Jan off and working Sunday 5 Jan", "2025-01-01", "Wed", "2025-01-05", "Sun"],
      ["transferred day off itself", "2025-01-03", "Fri", "2025-01-05", "Sun"],
    ],
    withTransfers,
  );

  it("applies fictitious transfers passed as options", () => {
    const overrides: HolidayOverride[] = [
      { date: "2025-02-14", kind: "day-off" },
      { date: "2025-02-15", kind: "working-day" },
    ];
    expect(effectiveDeadline("2025-02-13", { overrides }).date).toBe("2025-02-13");
    expect(effectiveDeadline("2025-02-14", { overrides })).toMatchObject({ date: "2025-02-15", moved: true });
    expect(effectiveDeadline("2025-02-16", { overrides }).date).toBe("2025-02-17");
    // Without them the same dates behave normally.
    expect(effectiveDeadline("2025-02-14", NONE).date).toBe("2025-02-14");
    expect(effectiveDeadline("2025-02-15", NONE).date).toBe("2025-02-17");
  });

  it("a working-day override wins over a holiday", () => {
    const overrides: HolidayOverride[] = [{ date: "2025-03-22", kind: "working-day" }];
    expect(effectiveDeadline("2025-03-21", { overrides }).date).toBe("2025-03-22");
  });

  it("moves a substitute past a transferred day off", () => {
    // Capital Day 2025 is a Sunday; its substitute would be Monday 7 July.
    const overrides: HolidayOverride[] = [{ date: "2025-07-07", kind: "day-off" }];
    expect(isWorkingDay("2025-07-08", NONE)).toBe(true);
    expect(isWorkingDay("2025-07-08", { overrides })).toBe(false);
    expect(effectiveDeadline("2025-07-06", { overrides }).date).toBe("2025-07-09");
  });

  it('"not-holiday" cancels a library holiday and its substitute (15 March 2026)', () => {
    // date-holidays 3.37.0 already lists Constitution Day on Sunday 15 March 2026.
    expect(describeDay("2026-03-15", NONE).reasons).toContain("public holiday: Constitution Day");
    expect(effectiveDeadline("2026-03-15", NONE).date).toBe("2026-03-17");
    const overrides: HolidayOverride[] = [{ date: "2026-03-15", kind: "not-holiday" }];
    expect(describeDay("2026-03-15", { overrides }).reasons).toEqual(["weekend"]);
    expect(effectiveDeadline("2026-03-15", { overrides }).date).toBe("2026-03-16");
  });
});

describe("holiday overrides file", () => {
  it("is valid and loaded by default", () => {
    expect(DEFAULT_HOLIDAY_OVERRIDES.length).toBeGreaterThan(0);
    for (const o of DEFAULT_HOLIDAY_OVERRIDES) expect(o.note).toBeTruthy();
    // The file is used when no overrides are given.
    const fileDayOff = DEFAULT_HOLIDAY_OVERRIDES.find((o) => o.kind === "day-off");
    if (fileDayOff) expect(isWorkingDay(fileDayOff.date)).toBe(false);
  });

  it("rejects malformed entries", () => {
    expect(() => parseHolidayOverrides([{ date: "2025-02-30", kind: "day-off" }])).toThrow(/calendar date/);
    expect(() => parseHolidayOverrides([{ date: "2025-02-12", kind: "holiday" }])).toThrow();
    expect(() => parseHolidayOverrides([{ date: "2025-02-15", kind: "day-off" }])).toThrow(/weekend/);
    expect(() => parseHolidayOverrides([{ date: "2025-02-12", kind: "working-day" }])).toThrow(/Saturday or Sunday/);
    expect(() =>
      parseHolidayOverrides([
        { date: "2025-02-12", kind: "day-off" },
        { date: "2025-02-12", kind: "not-holiday" },
      ]),
    ).toThrow(/duplicate/);
    expect(() => effectiveDeadline("2025-02-12", { overrides: [{ date: "x", kind: "day-off" }] })).toThrow();
  });
});

describe("time of the deadline", () => {
  it("ends at 23:59:59.999 +05:00, i.e. 18:59:59.999Z", () => {
    expect(endOfAlmatyDay("2025-02-12").toISOString()).toBe("2025-02-12T18:59:59.999Z");
    expect(effectiveDeadline("2025-02-12", NONE).endsAt.getTime()).toBe(Date.parse("2025-02-12T23:59:59.999+05:00"));
    expect(effectiveDeadline("2025-03-21", NONE).endsAt.toISOString()).toBe("2025-03-26T18:59:59.999Z");
  });

  it("isLate around the boundary", () => {
    expect(isLate(new Date("2025-02-12T10:00:00+05:00"), "2025-02-12", NONE)).toBe(false);
    expect(isLate(new Date("2025-02-12T18:59:59.999Z"), "2025-02-12", NONE)).toBe(false);
    expect(isLate(new Date("2025-02-12T19:00:00.000Z"), "2025-02-12", NONE)).toBe(true);
    expect(isLate(new Date("2025-02-13T00:00:00+05:00"), "2025-02-12", NONE)).toBe(true);
    // Still in time on 12 February in UTC, but already 13 February in Almaty.
    expect(isLate(new Date("2025-02-12T20:00:00Z"), "2025-02-12", NONE)).toBe(true);
  });

  it("isLate uses the moved deadline", () => {
    expect(isLate(new Date("2025-03-25T12:00:00+05:00"), "2025-03-21", NONE)).toBe(false);
    expect(isLate(new Date("2025-03-26T23:59:59.999+05:00"), "2025-03-21", NONE)).toBe(false);
    expect(isLate(new Date("2025-03-27T00:00:00+05:00"), "2025-03-21", NONE)).toBe(true);
  });

  it("rejects invalid input", () => {
    expect(() => effectiveDeadline("2025-02-30")).toThrow(RangeError);
    expect(() => effectiveDeadline("2025-2-3")).toThrow(RangeError);
    expect(() => isWorkingDay("tomorrow")).toThrow(RangeError);
    expect(() => isLate(new Date("nope"), "2025-02-12")).toThrow(RangeError);
  });
});
