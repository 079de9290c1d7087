import { describe, expect, it } from "vitest";
import { ageOn, countEmployees, mappingSchema, mergePrefill, readPrefillRecord, type StaffRow } from "./prefill-rules";

const row = (over: Partial<StaffRow>): StaffRow => ({
  employeeId: "e1",
  positionCode: "TEACHER",
  kind: "MAIN",
  category: "expert",
  higherEducation: true,
  sex: "FEMALE",
  birthDate: "1990-06-15",
  ...over,
});

describe("prefill rules", () => {
  it("counts full years on the reference day", () => {
    expect(ageOn("1990-06-15", "2026-06-14")).toBe(35);
    expect(ageOn("1990-06-15", "2026-06-15")).toBe(36);
  });

  it("counts a person once, by position, category, sex, age band and employment", () => {
    const rows = [
      row({ employeeId: "a" }),
      row({ employeeId: "a", kind: "PART_TIME" }),
      row({ employeeId: "b", kind: "PART_TIME", sex: "MALE", birthDate: "1970-01-01", category: "master" }),
      row({ employeeId: "c", positionCode: "DIRECTOR", higherEducation: false }),
    ];
    const day = "2026-10-01";
    expect(countEmployees(rows, {}, day)).toBe(3);
    expect(countEmployees(rows, { positions: ["TEACHER"] }, day)).toBe(2);
    expect(countEmployees(rows, { positions: ["TEACHER"], kind: "PART_TIME" }, day)).toBe(1);
    expect(countEmployees(rows, { positions: ["TEACHER"], kind: "MAIN" }, day)).toBe(1);
    expect(countEmployees(rows, { category: "master" }, day)).toBe(1);
    expect(countEmployees(rows, { sex: "FEMALE" }, day)).toBe(2);
    expect(countEmployees(rows, { ageFrom: 50 }, day)).toBe(1);
    expect(countEmployees(rows, { ageTo: 49 }, day)).toBe(2);
    expect(countEmployees(rows, { higherEducation: false }, day)).toBe(1);
  });

  it("accepts only mappings the code understands", () => {
    expect(
      mappingSchema.safeParse({ source: "STAFF", cellKey: "staff.total", measure: "employees", params: {} }).success,
    ).toBe(true);
    expect(
      mappingSchema.safeParse({ source: "STAFF", cellKey: "staff.total", measure: "capacity", params: {} }).success,
    ).toBe(false);
    expect(
      mappingSchema.safeParse({ source: "STAFF", cellKey: "staff.total", measure: "employees", params: { salary: 1 } })
        .success,
    ).toBe(false);
    expect(
      mappingSchema.safeParse({ source: "PASSPORT", cellKey: "general.capacity", measure: "capacity" }).success,
    ).toBe(true);
    expect(readPrefillRecord({ at: "x" })).toBeNull();
  });
});

describe("merging a territory's prefill into a draft", () => {
  const record = (cells: Record<string, number>) => ({
    at: "2026-12-01T00:00:00.000Z",
    referenceDate: "2026-12-01",
    cells: Object.fromEntries(Object.entries(cells).map(([k, value]) => [k, { source: "STAFF" as const, value }])),
  });

  it("fills empty cells and cells still holding the last prefill's figure, and keeps the cells the school changed", () => {
    const previous = record({ "s.a": 10, "s.b": 5, "s.c": 7 });
    const next = record({ "s.a": 11, "s.b": 6, "s.c": 8, "s.d": 3, "s.e": 4 });
    const { values, kept } = mergePrefill({ "s.a": 10, "s.b": 9, "s.c": "", "s.e": 2, other: "x" }, previous, next);
    expect(values).toEqual({ "s.a": 11, "s.b": 9, "s.c": 8, "s.d": 3, "s.e": 2, other: "x" });
    expect(kept.sort()).toEqual(["s.b", "s.e"]);
  });

  it("counts a typed value equal to the new figure as filled, not kept", () => {
    const { values, kept } = mergePrefill({ "s.a": 4 }, null, record({ "s.a": 4 }));
    expect(values).toEqual({ "s.a": 4 });
    expect(kept).toEqual([]);
  });
});
