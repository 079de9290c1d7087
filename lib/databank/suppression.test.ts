import { describe, expect, it } from "vitest";
import { crossGroups, suppress, type SuppressionCell } from "./suppression";

const line = (values: (number | null)[], group = "g"): SuppressionCell[] =>
  values.map((value) => ({ value, persons: true, groups: [group] }));

/** Every group must have zero or at least two hidden cells, and no visible cell may be 1–4. */
function assertSafe(cells: SuppressionCell[], result: ReturnType<typeof suppress>) {
  const byGroup = new Map<string, number>();
  cells.forEach((c, i) => {
    if (c.persons && result[i] === null && c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true);
    for (const g of c.groups) byGroup.set(g, (byGroup.get(g) ?? 0) + (result[i] ? 1 : 0));
  });
  for (const [g, hidden] of byGroup) expect(hidden, g).not.toBe(1);
}

describe("small-cell suppression", () => {
  it("hides counts of 1–4 persons, keeps 0 and 5 and more", () => {
    const cells = line([0, 1, 4, 5, 120], "a").map((c, i) => ({ ...c, groups: [`own${i}`] }));
    expect(suppress(cells)).toEqual([null, "primary", "primary", null, null]);
  });

  it("does not touch figures that are not counts of persons", () => {
    expect(
      suppress([
        { value: 2, persons: false, groups: ["g"] },
        { value: 40, persons: false, groups: ["g"] },
      ]),
    ).toEqual([null, null]);
  });

  it("hides a second cell when a line has exactly one hidden cell (the smallest non-zero one)", () => {
    const cells = line([30, 3, 0, 12, 50]);
    const result = suppress(cells);
    expect(result).toEqual([null, "primary", null, "complementary", null]);
    assertSafe(cells, result);
  });

  it("leaves a line with two hidden cells as it is", () => {
    expect(suppress(line([2, 3, 40, 50]))).toEqual(["primary", "primary", null, null]);
  });

  it("propagates through a cross table until every row and column is safe", () => {
    // 3 × 3 table; the hidden cell of row 0 forces a second one in row 0, which then needs a partner in its column.
    const values = [
      [2, 10, 30],
      [20, 40, 60],
      [25, 7, 90],
    ];
    const cells: SuppressionCell[] = [];
    values.forEach((row, r) =>
      row.forEach((value, c) => cells.push({ value, persons: true, groups: crossGroups([`r${r}`, `c${c}`]) })),
    );
    const result = suppress(cells);
    expect(result[0]).toBe("primary");
    expect(result.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    assertSafe(cells, result);
    // The hidden cell cannot be recovered from its row total by subtraction.
    const rowHidden = [0, 1, 2].filter((c) => result[c]);
    expect(rowHidden.length).toBeGreaterThanOrEqual(2);
  });

  it("protects districts against their region's published figure (parent groups)", () => {
    const districts = [
      { region: "A", value: 3 },
      { region: "A", value: 50 },
      { region: "A", value: 70 },
      { region: "B", value: 2 },
      { region: "B", value: 90 },
    ];
    const cells = districts.map((d, i) => ({
      value: d.value,
      persons: true,
      groups: crossGroups([`d${i}`], [[d.region]]),
    }));
    const result = suppress(cells);
    assertSafe(cells, result);
    expect(result[1]).toBe("complementary");
    expect(result[4]).toBe("complementary");
  });

  it("a single-cell group stays as it is (its total is the cell itself, already hidden at that level)", () => {
    expect(suppress([{ value: 3, persons: true, groups: ["only"] }])).toEqual(["primary"]);
  });

  it("crossGroups gives one line per dimension, plus parent lines", () => {
    expect(crossGroups(["a", "b"])).toHaveLength(2);
    expect(crossGroups(["a", "b"], [["p"], []])).toHaveLength(3);
    expect(crossGroups([])).toEqual(["all"]);
  });
});
