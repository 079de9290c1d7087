import { describe, expect, it } from "vitest";
import { ageOn, countEmployees, mappingSchema, readPrefillRecord, type StaffRow } from "./prefill-rules";

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
