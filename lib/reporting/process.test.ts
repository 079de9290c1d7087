import { describe, expect, it } from "vitest";
import {
  approvedStatus,
  chainOf,
  coversNobodyAbove,
  lastApprovingLevel,
  lateStep,
  pendingLevel,
  processProblems,
  resolveProcessId,
  returnTarget,
  STANDARD_PROCESS,
  statusAwaiting,
  transitions,
  type ProcessDefinition,
} from "./process";

/** The processes the portal ships: the standard chain (migration) and the demo ones (seed). */
const COLLEGES: ProcessDefinition = {
  id: "colleges",
  code: "colleges",
  levels: [{ level: "REGION", days: 7 }],
  onLate: "NOTIFY",
  returnTo: "ORGANIZATION",
};
const REPUBLICAN: ProcessDefinition = {
  id: "republican",
  code: "republican",
  levels: [{ level: "MINISTRY", days: 10 }],
  onLate: "NOTIFY",
  returnTo: "ORGANIZATION",
};
const STEPWISE: ProcessDefinition = {
  id: "stepwise",
  code: "stepwise",
  levels: [
    { level: "DISTRICT", days: 3 },
    { level: "REGION", days: 3 },
    { level: "MINISTRY", days: 5 },
  ],
  onLate: "PASS_THROUGH",
  returnTo: "PREVIOUS_LEVEL",
};

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-11-02T04:00:00Z");

describe("chains of the shipped processes", () => {
  it("the standard process is the former fixed chain", () => {
    expect(chainOf(STANDARD_PROCESS, "SETTLEMENT")).toEqual(["DISTRICT", "REGION", "MINISTRY"]);
    expect(chainOf(STANDARD_PROCESS, "DISTRICT")).toEqual(["DISTRICT", "REGION", "MINISTRY"]);
    expect(chainOf(STANDARD_PROCESS, "REGION")).toEqual(["REGION", "MINISTRY"]);
    expect(chainOf(STANDARD_PROCESS, "REPUBLIC")).toEqual(["MINISTRY"]);
  });

  it("a college process goes to the region only, whatever district the college is in", () => {
    expect(chainOf(COLLEGES, "DISTRICT")).toEqual(["REGION"]);
    expect(chainOf(COLLEGES, "REGION")).toEqual(["REGION"]);
    // Nobody above a republican organisation in this process: it falls back to the ministry, and is flagged.
    expect(chainOf(COLLEGES, "REPUBLIC")).toEqual(["MINISTRY"]);
    expect(coversNobodyAbove(COLLEGES, "REPUBLIC")).toBe(true);
    expect(coversNobodyAbove(COLLEGES, "DISTRICT")).toBe(false);
  });

  it("a republican process goes straight to the ministry", () => {
    for (const level of ["SETTLEMENT", "DISTRICT", "REGION", "REPUBLIC"])
      expect(chainOf(REPUBLICAN, level)).toEqual(["MINISTRY"]);
  });
});

describe("resolution", () => {
  it("the organisation's own process, else its kind's, else its form's, else the standard one", () => {
    expect(resolveProcessId({ organization: "o", kind: "k", form: "f" })).toBe("o");
    expect(resolveProcessId({ organization: null, kind: "k", form: "f" })).toBe("k");
    expect(resolveProcessId({ kind: null, form: "f" })).toBe("f");
    expect(resolveProcessId({})).toBe("standard");
  });
});

describe("every transition of every shipped process", () => {
  it("standard, organisation in a district", () => {
    const chain = chainOf(STANDARD_PROCESS, "DISTRICT");
    expect(transitions(chain, STANDARD_PROCESS)).toEqual([
      { from: "DRAFT", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "DISTRICT" },
      { from: "RETURNED", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "DISTRICT" },
      { from: "SUBMITTED", action: "approve", by: "DISTRICT", to: "APPROVED_DISTRICT", next: "REGION" },
      { from: "SUBMITTED", action: "return", by: "DISTRICT", to: "RETURNED", next: "ORGANIZATION" },
      { from: "APPROVED_DISTRICT", action: "undo", by: "DISTRICT", to: "SUBMITTED", next: "DISTRICT" },
      { from: "RETURNED", action: "undo", by: "DISTRICT", to: "SUBMITTED", next: "DISTRICT" },
      { from: "APPROVED_DISTRICT", action: "approve", by: "REGION", to: "APPROVED_REGION", next: "MINISTRY" },
      { from: "APPROVED_DISTRICT", action: "return", by: "REGION", to: "RETURNED", next: "ORGANIZATION" },
      { from: "APPROVED_REGION", action: "undo", by: "REGION", to: "APPROVED_DISTRICT", next: "REGION" },
      { from: "RETURNED", action: "undo", by: "REGION", to: "APPROVED_DISTRICT", next: "REGION" },
      { from: "APPROVED_REGION", action: "accept", by: "MINISTRY", to: "ACCEPTED", next: null },
      { from: "APPROVED_REGION", action: "return", by: "MINISTRY", to: "RETURNED", next: "ORGANIZATION" },
      { from: "RETURNED", action: "undo", by: "MINISTRY", to: "APPROVED_REGION", next: "MINISTRY" },
    ]);
  });

  it("standard, organisation directly in a region and at republic level", () => {
    const region = chainOf(STANDARD_PROCESS, "REGION");
    expect(transitions(region, STANDARD_PROCESS).filter((t) => t.action !== "undo")).toEqual([
      { from: "DRAFT", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "REGION" },
      { from: "RETURNED", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "REGION" },
      { from: "SUBMITTED", action: "approve", by: "REGION", to: "APPROVED_REGION", next: "MINISTRY" },
      { from: "SUBMITTED", action: "return", by: "REGION", to: "RETURNED", next: "ORGANIZATION" },
      { from: "APPROVED_REGION", action: "accept", by: "MINISTRY", to: "ACCEPTED", next: null },
      { from: "APPROVED_REGION", action: "return", by: "MINISTRY", to: "RETURNED", next: "ORGANIZATION" },
    ]);
    const republic = chainOf(STANDARD_PROCESS, "REPUBLIC");
    expect(transitions(republic, STANDARD_PROCESS)).toEqual([
      { from: "DRAFT", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "MINISTRY" },
      { from: "RETURNED", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "MINISTRY" },
      { from: "SUBMITTED", action: "accept", by: "MINISTRY", to: "ACCEPTED", next: null },
      { from: "SUBMITTED", action: "return", by: "MINISTRY", to: "RETURNED", next: "ORGANIZATION" },
      { from: "RETURNED", action: "undo", by: "MINISTRY", to: "SUBMITTED", next: "MINISTRY" },
    ]);
  });

  it("colleges: the region's approval is acceptance", () => {
    const chain = chainOf(COLLEGES, "DISTRICT");
    expect(transitions(chain, COLLEGES)).toEqual([
      { from: "DRAFT", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "REGION" },
      { from: "RETURNED", action: "submit", by: "ORGANIZATION", to: "SUBMITTED", next: "REGION" },
      { from: "SUBMITTED", action: "accept", by: "REGION", to: "ACCEPTED", next: null },
      { from: "SUBMITTED", action: "return", by: "REGION", to: "RETURNED", next: "ORGANIZATION" },
      { from: "RETURNED", action: "undo", by: "REGION", to: "SUBMITTED", next: "REGION" },
    ]);
    expect(pendingLevel("SUBMITTED", chain)).toBe("REGION");
    expect(pendingLevel("APPROVED_DISTRICT", chain)).toBeNull();
    expect(approvedStatus("REGION", chain)).toBe("ACCEPTED");
    expect(lastApprovingLevel("ACCEPTED", chain)).toBeNull();
  });

  it("republican: the ministry alone", () => {
    expect(
      transitions(chainOf(REPUBLICAN, "DISTRICT"), REPUBLICAN).map((t) => `${t.from}-${t.action}-${t.to}`),
    ).toEqual([
      "DRAFT-submit-SUBMITTED",
      "RETURNED-submit-SUBMITTED",
      "SUBMITTED-accept-ACCEPTED",
      "SUBMITTED-return-RETURNED",
      "RETURNED-undo-SUBMITTED",
    ]);
  });

  it("stepwise: returns go one level down, late levels pass through (never past the last)", () => {
    const chain = chainOf(STEPWISE, "DISTRICT");
    const table = transitions(chain, STEPWISE);
    expect(table.filter((t) => t.action === "return")).toEqual([
      { from: "SUBMITTED", action: "return", by: "DISTRICT", to: "RETURNED", next: "ORGANIZATION" },
      { from: "APPROVED_DISTRICT", action: "return", by: "REGION", to: "SUBMITTED", next: "DISTRICT" },
      { from: "APPROVED_REGION", action: "return", by: "MINISTRY", to: "APPROVED_DISTRICT", next: "REGION" },
    ]);
    expect(table.filter((t) => t.action === "pass")).toEqual([
      { from: "SUBMITTED", action: "pass", by: "SYSTEM", to: "APPROVED_DISTRICT", next: "REGION" },
      { from: "APPROVED_DISTRICT", action: "pass", by: "SYSTEM", to: "APPROVED_REGION", next: "MINISTRY" },
    ]);
    expect(table.filter((t) => t.action === "undo")).toEqual([
      { from: "APPROVED_DISTRICT", action: "undo", by: "DISTRICT", to: "SUBMITTED", next: "DISTRICT" },
      { from: "RETURNED", action: "undo", by: "DISTRICT", to: "SUBMITTED", next: "DISTRICT" },
      { from: "APPROVED_REGION", action: "undo", by: "REGION", to: "APPROVED_DISTRICT", next: "REGION" },
      { from: "SUBMITTED", action: "undo", by: "REGION", to: "APPROVED_DISTRICT", next: "REGION" },
      { from: "APPROVED_DISTRICT", action: "undo", by: "MINISTRY", to: "APPROVED_REGION", next: "MINISTRY" },
    ]);
    expect(returnTarget("DISTRICT", chain, "PREVIOUS_LEVEL")).toEqual({ status: "RETURNED", to: "ORGANIZATION" });
    expect(statusAwaiting("MINISTRY", chain)).toBe("APPROVED_REGION");
  });

  it("the table agrees with pendingLevel: every approve, accept and return is by the level whose turn it is", () => {
    for (const process of [STANDARD_PROCESS, COLLEGES, REPUBLICAN, STEPWISE])
      for (const territory of ["SETTLEMENT", "DISTRICT", "REGION", "REPUBLIC"]) {
        const chain = chainOf(process, territory);
        for (const t of transitions(chain, process))
          if (t.action === "approve" || t.action === "accept" || t.action === "return" || t.action === "pass")
            expect(t.by === "SYSTEM" ? pendingLevel(t.from, chain) !== null : pendingLevel(t.from, chain)).toBe(
              t.by === "SYSTEM" ? true : t.by,
            );
      }
  });
});

describe("late levels", () => {
  it("escalates to the next level after the level's days; the last level is told itself", () => {
    const chain = chainOf(STANDARD_PROCESS, "DISTRICT");
    expect(lateStep(STANDARD_PROCESS, chain, "SUBMITTED", T0, new Date(T0.getTime() + 5 * DAY))).toBeNull();
    expect(lateStep(STANDARD_PROCESS, chain, "SUBMITTED", T0, new Date(T0.getTime() + 5 * DAY + 1))).toMatchObject({
      level: "DISTRICT",
      notify: "REGION",
      passTo: null,
    });
    expect(lateStep(STANDARD_PROCESS, chain, "APPROVED_REGION", T0, new Date(T0.getTime() + 11 * DAY))).toMatchObject({
      level: "MINISTRY",
      notify: "MINISTRY",
      passTo: null,
    });
    for (const status of ["DRAFT", "RETURNED", "ACCEPTED"] as const)
      expect(lateStep(STANDARD_PROCESS, chain, status, T0, new Date(T0.getTime() + 99 * DAY))).toBeNull();
  });

  it("passes through under a pass-through process, but never accepts", () => {
    const chain = chainOf(STEPWISE, "DISTRICT");
    const later = new Date(T0.getTime() + 30 * DAY);
    expect(lateStep(STEPWISE, chain, "SUBMITTED", T0, later)?.passTo).toBe("APPROVED_DISTRICT");
    expect(lateStep(STEPWISE, chain, "APPROVED_DISTRICT", T0, later)?.passTo).toBe("APPROVED_REGION");
    expect(lateStep(STEPWISE, chain, "APPROVED_REGION", T0, later)?.passTo).toBeNull();
  });
});

describe("a process's own rules", () => {
  it("refuses no level, a level twice (a cycle), a level going down and days out of range", () => {
    expect(processProblems([])).toEqual([{ index: null, problem: "noLevel" }]);
    expect(
      processProblems([
        { level: "REGION", days: 3 },
        { level: "MINISTRY", days: 3 },
        { level: "REGION", days: 3 },
      ]),
    ).toEqual([{ index: 2, problem: "cycle" }]);
    expect(
      processProblems([
        { level: "REGION", days: 3 },
        { level: "DISTRICT", days: 3 },
      ]),
    ).toEqual([{ index: 1, problem: "order" }]);
    expect(processProblems([{ level: "REGION", days: 0 }])).toEqual([{ index: 0, problem: "days" }]);
    for (const p of [STANDARD_PROCESS, COLLEGES, REPUBLICAN, STEPWISE]) expect(processProblems(p.levels)).toEqual([]);
  });
});
