/** Table-driven unit tests: one test a row of `[input, expected]`. */
import { expect, it } from "vitest";

/** How a row's result is checked against its expected value. */
type Check = "toEqual" | "toContain" | "notToContain";

/**
 * One test a row: `fn(input)` equals the row's expected value (or, for lists, contains it or does not);
 * the test is named by the title and the input.
 */
export function cases<I, O>(
  title: string,
  fn: (input: I) => unknown,
  rows: ReadonlyArray<readonly [I, O]>,
  check: Check = "toEqual",
) {
  it.each(rows)(`${title}: %s`, (input, expected) => {
    const actual = expect(fn(input));
    if (check === "toContain") actual.toContain(expected);
    else if (check === "notToContain") actual.not.toContain(expected);
    else actual.toEqual(expected);
  });
}
