import { describe, expect, it } from "vitest";
import {
  ExpressionError,
  approxEqual,
  createResolver,
  evaluate,
  expressionType,
  formatExpression,
  parseExpression,
  referencedNames,
  roundHalfAway,
  validateExpression,
  type ExpressionErrorCode,
  type Value,
} from "./expression";

const fmt = (src: string) => formatExpression(parseExpression(src));

/** Evaluates `src` against plain data. */
function run(src: string, data: Record<string, unknown> = {}): Value {
  return evaluate(parseExpression(src), createResolver(data));
}

function parseError(src: string): ExpressionError {
  try {
    parseExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`expected "${src}" to be refused`);
}

describe("parser: precedence and associativity", () => {
  it.each([
    ["1 + 2 * 3", "(1 + (2 * 3))"],
    ["(1 + 2) * 3", "((1 + 2) * 3)"],
    ["a - b - c", "((a - b) - c)"],
    ["a / b * c", "((a / b) * c)"],
    ["a - b * c / d + e", "((a - ((b * c) / d)) + e)"],
    ["-a * b", "((-a) * b)"],
    ["- -a", "(-(-a))"],
    ["-(a + b)", "(-(a + b))"],
    ["+a", "a"],
    ["a + b > c * 2", "((a + b) > (c * 2))"],
    ["a > 1 or b > 1 and c > 1", "((a > 1) or ((b > 1) and (c > 1)))"],
    ["(a > 1 or b > 1) and c > 1", "(((a > 1) or (b > 1)) and (c > 1))"],
    ["not a > b and c = d", "((not (a > b)) and (c = d))"],
    ["not not a > b", "(not (not (a > b)))"],
    ["a > 1 && b > 1 || c > 1", "(((a > 1) and (b > 1)) or (c > 1))"],
    ["!(a == b)", "(not (a = b))"],
    ["a <> b", "(a != b)"],
    ["sum(grades.*.total) = t1.r3.total", "(sum(grades.*.total) = t1.r3.total)"],
    ["grades.5.girls <= grades.5.total", "(grades.5.girls <= grades.5.total)"],
    ["if(a > 0, b / a, 0) >= 0.25", "(if((a > 0), (b / a), 0) >= 0.25)"],
    ["round(a * 1.5, 2)", "round((a * 1.5), 2)"],
    ["  girls\n  <=\ttotal  ", "(girls <= total)"],
  ])("%s  =>  %s", (src, expected) => {
    expect(fmt(src)).toBe(expected);
  });

  it("records source positions", () => {
    const ast = parseExpression("girls <= total");
    expect(ast).toMatchObject({ type: "compare", op: "<=", pos: 0, end: 14 });
    if (ast.type !== "compare") throw new Error("unreachable");
    expect(ast.right).toMatchObject({ type: "ref", name: "total", pos: 9, end: 14 });
  });

  it("reports the result type", () => {
    expect(expressionType(parseExpression("a + 1"))).toBe("number");
    expect(expressionType(parseExpression("a + 1 > 2"))).toBe("boolean");
    expect(expressionType(parseExpression("if(a > 1, b, c)"))).toBe("number");
  });

  it("lists referenced names once, in source order", () => {
    expect(referencedNames(parseExpression("b + a * b + sum(g.*.t, rows) > t1.r3.total"))).toEqual([
      "b",
      "a",
      "g.*.t",
      "rows",
      "t1.r3.total",
    ]);
    expect(referencedNames(parseExpression("1 + 2 = 3"))).toEqual([]);
  });
});

describe("operators", () => {
  const data = { a: 7, b: 2, z: 0 };
  it.each<[string, Value]>([
    ["a + b", 9],
    ["a - b", 5],
    ["a * b", 14],
    ["a / b", 3.5],
    ["-a", -7],
    ["1.5 + 0.25", 1.75],
    ["a = 7", true],
    ["a == 7", true],
    ["a = 8", false],
    ["a != 7", false],
    ["a <> 8", true],
    ["a < 7", false],
    ["a < 8", true],
    ["a <= 7", true],
    ["a <= 6", false],
    ["a > 6", true],
    ["a > 7", false],
    ["a >= 7", true],
    ["a >= 8", false],
    ["a > 1 and b > 1", true],
    ["a > 1 and b > 5", false],
    ["a > 1 && b > 5", false],
    ["a > 9 or b > 1", true],
    ["a > 9 or b > 5", false],
    ["a > 9 || b > 1", true],
    ["not a > 9", true],
    ["!(a > 1)", false],
    ["a / z", null],
    ["(a + b) / (b - 2) > 1", null],
  ])("%s -> %s", (src, expected) => {
    expect(run(src, data)).toBe(expected);
  });

  it("compares decimals with a 1e-9 tolerance", () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(run("0.1 + 0.2 = 0.3")).toBe(true);
    expect(run("0.1 + 0.2 != 0.3")).toBe(false);
    expect(run("0.1 + 0.2 <= 0.3")).toBe(true);
    expect(run("0.1 + 0.2 > 0.3")).toBe(false);
    expect(run("0.3 >= 0.1 + 0.2")).toBe(true);
    expect(run("0.3 < 0.1 + 0.2")).toBe(false);
    expect(run("1 = 1.0000000005")).toBe(true);
    expect(run("1 = 1.00000001")).toBe(false);
    expect(run("1 < 1.00000001")).toBe(true);
    expect(run("1000000000.1 + 0.2 = 1000000000.3")).toBe(true);
    expect(approxEqual(2, 2 + 1e-12)).toBe(true);
  });
});

describe("functions", () => {
  const data = {
    a: 4,
    b: -2.5,
    c: 10,
    rows: [1, 2, 3],
    empty: [],
    grades: { r1: { total: 5 }, r2: { total: 6 }, r3: {} },
  };

  it("sum", () => {
    expect(run("sum(a)", data)).toBe(4);
    expect(run("sum(a, b, c)", data)).toBe(11.5);
    expect(run("sum(rows)", data)).toBe(6);
    expect(run("sum(rows, a, 1)", data)).toBe(11);
    expect(run("sum(grades.*.total)", data)).toBe(11);
    expect(run("sum(a * 2, c / 5)", data)).toBe(10);
    expect(run("sum(empty)", data)).toBe(0);
    // Missing values count as 0.
    expect(run("sum(a, missing)", data)).toBe(4);
    expect(run("sum(missing)", data)).toBe(0);
    expect(run("sum(a / 0, 1)", data)).toBe(1);
  });

  it("min and max", () => {
    expect(run("min(a, b, c)", data)).toBe(-2.5);
    expect(run("max(a, b, c)", data)).toBe(10);
    expect(run("max(rows)", data)).toBe(3);
    expect(run("min(grades.*.total, 9)", data)).toBe(5);
    // Missing values are ignored; nothing left -> null.
    expect(run("min(missing, a)", data)).toBe(4);
    expect(run("max(missing)", data)).toBe(null);
    expect(run("max(empty)", data)).toBe(null);
  });

  it("abs", () => {
    expect(run("abs(b)", data)).toBe(2.5);
    expect(run("abs(a - c)", data)).toBe(6);
    expect(run("abs(missing)", data)).toBe(null);
  });

  it("round", () => {
    expect(run("round(b)", data)).toBe(-3);
    expect(run("round(2.5)")).toBe(3);
    expect(run("round(2.4)")).toBe(2);
    expect(run("round(1.005, 2)")).toBe(1.01);
    expect(run("round(2.675, 2)")).toBe(2.68);
    expect(run("round(-1.005, 2)")).toBe(-1.01);
    expect(run("round(1234.5, -2)")).toBe(1200);
    expect(run("round(c / 3, 3)", data)).toBe(3.333);
    expect(run("round(missing, 1)", data)).toBe(null);
    expect(Object.is(roundHalfAway(-0.4), 0)).toBe(true);
  });

  it("if", () => {
    expect(run("if(a > 0, c / a, 0)", data)).toBe(2.5);
    expect(run("if(a < 0, c / a, 0)", data)).toBe(0);
    expect(run("if(a > 0, b < 0, b > 0)", data)).toBe(true);
    // Only the chosen branch is evaluated.
    expect(run("if(a > 0, a, rows)", data)).toBe(4);
    // Unknown condition -> not applicable.
    expect(run("if(missing > 0, 1, 2)", data)).toBe(null);
  });
});

describe("design-time refusal", () => {
  it.each<[string, ExpressionErrorCode, number]>([
    ["", "empty", 0],
    ["   \n ", "empty", 0],
    ["girls <=", "unterminated", 8],
    ["girls <= total and", "unterminated", 18],
    ["(a + b", "unterminated", 6],
    ["sum(a, b", "unterminated", 8],
    ["((a)", "unterminated", 4],
    ["a + * b", "unexpected_token", 4],
    ["a b", "unexpected_token", 2],
    ["a + b)", "unexpected_token", 5],
    ["sum(a,)", "unexpected_token", 6],
    ["()", "unexpected_token", 1],
    ["a < b < c", "unexpected_token", 6],
    ["1 + not a > 0", "unexpected_token", 4],
    ["a # b", "unexpected_character", 2],
    ["Girls <= total", "unexpected_character", 0],
    ["a & b", "unexpected_character", 2],
    ["a = 1.", "unexpected_character", 5],
    ["a = .5", "unexpected_character", 4],
    ['"a" = 1', "unexpected_character", 0],
    ["foo(a)", "unknown_function", 0],
    ["x + avg(a, b)", "unknown_function", 4],
    ["t1.sum(a)", "unknown_function", 0],
    ["abs(a, b)", "wrong_arity", 0],
    ["1 + if(a > b, 1)", "wrong_arity", 4],
    ["sum()", "wrong_arity", 0],
    ["round(a, 1, 2)", "wrong_arity", 0],
    ["a. b", "invalid_reference", 2],
    ["t1.3x", "invalid_reference", 3],
    ["and.x = 1", "invalid_reference", 0],
    ["grades.*.total > 0", "invalid_reference", 0],
    ["abs(grades.*.total)", "invalid_reference", 4],
    ["a + (b > c)", "type_mismatch", 4],
    ["a and b", "type_mismatch", 0],
    ["not a", "type_mismatch", 4],
    ["-(a > b)", "type_mismatch", 1],
    ["if(a, 1, 2)", "type_mismatch", 3],
    ["if(a > 0, 1, b > 0)", "type_mismatch", 13],
    ["sum(a > 0)", "type_mismatch", 4],
    ["round(a, b)", "invalid_argument", 9],
    ["round(a, 1.5)", "invalid_argument", 9],
    ["round(a, 11)", "invalid_argument", 9],
  ])("%j -> %s at %i", (src, code, position) => {
    const error = parseError(src);
    expect(error.code).toBe(code);
    expect(error.position).toBe(position);
    expect(error.message).not.toBe("");
    expect(validateExpression(src, () => true)).toEqual({ ok: false, error });
  });

  it("limits length to 1000 characters", () => {
    const long = "a + ".repeat(250) + "a"; // 1001 characters
    expect(long).toHaveLength(1001);
    expect(parseError(long)).toMatchObject({ code: "too_long", position: 1000 });
    const max = "x".repeat(1000);
    expect(fmt(max)).toBe(max);
  });

  it("limits nesting depth", () => {
    const deep = "(".repeat(60) + "a" + ")".repeat(60);
    expect(parseError(deep).code).toBe("too_complex");
    expect(parseError("-".repeat(80) + "a").code).toBe("too_complex");
    expect(fmt("(((((a)))))")).toBe("a");
  });

  it("errors serialize to { code, position, message }", () => {
    const error = parseError("a +");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ExpressionError");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: "unterminated",
      position: 3,
      message: error.message,
    });
  });
});

describe("validateExpression: known names", () => {
  const fields = new Set(["girls", "total", "contingent.girls", "grades.r1.total", "grades.r2.total", "t1.*.boys"]);

  it("accepts known names and reports them", () => {
    const result = validateExpression("girls <= total", fields);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.type).toBe("boolean");
      expect(result.names).toEqual(["girls", "total"]);
      expect(evaluate(result.ast, () => 1)).toBe(true);
    }
  });

  it("refuses unknown names with their position", () => {
    expect(validateExpression("girls <= totl", fields)).toMatchObject({
      ok: false,
      error: { code: "unknown_name", position: 9 },
    });
    expect(validateExpression("contingent.boys + girls > 0", fields)).toMatchObject({
      ok: false,
      error: { code: "unknown_name", position: 0 },
    });
  });

  it("matches wildcards against the known names in both directions", () => {
    expect(validateExpression("sum(grades.*.total) = total", fields).ok).toBe(true);
    expect(validateExpression("sum(grades.*.boys) = total", fields)).toMatchObject({
      ok: false,
      error: { code: "unknown_name", position: 4 },
    });
    expect(validateExpression("t1.r7.boys <= sum(t1.*.boys)", fields).ok).toBe(true);
    expect(validateExpression("t1.r7.girls > 0", fields).ok).toBe(false);
  });

  it("accepts a predicate", () => {
    const known = (name: string) => /^f\d+$/.test(name);
    expect(validateExpression("f1 + f2 = f3", known).ok).toBe(true);
    expect(validateExpression("f1 + g2 = f3", known)).toMatchObject({
      ok: false,
      error: { code: "unknown_name", position: 5 },
    });
  });

  it("can require a condition", () => {
    expect(validateExpression("girls + total", fields, { expect: "boolean" })).toMatchObject({
      ok: false,
      error: { code: "type_mismatch" },
    });
    expect(validateExpression("girls + total", fields, { expect: "number" }).ok).toBe(true);
    expect(validateExpression("girls < total", fields, { expect: "boolean" }).ok).toBe(true);
  });

  it("reports syntax errors before unknown names", () => {
    expect(validateExpression("nope <=", fields)).toMatchObject({ ok: false, error: { code: "unterminated" } });
  });
});

describe("evaluation with missing values", () => {
  it("comparisons and arithmetic yield null, not false", () => {
    expect(run("girls <= total", { total: 10 })).toBe(null);
    expect(run("girls <= total", { girls: 3 })).toBe(null);
    expect(run("a + b", { a: 1 })).toBe(null);
    expect(run("-a", {})).toBe(null);
    expect(run("a = b", { a: null, b: null })).toBe(null);
    expect(run("a != 1", {})).toBe(null);
  });

  it("uses three-valued logic", () => {
    expect(run("a > 0 and b > 0", { a: -1 })).toBe(false);
    expect(run("b > 0 and a > 0", { a: -1 })).toBe(false);
    expect(run("a > 0 and b > 0", { a: 1 })).toBe(null);
    expect(run("a > 0 or b > 0", { a: 1 })).toBe(true);
    expect(run("b > 0 or a > 0", { a: 1 })).toBe(true);
    expect(run("a > 0 or b > 0", { a: -1 })).toBe(null);
    expect(run("not b > 0", {})).toBe(null);
  });

  it("division by zero is not applicable", () => {
    expect(run("girls / total <= 1", { girls: 0, total: 0 })).toBe(null);
    expect(run("girls / total <= 1", { girls: 1, total: 2 })).toBe(true);
  });

  it("treats non-finite resolved numbers as missing", () => {
    const ast = parseExpression("a + 1 > 0");
    expect(evaluate(ast, () => Number.NaN)).toBe(null);
    expect(evaluate(ast, () => undefined)).toBe(null);
    expect(evaluate(parseExpression("sum(a, 2)"), () => Number.POSITIVE_INFINITY)).toBe(2);
  });

  it("refuses a list where one number is needed", () => {
    expect(() => run("rows > 1", { rows: [1, 2] })).toThrow(ExpressionError);
    expect(() => run("1 + rows", { rows: [1, 2] })).toThrow(
      expect.objectContaining({ code: "type_mismatch", position: 4 }),
    );
  });

  it("refuses non-numeric resolver results", () => {
    const ast = parseExpression("a > 1");
    expect(() => evaluate(ast, (() => "5") as unknown as () => number)).toThrow(/resolved to a string/);
  });

  it("does not reach inherited properties", () => {
    expect(run("constructor + 1", {})).toBe(null);
    expect(run("__proto__ + 1", {})).toBe(null);
    expect(run("sum(to_string.*.x)", {})).toBe(0);
  });
});

describe("createResolver", () => {
  const resolve = createResolver({
    total: 12,
    "flat.r1.total": 2,
    "flat.r2.total": 3,
    "flat.r2.girls": 100,
    contingent: { girls: 5, total: 9 },
    grades: [{ total: 1 }, { total: 2 }, { total: null }, { boys: 4 }],
    text: "not a number",
  });

  it("resolves flat keys, nested paths, row numbers and wildcards", () => {
    expect(resolve("total")).toBe(12);
    expect(resolve("flat.r1.total")).toBe(2);
    expect(resolve("contingent.girls")).toBe(5);
    expect(resolve("grades.1.total")).toBe(2);
    expect(resolve("grades.*.total")).toEqual([1, 2]);
    expect(resolve("flat.*.total")).toEqual([2, 3]);
    expect(resolve("text")).toBe(null);
    expect(resolve("nope.x")).toBe(null);
  });
});

describe("example rules", () => {
  it("girls <= total", () => {
    const ast = parseExpression("girls <= total");
    expect(evaluate(ast, createResolver({ girls: 10, total: 12 }))).toBe(true);
    expect(evaluate(ast, createResolver({ girls: 12, total: 12 }))).toBe(true);
    expect(evaluate(ast, createResolver({ girls: 13, total: 12 }))).toBe(false);
    expect(evaluate(ast, createResolver({ total: 12 }))).toBe(null);
  });

  it("sum(rows) = total", () => {
    const ast = parseExpression("sum(rows) = total");
    expect(evaluate(ast, createResolver({ rows: [3, 4, 5], total: 12 }))).toBe(true);
    expect(evaluate(ast, createResolver({ rows: [3, 4, 5], total: 13 }))).toBe(false);
    expect(evaluate(ast, createResolver({ rows: [0.1, 0.2], total: 0.3 }))).toBe(true);
    // A missing row counts as 0; a missing total makes the rule not applicable.
    expect(evaluate(ast, (n) => (n === "rows" ? [3, 9] : 12))).toBe(true);
    expect(evaluate(ast, createResolver({ rows: [3, null, 9], total: 12 }))).toBe(true);
    expect(evaluate(ast, createResolver({ rows: [3, 4, 5] }))).toBe(null);
  });

  it("teachers_total = teachers_higher + teachers_other", () => {
    const ast = parseExpression("teachers_total = teachers_higher + teachers_other");
    expect(
      validateExpression(
        "teachers_total = teachers_higher + teachers_other",
        new Set(["teachers_total", "teachers_higher", "teachers_other"]),
      ).ok,
    ).toBe(true);
    expect(evaluate(ast, createResolver({ teachers_total: 50, teachers_higher: 30, teachers_other: 20 }))).toBe(true);
    expect(evaluate(ast, createResolver({ teachers_total: 51, teachers_higher: 30, teachers_other: 20 }))).toBe(false);
    expect(evaluate(ast, createResolver({ teachers_total: 50, teachers_higher: 30 }))).toBe(null);
  });

  it("table rules with dotted and wildcard references", () => {
    const data = {
      grades: { r1: { girls: 10, total: 21 }, r2: { girls: 12, total: 20 }, r3: { girls: 9, total: 19 } },
      grades_total: 60,
      contingent: { girls: 31, total: 60 },
    };
    expect(run("sum(grades.*.total) = grades_total and sum(grades.*.girls) = contingent.girls", data)).toBe(true);
    expect(run("grades.r2.girls <= grades.r2.total", data)).toBe(true);
    expect(run("max(grades.*.girls) <= min(grades.*.total)", data)).toBe(true);
    expect(run("sum(grades.*.total) = grades_total", { ...data, grades_total: 61 })).toBe(false);
  });
});
