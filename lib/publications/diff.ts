/** A line diff between two versions of a text, for editors (jsdiff's Myers diff over the lines). */
import { diffArrays } from "diff";

export type DiffLine = { op: "same" | "add" | "del"; text: string };

/** Beyond this many changed lines, or half a second of work, the texts are shown as wholly replaced. */
const MAX_EDIT_LENGTH = 2_000;
const TIMEOUT_MS = 500;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
  if (!changes)
    return [...a.map((text) => ({ op: "del" as const, text })), ...b.map((text) => ({ op: "add" as const, text }))];
  return changes.flatMap((change) => {
    const op = change.added ? "add" : change.removed ? "del" : "same";
    return change.value.map((text) => ({ op, text }) as DiffLine);
  });
}
