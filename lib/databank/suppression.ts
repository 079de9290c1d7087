/**
 * Small-cell suppression of public figures (R10, R29). A count of persons between 1 and threshold − 1 is
 * not published (shown as "<5"): primary suppression. Because tables come with totals (a row or column
 * total, a region's figure above its districts, the same query without a dimension), one hidden cell could
 * be recovered by subtraction; so in every group of cells that adds up to a published total, a group with
 * exactly one hidden cell gets a second one hidden too — the smallest remaining non-zero cell (complementary
 * suppression), repeated until no group has a single hidden cell.
 *
 * Pure module: the public pages, the open data API and the tests share it.
 */
import { SUPPRESSION_THRESHOLD } from "./catalogue";

export interface SuppressionCell {
  value: number | null;
  /** Counts of persons are subject to the rule; other figures (classes, vacancies) are not. */
  persons: boolean;
  /** Identifiers of the groups that add up to a published total (one per margin the cell belongs to). */
  groups: readonly string[];
}

export type SuppressionReason = "primary" | "complementary";

/** For each cell: null when it may be published, otherwise why it is hidden. */
export function suppress(
  cells: readonly SuppressionCell[],
  threshold = SUPPRESSION_THRESHOLD,
): (SuppressionReason | null)[] {
  const out: (SuppressionReason | null)[] = cells.map((c) =>
    c.persons && c.value !== null && c.value > 0 && c.value < threshold ? "primary" : null,
  );
  const members = new Map<string, number[]>();
  cells.forEach((c, i) => {
    if (!c.persons) return;
    for (const g of c.groups) {
      let list = members.get(g);
      if (!list) members.set(g, (list = []));
      list.push(i);
    }
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const list of members.values()) {
      if (list.filter((i) => out[i] !== null).length !== 1) continue;
      const candidates = list.filter((i) => out[i] === null && cells[i]!.value !== null);
      if (!candidates.length) continue;
      // Prefer the smallest non-zero figure: hiding a zero next to a small figure protects little.
      const nonZero = candidates.filter((i) => (cells[i]!.value ?? 0) > 0);
      const pool = nonZero.length ? nonZero : candidates;
      const pick = pool.reduce((a, b) => ((cells[b]!.value ?? 0) < (cells[a]!.value ?? 0) ? b : a));
      out[pick] = "complementary";
      changed = true;
    }
  }
  return out;
}

/** What a public output shows instead of a hidden figure. */
export const SUPPRESSED = `<${SUPPRESSION_THRESHOLD}`;

/**
 * Group identifiers of a cell of a cross table: for every dimension, the cell belongs to the line that runs
 * along it (all other coordinates fixed), whose total is published or can be asked for. Extra parent keys
 * (a district's region, an organisation's district) add the lines whose totals are published one level up.
 */
export function crossGroups(coordinates: readonly string[], parents: readonly (readonly string[])[] = []): string[] {
  const groups: string[] = [];
  coordinates.forEach((_, d) => {
    const rest = coordinates.map((v, i) => (i === d ? "*" : v)).join("\u0001");
    groups.push(`${d}:${rest}`);
    for (const parent of parents[d] ?? []) groups.push(`${d}:${rest}\u0002${parent}`);
  });
  if (coordinates.length === 0) groups.push("all");
  return groups;
}
