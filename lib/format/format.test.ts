import { describe, expect, it } from "vitest";
import { formatDay, formatDayLong, formatDayMonth, formatNumber, formatPercent, formatWeekday } from ".";
import { almatyHourOfUtc, utcHourOfAlmaty } from "../time";

describe("numbers", () => {
  it("write the decimal mark and digit groups of the reader's language", () => {
    expect(formatNumber(0.786, "kk", { minimumFractionDigits: 3 })).toBe("0,786");
    expect(formatNumber(0.786, "ru", { minimumFractionDigits: 3 })).toBe("0,786");
    expect(formatNumber(0.786, "en", { minimumFractionDigits: 3 })).toBe("0.786");
    expect(formatNumber(23818, "kk")).toBe("23\u00a0818");
    expect(formatNumber(1234567.5, "en", { maximumFractionDigits: 1 })).toBe("1,234,567.5");
    expect(formatNumber(999, "ru")).toBe("999");
  });

  it("round to the maximum and drop trailing zeros down to the minimum", () => {
    expect(formatNumber(84.25, "kk", { maximumFractionDigits: 1 })).toBe("84,3");
    expect(formatNumber(84, "kk", { maximumFractionDigits: 1 })).toBe("84");
    expect(formatNumber(0.5, "en", { minimumFractionDigits: 3 })).toBe("0.500");
    expect(formatNumber(-2.5, "en")).toBe("-3");
    expect(formatNumber(-0.01, "en", { maximumFractionDigits: 1 })).toBe("0");
    expect(formatNumber(Number.NaN, "kk")).toBe("—");
  });

  it("write percentages", () => {
    expect(formatPercent(84.56, "kk")).toBe("84,6\u00a0%");
    expect(formatPercent(84.56, "en")).toBe("84.6%");
  });
});

describe("calendar days", () => {
  it("are written without the runtime's locale data, one style per language", () => {
    expect(formatDay("2026-11-03", "kk")).toBe("2026 ж. 3 қар.");
    expect(formatDay("2026-11-03", "ru")).toBe("3 нояб. 2026 г.");
    expect(formatDay("2026-11-03", "en")).toBe("Nov 3, 2026");
  });

  it("write day and month in digits for narrow columns, never as a month-day pair in kk or ru", () => {
    expect(formatDayMonth("2026-11-03", "kk")).toBe("03.11");
    expect(formatDayMonth("2026-11-03", "ru")).toBe("03.11");
    expect(formatDayMonth("2026-11-03", "en")).toBe("11/03");
  });

  it("name the weekday (2026-11-23 is a Monday)", () => {
    expect(formatDayLong("2026-11-23", "kk")).toBe("23 қараша, дүйсенбі");
    expect(formatDayLong("2026-11-23", "ru")).toBe("понедельник, 23 ноября");
    expect(formatDayLong("2026-11-23", "en")).toBe("Monday, November 23");
    expect(formatWeekday("2026-11-29", "ru")).toBe("вс");
  });

  it("refuse what is not a calendar day", () => {
    expect(() => formatDay("23.11.2026", "kk")).toThrow(RangeError);
  });
});

describe("hours of a daily schedule", () => {
  it("convert between Almaty and UTC hours with the zone's offset at the moment", () => {
    const now = new Date("2026-12-07T12:00:00Z"); // UTC+5
    expect(almatyHourOfUtc(1, now)).toBe(6);
    expect(almatyHourOfUtc(22, now)).toBe(3);
    expect(utcHourOfAlmaty(3, now)).toBe(22);
    expect(utcHourOfAlmaty(6, now)).toBe(1);
    const before = new Date("2023-12-07T12:00:00Z"); // UTC+6 until March 2024
    expect(almatyHourOfUtc(1, before)).toBe(7);
    expect(utcHourOfAlmaty(0, before)).toBe(18);
  });
});
