import { describe, expect, it } from "vitest";
import {
  admissionAge,
  admissionYears,
  ageOn,
  certificateNumber,
  initials,
  isOverdue,
  normaliseQuery,
  preschoolAge,
  queuePositions,
  verificationCode,
} from "./rules";

describe("first-grade admission age", () => {
  it("takes a child who turns 6 on or before 1 September", () => {
    expect(admissionAge("2020-09-01", 2026)).toBe("ok");
    expect(admissionAge("2020-01-15", 2026)).toBe("ok");
    expect(admissionAge("2019-09-02", 2026)).toBe("ok");
  });
  it("refuses a child who turns 6 after 1 September", () => {
    expect(admissionAge("2020-09-02", 2026)).toBe("tooYoung");
    expect(admissionAge("2021-03-01", 2026)).toBe("tooYoung");
  });
  it("refuses a child already 8 on 1 September", () => {
    expect(admissionAge("2018-09-01", 2026)).toBe("tooOld");
    expect(admissionAge("2018-09-02", 2026)).toBe("ok");
  });
  it("counts a birthday on 29 February correctly", () => {
    expect(ageOn("2020-02-29", "2026-02-28")).toBe(5);
    expect(ageOn("2020-02-29", "2026-03-01")).toBe(6);
  });
  it("opens the school year under way and the next one", () => {
    expect(admissionYears("2026-11-23")).toEqual([2026, 2027]);
    expect(admissionYears("2027-05-10")).toEqual([2026, 2027]);
    expect(admissionYears("2027-09-01")).toEqual([2027, 2028]);
  });
});

describe("certificate numbers and codes", () => {
  it("formats numbers from the sequence, distinct for distinct values", () => {
    expect(certificateNumber(123, 2026)).toBe("SC-2026-000123");
    const numbers = new Set(Array.from({ length: 1000 }, (_, i) => certificateNumber(i + 1, 2026)));
    expect(numbers.size).toBe(1000);
  });
  it("makes codes from the Crockford alphabet and reads typed codes back", () => {
    const code = verificationCode(new Uint8Array([0, 1, 2, 31, 32, 100, 200, 255]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseQuery(code.toLowerCase().replace("-", " "))).toEqual({ code });
    expect(normaliseQuery("abco-1234")).toEqual({ code: "ABC0-1234" });
    // the sequential number alone is not enough; with the code after it, both must match
    expect(normaliseQuery("sc-2026-000123")).toEqual({ numberOnly: "SC-2026-000123" });
    expect(normaliseQuery(" SC-2026-000123   abco-1234 ")).toEqual({ number: "SC-2026-000123", code: "ABC0-1234" });
    expect(normaliseQuery("SC-2026-000123/ABC01234")).toEqual({ number: "SC-2026-000123", code: "ABC0-1234" });
    expect(normaliseQuery("SC-2026-000123 short")).toBeNull();
    expect(normaliseQuery("ABCU-1234")).toBeNull();
    expect(normaliseQuery("short")).toBeNull();
  });
  it("shows initials only", () => {
    expect(initials({ firstName: "Аружан", middleName: "Ерланқызы", lastName: "Омарова" })).toBe("А. Е. О.");
    expect(initials({ firstName: "Әлия", middleName: null, lastName: "Үсенова" })).toBe("Ә. Ү.");
  });
  it("marks open applications past their deadline as overdue", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(isOverdue({ status: "IN_REVIEW", dueAt: new Date("2026-11-22T10:00:00Z") }, now)).toBe(true);
    expect(isOverdue({ status: "APPROVED", dueAt: new Date("2026-11-22T10:00:00Z") }, now)).toBe(false);
    expect(isOverdue({ status: "SUBMITTED", dueAt: new Date("2026-11-24T10:00:00Z") }, now)).toBe(false);
  });
});

describe("preschool queue age rule", () => {
  it("takes a child from birth until the 6th birthday", () => {
    expect(preschoolAge("2026-12-03", "2026-12-03")).toBe("ok");
    expect(preschoolAge("2021-01-10", "2026-12-03")).toBe("ok");
    expect(preschoolAge("2020-12-04", "2026-12-03")).toBe("ok");
  });
  it("refuses a child who is 6 or older, and a birth date in the future", () => {
    expect(preschoolAge("2020-12-03", "2026-12-03")).toBe("tooOld");
    expect(preschoolAge("2018-05-01", "2026-12-03")).toBe("tooOld");
    expect(preschoolAge("2026-12-04", "2026-12-03")).toBe("notBorn");
  });
});

describe("preschool queue order", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));
  it("orders by priority category, then submission time, then id", () => {
    const positions = queuePositions([
      { id: "c", priority: 0, createdAt: at(3) },
      { id: "a", priority: 0, createdAt: at(1) },
      { id: "p", priority: 1, createdAt: at(5) },
      { id: "b2", priority: 0, createdAt: at(2) },
      { id: "b1", priority: 0, createdAt: at(2) },
    ]);
    expect([...positions.entries()].sort((x, y) => x[1] - y[1]).map(([id]) => id)).toEqual(["p", "a", "b1", "b2", "c"]);
    expect(positions.get("p")).toBe(1);
    expect(positions.get("c")).toBe(5);
  });
  it("moves the others up when one leaves the queue", () => {
    const entries = [
      { id: "a", priority: 0, createdAt: at(1) },
      { id: "b", priority: 0, createdAt: at(2) },
      { id: "c", priority: 0, createdAt: at(3) },
    ];
    const after = queuePositions(entries.filter((e) => e.id !== "a"));
    expect(after.get("b")).toBe(1);
    expect(after.get("c")).toBe(2);
    expect(after.has("a")).toBe(false);
  });
});

describe("overdue marking of the preschool queue", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const past = new Date("2026-11-01T10:00:00Z");
  it("does not mark an application waiting in the queue, but marks an unanswered offer past its limit", () => {
    expect(isOverdue({ kind: "PRESCHOOL", status: "SUBMITTED", dueAt: past }, now)).toBe(false);
    expect(isOverdue({ kind: "PRESCHOOL", status: "OFFERED", dueAt: past }, now)).toBe(true);
    expect(isOverdue({ kind: "TRANSFER", status: "RELEASED", dueAt: past }, now)).toBe(true);
  });
});
