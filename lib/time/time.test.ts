import { describe, expect, it } from "vitest";
import { almatyDate, almatyDayStart, almatyTime, formatDate, formatDateTime } from ".";

/** 21:05:09 UTC on 23 November 2026: already 02:05:09 on the 24th in Almaty (UTC+5). */
const LATE_UTC = new Date("2026-11-23T21:05:09Z");
/** Midday in Almaty, the same calendar day in UTC. */
const NOON = new Date("2026-11-23T07:30:00Z");

describe("Almaty calendar dates", () => {
  it("turns to the next day at 19:00 UTC", () => {
    expect(almatyDate(new Date("2025-02-12T18:59:59.999Z"))).toBe("2025-02-12");
    expect(almatyDate(new Date("2025-02-12T19:00:00.000Z"))).toBe("2025-02-13");
    expect(almatyDate(LATE_UTC)).toBe("2026-11-24");
    expect(almatyDate(NOON)).toBe("2026-11-23");
  });

  it("uses the offset the zone had at the time (UTC+6 before March 2024)", () => {
    expect(almatyDate(new Date("2023-06-01T18:30:00Z"))).toBe("2023-06-02");
    expect(almatyDate(new Date("2025-06-01T18:30:00Z"))).toBe("2025-06-01");
  });

  it("defaults to now", () => {
    expect(almatyDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("rejects an invalid date", () => {
    expect(() => almatyDate(new Date("nope"))).toThrow(RangeError);
  });

  it("finds the instant a day begins", () => {
    expect(almatyDayStart("2026-03-11")?.toISOString()).toBe("2026-03-10T19:00:00.000Z");
    expect(almatyDayStart("2023-06-01")?.toISOString()).toBe("2023-05-31T18:00:00.000Z");
    expect(almatyDayStart("2026-02-30")).toBeNull();
    expect(almatyDayStart("2026-3-1")).toBeNull();
  });
});

describe("numeric forms (the same in every language)", () => {
  it("writes wall-clock time in Almaty", () => {
    expect(almatyTime(LATE_UTC)).toBe("2026-11-24 02:05");
    expect(formatDate(LATE_UTC)).toBe("2026-11-24");
    expect(formatDateTime(LATE_UTC)).toBe("2026-11-24 02:05:09");
    expect(formatDateTime(new Date("2026-03-10T19:30:00Z"))).toBe("2026-03-11 00:30:00");
  });
});

describe("localised forms", () => {
  it("writes the Almaty date in Kazakh, Russian and English", () => {
    expect(formatDate(LATE_UTC, "kk")).toBe("2026 ж. 24 қар.");
    expect(formatDate(LATE_UTC, "ru")).toBe("24 нояб. 2026 г.");
    expect(formatDate(LATE_UTC, "en")).toBe("Nov 24, 2026");
  });

  it("writes the Almaty date and time on a 24-hour clock", () => {
    expect(formatDateTime(LATE_UTC, "kk")).toBe("2026 ж. 24 қар., 02:05");
    expect(formatDateTime(LATE_UTC, "ru")).toBe("24 нояб. 2026 г., 02:05");
    expect(formatDateTime(LATE_UTC, "en")).toBe("Nov 24, 2026, 02:05");
    expect(formatDateTime(NOON, "en")).toBe("Nov 23, 2026, 12:30");
  });

  it("writes the same text whatever locale data the runtime has (no Intl formatting by locale)", () => {
    const original = Intl.DateTimeFormat;
    const calls: unknown[] = [];
    // a browser without Kazakh data: any locale-specific formatter would fall back to another language
    Intl.DateTimeFormat = function (locale: unknown, options: Intl.DateTimeFormatOptions) {
      calls.push(locale);
      return new original(locale === "en-CA" ? "en-CA" : "en-US", options);
    } as unknown as typeof Intl.DateTimeFormat;
    try {
      expect(formatDateTime(LATE_UTC, "kk")).toBe("2026 ж. 24 қар., 02:05");
      expect(calls.filter((l) => l !== "en-CA")).toEqual([]);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
